"""Admin wiring: *Impor WordPress* and its quarantine list, for Diskominfo only."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from opd_teams.wagtail_hooks import DiskominfoMenuItem

from . import urls


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("impor-wordpress/", include(urls, namespace="wordpress_import"))]


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return DiskominfoMenuItem(_("Impor WordPress"), reverse("wordpress_import:index"), icon_name="upload", order=255)
