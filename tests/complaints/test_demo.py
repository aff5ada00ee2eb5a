from io import StringIO
from unittest import mock

from django.core.management import call_command
from django.test import TestCase

from complaints.models import Complaint, ComplaintCategory, ComplaintEvent
from demo import content


class ComplaintsDemoTests(TestCase):
    def run_demo(self):
        out = StringIO()
        with mock.patch.object(content, "OPDS", content.OPDS[:4]):
            call_command("load_demo", stdout=out)
        return out.getvalue()

    def test_forty_reports_in_every_state_and_running_again_changes_nothing(self):
        output = self.run_demo()
        self.assertIn("Pengaduan: 40 laporan demo dibuat", output)
        self.assertEqual(Complaint.objects.count(), 40)
        self.assertEqual(set(Complaint.objects.values_list("status", flat=True)), set(Complaint.Status.values))
        self.assertGreater(Complaint.objects.overdue().count(), 3)
        self.assertGreater(Complaint.objects.public_answered().count(), 5)
        self.assertEqual(Complaint.objects.filter(confidential=True).count(), 1)
        self.assertTrue(Complaint.objects.exclude(lapor_tracking_id="").exists())
        self.assertGreater(Complaint.objects.filter(opd__isnull=False).values("opd").distinct().count(), 1)
        counts = (Complaint.objects.count(), ComplaintCategory.objects.count(), ComplaintEvent.objects.count())
        self.run_demo()
        self.assertEqual(
            (Complaint.objects.count(), ComplaintCategory.objects.count(), ComplaintEvent.objects.count()),
            counts,
        )
