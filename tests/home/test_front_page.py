"""What citizens see on the regional home page: news of every OPD, Sorotan, pinned announcement, lists."""

import datetime

from django.test import TestCase
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.test.utils import WagtailPageTestCase

from home.models import Highlight, HomePage, NewsArchivePage, PinnedAnnouncement, QuickLink
from opd_pages.models import AnnouncementIndexPage, EventIndexPage, NewsIndexPage, NewsPage
from tests.factories.opd_pages import AnnouncementPageFactory, EventPageFactory, NewsPageFactory
from tests.trees import build_region_tree


def index_of(model, opd):
    return model.objects.child_of(opd).get()


class HomePageContentTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.opds = build_region_tree(opd_count=2, news_per_opd=0)
        cls.dinkes, cls.dinsos = cls.opds
        today = timezone.localdate()
        cls.news_dinkes = NewsPageFactory(
            parent=index_of(NewsIndexPage, cls.dinkes), title="Imunisasi di Puskesmas", date=today
        )
        cls.news_dinsos = NewsPageFactory(
            parent=index_of(NewsIndexPage, cls.dinsos),
            title="Bantuan sosial disalurkan",
            date=today - datetime.timedelta(days=1),
        )
        cls.current = AnnouncementPageFactory(parent=index_of(AnnouncementIndexPage, cls.dinkes), title="Jadwal baru")
        cls.expired = AnnouncementPageFactory(
            parent=index_of(AnnouncementIndexPage, cls.dinsos),
            title="Pengumuman kedaluwarsa",
            valid_until=today - datetime.timedelta(days=1),
        )
        cls.upcoming = EventPageFactory(parent=index_of(EventIndexPage, cls.dinsos), title="Sosialisasi bansos")
        past_start = timezone.now() - datetime.timedelta(days=3)
        cls.past = EventPageFactory(
            parent=index_of(EventIndexPage, cls.dinkes), title="Acara yang sudah lewat", start=past_start
        )

    def get_home(self):
        return self.client.get("/")

    def test_newest_news_of_every_opd_shows_with_its_opd(self):
        response = self.get_home()
        self.assertContains(response, "Imunisasi di Puskesmas")
        self.assertContains(response, "Bantuan sosial disalurkan")
        self.assertContains(response, f'href="{self.dinkes.url}" title="{self.dinkes.title}">{self.dinkes.acronym}</a>')
        news = response.context["latest_news"]
        self.assertEqual([item.pk for item in news], [self.news_dinkes.pk, self.news_dinsos.pk])
        self.assertEqual([item.opd for item in news], [self.dinkes, self.dinsos])

    def test_unpublished_news_never_shows(self):
        self.news_dinsos.unpublish()
        self.assertNotContains(self.get_home(), "Bantuan sosial disalurkan")

    def test_current_announcements_and_upcoming_events_show_expired_ones_never(self):
        response = self.get_home()
        self.assertContains(response, "Jadwal baru")
        self.assertContains(response, "Sosialisasi bansos")
        self.assertNotContains(response, "Pengumuman kedaluwarsa")
        self.assertNotContains(response, "Acara yang sudah lewat")

    def test_highlights_show_in_humas_order_and_leave_at_their_end_date(self):
        now = timezone.now()
        Highlight.objects.create(page=self.news_dinsos, sort_order=1)
        Highlight.objects.create(page=self.news_dinkes, sort_order=2, ends_at=now + datetime.timedelta(hours=1))
        Highlight.objects.create(page=self.current, sort_order=0, title="Jadwal layanan baru Dinkes")
        gone = Highlight(page=self.upcoming, sort_order=3, ends_at=now + datetime.timedelta(hours=1))
        gone.save()
        Highlight.objects.filter(pk=gone.pk).update(ends_at=now - datetime.timedelta(minutes=1))

        titles = [h.display_title for h in self.get_home().context["highlights"]]
        self.assertEqual(titles, ["Jadwal layanan baru Dinkes", "Bantuan sosial disalurkan", "Imunisasi di Puskesmas"])

        later = now + datetime.timedelta(hours=2)
        self.assertEqual(
            [h.page_id for h in Highlight.objects.showing(now=later)], [self.current.pk, self.news_dinsos.pk]
        )

    def test_highlight_of_unpublished_or_private_page_drops_out(self):
        Highlight.objects.create(page=self.news_dinkes, sort_order=0)
        Highlight.objects.create(page=self.news_dinsos, sort_order=1)
        self.news_dinkes.unpublish()
        PageViewRestriction.objects.create(page=self.dinsos, restriction_type="login")
        self.assertEqual(list(self.get_home().context["highlights"]), [])

    def test_highlight_copies_lead_and_photo_of_the_page(self):
        highlight = Highlight.objects.create(page=self.news_dinkes)
        self.assertEqual(highlight.summary, self.news_dinkes.lead)

    def test_highlight_refuses_unpublished_page(self):
        self.news_dinkes.unpublish()
        highlight = Highlight(page=Page.objects.get(pk=self.news_dinkes.pk))
        with self.assertRaisesMessage(Exception, "sudah terbit"):
            highlight.full_clean()

    def test_pinned_announcement_shows_within_its_schedule_only(self):
        site = Site.objects.get(is_default_site=True)
        pinned = PinnedAnnouncement.for_site(site)
        pinned.title = "Imbauan Bupati"
        pinned.text = "Jaga kebersihan lingkungan."
        pinned.signed_by = "Bupati Contoh"
        pinned.is_active = True
        pinned.save()
        self.assertContains(self.get_home(), "Imbauan Bupati")
        cases = [
            ("switched off", {"is_active": False}),
            ("not started", {"starts_at": timezone.now() + datetime.timedelta(hours=1)}),
            ("ended", {"ends_at": timezone.now() - datetime.timedelta(minutes=1)}),
        ]
        for label, changes in cases:
            with self.subTest(label):
                PinnedAnnouncement.objects.filter(pk=pinned.pk).update(
                    **{"is_active": True, "starts_at": None, "ends_at": None, **changes}
                )
                self.assertNotContains(self.get_home(), "Imbauan Bupati")

    def test_pinned_announcement_cannot_be_switched_on_empty(self):
        pinned = PinnedAnnouncement(site=Site.objects.get(is_default_site=True), is_active=True)
        with self.assertRaisesMessage(Exception, "Isi judul"):
            pinned.full_clean()

    def test_quick_links_show_in_order(self):
        QuickLink.objects.create(title="Urus KTP-el", page=self.dinkes, sort_order=2)
        QuickLink.objects.create(title="Perizinan daring", url="https://oss.go.id/", sort_order=1)
        response = self.get_home()
        self.assertEqual([link.title for link in response.context["quick_links"]], ["Perizinan daring", "Urus KTP-el"])
        self.assertContains(response, 'href="https://oss.go.id/"')
        self.assertContains(response, f'href="{self.dinkes.url}"><span class="quick-links__title">Urus KTP-el')

    def test_quick_link_needs_exactly_one_target(self):
        for label, kwargs in (("none", {}), ("both", {"page": self.dinkes, "url": "https://oss.go.id/"})):
            with self.subTest(label), self.assertRaisesMessage(Exception, "Isi salah satu"):
                QuickLink(title="Layanan", **kwargs).full_clean()

    def test_directory_lists_every_opd_with_its_acronym(self):
        response = self.get_home()
        for opd in self.opds:
            self.assertContains(response, f'<abbr title="{opd.title}">{opd.acronym}</abbr>')

    def test_card_images_are_responsive_webp_and_lazy(self):
        from wagtail.images.tests.utils import get_test_image_file
        from wagtail_factories import ImageFactory

        image = ImageFactory(file=get_test_image_file(filename="foto.png", size=(1200, 800)))
        NewsPage.objects.filter(pk=self.news_dinkes.pk).update(main_image=image)
        html = self.get_home().content.decode()
        card = html[html.index('class="card__image"') - 400 : html.index('class="card__image"') + 400]
        self.assertIn("srcset=", card)
        self.assertIn(".format-webp.webp 480w", card)
        self.assertIn(".format-webp.webp 960w", card)
        self.assertIn('loading="lazy"', card)


class HomePageTypeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.opds = build_region_tree(opd_count=1, news_per_opd=1)

    def test_news_archive_is_a_single_page_under_the_home(self):
        self.assertAllowedParentPageTypes(NewsArchivePage, {HomePage})
        self.assertAllowedSubpageTypes(NewsArchivePage, {NewsPage})
        archive = NewsArchivePage(title="Semua Berita", slug="berita")
        self.home.add_child(instance=archive)
        self.assertPageIsRenderable(archive)
        self.assertFalse(NewsArchivePage.can_create_at(self.home))
