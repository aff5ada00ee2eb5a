"""Who may see which part of the monitoring: Diskominfo everything, an OPD admin its own OPD's card.

Diskominfo = superusers and members of the group :data:`opd_teams.models.DISKOMINFO_GROUP`.
OPD admins = members of an :class:`opd_teams.models.OpdTeam` admin group (archived teams excluded).
Operators see nothing of the monitoring.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied

from opd_teams.models import DISKOMINFO_GROUP, OpdTeam
from opd_teams.roles import is_diskominfo

__all__ = ["administered_opd_ids", "can_view_opd_card", "is_diskominfo", "require_diskominfo"]


def administered_opd_ids(user):
    """Ids of the OPD home pages whose (not archived) team has ``user`` in its admin group."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return []
    return list(
        OpdTeam.objects.filter(admin_group__in=user.groups.all(), archived_at__isnull=True).values_list(
            "opd_id", flat=True
        )
    )


def can_view_opd_card(user, opd):
    return is_diskominfo(user) or opd.pk in administered_opd_ids(user)


def require_diskominfo(user):
    if not is_diskominfo(user):
        raise PermissionDenied


def grant_diskominfo_permissions(**kwargs):
    """post_migrate: the Diskominfo group may edit the monitoring thresholds (Pengaturan)."""
    from .models import MonitoringSettings

    content_type = ContentType.objects.get_for_model(MonitoringSettings)
    permission, _created = Permission.objects.get_or_create(
        content_type=content_type,
        codename="change_monitoringsettings",
        defaults={"name": "Can change ambang pemantauan"},
    )
    group, _created = Group.objects.get_or_create(name=DISKOMINFO_GROUP)
    group.permissions.add(permission)
