"""E-mail backends that fail, for testing that reminders retry and never crash the job."""

import smtplib

from django.core.mail.backends.locmem import EmailBackend as LocmemBackend


class FailingEmailBackend(LocmemBackend):
    """Every send fails like an unreachable SMTP server."""

    calls = 0

    def send_messages(self, messages):
        type(self).calls += 1
        raise smtplib.SMTPServerDisconnected("server tidak tersambung")


class FlakyEmailBackend(LocmemBackend):
    """The first send fails, the next ones are delivered to the locmem outbox."""

    calls = 0

    def send_messages(self, messages):
        type(self).calls += 1
        if type(self).calls == 1:
            raise ConnectionRefusedError("sambungan ditolak")
        return super().send_messages(messages)
