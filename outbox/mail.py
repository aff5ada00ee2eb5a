"""Queue and deliver outgoing mail."""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone

from .models import OutgoingMail

logger = logging.getLogger("portal.outbox")


def queue_mail(subject, body, to, *, html_body="", from_email=None, kind=""):
    """Store the message now; deliver it after the surrounding transaction commits.

    Returns the stored :class:`OutgoingMail`. A failing mail server never raises here.
    """
    recipients = [to] if isinstance(to, str) else list(to)
    mail = OutgoingMail.objects.create(
        subject=str(subject)[:255],
        body=str(body),
        html_body=str(html_body or ""),
        from_email=from_email or "",
        to=recipients,
        kind=kind,
    )
    transaction.on_commit(lambda: _enqueue(mail.pk))
    return mail


def _enqueue(mail_id):
    from .tasks import deliver_mail

    try:
        deliver_mail.enqueue(mail_id)
    except Exception:  # noqa: BLE001 - the row stays pending; send_outbox retries it
        logger.exception("Could not enqueue mail %s", mail_id)


def deliver(mail):
    """Try to send one stored message; record the outcome. Returns True when sent."""
    message = EmailMultiAlternatives(
        subject=mail.subject,
        body=mail.body,
        from_email=mail.from_email or settings.DEFAULT_FROM_EMAIL,
        to=mail.to,
    )
    if mail.html_body:
        message.attach_alternative(mail.html_body, "text/html")
    mail.attempts += 1
    try:
        message.send()
    except Exception as exc:  # noqa: BLE001 - any mail failure is recorded and retried later
        mail.status = OutgoingMail.Status.FAILED
        mail.last_error = f"{type(exc).__name__}: {exc}"[:2000]
        mail.save(update_fields=["attempts", "status", "last_error"])
        logger.warning("Mail %s not delivered: %s", mail.pk, mail.last_error)
        return False
    mail.status = OutgoingMail.Status.SENT
    mail.sent_at = timezone.now()
    mail.last_error = ""
    mail.save(update_fields=["attempts", "status", "last_error", "sent_at"])
    return True


def deliver_due(limit=500):
    """Deliver every due message (the cron retry path). Returns (sent, failed)."""
    sent = failed = 0
    for mail in OutgoingMail.objects.due().order_by("created_at")[:limit]:
        if deliver(mail):
            sent += 1
        else:
            failed += 1
    return sent, failed
