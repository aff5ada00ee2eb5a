import feedparser
from django.core.exceptions import ValidationError
from django.test import TestCase

from core.richtext import bad_references
from opd_pages.models import NewsIndexPage, NewsPage
from tests.trees import build_region_tree


class RichTextReferenceTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.opds = build_region_tree(opd_count=1, news_per_opd=0)
        cls.index = NewsIndexPage.objects.child_of(cls.opds[0]).get()

    def news(self, html):
        page = NewsPage(title="Berita", slug="berita-uji", lead="Lead", body=[{"type": "paragraph", "value": html}])
        return page

    def test_non_numeric_ids_are_refused_at_save_time(self):
        for html in [
            '<p><a linktype="document" id="abc">laporan</a></p>',
            '<p><a id="1 OR 1=1" linktype="page">x</a></p>',
            '<embed embedtype="image" id="../../x" format="fullwidth" alt="x"/>',
            '<p><a linktype="page">tanpa id</a></p>',
        ]:
            with self.subTest(html=html):
                page = self.news(html)
                with self.assertRaises(ValidationError) as caught:
                    self.index.add_child(instance=page)
                    page.full_clean()
                self.assertIn("id tidak sah", str(caught.exception))

    def test_valid_references_pass(self):
        self.assertEqual(bad_references('<p><a linktype="page" id="3">x</a><a href="https://x.go.id">y</a></p>'), [])


class FeedLeadTests(TestCase):
    def test_the_lead_reaches_readers_as_text_not_markup(self):
        _home, opds = build_region_tree(opd_count=1, news_per_opd=0)
        index = NewsIndexPage.objects.child_of(opds[0]).get()
        index.add_child(
            instance=NewsPage(title="Jalan rusak", slug="jalan", lead="Jalan <b>rusak</b> <script>x()</script>")
        )
        parsed = feedparser.parse(self.client.get("/umpan/berita.rss").content)
        summary = parsed.entries[0].summary  # HTML, as readers see it
        self.assertIn("&lt;b&gt;rusak&lt;/b&gt;", summary)  # shown literally, never rendered
        self.assertNotIn("<b>", summary)
        self.assertNotIn("<script", summary)
        raw = self.client.get("/umpan/berita.rss").content.decode()
        self.assertIn("&amp;lt;b&amp;gt;", raw)
