"""The OPD scorecard: one card per OPD with activity, class, team, moderation and completeness.

:func:`build_scorecards` costs a fixed number of queries (about ten) whatever the number of OPDs
or pages: every figure is fetched for all OPDs at once and matched by the OPD's page path.
"""

import datetime
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Count, IntegerField, Min, OuterRef, Subquery, Value
from django.db.models.functions import Cast, Concat, Substr
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from wagtail.models import Page, WorkflowState

from opd_pages.models import AnnouncementPage, NewsIndexPage, OpdHomePage, ProfilePage
from opd_pages.models.profile import MANDATORY_PROFILE_TYPES
from opd_teams.models import OpdTeam

from .history import publication_stats
from .models import CLASS_SEVERITY, ActivityClass, MonitoringSettings, Reminder

WEEKS = 13
MIN_ACTIVE_ADMINS = 2
RECENT_REMINDER_DAYS = 180


@dataclass
class Member:
    user: object
    is_active: bool

    @property
    def last_login(self):
        return self.user.last_login


@dataclass
class ProfileIssue:
    label: str
    problem: str  # "hilang", "kosong" or "belum ditinjau"
    last_reviewed: datetime.date | None = None


@dataclass
class OpdCard:
    """Everything the scorecard shows about one OPD."""

    opd: OpdHomePage
    team: OpdTeam | None = None
    news_index_id: int | None = None
    last_published_at: datetime.datetime | None = None
    days_since: int | None = None
    published_7d: int = 0
    published_30d: int = 0
    published_90d: int = 0
    weekly: list = field(default_factory=list)
    week_starts: list = field(default_factory=list)
    activity_class: str = ActivityClass.TIDAK_AKTIF
    class_reason: str = ""
    admins: list = field(default_factory=list)
    operators: list = field(default_factory=list)
    moderation_count: int = 0
    oldest_moderation_at: datetime.datetime | None = None
    oldest_moderation_days: int | None = None
    profile_issues: list = field(default_factory=list)
    expired_announcements: int = 0
    recent_reminders: list = field(default_factory=list)
    service_score: object = None  # services.completeness.OpdScore: Standar Pelayanan score and zone
    complaints: dict = field(default_factory=dict)
    ppid: object = None  # ppid.report.PpidFigures of the current year
    broken_links: int = 0  # link_care: broken links found by the last check
    feedback: dict = field(default_factory=dict)  # page_feedback: helpful / not_helpful / comments, 90 days

    @property
    def activity_label(self):
        return ActivityClass(self.activity_class).label

    @property
    def severity(self):
        return CLASS_SEVERITY[self.activity_class]

    @property
    def active_admin_count(self):
        return sum(1 for member in self.admins if member.is_active)

    @property
    def active_operator_count(self):
        return sum(1 for member in self.operators if member.is_active)

    @property
    def too_few_admins(self):
        return self.active_admin_count < MIN_ACTIVE_ADMINS

    @property
    def completeness_problems(self):
        return len(self.profile_issues) + self.expired_announcements

    @property
    def feedback_total(self):
        return self.feedback.get("helpful", 0) + self.feedback.get("not_helpful", 0)

    @property
    def helpful_percent(self):
        total = self.feedback_total
        return round(100 * self.feedback.get("helpful", 0) / total) if total else None

    @property
    def last_reminder(self):
        if self.recent_reminders:
            return self.recent_reminders[0]
        if getattr(self.opd, "last_reminder_at", None):
            return Reminder(
                opd=self.opd,
                created_at=self.opd.last_reminder_at,
                sequence=self.opd.last_reminder_sequence,
                status=self.opd.last_reminder_status,
                cc=self.opd.last_reminder_cc or "",
            )
        return None

    def issues(self):
        """Short Indonesian sentences naming what needs attention (for the summary and e-mails)."""
        found = []
        if self.activity_class == ActivityClass.TIDAK_AKTIF:
            found.append(self.class_reason)
        if self.too_few_admins:
            found.append(
                _("Admin aktif hanya %(count)s (minimal %(min)s).")
                % {
                    "count": self.active_admin_count,
                    "min": MIN_ACTIVE_ADMINS,
                }
            )
        if self.moderation_count:
            found.append(_("%(count)s terbitan menunggu persetujuan.") % {"count": self.moderation_count})
        if self.profile_issues:
            found.append(_("%(count)s halaman profil wajib bermasalah.") % {"count": len(self.profile_issues)})
        if self.expired_announcements:
            found.append(_("%(count)s pengumuman kedaluwarsa masih terbit.") % {"count": self.expired_announcements})
        if self.broken_links:
            found.append(_("%(count)s tautan rusak di halaman OPD.") % {"count": self.broken_links})
        return found


