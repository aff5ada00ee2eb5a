"""PPID listings stay flat in queries as the region grows from 3 to 30 OPDs.

Public: the PPID landing, the document library (with and without filters), the regional and an
OPD's DIP, an OPD's PPID page. Admin: the request inbox for Diskominfo (every OPD) and for an
OPD's PPID Pelaksana (its own requests).
"""

from django.contrib.auth.models import Group
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from opd_teams.models import DISKOMINFO_GROUP
from ppid.models import Classification
from tests.factories.opd_teams import UserFactory
from tests.factories.ppid import PublicDocumentPageFactory, file_request

from .helpers import build_ppid_region, ppid_page_of


def add_ppid_content(section):
    page = ppid_page_of(section.opd)
    for classification in (Classification.BERKALA, Classification.SETIAP_SAAT, Classification.DIKECUALIKAN):
        PublicDocumentPageFactory(parent=page, classification=classification)
    file_request(section.opd)
    file_request(section.opd)


class PpidQueryBudgetTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.sections = build_ppid_region(3)
        for section in cls.sections:
            add_ppid_content(section)
        cls.diskominfo = UserFactory(username="diskominfo.uji", email="diskominfo.uji@contohkab.go.id")
        cls.diskominfo.groups.add(Group.objects.get(name=DISKOMINFO_GROUP))

    def grow_to(self, opd_count):
        from tests.opd_teams.helpers import Section
        from tests.trees import make_opd_section

        for number in range(len(self.sections), opd_count):
            opd = make_opd_section(self.home, acronym=f"Tambahan{number}", title=f"Dinas Tambahan {number}")
            section = Section(opd)
            add_ppid_content(section)

    def count(self, url, user=None, params=None):
        if user is None:
            self.client.logout()
        else:
            self.client.force_login(user)
        self.client.get(url, params or {})  # warm per-process caches (site root paths, content types)
        with CaptureQueriesContext(connection) as captured:
            response = self.client.get(url, params or {})
        self.assertEqual(response.status_code, 200, url)
        self.assertGreater(len(response.content), 2000, f"{url} answered without content")
        return len(captured)

    def cases(self):
        opd = self.sections[0]
        return [
            ("landing", reverse("ppid:landing"), None, None),
            ("library", reverse("ppid:library"), None, None),
            ("library filtered", reverse("ppid:library"), None, {"tahun": "2026", "q": "Dokumen"}),
            ("regional DIP", reverse("ppid:dip"), None, None),
            ("OPD DIP", reverse("ppid:dip_opd", args=[opd.opd.slug]), None, None),
            ("OPD PPID page", ppid_page_of(opd.opd).url, None, None),
            ("inbox as Diskominfo", reverse("ppid_admin:inbox"), self.diskominfo, None),
            ("inbox as PPID Pelaksana", reverse("ppid_admin:inbox"), opd.admin, None),
        ]

    def test_query_counts_do_not_grow_from_3_to_30_opds(self):
        few = {label: self.count(url, user, params) for label, url, user, params in self.cases()}
        self.grow_to(30)
        many = {label: self.count(url, user, params) for label, url, user, params in self.cases()}
        for label in few:
            with self.subTest(label):
                self.assertLessEqual(many[label], few[label], f"{label}: {few[label]} → {many[label]} queries")
