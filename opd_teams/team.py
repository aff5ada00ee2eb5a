"""Team continuity: invite, deactivate, hand over, and find OPDs at risk.

Every function takes the OPD team it acts in; the views check that the acting user is an
admin of that team before calling them.
"""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Page, WorkflowState

from audit import log as audit_log

from .invitations import send_invitation
from .models import OpdTeam
from .onboarding import MIN_ADMINS, get_or_create_member
from .roles import is_diskominfo

HANDOVER_ACTION = "opd_teams.handover"
DEACTIVATE_ACTION = "opd_teams.deactivate"
INVITE_ACTION = "opd_teams.invite"
REPLACE_ADMIN_ACTION = "opd_teams.replace_admin"
REACTIVATE_ACTION = "opd_teams.reactivate"


class TeamError(Exception):
    """A team action was refused; the message is for the OPD admin (Bahasa Indonesia)."""


def role_label(team, user):
    return _("admin") if team.admin_group in user.groups.all() else _("operator")


def refuse(action, team, message, *, by_user=None, request=None, target="", **details):
    """Log the refusal of team action ``action`` (outcome "denied") and raise :class:`TeamError`."""
    audit_log.record(
        f"team.{action}",
        request=request,
        user=by_user,
        opd=team.opd if team is not None else None,
        target=target,
        outcome="denied",
        reason=str(message),
        **details,
    )
    raise TeamError(message)


def record(action, team, *, by_user=None, request=None, target="", **details):
    audit_log.record(f"team.{action}", request=request, user=by_user, opd=team.opd, target=target, **details)


def team_group_ids(team):
    return {team.admin_group_id, team.operator_group_id}


def belongs_only_to(team, user):
    """True when ``user`` is an account of ``team`` and nothing else: no superuser, no platform or other OPD group.

    Team actions touch only such accounts: never a superuser, Diskominfo, humas, another OPD's member
    (an account shared with another OPD counts as another OPD's), or a stray account with no group.
    """
    if user.is_superuser:
        return False
    group_ids = set(user.groups.values_list("pk", flat=True))
    return bool(group_ids) and group_ids <= team_group_ids(team)


def outside_team_message():
    return _(
        "Alamat surel ini sudah dipakai akun di luar tim OPD Anda. Akun itu tidak dapat diubah dari Tim OPD; "
        "hubungi Diskominfo untuk menyelesaikannya."
    )


def inactive_message():
    return _("Akun ini nonaktif. Hanya Diskominfo yang dapat mengaktifkan kembali akun; hubungi Diskominfo.")


def accounts_with_email(email):
    return get_user_model().objects.filter(email__iexact=email.strip())


def check_new_member_email(action, team, email, *, by_user=None, request=None):
    """The account ``email`` names, if it is an active account of this team only; refuses any other owner."""
    existing = list(accounts_with_email(email))
    for account in existing:
        if not belongs_only_to(team, account):
            refuse(action, team, outside_team_message(), by_user=by_user, request=request, target=email)
        if not account.is_active:
            refuse(action, team, inactive_message(), by_user=by_user, request=request, target=email)
    return existing[0] if existing else None


def ensure_member(team, member, action="act", *, by_user=None, request=None):
    """Refuse (and log) unless ``member`` is an account of ``team`` and nothing else."""
    if not belongs_only_to(team, member):
        refuse(
            action,
            team,
            _("Akun ini bukan anggota tim OPD Anda, atau juga dipakai di luar tim ini; hubungi Diskominfo."),
            by_user=by_user,
            request=request,
            target=member.get_username(),
        )


def invite_operator(team, email, first_name="", by_user=None, request=None):
    """Add ``email`` as a new operator of ``team`` and e-mail an invitation.

    Any account with that e-mail outside the team (superuser, Diskominfo, humas, another OPD, or a
    stray account) is refused with a message naming Diskominfo; so is an inactive team account.
    """
    email = email.strip().lower()
    existing = check_new_member_email("invite", team, email, by_user=by_user, request=request)
    if existing is not None:
        refuse(
            "invite",
            team,
            _("Akun ini sudah anggota tim OPD Anda; gunakan Kirim ulang undangan."),
            by_user=by_user,
            request=request,
            target=email,
        )
    with transaction.atomic():
        user, _created = get_or_create_member(email, team.operator_group, first_name=first_name)
        log(instance=user, action=INVITE_ACTION, user=by_user, data={"opd": team.opd.acronym})
        record("invite", team, by_user=by_user, request=request, target=user.get_username(), role="operator")
        send_invitation(user, team, _("operator"))  # stored in this transaction (outbox)
    return user