def classify(days_since, per_30_days, per_90_days, thresholds):
    """(class, reason) from the days since the last publication and the publication rates."""
    if days_since is None:
        return ActivityClass.TIDAK_AKTIF, _("Belum pernah menerbitkan berita, pengumuman atau agenda.")
    if days_since > thresholds.inactive_after_days:
        return ActivityClass.TIDAK_AKTIF, _("Tidak ada terbitan selama %(days)s hari (batas %(limit)s hari).") % {
            "days": days_since,
            "limit": thresholds.inactive_after_days,
        }
    if per_30_days >= thresholds.harian_min_30d:
        return ActivityClass.HARIAN, _("%(count)s terbitan per 30 hari (batas harian %(limit)s).") % {
            "count": _number(per_30_days),
            "limit": thresholds.harian_min_30d,
        }
    if per_30_days >= thresholds.mingguan_min_30d:
        return ActivityClass.MINGGUAN, _("%(count)s terbitan per 30 hari (batas mingguan %(limit)s).") % {
            "count": _number(per_30_days),
            "limit": thresholds.mingguan_min_30d,
        }
    if per_90_days >= thresholds.bulanan_min_90d:
        return ActivityClass.BULANAN, _("%(count)s terbitan per 90 hari (batas bulanan %(limit)s).") % {
            "count": _number(per_90_days),
            "limit": thresholds.bulanan_min_90d,
        }
    return ActivityClass.TIDAK_AKTIF, _("Hanya %(count)s terbitan per 90 hari (batas bulanan %(limit)s).") % {
        "count": _number(per_90_days),
        "limit": thresholds.bulanan_min_90d,
    }


def _number(value):
    value = round(value, 1)
    return str(int(value)) if value == int(value) else str(value).replace(".", ",")


def local_days_between(earlier, now):
    return (timezone.localdate(now) - timezone.localtime(earlier).date()).days


def monitored_opds():
    """Live OPD sections whose team (if any) is not archived, by title.

    Annotated with their team, Berita index and moderation queue (count and oldest submission),
    so a whole scorecard needs no query per OPD.
    """
    # A range on the indexed path (not LIKE 'path%', which PostgreSQL cannot use with an outer reference).
    news_index = NewsIndexPage.objects.filter(
        path__gt=OuterRef("path"),
        path__lte=Concat(OuterRef("path"), Value("ZZZZ"), output_field=CharField()),
        depth=OuterRef("depth") + 1,
    )
    page_path = Page.objects.filter(pk=Cast(OuterRef("object_id"), IntegerField())).values("path")[:1]
    in_moderation = (
        WorkflowState.objects.filter(
            status=WorkflowState.STATUS_IN_PROGRESS, base_content_type=ContentType.objects.get_for_model(Page)
        )
        .annotate(page_path=Subquery(page_path))
        .filter(page_path__startswith=OuterRef("path"))
        .order_by()
        .values("status")
    )
    last_reminder = Reminder.objects.filter(opd=OuterRef("pk")).order_by("-created_at", "-pk")
    return (
        OpdHomePage.objects.live()
        .exclude(team__archived_at__isnull=False)
        .select_related("team")
        .annotate(
            last_reminder_at=Subquery(last_reminder.values("created_at")[:1]),
            last_reminder_sequence=Subquery(last_reminder.values("sequence")[:1]),
            last_reminder_status=Subquery(last_reminder.values("status")[:1]),
            last_reminder_cc=Subquery(last_reminder.values("cc")[:1]),
            news_index_id=Subquery(news_index.order_by("path").values("pk")[:1]),
            moderation_count=Subquery(in_moderation.annotate(count=Count("pk")).values("count")[:1]),
            oldest_moderation_at=Subquery(in_moderation.annotate(oldest=Min("created_at")).values("oldest")[:1]),
        )
        .order_by("title")
    )


def activity_buckets(now):
    """7/30/90-day windows, then 13 weekly windows (oldest first), all ending at ``now``."""
    day = datetime.timedelta(days=1)
    windows = [(now - 7 * day, now), (now - 30 * day, now), (now - 90 * day, now)]
    weeks = [(now - (WEEKS - i) * 7 * day, now - (WEEKS - 1 - i) * 7 * day) for i in range(WEEKS)]
    return windows + weeks


