"""What happens to a complaint: routing, the clock, notices, escalation and the figures."""

import datetime
import statistics
from collections import defaultdict

from django.conf import settings
from django.db.models import Count, F, Q
from django.urls import reverse
from django.utils import timezone

from audit.log import record
from casework import access, notify
from casework.deadlines import compute_deadline
from casework.escalation import escalate
from casework.intake import follow_up, store_case
from casework.uploads import store_attachment
from opd_teams.models import OpdTeam

from .models import KIND, Complaint, ComplaintAttachment, ComplaintClock, region_clock

#: Escalation levels: 1 = OPD admins and handlers told; 2 = coordinator and Inspektorat told.
LEVEL_OPD, LEVEL_REGION = 1, 2


def coordinator():
    return getattr(settings, "PORTAL_COMPLAINTS_COORDINATOR", "Diskominfo")


def inspektorat():
    return getattr(settings, "PORTAL_COMPLAINTS_INSPEKTORAT", "Inspektorat")


def second_escalation_after():
    return datetime.timedelta(hours=int(getattr(settings, "PORTAL_COMPLAINTS_SECOND_ESCALATION_HOURS", 24)))


def clock_for(opd_id):
    """(amount, unit) of the first-answer deadline for an OPD (its own, else the region's)."""
    if opd_id is not None:
        clock = ComplaintClock.objects.filter(opd_id=opd_id).first()
        if clock is not None:
            return clock.amount, clock.unit
    return region_clock()


def apply_deadline(case):
    amount, unit = clock_for(case.opd_id)
    case.due_at = compute_deadline(case.received_at, amount, unit)


def route(case):
    """The category's OPD from the routing table, unless the citizen chose one."""
    if case.opd_id is None and case.category_id and case.category.opd_id:
        case.opd_id = case.category.opd_id


def absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def status_path(case, token):
    return reverse("complaints:status", args=[case.tracking_number, token])


def submit(case, checked_files=(), *, request=None):
    """Store a citizen's report first, then attachments and notices (each may fail alone).

    Returns ``(token, failed_steps)``.
    """
    route(case)
    apply_deadline(case)
    token = store_case(case)

    def attachments(case):
        for checked in checked_files:
            store_attachment(case, checked, ComplaintAttachment)

    def notices(case):
        notify_received(case, token)

    failed = follow_up(case, attachments, notices)
    return token, failed


def staff_recipients(case):
    if case.opd_id is None:
        return access.emails_of(access.coordinator_users(coordinator(), KIND))
    return access.emails_of(access.handler_users(case.opd_id, KIND))


def notify_received(case, token):
    context = {"case": case, "status_url": absolute(status_path(case, token))}
    if case.contact_email:
        notify.send(
            case.contact_email,
            "complaints/email/received_subject.txt",
            "complaints/email/received.txt",
            context,
            kind="complaints.received",
        )
    notify.send(
        staff_recipients(case),
        "complaints/email/new_subject.txt",
        "complaints/email/new.txt",
        {**context, "inbox_url": absolute(reverse("complaints_admin:detail", args=[case.pk]))},
        kind="complaints.new",
    )


def notify_reporter(case, event):
    """Tell the reporter about a public answer (the link was in the first mail; it is not stored)."""
    if case.contact_email and event.public_text:
        notify.send(
            case.contact_email,
            "complaints/email/answer_subject.txt",
            "complaints/email/answer.txt",
            {"case": case, "event": event},
            kind="complaints.answer",
        )


def notify_forwarded(case):
    notify.send(
        staff_recipients(case),
        "complaints/email/new_subject.txt",
        "complaints/email/new.txt",
        {"case": case, "inbox_url": absolute(reverse("complaints_admin:detail", args=[case.pk]))},
        kind="complaints.forwarded",
    )


def escalation_recipients(case, level):
    if level == LEVEL_OPD and case.opd_id is not None:
        return access.emails_of(access.handler_users(case.opd_id, KIND))
    users = list(access.coordinator_users(coordinator(), KIND))
    team = OpdTeam.objects.filter(opd__acronym__iexact=inspektorat()).first()
    if team is not None:
        users += list(team.admins().filter(is_active=True))
    return access.emails_of(users)


def _notify_escalation(case, level):
    notify.send(
        escalation_recipients(case, level),
        "complaints/email/overdue_subject.txt",
        "complaints/email/overdue.txt",
        {"case": case, "level": level, "inbox_url": absolute(reverse("complaints_admin:detail", args=[case.pk]))},
        kind="complaints.escalation",
    )
    record("complaints.escalate", opd=case.opd, target=case.tracking_number, level=level)


def escalate_overdue(now=None):
    """Escalate overdue reports: to the OPD at the deadline, to the region a while later. Returns counts."""
    now = now or timezone.now()
    first = escalate(Complaint.objects.overdue(now), LEVEL_OPD, _notify_escalation, now=now)
    late = Complaint.objects.overdue(now - second_escalation_after())
    second = escalate(late, LEVEL_REGION, _notify_escalation, now=now)
    return {"opd": len(first), "region": len(second)}


# Figures ----------------------------------------------------------------------------------------
def opd_figures(queryset=None, *, now=None):
    """Per OPD id: received, answered, answered in time, share in time (%), median hours, overdue now.

    Two queries whatever the number of OPDs or reports.
    """
    now = now or timezone.now()
    queryset = Complaint.objects.all() if queryset is None else queryset
    rows = queryset.values("opd_id").annotate(
        received=Count("pk"),
        answered=Count("pk", filter=Q(first_response_at__isnull=False)),
        in_time=Count("pk", filter=Q(first_response_at__isnull=False, first_response_at__lte=F("due_at"))),
        overdue=Count(
            "pk",
            filter=Q(first_response_at__isnull=True, due_at__lt=now) & ~Q(status__in=Complaint.CLOSED_STATUSES),
        ),
    )
    figures = {}
    for row in rows:
        figures[row["opd_id"]] = {**row, "median_hours": None, "share_in_time": _share(row["in_time"], row["answered"])}
    durations = defaultdict(list)
    answered = queryset.filter(first_response_at__isnull=False).values_list(
        "opd_id", "received_at", "first_response_at"
    )
    for opd_id, received_at, first_response_at in answered:
        durations[opd_id].append((first_response_at - received_at).total_seconds() / 3600)
    for opd_id, hours in durations.items():
        figures[opd_id]["median_hours"] = round(statistics.median(hours), 1)
    return figures


def region_figures(figures):
    """The region's totals from :func:`opd_figures` (median over all answered reports is not additive,
    so the caller passes ``all_hours`` when it has them)."""
    total = {"received": 0, "answered": 0, "in_time": 0, "overdue": 0}
    for row in figures.values():
        for key in total:
            total[key] += row[key]
    total["share_in_time"] = _share(total["in_time"], total["answered"])
    return total


def median_hours(queryset):
    hours = [
        (answered - received).total_seconds() / 3600
        for received, answered in queryset.filter(first_response_at__isnull=False).values_list(
            "received_at", "first_response_at"
        )
    ]
    return round(statistics.median(hours), 1) if hours else None


def _share(part, whole):
    return round(100 * part / whole) if whole else None