def resend_invitation(team, member, by_user=None, request=None):
    ensure_member(team, member, "resend", by_user=by_user, request=request)
    if not member.is_active:
        refuse("resend", team, inactive_message(), by_user=by_user, request=request, target=member.get_username())
    record("resend", team, by_user=by_user, request=request, target=member.get_username())
    send_invitation(member, team, role_label(team, member))


def active_admin_count(team):
    return team.admins().filter(is_active=True).count()


def deactivate_member(team, member, by_user=None, request=None):
    """Deactivate an operator, or an admin when more than the minimum number of active admins remain."""
    ensure_member(team, member, "deactivate", by_user=by_user, request=request)
    target = member.get_username()
    if member.pk == getattr(by_user, "pk", None):
        refuse(
            "deactivate",
            team,
            _("Anda tidak dapat menonaktifkan akun Anda sendiri."),
            by_user=by_user,
            request=request,
            target=target,
        )
    if team.admins().filter(pk=member.pk, is_active=True).exists() and active_admin_count(team) <= MIN_ADMINS:
        refuse(
            "deactivate",
            team,
            _(
                "OPD harus tetap punya sedikitnya %(count)d admin aktif. Gunakan Ganti admin untuk menggantinya "
                "dengan orang lain."
            )
            % {"count": MIN_ADMINS},
            by_user=by_user,
            request=request,
            target=target,
        )
    member.is_active = False
    member.save(update_fields=["is_active"])
    log(instance=member, action=DEACTIVATE_ACTION, user=by_user, data={"opd": team.opd.acronym})
    record("deactivate", team, by_user=by_user, request=request, target=target)


def reactivate_member(team, member, by_user=None, request=None):
    """Diskominfo only: make an inactive account of ``team`` active again."""
    if not is_diskominfo(by_user):
        refuse("reactivate", team, inactive_message(), by_user=by_user, request=request, target=member.get_username())
    ensure_member(team, member, "reactivate", by_user=by_user, request=request)
    member.is_active = True
    member.save(update_fields=["is_active"])
    log(instance=member, action=REACTIVATE_ACTION, user=by_user, data={"opd": team.opd.acronym})
    record("reactivate", team, by_user=by_user, request=request, target=member.get_username())


def _check_successor(action, team, departing, successor_email, *, by_user, request, may_promote=False):
    """Refuse (and log, outside any transaction) a successor e-mail that is not free for ``team``."""
    if departing.email.lower() == successor_email:
        refuse(
            action,
            team,
            _("Pengganti harus orang lain (alamat surel berbeda)."),
            by_user=by_user,
            request=request,
            target=successor_email,
        )
    existing = check_new_member_email(action, team, successor_email, by_user=by_user, request=request)
    if existing is not None and not (may_promote and not team.admins().filter(pk=existing.pk).exists()):
        refuse(
            action,
            team,
            _("Pengganti sudah anggota tim OPD Anda dengan peran ini."),
            by_user=by_user,
            request=request,
            target=successor_email,
        )


def _move_work(team, departing, successor, by_user):
    """Drafts, locks and in-progress submissions of ``departing`` in the OPD subtree go to ``successor``."""
    subtree = Page.objects.descendant_of(team.opd, inclusive=True)
    drafts = subtree.filter(owner=departing).filter(models.Q(live=False) | models.Q(has_unpublished_changes=True))
    locked = subtree.filter(locked=True, locked_by=departing)
    states = WorkflowState.objects.active().filter(
        requested_by=departing,
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=[str(pk) for pk in subtree.values_list("pk", flat=True)],
    )
    moved = {
        "drafts": list(drafts.values_list("pk", flat=True)),
        "locks": list(locked.values_list("pk", flat=True)),
    }
    moved["submissions"] = [int(pk) for pk in states.values_list("object_id", flat=True)]
    drafts.update(owner=successor)
    locked.update(locked_by=successor)
    states.update(requested_by=successor)
    departing.is_active = False
    departing.save(update_fields=["is_active"])
    data = {
        "opd": team.opd.acronym,
        "departing": departing.get_username(),
        "successor": successor.get_username(),
    }
    for page in Page.objects.filter(pk__in=set(moved["drafts"] + moved["locks"] + moved["submissions"])):
        log(instance=page, action=HANDOVER_ACTION, user=by_user, data=data)
    log(instance=departing, action=HANDOVER_ACTION, user=by_user, data={**data, **moved})
    return moved


