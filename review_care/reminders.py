"""Reminders for pages due for review (``core.models.ReviewScheduleMixin.review_due``).

Escalation follows the publication reminders of ``monitoring.reminders``:

- a page is due when its ``review_due`` date has come; it gets at most one reminder per period
  (``MonitoringSettings.reminder_after_days``) for as long as it stays due for that date;
- the reminder goes to the page's owner and the admins of its OPD; from the second reminder of
  the same due date on, Diskominfo receives it too;
- nobody to write to (no owner or admin with an address): it goes to Diskominfo instead;
- the master switch ``MonitoringSettings.reminders_enabled`` applies to these reminders too.

Mail is queued through ``outbox`` (delivered after commit, retried by ``send_outbox``); one page's
problem never stops the reminders of the others.
"""

import datetime
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from core.models import ReviewScheduleMixin
from home.models import RegionSettings
from monitoring.models import MonitoringSettings
from monitoring.reminders import admin_url, diskominfo_addresses
from opd_pages.models import attach_opds
from outbox.mail import queue_mail

from .models import ReviewReminder

logger = logging.getLogger("portal.review_care")


@dataclass
class ReviewRun:
    sent: list = field(default_factory=list)
    failed: list = field(default_factory=list)
    skipped: list = field(default_factory=list)
    dry_run: bool = False
    disabled: bool = False


def review_page_models():
    """Concrete page types with a review schedule."""
    from wagtail.models import get_page_models

    return [model for model in get_page_models() if issubclass(model, ReviewScheduleMixin) and not model._meta.abstract]


def due_pages(today):
    """Live pages whose review is due on or before ``today``, oldest due first, with ``page.opd`` set."""
    pages = []
    for model in review_page_models():
        pages += list(model.objects.live().filter(review_due__lte=today).select_related("owner"))
    pages.sort(key=lambda page: (page.review_due, page.path))
    return attach_opds(pages)


def admin_emails(opd_ids):
    """{opd id: sorted admin addresses} of active admins, one query."""
    found = {}
    rows = (
        get_user_model()
        .objects.filter(groups__opd_team_as_admin__opd_id__in=opd_ids, is_active=True)
        .filter(groups__opd_team_as_admin__archived_at__isnull=True)
        .exclude(email="")
    )
    for opd_id, email in rows.values_list("groups__opd_team_as_admin__opd_id", "email"):
        found.setdefault(opd_id, set()).add(email)
    return {opd_id: sorted(emails) for opd_id, emails in found.items()}


def due_sequence(page, now, period_days):
    """The number of the reminder due for ``page`` now, or None when one was sent within the period."""
    streak = list(ReviewReminder.objects.filter(page=page, review_due=page.review_due).newest_first())
    if streak and now - streak[0].created_at < datetime.timedelta(days=period_days):
        return None
    return len(streak) + 1


def compose(page, sequence, admins, diskominfo, now):
    to = sorted(
        set(admins) | ({page.owner.email} if page.owner and page.owner.is_active and page.owner.email else set())
    )
    cc = diskominfo if sequence >= 2 else []
    no_one = not to
    if no_one:
        to, cc = list(diskominfo), []
    region = RegionSettings.objects.first()
    context = {
        "page": page,
        "opd": page.opd,
        "sequence": sequence,
        "edit_url": admin_url(reverse("wagtailadmin_pages:edit", args=(page.pk,))),
        "region_name": region.name if region else settings.WAGTAIL_SITE_NAME,
        "copies_diskominfo": bool(cc),
        "no_one": no_one,
        "now": now,
    }
    subject = " ".join(render_to_string("review_care/email/subject.txt", context).split())
    body = render_to_string("review_care/email/body.txt", context)
    return subject, body, to, cc


def send_review_reminders(now=None, dry_run=False):
    """Queue every review reminder due now; returns a :class:`ReviewRun`."""
    now = now or timezone.now()
    thresholds = MonitoringSettings.load()
    run = ReviewRun(dry_run=dry_run)
    if not thresholds.reminders_enabled:
        run.disabled = True
        return run
    pages = due_pages(timezone.localdate(now))
    admins = admin_emails({page.opd.pk for page in pages if page.opd})
    diskominfo = diskominfo_addresses(thresholds)
    for page in pages:
        label = f"{page.opd.acronym if page.opd else '-'}: {page.title}"
        try:
            sequence = due_sequence(page, now, thresholds.reminder_after_days)
            if sequence is None:
                run.skipped.append(label)
                continue
            subject, body, to, cc = compose(
                page, sequence, admins.get(page.opd.pk if page.opd else None, []), diskominfo, now
            )
            if dry_run:
                run.sent.append(label)
                continue
            if not to:
                run.failed.append(label)
                logger.warning("No address for the review reminder of page %s", page.pk)
                continue
            with transaction.atomic():
                ReviewReminder.objects.create(
                    page=page,
                    opd=page.opd,
                    review_due=page.review_due,
                    sequence=sequence,
                    created_at=now,
                    recipients=", ".join(to),
                    cc=", ".join(cc),
                )
                queue_mail(subject, body, [*to, *cc], kind="review_care")
            run.sent.append(label)
        except Exception:  # noqa: BLE001 - one page's problem must not stop the reminders of the others
            logger.exception("Review reminder for page %s failed", page.pk)
            run.failed.append(label)
    return run