def build_scorecards(opds=None, now=None, thresholds=None, reminder_history=False):
    """One :class:`OpdCard` per monitored OPD: all of them, or those of ``opds`` (pages or pks) in that order.

    The scorecard shows only each OPD's last reminder (annotated); ``reminder_history`` also loads
    the reminders of the last 180 days for the OPD cards.
    """
    now = now or timezone.now()
    thresholds = thresholds or MonitoringSettings.load()
    if opds is None:
        opds = list(monitored_opds())
    else:
        order = [getattr(opd, "pk", opd) for opd in opds]
        found = {opd.pk: opd for opd in monitored_opds().filter(pk__in=order)}
        opds = [found[pk] for pk in order if pk in found]
    if not opds:
        return []
    cards = {opd.pk: OpdCard(opd=opd, news_index_id=opd.news_index_id) for opd in opds}
    by_path = {opd.path: cards[opd.pk] for opd in opds}
    path_length = len(opds[0].path)

    _add_activity(cards, opds, now, thresholds)
    _add_teams(cards, now, thresholds)
    _add_moderation(cards, now)
    _add_completeness(by_path, path_length, opds[0].depth + 1, now, thresholds)
    _add_service_scores(cards, opds, now)
    _add_ppid(cards, opds, now)
    if reminder_history:
        _add_reminders(cards, now)
    _add_complaints(cards, now)
    _add_links(cards)
    _add_feedback(cards, now)
    return [cards[opd.pk] for opd in opds]


def _add_ppid(cards, opds, now):
    """PPID requests of this year and berkala freshness (two queries, see ppid.report)."""
    from ppid.report import monitoring_figures

    year_start = timezone.localtime(now).replace(month=1, day=1, hour=0, minute=0, second=0, microsecond=0)
    for opd_pk, figures in monitoring_figures(opds, year_start, now, timezone.localdate(now)).items():
        cards[opd_pk].ppid = figures


def _add_activity(cards, opds, now, thresholds):
    buckets = activity_buckets(now)
    stats = publication_stats(opds, buckets)
    week_starts = [timezone.localtime(start).date() for start, _end in buckets[3:]]
    for opd_pk, card in cards.items():
        opd_stats = stats[opd_pk]
        card.last_published_at = opd_stats.last_published_at
        if card.last_published_at:
            card.days_since = local_days_between(card.last_published_at, now)
        card.published_7d, card.published_30d, card.published_90d = opd_stats.counts[:3]
        card.weekly = opd_stats.counts[3:]
        card.week_starts = week_starts
        card.activity_class, card.class_reason = classify(
            card.days_since, card.published_30d, card.published_90d, thresholds
        )


def _add_teams(cards, now, thresholds):
    groups = {}
    for card in cards.values():
        try:
            team = card.opd.team
        except OpdTeam.DoesNotExist:
            continue
        cards[team.opd_id].team = team
        groups[team.admin_group_id] = (cards[team.opd_id].admins, team)
        groups[team.operator_group_id] = (cards[team.opd_id].operators, team)
    active_since = now - datetime.timedelta(days=thresholds.active_account_days)
    memberships = (
        get_user_model()
        .groups.through.objects.filter(group_id__in=groups)
        .select_related("user")
        .order_by("user__username")
    )
    for membership in memberships:
        user = membership.user
        is_active = bool(user.is_active and user.last_login and user.last_login >= active_since)
        groups[membership.group_id][0].append(Member(user=user, is_active=is_active))


def _add_moderation(cards, now):
    for card in cards.values():
        card.moderation_count = card.opd.moderation_count or 0
        card.oldest_moderation_at = card.opd.oldest_moderation_at
        if card.oldest_moderation_at:
            card.oldest_moderation_days = local_days_between(card.oldest_moderation_at, now)


def is_empty_body(body):
    for block in body.raw_data:
        value = block.get("value")
        if isinstance(value, str):
            if strip_tags(value).strip():
                return False
        elif value:
            return False
    return True


