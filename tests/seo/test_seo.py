"""Being found: sitemap per OPD section, robots.txt, canonical URLs, OpenGraph/Twitter and JSON-LD."""

import json
import re

from django.test import TestCase
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import PageViewRestriction
from wagtail_factories import ImageFactory

from home.models import NewsArchivePage
from opd_pages.models import EventIndexPage, NewsIndexPage
from tests.factories.opd_pages import EventPageFactory, NewsPageFactory
from tests.trees import build_region_tree

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


class SeoTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, (cls.dinkes, cls.dinsos) = build_region_tree(opd_count=2, news_per_opd=0)
        cls.archive = NewsArchivePage(title="Semua Berita", slug="berita")
        cls.home.add_child(instance=cls.archive)
        image = ImageFactory(file=get_test_image_file(filename="foto.png", size=(1300, 800)))
        cls.news = NewsPageFactory(
            parent=NewsIndexPage.objects.child_of(cls.dinkes).get(),
            title="Imunisasi </script> campak",
            lead="Ratusan anak mendapat imunisasi.",
            main_image=image,
        )
        cls.draft = NewsPageFactory(parent=NewsIndexPage.objects.child_of(cls.dinkes).get(), title="Draf", live=False)
        cls.private = NewsPageFactory(parent=NewsIndexPage.objects.child_of(cls.dinsos).get(), title="Khusus")
        PageViewRestriction.objects.create(page=cls.private, restriction_type="login")
        cls.event = EventPageFactory(parent=EventIndexPage.objects.child_of(cls.dinsos).get(), title="Sosialisasi")

    def json_ld(self, url):
        html = self.client.get(url).content.decode()
        blocks = JSON_LD.findall(html)
        self.assertEqual(len(blocks), 1)
        return json.loads(blocks[0])

    def test_sitemap_index_has_one_sitemap_per_opd_section_and_one_for_the_region(self):
        xml = self.client.get("/sitemap.xml").content.decode()
        for section in ("daerah", self.dinkes.slug, self.dinsos.slug):
            with self.subTest(section):
                self.assertIn(f"<loc>http://testserver/sitemap-{section}.xml</loc>", xml)

    def test_opd_sitemap_lists_its_live_public_pages_only(self):
        xml = self.client.get(f"/sitemap-{self.dinkes.slug}.xml").content.decode()
        self.assertIn(f"{self.news.url}</loc>", xml)
        self.assertIn(f"{self.dinkes.url}</loc>", xml)
        self.assertNotIn(self.draft.slug, xml)
        self.assertNotIn(self.dinsos.url, xml)
        self.assertNotIn(self.private.slug, self.client.get(f"/sitemap-{self.dinsos.slug}.xml").content.decode())
        region = self.client.get("/sitemap-daerah.xml").content.decode()
        self.assertIn(f"{self.archive.url}</loc>", region)
        self.assertNotIn(self.dinkes.url, region)
        self.assertEqual(self.client.get("/sitemap-tidak-ada.xml").status_code, 404)

    def test_robots_txt_points_at_the_sitemap_and_keeps_crawlers_out_of_the_admin(self):
        response = self.client.get("/robots.txt")
        self.assertEqual(response["Content-Type"], "text/plain; charset=utf-8")
        self.assertContains(response, "Disallow: /admin/")
        self.assertContains(response, "Sitemap: http://testserver/sitemap.xml")

    def test_canonical_url_drops_query_strings(self):
        response = self.client.get(f"{self.archive.url}?halaman=2&opd={self.dinkes.slug}")
        self.assertContains(response, f'<link rel="canonical" href="http://testserver{self.archive.url}">')

    def test_home_page_shares_under_the_regions_name(self):
        response = self.client.get("/")
        self.assertContains(response, '<meta property="og:title" content="Pemerintah Kabupaten Contoh">')
        self.assertContains(response, '<meta name="twitter:title" content="Pemerintah Kabupaten Contoh">')
        self.assertContains(response, '<meta property="og:site_name" content="Pemerintah Kabupaten Contoh">')

    def test_news_has_opengraph_and_twitter_cards_with_its_photo(self):
        html = self.client.get(self.news.url).content.decode()
        self.assertIn('<meta property="og:type" content="article">', html)
        self.assertIn('<meta property="og:description" content="Ratusan anak mendapat imunisasi.">', html)
        self.assertRegex(html, r'<meta property="og:image" content="http://testserver/[^"]+fill-1200x630[^"]+">')
        self.assertIn('<meta name="twitter:card" content="summary_large_image">', html)

    def test_json_ld_describes_region_opd_news_and_event(self):
        region = self.json_ld("/")
        self.assertEqual((region["@type"], region["name"]), ("GovernmentOrganization", "Pemerintah Kabupaten Contoh"))
        opd = self.json_ld(self.dinkes.url)
        self.assertEqual((opd["@type"], opd["alternateName"]), ("GovernmentOrganization", self.dinkes.acronym))
        self.assertEqual(opd["parentOrganization"]["name"], "Pemerintah Kabupaten Contoh")
        news = self.json_ld(self.news.url)
        self.assertEqual(news["@type"], "NewsArticle")
        self.assertEqual(news["headline"], "Imunisasi </script> campak")
        self.assertEqual(news["publisher"]["alternateName"], self.dinkes.acronym)
        self.assertTrue(news["image"][0].startswith("http://testserver/"))
        event = self.json_ld(self.event.url)
        self.assertEqual(event["@type"], "Event")
        self.assertTrue(event["startDate"].endswith("+07:00"))

    def test_json_ld_cannot_break_out_of_its_script_element_and_no_other_script_is_inline(self):
        html = self.client.get(self.news.url).content.decode()
        self.assertNotIn("Imunisasi </script> campak</script>", html)
        self.assertIn("Imunisasi \\u003C/script\\u003E campak", html)
        scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S)
        inline = [
            attributes for attributes, body in scripts if body.strip() and "application/ld+json" not in attributes
        ]
        self.assertEqual(inline, [], "only JSON-LD data may be inline; code comes from static files")
        self.assertTrue(all(" src=" in a or "application/ld+json" in a for a, _body in scripts))
        self.assertNotIn(" style=", html)
