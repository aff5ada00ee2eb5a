from django.contrib.auth import get_user_model
from django.test import RequestFactory, TestCase

from audit.log import record
from audit.models import AuditEvent


class RecordTests(TestCase):
    def test_record_takes_user_and_address_from_the_request(self):
        user = get_user_model().objects.create_user("dinkes.admin", password="x")
        request = RequestFactory().post("/admin/tim/", REMOTE_ADDR="10.1.2.3")
        request.user = user
        record("team.deactivate", request=request, outcome="denied", target="admin", reason="outside team")
        event = AuditEvent.objects.get()
        self.assertEqual(
            (event.username, event.ip_address, event.outcome, event.details),
            ("dinkes.admin", "10.1.2.3", "denied", {"reason": "outside team"}),
        )

    def test_record_never_raises(self):
        self.assertIsNone(record("x", target="t", unserialisable=object()))
