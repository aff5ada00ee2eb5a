"""Admin wiring: the first-run page, offered to Diskominfo while no regional home exists."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from opd_teams.roles import is_diskominfo

from . import urls
from .setup import region_exists


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("siapkan-daerah/", include(urls, namespace="region_setup"))]


def needs_setup(request):
    if not hasattr(request, "_portal_needs_region_setup"):
        request._portal_needs_region_setup = is_diskominfo(request.user) and not region_exists()
    return request._portal_needs_region_setup


class RegionSetupMenuItem(MenuItem):
    def is_shown(self, request):
        return needs_setup(request)


@hooks.register("register_admin_menu_item")
def register_setup_menu_item():
    return RegionSetupMenuItem(_("Siapkan daerah"), reverse("region_setup:setup"), icon_name="site", order=1)


class RegionSetupPanel(Component):
    name = "region_setup"
    template_name = "region_setup/home_panel.html"
    order = 1


@hooks.register("construct_homepage_panels")
def add_region_setup_panel(request, panels):
    if needs_setup(request):
        panels.insert(0, RegionSetupPanel())