def _add_completeness(by_path, path_length, child_depth, now, thresholds):
    today = timezone.localdate(now)
    review_limit = today - datetime.timedelta(days=thresholds.review_max_age_days)
    labels = {profile_type.value: profile_type.label for profile_type in MANDATORY_PROFILE_TYPES}
    found = {}
    profiles = (
        ProfilePage.objects.live()
        .filter(depth=child_depth, profile_type__in=list(labels))
        .only("path", "profile_type", "last_reviewed", "body")
        .order_by("path")
    )
    for page in profiles:
        found.setdefault(page.path[:path_length], {})[page.profile_type] = page
    for opd_path, card in by_path.items():
        pages = found.get(opd_path, {})
        for profile_type, label in labels.items():
            page = pages.get(profile_type)
            if page is None:
                card.profile_issues.append(ProfileIssue(str(label), _("hilang")))
            elif is_empty_body(page.body):
                card.profile_issues.append(ProfileIssue(str(label), _("kosong"), page.last_reviewed))
            elif page.last_reviewed is None or page.last_reviewed < review_limit:
                card.profile_issues.append(ProfileIssue(str(label), _("belum ditinjau"), page.last_reviewed))

    expired = (
        AnnouncementPage.objects.expired(today)
        .annotate(opd_path=Substr("path", 1, path_length))
        .values("opd_path")
        .annotate(count=Count("pk"))
        .order_by()
    )
    for row in expired:
        card = by_path.get(row["opd_path"])
        if card:
            card.expired_announcements = row["count"]


def _add_service_scores(cards, opds, now):
    """Standar Pelayanan completeness per OPD (two queries, see services.completeness)."""
    from services.completeness import opd_scores

    for opd_pk, score in opd_scores(opds, timezone.localdate(now)).items():
        cards[opd_pk].service_score = score


def _add_reminders(cards, now):
    since = now - datetime.timedelta(days=RECENT_REMINDER_DAYS)
    for reminder in Reminder.objects.filter(opd_id__in=cards, created_at__gte=since).newest_first():
        cards[reminder.opd_id].recent_reminders.append(reminder)


def _add_complaints(cards, now):
    """Complaint figures per OPD (complaints app): count, share answered in time, median, overdue now."""
    from complaints.models import Complaint
    from complaints.services import opd_figures

    for opd_pk, figures in opd_figures(Complaint.objects.filter(opd_id__in=cards), now=now).items():
        cards[opd_pk].complaints = figures


def _add_links(cards):
    """Broken links per OPD from the last link check (link_care), one query."""
    from link_care.models import LinkResult

    for opd_pk, count in LinkResult.objects.broken_counts(list(cards)).items():
        cards[opd_pk].broken_links = count


FEEDBACK_DAYS = 90


def _add_feedback(cards, now):
    """ "Apakah halaman ini membantu?" answers per OPD in the last 90 days (page_feedback), one query."""
    from page_feedback.models import PageFeedback

    since = now - datetime.timedelta(days=FEEDBACK_DAYS)
    for opd_pk, figures in PageFeedback.objects.filter(received_at__gte=since).summary_by_opd(list(cards)).items():
        cards[opd_pk].feedback = figures


def _none_last(value, missing):
    return missing if value is None else value


#: Scorecard sort keys: query value → key function (ascending).
SORT_KEYS = {
    "opd": lambda card: card.opd.title.lower(),
    "terakhir": lambda card: _none_last(card.last_published_at, datetime.datetime.min.replace(tzinfo=datetime.UTC)),
    "hari": lambda card: _none_last(card.days_since, 10**6),
    "7": lambda card: card.published_7d,
    "30": lambda card: card.published_30d,
    "90": lambda card: card.published_90d,
    "kelas": lambda card: (card.severity, -_none_last(card.days_since, 10**6)),
    "admin": lambda card: card.active_admin_count,
    "moderasi": lambda card: card.moderation_count,
    "kelengkapan": lambda card: card.completeness_problems,
    "layanan": lambda card: _none_last(card.service_score.score if card.service_score else None, -1),
    "pengingat": lambda card: card.last_reminder.created_at.timestamp() if card.last_reminder else 0,
}
DEFAULT_SORT = "kelas"


def sort_cards(cards, ordering):
    """Sort by a :data:`SORT_KEYS` name, ``-`` prefix for descending; returns (cards, ordering used)."""
    name = ordering.lstrip("-") if ordering else DEFAULT_SORT
    if name not in SORT_KEYS:
        name, ordering = DEFAULT_SORT, DEFAULT_SORT
    descending = bool(ordering) and ordering.startswith("-")
    cards = sorted(cards, key=lambda card: card.opd.title.lower())
    return sorted(cards, key=SORT_KEYS[name], reverse=descending), ("-" if descending else "") + name


def worst(cards, count=5):
    """The ``count`` OPDs most in need of attention: worst class, then longest silence, then most issues."""
    return sorted(
        cards,
        key=lambda card: (card.severity, -_none_last(card.days_since, 10**6), -len(card.issues())),
    )[:count]


def class_counts(cards):
    counts = dict.fromkeys(ActivityClass, 0)
    for card in cards:
        counts[ActivityClass(card.activity_class)] += 1
    return [(activity_class, counts[activity_class]) for activity_class in ActivityClass]
