"""Admin wiring: *Pengaturan → Kesehatan server* for Diskominfo."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from opd_teams.roles import is_diskominfo

from .views import ServerHealthView


class DiskominfoMenuItem(MenuItem):
    def is_shown(self, request):
        return is_diskominfo(request.user)


@hooks.register("register_admin_urls")
def register_server_health_url():
    return [path("kesehatan-server/", ServerHealthView.as_view(), name="operations_server_health")]


@hooks.register("register_settings_menu_item")
def register_server_health_menu_item():
    return DiskominfoMenuItem(
        _("Kesehatan server"), reverse("operations_server_health"), name="server-health", icon_name="pulse", order=900
    )
