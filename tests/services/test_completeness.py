"""Completeness scores of a Standar Pelayanan and the Ombudsman zones."""

import datetime

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from opd_pages.models import OpdHomePage
from services.completeness import GREEN, MAX_POINTS, RED, YELLOW, opd_scores, score_service, zone_of
from services.models import MaklumatPage, ServicePage
from tests.factories.services import ServicePageFactory

from .helpers import add_opd_with_services, build_service_region


class ZoneTests(TestCase):
    def test_ombudsman_zone_boundaries(self):
        cases = [(100, GREEN), (81, GREEN), (80.99, YELLOW), (51, YELLOW), (50.99, RED), (0, RED), (None, None)]
        for score, zone in cases:
            with self.subTest(score=score):
                self.assertIs(zone_of(score), zone)

    def test_zones_carry_text_not_only_colour(self):
        self.assertEqual([str(z.label) for z in (GREEN, YELLOW, RED)], ["Zona hijau", "Zona kuning", "Zona merah"])


class ServiceScoreTests(TestCase):
    def test_a_complete_fresh_standard_scores_100(self):
        self.assertEqual(MAX_POINTS, 100)
        result = score_service(ServicePageFactory.build())
        self.assertEqual((result.score, result.missing, result.fresh), (100.0, [], True))

    def test_each_missing_component_costs_its_points(self):
        cases = [
            ({"requirements": []}, 90.0),
            ({"procedure": []}, 90.0),
            ({"duration_value": None}, 90.0),
            ({"fee_type": ""}, 90.0),
            ({"fee_type": "berbayar", "fee_amount": 5000, "fee_legal_basis": ""}, 90.0),
            ({"fee_type": "berbayar", "fee_amount": None}, 90.0),
            ({"product": ""}, 90.0),
            (
                {
                    "complaint_portal_form": False,
                    "complaint_lapor": False,
                    "complaint_phone": "",
                    "complaint_email": "",
                },
                90.0,
            ),
            ({"legal_basis": ""}, 95.0),
            ({"facilities_vulnerable": ""}, 95.0),
            ({"staff_count": None}, 95.0),
            ({"performance_evaluation": "  "}, 95.0),
        ]
        for fields, expected in cases:
            with self.subTest(fields=fields):
                self.assertEqual(score_service(ServicePageFactory.build(**fields)).score, expected)

    def test_a_standard_not_reviewed_within_a_year_counts_half(self):
        today = timezone.localdate()
        old = today - datetime.timedelta(days=366)
        stale = score_service(ServicePageFactory.build(sk_date=old, last_reviewed=old), today)
        self.assertEqual((stale.score, stale.fresh), (50.0, False))
        self.assertIs(stale.zone, RED)
        self.assertIn("lebih dari setahun", " ".join(stale.problems))
        undated = score_service(ServicePageFactory.build(sk_date=None, last_reviewed=None), today)
        self.assertEqual(undated.score, 50.0)
        recent_sk = score_service(ServicePageFactory.build(sk_date=today, last_reviewed=old), today)
        self.assertTrue(recent_sk.fresh)

    def test_an_empty_new_service_scores_zero(self):
        page = ServicePage(title="Baru", summary="")
        self.assertEqual(score_service(page).score, 0.0)
        self.assertEqual(len(score_service(page).missing), 14)


class OpdScoreTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.opds, *_ = build_service_region(opd_count=3, services_per_opd=2)

    def test_opd_score_is_the_mean_of_its_published_services(self):
        opd = self.opds[0]
        service = ServicePage.objects.descendant_of(opd).first()
        service.legal_basis = ""
        service.save_revision().publish()
        ServicePageFactory(parent=service.get_parent(), title="Draf", live=False, requirements=[])
        score = opd_scores([opd])[opd.pk]
        self.assertEqual(score.service_count, 2)
        self.assertEqual(score.score, 97.5)
        self.assertIs(score.zone, GREEN)
        self.assertEqual(score.summary, "97,50 · Zona hijau · 2 layanan")

    def test_without_a_published_maklumat_the_opd_is_capped_in_the_red_zone(self):
        opd = self.opds[1]
        MaklumatPage.objects.descendant_of(opd).get().unpublish()
        score = opd_scores([opd])[opd.pk]
        self.assertEqual(score.score, 50.0)
        self.assertIs(score.zone, RED)
        self.assertIn("Maklumat Pelayanan belum terbit", " ".join(score.problems))

    def test_an_unsigned_maklumat_does_not_count(self):
        opd = self.opds[2]
        MaklumatPage.objects.descendant_of(opd).update(signed_by_name="")
        self.assertFalse(opd_scores([opd])[opd.pk].has_maklumat)

    def test_an_opd_without_services_has_no_score(self):
        from tests.factories.opd_pages import make_opd_section

        empty = make_opd_section(self.home, acronym="Kosong")
        score = opd_scores([empty])[empty.pk]
        self.assertIsNone(score.score)
        self.assertEqual(score.summary, "Belum ada layanan")

    def test_opd_scores_cost_the_same_queries_for_3_and_30_opds(self):
        def count():
            opds = list(OpdHomePage.objects.all())
            with CaptureQueriesContext(connection) as queries:
                opd_scores(opds)
            return len(queries)

        small = count()
        for number in range(3, 30):
            add_opd_with_services(self.home, number, 2, 0, [], [])
        self.assertEqual(count(), small)
        self.assertLessEqual(small, 2)
