"""Who may edit which OPD section: each OPD's admin and operator groups and its media collection.

Depends on ``opd_pages`` (the OPD home page); other apps (monitoring, complaints…) ask this
app which users belong to an OPD, never the group names.
"""

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Collection

#: Names of the platform-wide groups.
DISKOMINFO_GROUP = "Diskominfo"
HUMAS_GROUP = "Humas"


class OpdTeamQuerySet(models.QuerySet):
    def for_user(self, user):
        """Teams the user belongs to (as admin or operator)."""
        groups = user.groups.all()
        return self.filter(models.Q(admin_group__in=groups) | models.Q(operator_group__in=groups)).distinct()


class OpdTeam(models.Model):
    """The editors of one OPD: an admin group (publishes) and an operator group (writes, submits)."""

    opd = models.OneToOneField(
        "opd_pages.OpdHomePage", verbose_name=_("OPD"), on_delete=models.CASCADE, related_name="team"
    )
    admin_group = models.OneToOneField(
        Group, verbose_name=_("grup admin"), on_delete=models.PROTECT, related_name="opd_team_as_admin"
    )
    operator_group = models.OneToOneField(
        Group, verbose_name=_("grup operator"), on_delete=models.PROTECT, related_name="opd_team_as_operator"
    )
    collection = models.OneToOneField(
        Collection, verbose_name=_("koleksi media"), on_delete=models.PROTECT, related_name="opd_team"
    )
    archived_at = models.DateTimeField(_("diarsipkan pada"), null=True, blank=True)

    objects = OpdTeamQuerySet.as_manager()

    class Meta:
        verbose_name = _("tim OPD")
        verbose_name_plural = _("tim OPD")

    def __str__(self):
        return str(self.opd)

    def admins(self):
        return self.admin_group.user_set.all()

    def operators(self):
        return self.operator_group.user_set.all()

    def members(self):
        return self.admin_group.user_set.model.objects.filter(
            models.Q(groups=self.admin_group) | models.Q(groups=self.operator_group)
        ).distinct()


class MediaApproval(models.Model):
    """An OPD admin's approval that an image or document uploaded by an operator may be public."""

    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveIntegerField()
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("disetujui oleh"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("disetujui pada"), auto_now_add=True)

    class Meta:
        verbose_name = _("persetujuan media")
        verbose_name_plural = _("persetujuan media")
        constraints = [models.UniqueConstraint(fields=["content_type", "object_id"], name="unique_media_approval")]

    def __str__(self):
        return f"{self.content_type.model} {self.object_id}"
