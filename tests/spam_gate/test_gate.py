from io import StringIO

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import TestCase, override_settings
from django.urls import reverse
from wagtail.models import Page

from audit.models import AuditEvent
from home.models import Highlight
from opd_pages.models import NewsIndexPage, NewsPage
from outbox.models import OutgoingMail
from search.service import popular_queries
from spam_gate.benchmark import run_benchmark
from spam_gate.checks import check_page, check_text
from tests.factories.opd_pages import NewsPageFactory
from tests.trees import build_region_tree

SPAM_BODY = [
    {
        "type": "paragraph",
        "value": '<p>Kegiatan posyandu.</p><p><a href="https://slot-gacor88.xyz/daftar">info</a></p>',
    }
]


class CheckTextTests(TestCase):
    def test_spam_and_its_disguises_are_caught(self):
        for text in [
            "slot gacor maxwin ktp",
            "s-l-o-t g.a.c.o.r hari ini",
            "5lot gac0r deposit pulsa",
            "sl\u200bot ga\u200bcor",
            "ѕlot gасor",  # Cyrillic look-alikes
            "Daftar SLOT88 link alternatif",
            "m1n1mal depo 10rb",
        ]:
            with self.subTest(text=text):
                verdict = check_text(text)
                self.assertTrue(verdict.is_spam)
                self.assertTrue(verdict.reasons[0].startswith("Memuat istilah promosi judi online"))

    def test_real_news_passes_including_news_about_fighting_judi_online(self):
        for text in [
            "Disdukcapil buka layanan perekaman KTP elektronik di Kecamatan Sukamaju",
            "Diskominfo blokir 1.200 situs judi online yang menyasar pelajar",
            "Pengumuman slot waktu wawancara seleksi PPPK tahap II",
            "Link pendaftaran pelatihan kerja gratis BLK dibuka mulai Senin",
            "Bank daerah tawarkan deposito bagi koperasi",
            "Slot = 2024",
        ]:
            with self.subTest(text=text):
                self.assertFalse(check_text(text).is_spam)

    def test_hidden_text_and_spam_links_in_html(self):
        hidden = '<p>Berita</p><div style="display: none"><a href="https://contohkab.go.id/">slot</a></div>'
        verdict = check_text(hidden, html=True)
        self.assertTrue(verdict.is_spam)
        self.assertIn("tersembunyi", " ".join(verdict.reasons))
        link = '<p>Lihat <a href="https://situs-toto-resmi.example/">di sini</a></p>'
        self.assertTrue(check_text(link, html=True).is_spam)
        ordinary = '<p>Lihat <a href="https://www.kemkes.go.id/">Kemenkes</a></p>'
        self.assertFalse(check_text(ordinary, html=True).is_spam)

    def test_benchmark_meets_the_goal(self):
        result = run_benchmark()
        self.assertGreaterEqual(result.spam, 200)
        self.assertGreaterEqual(result.ham, 200)
        self.assertGreaterEqual(result.caught_rate, 0.99)
        self.assertLessEqual(result.false_positive_rate, 0.01)


class PublicationGateTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.opds = build_region_tree(opd_count=1, news_per_opd=1)
        cls.news_index = NewsIndexPage.objects.child_of(cls.opds[0]).get()
        cls.editor = get_user_model().objects.create_superuser(
            "redaktur", "redaktur@contohkab.go.id", "kata-sandi-panjang"
        )
        diskominfo = get_user_model().objects.create_user("kominfo", "kominfo@contohkab.go.id", "kata-sandi-panjang")
        diskominfo.groups.add(Group.objects.get_or_create(name="Diskominfo")[0])

    def setUp(self):
        self.client.force_login(self.editor)

    def _draft(self, **fields):
        page = NewsPage(
            title=fields.pop("title", "Berita kegiatan"), slug=fields.pop("slug", "draf"), live=False, **fields
        )
        self.news_index.add_child(instance=page)
        page.save_revision()
        return page

    def _publish(self, page, **changes):
        data = {
            "title": page.title,
            "slug": page.slug,
            "date": "2026-06-01",
            "lead": page.lead,
            "body-count": "0",
            "tags": "",
            "review_interval_months": "0",
            "action-publish": "1",
            "comments-TOTAL_FORMS": "0",
            "comments-INITIAL_FORMS": "0",
        }
        data.update(changes)
        return self.client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data, follow=True)

    def test_publishing_a_spam_page_is_blocked_with_the_reason_and_diskominfo_is_told(self):
        page = self._draft(lead="Posyandu")
        response = self._publish(page, title="Slot gacor maxwin hari ini")
        page.refresh_from_db()
        self.assertFalse(page.live)
        text = response.content.decode()
        self.assertIn("tidak diterbitkan", text)
        self.assertIn("gacor", text)
        # The editor's draft is kept.
        self.assertEqual(page.get_latest_revision_as_object().title, "Slot gacor maxwin hari ini")
        mail = OutgoingMail.objects.get(kind="spam_gate")
        self.assertIn("kominfo@contohkab.go.id", mail.to)
        self.assertTrue(AuditEvent.objects.filter(action="spam.blocked", outcome="denied").exists())

    def test_publishing_an_ordinary_page_works(self):
        page = self._draft(lead="Posyandu")
        self._publish(page, title="Posyandu balita di Kecamatan Sukamaju")
        page.refresh_from_db()
        self.assertTrue(page.live)
        self.assertFalse(OutgoingMail.objects.filter(kind="spam_gate").exists())

    def test_other_publication_routes_are_taken_down_at_once(self):
        page = self._draft(lead="Kunjungi situs slot gacor, bonus new member")
        page.get_latest_revision().publish()  # the route of workflow approval and scheduled publishing
        page.refresh_from_db()
        self.assertFalse(page.live)
        self.assertTrue(OutgoingMail.objects.filter(kind="spam_gate").exists())

    def test_check_page_reads_rich_text_and_streamfield_links(self):
        page = NewsPageFactory.build(title="Posyandu", lead="Kegiatan", body=SPAM_BODY)
        verdict = check_page(page)
        self.assertTrue(verdict.is_spam)
        self.assertIn("slot-gacor88.xyz", " ".join(verdict.reasons))

    def test_sorotan_with_spam_is_refused(self):
        target = NewsPage.objects.live().first()
        response = self.client.post(
            reverse("wagtailsnippets_home_highlight:add"),
            {"page": target.pk, "title": "Link alternatif slot88 gacor", "summary": "", "ends_at": ""},
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("judi", response.content.decode())
        self.assertFalse(Highlight.objects.exists())

    def test_scan_command_lists_published_spam(self):
        spam = NewsPageFactory(parent=self.news_index, title="Bocoran RTP live slot gacor", live=True)
        out = StringIO()
        call_command("spam_gate_scan", "--notify", stdout=out)
        self.assertIn(f"#{spam.pk}", out.getvalue())
        self.assertIn("1 temuan", out.getvalue())
        self.assertTrue(OutgoingMail.objects.filter(kind="spam_gate").exists())


@override_settings(PORTAL_POPULAR_MIN_VISITORS=5, PORTAL_SEARCH_RATE_LIMITS={"search": 1000})
class PopularSearchFloodTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_region_tree(opd_count=1, news_per_opd=2)
        from search.indexing import index_pages

        index_pages(Page.objects.live().specific())

    def _search(self, query, client_address):
        return self.client.get("/cari/", {"q": query}, REMOTE_ADDR=client_address)

    def test_a_flood_from_one_client_does_not_reach_the_list(self):
        for _ in range(80):
            self.assertEqual(self._search("slot gacor maxwin ktp", "203.0.113.9").status_code, 200)
        for _ in range(80):
            self._search("berita kegiatan", "203.0.113.9")
        from django.core.cache import cache

        cache.clear()
        self.assertEqual(popular_queries(), [])
        page = self._search("", "198.51.100.1")
        self.assertNotIn("gacor", page.content.decode())

    def test_many_visitors_make_a_query_popular_but_spam_never(self):
        from django.core.cache import cache

        for n in range(6):
            self._search("berita kegiatan", f"198.51.100.{n}")
            self._search("slot gacor", f"198.51.100.{n}")
        cache.clear()
        self.assertEqual(popular_queries(), ["berita kegiatan"])
