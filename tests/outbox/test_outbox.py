from unittest import mock

from django.core import mail
from django.core.management import call_command
from django.test import TestCase

from outbox.mail import queue_mail
from outbox.models import OutgoingMail


class OutboxTests(TestCase):
    def test_queued_mail_is_delivered_after_commit(self):
        with self.captureOnCommitCallbacks(execute=True):
            stored = queue_mail("Undangan", "Isi", "a@contohkab.go.id", kind="invitation")
        stored.refresh_from_db()
        self.assertEqual(stored.status, OutgoingMail.Status.SENT)
        self.assertEqual([m.to for m in mail.outbox], [["a@contohkab.go.id"]])

    def test_mail_server_down_keeps_the_message_and_cron_retries_it(self):
        down = mock.patch("django.core.mail.message.EmailMessage.send", side_effect=ConnectionRefusedError("down"))
        with down, self.captureOnCommitCallbacks(execute=True):
            stored = queue_mail("Undangan", "Isi", ["a@contohkab.go.id"])
        stored.refresh_from_db()
        self.assertEqual(stored.status, OutgoingMail.Status.FAILED)
        self.assertIn("down", stored.last_error)
        self.assertEqual(len(mail.outbox), 0)

        call_command("send_outbox", stdout=mock.Mock())
        stored.refresh_from_db()
        self.assertEqual(stored.status, OutgoingMail.Status.SENT)
        self.assertEqual(stored.attempts, 2)
        self.assertEqual(len(mail.outbox), 1)

    def test_mail_is_stored_even_if_the_transaction_has_not_committed(self):
        queue_mail("Subjek", "Isi", "b@contohkab.go.id")
        self.assertEqual(OutgoingMail.objects.undelivered().count(), 1)
        self.assertEqual(len(mail.outbox), 0)