def handover(team, departing, successor_email, by_user=None, first_name="", request=None):
    """ "Ganti operator": the successor takes the departing operator's drafts, locks and pending submissions.

    Operators only (an admin is replaced with :func:`replace_admin`). The departing account is
    deactivated, the successor invited as operator, and every moved page gets an entry in its
    history (Wagtail's audit log).
    """
    ensure_member(team, departing, "handover", by_user=by_user, request=request)
    if team.admins().filter(pk=departing.pk).exists():
        refuse(
            "handover",
            team,
            _("Akun ini admin OPD; gunakan Ganti admin."),
            by_user=by_user,
            request=request,
            target=departing.get_username(),
        )
    successor_email = successor_email.strip().lower()
    _check_successor("handover", team, departing, successor_email, by_user=by_user, request=request)
    with transaction.atomic():
        successor, _created = get_or_create_member(successor_email, team.operator_group, first_name=first_name)
        moved = _move_work(team, departing, successor, by_user)
        record(
            "handover",
            team,
            by_user=by_user,
            request=request,
            target=departing.get_username(),
            successor=successor.get_username(),
            **moved,
        )
        send_invitation(successor, team, _("operator"))  # stored in this transaction (outbox)
    return successor, moved


def replace_admin(team, departing, successor_email, by_user=None, first_name="", request=None):
    """ "Ganti admin": a new admin takes over from ``departing``; the OPD keeps at least two active admins."""
    ensure_member(team, departing, "replace_admin", by_user=by_user, request=request)
    target = departing.get_username()
    if not team.admins().filter(pk=departing.pk, is_active=True).exists():
        refuse(
            "replace_admin",
            team,
            _("Akun ini bukan admin aktif OPD ini."),
            by_user=by_user,
            request=request,
            target=target,
        )
    if departing.pk == getattr(by_user, "pk", None):
        refuse(
            "replace_admin",
            team,
            _("Minta admin lain OPD Anda untuk mengganti akun Anda."),
            by_user=by_user,
            request=request,
            target=target,
        )
    successor_email = successor_email.strip().lower()
    _check_successor(
        "replace_admin", team, departing, successor_email, by_user=by_user, request=request, may_promote=True
    )
    # The departing admin is replaced one for one: the count of active admins stays what it is.
    if active_admin_count(team) < MIN_ADMINS:
        refuse(
            "replace_admin",
            team,
            _("OPD harus tetap punya sedikitnya %(count)d admin aktif; hubungi Diskominfo.") % {"count": MIN_ADMINS},
            by_user=by_user,
            request=request,
            target=target,
        )
    with transaction.atomic():
        successor, _created = get_or_create_member(successor_email, team.admin_group, first_name=first_name)
        successor.groups.remove(team.operator_group)
        moved = _move_work(team, departing, successor, by_user)
        log(instance=successor, action=REPLACE_ADMIN_ACTION, user=by_user, data={"opd": team.opd.acronym})
        record(
            "replace_admin", team, by_user=by_user, request=request, target=target, successor=successor.get_username()
        )
        send_invitation(successor, team, _("admin"))  # stored in this transaction (outbox)
    return successor, moved


def unused_since_days():
    return getattr(settings, "PORTAL_ACCOUNT_UNUSED_DAYS", 90)


def unused_accounts(days=None, now=None):
    """Active OPD members who have not logged in for ``days`` (never: counted from when they joined)."""
    days = unused_since_days() if days is None else days
    cutoff = (now or timezone.now()) - datetime.timedelta(days=days)
    teams = OpdTeam.objects.filter(archived_at__isnull=True)
    groups = list(teams.values_list("admin_group", flat=True)) + list(teams.values_list("operator_group", flat=True))
    return (
        get_user_model()
        .objects.filter(is_active=True, is_superuser=False, groups__in=groups)
        .filter(models.Q(last_login__lt=cutoff) | models.Q(last_login__isnull=True, date_joined__lt=cutoff))
        .distinct()
        .order_by("username")
    )


def deactivate_unused_accounts(days, dry_run=False, now=None):
    """Deactivate OPD accounts unused for ``days``; returns the accounts (deactivated unless dry run)."""
    accounts = list(unused_accounts(days, now=now))
    if not dry_run:
        with transaction.atomic():
            for account in accounts:
                account.is_active = False
                account.save(update_fields=["is_active"])
                log(instance=account, action=DEACTIVATE_ACTION, data={"reason": "unused", "days": days})
    return accounts


def teams_short_of_admins():
    """Active OPD teams with fewer than two active admins, each with ``active_admins`` set."""
    teams = (
        OpdTeam.objects.filter(archived_at__isnull=True)
        .select_related("opd")
        .annotate(
            active_admins=models.Count(
                "admin_group__user", filter=models.Q(admin_group__user__is_active=True), distinct=True
            )
        )
        .filter(active_admins__lt=MIN_ADMINS)
        .order_by("opd__title")
    )
    return list(teams)
