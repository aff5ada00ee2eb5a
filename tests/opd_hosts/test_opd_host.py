"""An OPD served at its own host name keeps the region's identity, and links between hosts are right."""

import datetime
import xml.etree.ElementTree as ET

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.test import TestCase, override_settings
from django.utils import timezone
from wagtail.models import Site

from home.models import PinnedAnnouncement, QuickLink, RegionAlert
from opd_hosts.sites import assign_hostname
from opd_pages.models import NewsIndexPage, NewsPage

from .helpers import (
    ALERT,
    MAIN_HOST,
    OPD_HOST,
    REGION_NAME,
    build_region_with_opd_host,
    internal_target,
    links_of,
)

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


class OpdHostTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.opds, cls.opd_site = build_region_with_opd_host(opd_count=3, news_per_opd=2)
        cls.dinkes, cls.other = cls.opds[0], cls.opds[1]
        QuickLink.objects.create(title="Layanan Dinkes", page=cls.dinkes)
        QuickLink.objects.create(title="Layanan lain", page=cls.other)

    def get(self, path, host, **extra):
        return self.client.get(path, HTTP_HOST=host, **extra)

    def assert_every_link_works(self, response, host):
        checked = 0
        for href in links_of(response):
            target = internal_target(href, host)
            if target is None:
                continue
            link_host, path = target
            if "/static/" in path or path.startswith("/media/"):
                continue
            with self.subTest(page_host=host, href=href):
                result = self.get(path, link_host)
                for _hop in range(3):  # /favicon.ico, /masuk/: a few hops to a page (or file) that works
                    if result.status_code not in (301, 302):
                        break
                    target = internal_target(result["Location"], link_host)
                    self.assertIsNotNone(target, result["Location"])
                    if "/static/" in target[1]:
                        break
                    link_host, path = target
                    result = self.get(path, link_host)
                else:
                    self.fail(f"{href}: too many redirects")
                if "/static/" in result.get("Location", ""):
                    continue
                self.assertEqual(result.status_code, 200, f"{href} on {host} → {result.status_code}")
                checked += 1
        return checked

    def test_opd_host_home_shows_region_header_footer_and_alert(self):
        response = self.get("/", OPD_HOST)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.context["page"].pk, self.dinkes.pk)
        self.assertContains(response, f'<span class="site-brand__name">{REGION_NAME}</span>', html=False)
        self.assertContains(response, f'<h2 id="footer-identity" class="site-footer__title">{REGION_NAME}</h2>')
        self.assertContains(response, ALERT)
        self.assertContains(response, f'<a class="site-brand" href="http://{MAIN_HOST}/">')
        # The OPD host never gets a settings row of its own.
        self.assertFalse(RegionAlert.objects.filter(site=self.opd_site).exists())

    def test_every_link_on_the_opd_host_home_resolves(self):
        response = self.get("/", OPD_HOST)
        self.assertGreater(self.assert_every_link_works(response, OPD_HOST), 10)

    def test_every_link_on_the_main_home_resolves(self):
        response = self.get("/", MAIN_HOST)
        self.assertGreater(self.assert_every_link_works(response, MAIN_HOST), 10)

    def test_links_point_to_the_right_host_in_both_directions(self):
        dinkes_news = NewsPage.objects.descendant_of(self.dinkes).first()
        other_news = NewsPage.objects.descendant_of(self.other).first()
        main_links = links_of(self.get("/", MAIN_HOST))
        # From the main host: Dinkes' pages at its own host (absolute), the others relative.
        self.assertIn(f"http://{OPD_HOST}/", main_links)  # directory and quick link
        self.assertIn(f"http://{OPD_HOST}/berita/{dinkes_news.slug}/", main_links)
        self.assertIn(other_news.url_path[len(self.home.url_path) - 1 :], main_links)
        self.assertFalse([href for href in main_links if href.startswith(f"/{self.dinkes.slug}/")])
        # From the OPD host: its own pages relative, the region and other OPDs absolute on the main host.
        opd_links = links_of(self.get("/", OPD_HOST))
        self.assertIn(f"/berita/{dinkes_news.slug}/", opd_links)
        self.assertFalse([href for href in opd_links if href.startswith(f"/{self.other.slug}/")])
        self.assertFalse([href for href in opd_links if href.startswith(f"/{self.dinkes.slug}/")])

    def test_main_host_redirects_the_opd_pages_to_their_host(self):
        response = self.get(f"/{self.dinkes.slug}/berita/?halaman=2", MAIN_HOST)
        self.assertEqual(response.status_code, 301)
        self.assertEqual(response["Location"], f"http://{OPD_HOST}/berita/?halaman=2")
        self.assertEqual(self.get(f"/{self.other.slug}/", MAIN_HOST).status_code, 200)

    def test_canonical_url_is_the_opd_host(self):
        news = NewsPage.objects.descendant_of(self.dinkes).first()
        response = self.get(f"/berita/{news.slug}/", OPD_HOST)
        self.assertContains(response, f'<link rel="canonical" href="http://{OPD_HOST}/berita/{news.slug}/">')
        self.assertEqual(news.full_url, f"http://{OPD_HOST}/berita/{news.slug}/")

    def test_search_on_the_opd_host_is_scoped_to_the_opd_with_a_way_to_the_whole_region(self):
        response = self.get("/", OPD_HOST)
        self.assertContains(response, f'<input type="hidden" name="di" value="{self.dinkes.slug}">')
        results = self.get(f"/cari/?q=berita&di={self.dinkes.slug}", OPD_HOST)
        self.assertEqual(results.status_code, 200)
        self.assertEqual(results.context["scope"].pk, self.dinkes.pk)
        self.assertContains(results, "Cari di seluruh portal")
        whole = self.get("/cari/?q=berita", OPD_HOST)
        self.assertIsNone(whole.context["scope"])

    def test_sitemap_follows_the_host(self):
        opd_index = ET.fromstring(self.get("/sitemap.xml", OPD_HOST).content)
        locations = [loc.text for loc in opd_index.findall("sm:sitemap/sm:loc", SITEMAP_NS)]
        self.assertEqual(locations, [f"http://{OPD_HOST}/sitemap-{self.dinkes.slug}.xml"])
        urls = [
            loc.text
            for loc in ET.fromstring(self.get(f"/sitemap-{self.dinkes.slug}.xml", OPD_HOST).content).findall(
                "sm:url/sm:loc", SITEMAP_NS
            )
        ]
        self.assertIn(f"http://{OPD_HOST}/", urls)
        self.assertTrue(urls and all(url.startswith(f"http://{OPD_HOST}/") for url in urls), urls)
        main_index = self.get("/sitemap.xml", MAIN_HOST).content.decode()
        self.assertNotIn(f"sitemap-{self.dinkes.slug}.xml", main_index)
        self.assertIn(f"sitemap-{self.other.slug}.xml", main_index)

    def test_feed_on_the_opd_host_lists_that_opd(self):
        response = self.get("/umpan/berita.rss", OPD_HOST)
        self.assertEqual(response.status_code, 200)
        links = [item.findtext("link") for item in ET.fromstring(response.content).iter("item")]
        dinkes_count = NewsPage.objects.descendant_of(self.dinkes).count()
        self.assertEqual(len(links), dinkes_count)
        self.assertTrue(all(link.startswith(f"http://{OPD_HOST}/berita/") for link in links), links)
        region = self.get("/umpan/berita.rss", MAIN_HOST)
        region_links = [item.findtext("link") for item in ET.fromstring(region.content).iter("item")]
        self.assertEqual(len(region_links), NewsPage.objects.count())
        self.assertIn(f"http://{OPD_HOST}/berita/", " ".join(region_links))

    def test_public_api_gives_the_opd_host_address(self):
        news = NewsPage.objects.descendant_of(self.dinkes).first()
        response = self.get(f"/api/v2/pages/{news.pk}/", MAIN_HOST)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.json()["meta"]["html_url"], f"http://{OPD_HOST}/berita/{news.slug}/")

    def test_hostname_is_checked_and_unique(self):
        with self.assertRaisesMessage(ValidationError, "Nama host tidak sah"):
            assign_hostname(self.other, "https://dinsos.localhost/")
        with self.assertRaisesMessage(ValidationError, "sudah dipakai"):
            assign_hostname(self.other, OPD_HOST, port=443)
        site = assign_hostname(self.other, "Dinsos.Localhost", port=80)
        self.assertEqual((site.hostname, site.root_page_id), ("dinsos.localhost", self.other.pk))
        self.assertEqual(assign_hostname(self.other, "dinsos.localhost", port=80).pk, site.pk)  # idempotent


