"""No 500 from bad input: a generated table of hostile parameters against every public endpoint."""

import itertools

from django.test import TestCase

from opd_pages.models import NewsPage
from tests.trees import build_region_tree

HOSTILE_VALUES = [
    "", "abc", "-1", "0", "1.5", "99999999999999999999", '"', "'", "\\", "\x00", "a\x00b", "xor", "evil.example",
    "*", "-*", "../..", "<script>alert(1)</script>", "日本語", "1e9", "title,-id", "(", ")", "AND", "NOT",
    'a" OR "b', "%", "_", "-title", "random", "id,title,body.foo", "wagtailcore.Page", "foo.Bar", "opd_pages.NewsPage",
    "  ", "a" * 3000, "2026-13-45", "true", "null", "[]", "{}",
]  # fmt: skip
API_PARAMS = [
    "search", "search_operator", "order", "limit", "offset", "type", "fields", "child_of", "descendant_of",
    "ancestor_of", "site", "locale", "translation_of", "show_in_menus", "slug", "title", "id", "html_path",
    "has_children", "date",
]  # fmt: skip
SEARCH_PARAMS = ["q", "halaman", "opd", "jenis", "tahun", "di"]


class PublicFuzzTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.opds = build_region_tree(opd_count=2, news_per_opd=2)
        cls.news = NewsPage.objects.first()

    def setUp(self):
        self.client.raise_request_exception = False

    def assert_no_500(self, cases):
        failures = []
        for path, params in cases:
            response = self.client.get(path, params)
            if response.status_code >= 500:
                failures.append((path, params, response.status_code))
        self.maxDiff = None
        self.assertEqual(failures, [])

    def test_api_parameters(self):
        media_params = ["search", "search_operator", "order", "limit", "offset", "fields", "type", "id", "title"]
        cases = [("/api/v2/pages/", {p: v}) for p, v in itertools.product(API_PARAMS, HOSTILE_VALUES)]
        for endpoint in ("/api/v2/images/", "/api/v2/documents/"):
            cases += [(endpoint, {p: v}) for p, v in itertools.product(media_params, HOSTILE_VALUES)]
        cases += [
            ("/api/v2/pages/find/", {p: v}) for p, v in itertools.product(["id", "html_path", "site"], HOSTILE_VALUES)
        ]
        cases += [(f"/api/v2/pages/{self.news.pk}/", {"fields": value}) for value in HOSTILE_VALUES]
        cases += [
            ("/api/v2/pages/", {"search": value, "search_operator": op})
            for value in HOSTILE_VALUES
            for op in ("and", "or")
        ]
        self.assert_no_500(cases)

    def test_search_feeds_sitemap_and_pages(self):
        paths = ["/cari/", "/cari/saran/"]
        cases = [
            (path, {param: value}) for path, param, value in itertools.product(paths, SEARCH_PARAMS, HOSTILE_VALUES)
        ]
        for value in HOSTILE_VALUES:
            cases += [
                ("/", {"page": value}),
                (self.opds[0].url, {"page": value, "halaman": value}),
                (self.news.get_parent().url, {"page": value, "halaman": value, "tag": value}),
                ("/sitemap.xml", {"p": value}),
                ("/sitemap-berita.xml", {"p": value, "page": value}),
                ("/umpan/berita.rss", {"page": value}),
                (f"/umpan/{self.opds[0].slug}/berita.atom", {"page": value}),
            ]
        self.assert_no_500(cases)
