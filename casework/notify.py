"""Mail about cases, rendered from templates and queued in the outbox (never sent in the request)."""

import logging

from django.template.loader import render_to_string

from outbox.mail import queue_mail

logger = logging.getLogger("portal.casework")


def send(to, subject_template, body_template, context, *, kind):
    """Queue one mail to ``to`` (address or list); empty recipients send nothing. Returns the mail or None."""
    recipients = [to] if isinstance(to, str) else [address for address in to if address]
    if not recipients or not all(recipients):
        return None
    subject = " ".join(render_to_string(subject_template, context).split())
    body = render_to_string(body_template, context)
    return queue_mail(subject, body, recipients, kind=kind)