@override_settings(PORTAL_PAGE_CACHE_SECONDS=300)
class OpdHostPageCacheTests(TestCase):
    """An attacker cannot make one host's cached page show on another."""

    @classmethod
    def setUpTestData(cls):
        cls.home, cls.opds, _site = build_region_with_opd_host(opd_count=2, news_per_opd=1)
        PinnedAnnouncement.for_site(Site.objects.get(is_default_site=True))  # rows exist past a first visit

    def setUp(self):
        cache.clear()
        self.addCleanup(cache.clear)

    def test_cached_page_of_one_host_is_never_served_for_another(self):
        opd_home = self.client.get("/", HTTP_HOST=OPD_HOST)
        self.assertEqual(opd_home["X-Page-Cache"], "miss")
        self.assertEqual(self.client.get("/", HTTP_HOST=OPD_HOST)["X-Page-Cache"], "hit")
        main_home = self.client.get("/", HTTP_HOST=MAIN_HOST)
        self.assertEqual(main_home["X-Page-Cache"], "miss")
        self.assertEqual(main_home.context["page"].pk, self.home.pk)
        self.assertNotEqual(main_home.content, opd_home.content)
        # The same path on the main host, the OPD host with a port, an unknown host: never the cached OPD page.
        self.assertEqual(self.client.get("/", HTTP_HOST=f"{OPD_HOST}:8000")["X-Page-Cache"], "miss")
        self.assertEqual(self.client.get("/", HTTP_HOST="evil.example").status_code, 400)

    def test_redirect_of_the_main_host_is_not_cached_as_the_opd_page(self):
        path = f"/{self.opds[0].slug}/"
        self.assertEqual(self.client.get(path, HTTP_HOST=MAIN_HOST).status_code, 301)
        self.assertEqual(self.client.get(path, HTTP_HOST=MAIN_HOST).status_code, 301)


class ScheduledAlertOnOpdHostTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.opds, _site = build_region_with_opd_host(opd_count=2, news_per_opd=1)

    def test_alert_scheduled_later_is_not_shown_on_the_opd_host_yet(self):
        RegionAlert.objects.update(starts_at=timezone.now() + datetime.timedelta(hours=2))
        self.assertNotContains(self.client.get("/", HTTP_HOST=OPD_HOST), ALERT)

    def test_new_news_on_the_opd_host_links_relative(self):
        index = NewsIndexPage.objects.child_of(self.opds[0]).get()
        response = self.client.get("/berita/", HTTP_HOST=OPD_HOST)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.context["page"].pk, index.pk)
        self.assertEqual(Site.find_for_request(response.wsgi_request).hostname, OPD_HOST)
