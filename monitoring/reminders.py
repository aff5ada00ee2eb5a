"""Reminders to quiet OPDs: e-mail the admins of an OPD that published nothing for N days.

Rules (thresholds in :class:`monitoring.models.MonitoringSettings`):

- an OPD is *quiet* when its last publication is N days old or more (default 14), or it never
  published anything;
- it gets at most one reminder per period of N days; a new publication ends the streak;
- from the second reminder of a streak on, Diskominfo receives a copy (CC);
- an OPD without an admin with an e-mail address: the reminder goes to Diskominfo instead;
- sending is tried a few times; a failure is logged (status "gagal") and the job continues with the
  next OPD. A failed reminder does not count, so the next run tries again.
"""

import datetime
import logging
import time
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from home.models import RegionSettings
from opd_teams.models import DISKOMINFO_GROUP

from .models import MonitoringSettings, Reminder
from .scorecard import build_scorecards

logger = logging.getLogger(__name__)

SEND_ATTEMPTS = 3
RETRY_DELAY_SECONDS = 2


@dataclass
class ReminderRun:
    """What a run of the job did, for the command's output and the task's result."""

    sent: list = field(default_factory=list)
    failed: list = field(default_factory=list)
    skipped: list = field(default_factory=list)
    dry_run: bool = False
    disabled: bool = False

    def as_dict(self):
        return {
            "sent": self.sent,
            "failed": self.failed,
            "skipped": self.skipped,
            "dry_run": self.dry_run,
            "disabled": self.disabled,
        }


def admin_url(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def add_news_url(card):
    """The admin page that opens an empty news item in this OPD's Berita (or its explorer)."""
    if card.news_index_id:
        return admin_url(reverse("wagtailadmin_pages:add", args=("opd_pages", "newspage", card.news_index_id)))
    return admin_url(reverse("wagtailadmin_explore", args=(card.opd.pk,)))


def diskominfo_addresses(thresholds):
    if thresholds.diskominfo_email:
        return [thresholds.diskominfo_email]
    users = get_user_model().objects.filter(groups__name=DISKOMINFO_GROUP, is_active=True).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))


def admin_addresses(card):
    return sorted({member.user.email for member in card.admins if member.user.is_active and member.user.email})


def streak_reminders(opd, last_published_at):
    """Reminders sent to ``opd`` since its last publication, newest first."""
    reminders = Reminder.objects.sent().filter(opd=opd)
    if last_published_at:
        reminders = reminders.filter(created_at__gt=last_published_at)
    return list(reminders.newest_first())


def due_reminder(card, now, period_days):
    """The sequence number of the reminder ``card``'s OPD is due, or None when none is due."""
    if card.days_since is not None and card.days_since < period_days:
        return None
    streak = streak_reminders(card.opd, card.last_published_at)
    if streak and now - streak[0].created_at < datetime.timedelta(days=period_days):
        return None
    return len(streak) + 1


def compose(card, sequence, thresholds, now):
    """(subject, body, to, cc) of the reminder for ``card``."""
    region = RegionSettings.objects.first()
    to = admin_addresses(card)
    diskominfo = diskominfo_addresses(thresholds)
    cc = diskominfo if sequence >= 2 else []
    no_admin = not to
    if no_admin:
        to, cc = diskominfo, []
    context = {
        "card": card,
        "opd": card.opd,
        "sequence": sequence,
        "period_days": thresholds.reminder_after_days,
        "add_news_url": add_news_url(card),
        "card_url": admin_url(reverse("monitoring:opd", args=(card.opd.pk,))),
        "region_name": region.name if region else settings.WAGTAIL_SITE_NAME,
        "copies_diskominfo": bool(cc),
        "no_admin": no_admin,
        "now": now,
    }
    subject = " ".join(render_to_string("monitoring/email/reminder_subject.txt", context).split())
    body = render_to_string("monitoring/email/reminder_body.txt", context)
    return subject, body, to, cc


def send_with_retry(message, attempts=SEND_ATTEMPTS, delay=RETRY_DELAY_SECONDS, sleep=time.sleep):
    """Send ``message``; retry on any error. Returns (attempts used, error text or "")."""
    error = ""
    for attempt in range(1, attempts + 1):
        try:
            message.send(fail_silently=False)
            return attempt, ""
        except Exception as exc:  # noqa: BLE001 - any backend error must be retried, never crash the job
            error = f"{type(exc).__name__}: {exc}"
            logger.warning("Pengingat ke %s gagal (percobaan %s): %s", message.to, attempt, error)
            if attempt < attempts:
                sleep(delay * attempt)
    return attempts, error


def send_due_reminders(now=None, dry_run=False, sleep=time.sleep, opds=None):
    """Send every reminder that is due now; returns a :class:`ReminderRun`. Never raises on mail errors."""
    now = now or timezone.now()
    thresholds = MonitoringSettings.load()
    run = ReminderRun(dry_run=dry_run)
    if not thresholds.reminders_enabled:
        run.disabled = True
        return run
    for card in build_scorecards(opds=opds, now=now, thresholds=thresholds):
        acronym = card.opd.acronym
        try:
            sequence = due_reminder(card, now, thresholds.reminder_after_days)
            if sequence is None:
                run.skipped.append(acronym)
                continue
            subject, body, to, cc = compose(card, sequence, thresholds, now)
            if dry_run:
                run.sent.append(acronym)
                continue
            if not to:
                attempts, error = 0, "Tidak ada alamat surel admin OPD maupun Diskominfo."
            else:
                message = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, to, cc=cc)
                attempts, error = send_with_retry(message, sleep=sleep)
            Reminder.objects.create(
                opd=card.opd,
                created_at=now,
                status=Reminder.Status.FAILED if error else Reminder.Status.SENT,
                sequence=sequence,
                days_quiet=card.days_since,
                last_published_at=card.last_published_at,
                recipients=", ".join(to),
                cc=", ".join(cc),
                subject=subject[:255],
                attempts=attempts,
                error=error,
            )
            (run.failed if error else run.sent).append(acronym)
        except Exception:  # noqa: BLE001 - one OPD's problem must not stop the reminders of the others
            logger.exception("Pengingat untuk %s gagal disiapkan", acronym)
            run.failed.append(acronym)
    return run
