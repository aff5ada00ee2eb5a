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

from .invitations import send_invitation
from .models import OpdTeam
from .onboarding import MIN_ADMINS, get_or_create_member

HANDOVER_ACTION = "opd_teams.handover"
DEACTIVATE_ACTION = "opd_teams.deactivate"
INVITE_ACTION = "opd_teams.invite"


class TeamError(Exception):
    """A team action was refused; the message is for the OPD admin (Bahasa Indonesia)."""


def role_label(team, user):
    return _("admin") if team.admin_group in user.groups.all() else _("operator")


def invite_operator(team, email, first_name="", by_user=None):
    """Add (or re-add) ``email`` as an operator of ``team`` and e-mail an invitation."""
    email = email.strip().lower()
    other_member = (
        get_user_model().objects.filter(email__iexact=email, is_active=True).exclude(pk__in=team.members().values("pk"))
    )
    if other_member.filter(groups__isnull=False).exists():
        raise TeamError(_("Alamat surel ini sudah dipakai akun lain di portal. Hubungi Diskominfo."))
    with transaction.atomic():
        user, _created = get_or_create_member(email, team.operator_group, first_name=first_name)
        if not user.is_active:
            user.is_active = True
            user.save(update_fields=["is_active"])
        log(instance=user, action=INVITE_ACTION, user=by_user, data={"opd": team.opd.acronym})
        send_invitation(user, team, _("operator"))  # stored in this transaction (outbox)
    return user


def resend_invitation(team, member):
    ensure_member(team, member)
    send_invitation(member, team, role_label(team, member))


def ensure_member(team, member):
    if not team.members().filter(pk=member.pk).exists():
        raise TeamError(_("Akun ini bukan anggota tim OPD Anda."))


def deactivate_member(team, member, by_user=None):
    """Deactivate ``member``; refuses to leave the OPD with no active admin."""
    ensure_member(team, member)
    if member.pk == getattr(by_user, "pk", None):
        raise TeamError(_("Anda tidak dapat menonaktifkan akun Anda sendiri."))
    if team.admins().filter(pk=member.pk).exists() and team.admins().filter(is_active=True).count() <= 1:
        raise TeamError(_("Tidak bisa menonaktifkan admin terakhir OPD ini."))
    member.is_active = False
    member.save(update_fields=["is_active"])
    log(instance=member, action=DEACTIVATE_ACTION, user=by_user, data={"opd": team.opd.acronym})


def handover(team, departing, successor_email, by_user=None, first_name=""):
    """ "Ganti operator": the successor takes the departing account's drafts, locks and pending submissions.

    The departing account is deactivated, the successor invited with the same role, and
    every moved page gets an entry in its history (Wagtail's audit log).
    """
    ensure_member(team, departing)
    successor_email = successor_email.strip().lower()
    if departing.email.lower() == successor_email:
        raise TeamError(_("Pengganti harus orang lain (alamat surel berbeda)."))
    was_admin = team.admins().filter(pk=departing.pk).exists()
    group = team.admin_group if was_admin else team.operator_group
    subtree = Page.objects.descendant_of(team.opd, inclusive=True)
    with transaction.atomic():
        successor, _created = get_or_create_member(successor_email, group, first_name=first_name)
        if not successor.is_active:
            successor.is_active = True
            successor.save(update_fields=["is_active"])
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
        send_invitation(successor, team, role_label(team, successor))  # stored in this transaction (outbox)
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
