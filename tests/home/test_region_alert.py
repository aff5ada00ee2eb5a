"""The serta-merta alert banner shows on the regional pages and every OPD section, within its schedule."""

import datetime

from django.test import TestCase
from django.utils import timezone
from wagtail.models import Site

from home.models import RegionAlert
from opd_pages.models import EventIndexPage, NewsPage
from tests.factories.home import RegionalPageFactory
from tests.factories.opd_pages import EventPageFactory
from tests.trees import build_region_tree

MESSAGE = "Banjir di Kecamatan Sukamaju: hindari Jl. Merdeka"


class RegionAlertTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.opds = build_region_tree(opd_count=2, news_per_opd=1)
        cls.regional = RegionalPageFactory(parent=cls.home, title="Tentang Kabupaten")
        cls.event = EventPageFactory(parent=EventIndexPage.objects.child_of(cls.opds[1]).get())
        cls.alert = RegionAlert.for_site(Site.objects.get(is_default_site=True))
        cls.alert.is_active = True
        cls.alert.level = "darurat"
        cls.alert.message = MESSAGE
        cls.alert.link_url = "https://bpbd.contohkab.go.id/"
        cls.alert.save()

    def urls(self):
        return ["/", self.regional.url, *(opd.url for opd in self.opds), NewsPage.objects.first().url, self.event.url]

    def test_active_alert_shows_on_regional_pages_and_every_opd_section(self):
        for url in self.urls():
            with self.subTest(url):
                response = self.client.get(url)
                self.assertContains(response, MESSAGE)
                self.assertContains(response, 'class="region-alert region-alert--darurat" role="alert"')
                self.assertContains(response, 'href="https://bpbd.contohkab.go.id/">Info selengkapnya</a>')

    def test_alert_respects_switch_and_schedule(self):
        now = timezone.now()
        cases = [
            ("switched off", {"is_active": False}, False),
            ("scheduled later", {"starts_at": now + datetime.timedelta(hours=1)}, False),
            ("ended", {"ends_at": now - datetime.timedelta(minutes=1)}, False),
            (
                "inside window",
                {"starts_at": now - datetime.timedelta(hours=1), "ends_at": now + datetime.timedelta(hours=1)},
                True,
            ),
        ]
        for label, changes, shown in cases:
            with self.subTest(label):
                RegionAlert.objects.filter(pk=self.alert.pk).update(
                    **{"is_active": True, "starts_at": None, "ends_at": None, **changes}
                )
                response = self.client.get(self.opds[0].url)
                (self.assertContains if shown else self.assertNotContains)(response, MESSAGE)

    def test_end_before_start_is_refused(self):
        alert = RegionAlert(
            site=Site.objects.get(is_default_site=True),
            message=MESSAGE,
            starts_at=timezone.now(),
            ends_at=timezone.now() - datetime.timedelta(hours=1),
        )
        with self.assertRaisesMessage(Exception, "Waktu selesai harus setelah waktu mulai."):
            alert.clean()
