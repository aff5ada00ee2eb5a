"""What a first visitor meets: a favicon, a description on every page, headings in order, a visible focus."""

import re
from html.parser import HTMLParser
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.test import TestCase

from home.models import NewsArchivePage
from opd_pages.models import AnnouncementIndexPage, EventIndexPage, NewsIndexPage, ProfilePage
from tests.factories.opd_pages import AnnouncementPageFactory, EventPageFactory, NewsPageFactory
from tests.trees import build_region_tree

CSS = Path(settings.BASE_DIR) / "static" / "css" / "portal.css"


class HeadAndHeadings(HTMLParser):
    def __init__(self):
        super().__init__()
        self.descriptions, self.icons, self.headings = [], [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and attrs.get("name") == "description":
            self.descriptions.append(attrs.get("content", ""))
        if tag == "link" and "icon" in (attrs.get("rel") or "").split():
            self.icons.append(attrs["href"])
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))


def parse(html):
    parser = HeadAndHeadings()
    parser.feed(html)
    return parser


def relative_luminance(hex_colour):
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first, second):
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


class FirstVisitTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, (cls.opd,) = build_region_tree(opd_count=1, news_per_opd=0)
        cls.archive = NewsArchivePage(title="Semua Berita", slug="berita")
        cls.home.add_child(instance=cls.archive)
        cls.news = NewsPageFactory(parent=NewsIndexPage.objects.child_of(cls.opd).get(), title="Kabar")
        AnnouncementPageFactory(parent=AnnouncementIndexPage.objects.child_of(cls.opd).get())
        EventPageFactory(parent=EventIndexPage.objects.child_of(cls.opd).get())
        cls.profile = ProfilePage(title="Sejarah", slug="sejarah", profile_type="sejarah")
        cls.opd.add_child(instance=cls.profile)

    def urls(self):
        return [
            "/",
            self.archive.url,
            self.opd.url,
            NewsIndexPage.objects.get().url,
            self.news.url,
            AnnouncementIndexPage.objects.get().url,
            EventIndexPage.objects.get().url,
            self.profile.url,
            "/cari/?q=kabar",
        ]

    def test_every_page_has_a_description_and_a_favicon(self):
        for url in self.urls():
            with self.subTest(url=url):
                head = parse(self.client.get(url).content.decode())
                self.assertEqual(len(head.descriptions), 1)
                self.assertGreater(len(head.descriptions[0]), 30)
                self.assertTrue(head.icons)

    def test_favicon_files_exist_and_favicon_ico_answers(self):
        self.assertIsNotNone(finders.find("favicon.ico"))
        self.assertIsNotNone(finders.find("img/favicon.svg"))
        response = self.client.get("/favicon.ico")
        self.assertEqual(response.status_code, 301)
        self.assertTrue(response["Location"].endswith("favicon.ico"))

    def test_headings_never_skip_a_level(self):
        for url in self.urls():
            with self.subTest(url=url):
                levels = parse(self.client.get(url).content.decode()).headings
                self.assertEqual(levels.count(1), 1, levels)
                for previous, current in zip(levels, levels[1:], strict=False):
                    self.assertLessEqual(current, previous + 1, levels)

    def test_focus_indicator_contrasts_3_to_1_with_white_and_the_header(self):
        css = CSS.read_text()
        variables = dict(re.findall(r"--([a-z-]+):\s*(#[0-9a-fA-F]{6})", css))
        rule = re.search(r"^:focus-visible \{([^}]*)\}", css, re.M).group(1)
        colours = [variables[name] for name in re.findall(r"var\(--([a-z-]+)\)", rule)]
        # Each background the indicator can sit on needs one of its colours at 3:1 or more.
        for background in ("#ffffff", variables["bg-soft"], variables["brand"], variables["brand-dark"]):
            with self.subTest(background=background):
                self.assertGreaterEqual(max(contrast(colour, background) for colour in colours), 3, colours)
