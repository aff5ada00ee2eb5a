"""The PPID demo step: documents in every category, stale berkala items, requests in every state."""

from io import StringIO
from unittest import mock

from django.core.management import call_command
from django.test import TestCase

from demo import content
from ppid import dip
from ppid.models import (
    AnswerKind,
    Classification,
    InformationRequest,
    Objection,
    PpidIndexPage,
    PublicDocumentPage,
    RequestStatus,
)

DEMO_SUBSET = {"Setda", "Dinkes", "Disdukcapil", "Dinsos", "Disdikbud", "BPKAD", "BPBD", "Diskominfo", "DPMPTSP"}


def counts():
    return (
        PpidIndexPage.objects.count(),
        PublicDocumentPage.objects.count(),
        InformationRequest.objects.count(),
        Objection.objects.count(),
    )


class PpidDemoTests(TestCase):
    def run_demo(self):
        subset = [spec for spec in content.OPDS if spec["acronym"] in DEMO_SUBSET]
        with mock.patch.object(content, "OPDS", subset):
            call_command("load_demo", stdout=StringIO())

    def test_demo_has_the_library_the_dip_and_requests_in_every_state_and_is_idempotent(self):
        self.run_demo()
        first = counts()
        self.run_demo()
        self.assertEqual(counts(), first)

        documents = PublicDocumentPage.objects.live()
        self.assertGreaterEqual(documents.count(), 40)
        for classification in Classification.values:
            with self.subTest(classification=classification):
                self.assertTrue(documents.filter(classification=classification).exists())
        self.assertTrue(documents.stale_berkala().exists())
        self.assertFalse(documents.filter(classification=Classification.DIKECUALIKAN, document__isnull=False).exists())
        for ppid_page in PpidIndexPage.objects.all():
            with self.subTest(opd=ppid_page.opd.acronym):
                self.assertTrue(ppid_page.live)
        categories = dip.build_dip(PpidIndexPage.objects.get(slug="ppid", url_path__contains="/dinkes/").opd)
        self.assertTrue(all(category.items for category in categories))

        requests = InformationRequest.objects.all()
        self.assertGreaterEqual(requests.count(), 20)
        self.assertTrue(requests.filter(status=RequestStatus.RECEIVED).exists())
        self.assertTrue(requests.filter(status=RequestStatus.EXTENDED).exists())
        for kind in AnswerKind.values:
            with self.subTest(answer=kind):
                self.assertTrue(requests.filter(answer_kind=kind).exists())
        self.assertTrue(requests.filter(escalated_at__isnull=False).exists())
        self.assertTrue(requests.filter(forwarded_to__isnull=False).exists())
        self.assertTrue(Objection.objects.filter(decided_at__isnull=True).exists())
        self.assertTrue(Objection.objects.filter(decided_at__isnull=False).exists())
