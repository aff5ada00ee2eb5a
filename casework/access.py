"""Who handles which OPD's cases: OPD admins, the handlers they assign, and the coordinator."""

from django.db.models import Q

from opd_teams.models import DISKOMINFO_GROUP, OpdTeam
from opd_teams.roles import is_diskominfo

from .models import CaseHandler


def handled_opd_ids(user, kind):
    """Ids of the OPD home pages whose ``kind`` cases the user handles (admin or assigned handler)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return set()
    cache_name = f"_casework_opds_{kind}"
    if not hasattr(user, cache_name):
        teams = OpdTeam.objects.filter(archived_at__isnull=True).filter(
            Q(admin_group__in=user.groups.all()) | Q(case_handlers__kind=kind, case_handlers__user=user)
        )
        setattr(user, cache_name, set(teams.values_list("opd_id", flat=True)))
    return getattr(user, cache_name)


def is_coordinator(user, coordinator):
    """True for the region's coordinator of a kind of case.

    ``coordinator`` is ``"Diskominfo"`` (the platform group) or the acronym of an OPD (e.g.
    ``"Inspektorat"``), whose admins and handlers of ``kind`` then coordinate. Superusers always do.
    """
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_superuser:
        return True
    if coordinator == DISKOMINFO_GROUP:
        return is_diskominfo(user)
    team = OpdTeam.objects.filter(opd__acronym__iexact=coordinator).first()
    if team is None:
        return False
    return (
        team.admin_group.user_set.filter(pk=user.pk).exists()
        or CaseHandler.objects.filter(team=team, user=user).exists()
    )


def coordinator_users(coordinator, kind):
    from django.contrib.auth import get_user_model

    users = get_user_model().objects.filter(is_active=True)
    if coordinator == DISKOMINFO_GROUP:
        return users.filter(Q(groups__name=DISKOMINFO_GROUP)).distinct()
    return users.filter(
        Q(groups__opd_team_as_admin__opd__acronym__iexact=coordinator)
        | Q(case_handler_roles__kind=kind, case_handler_roles__team__opd__acronym__iexact=coordinator)
    ).distinct()


def handler_users(opd_id, kind):
    """Active OPD admins and assigned handlers of one OPD."""
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(
            Q(groups__opd_team_as_admin__opd_id=opd_id)
            | Q(case_handler_roles__kind=kind, case_handler_roles__team__opd_id=opd_id)
        )
        .distinct()
    )


def emails_of(users):
    return sorted({user.email for user in users if user.email})


def visible_cases(queryset, user, *, kind, coordinator):
    """The cases of ``queryset`` this user may see in the staff inbox."""
    if is_coordinator(user, coordinator):
        return queryset
    return queryset.filter(opd_id__in=handled_opd_ids(user, kind))


def can_handle(case, user, *, kind, coordinator):
    return is_coordinator(user, coordinator) or (case.opd_id is not None and case.opd_id in handled_opd_ids(user, kind))


def assignable_members(team):
    """Members of the team an OPD admin may make handler (its own team only)."""
    return team.members().filter(is_active=True)
