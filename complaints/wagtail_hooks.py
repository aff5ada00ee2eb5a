"""Admin wiring: the complaints inbox, petugas pengaduan, the routing table and clocks, the home panel."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import admin_urls
from .admin_views import can_use_inbox, dashboard_cases, handler_teams
from .models import ComplaintCategory, ComplaintClock


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("pengaduan/", include(admin_urls, namespace="complaints_admin"))]


class InboxMenuItem(MenuItem):
    def is_shown(self, request):
        return can_use_inbox(request.user)


class HandlersMenuItem(MenuItem):
    def is_shown(self, request):
        return handler_teams(request.user).exists()


@hooks.register("register_admin_menu_item")
def register_inbox_menu_item():
    return InboxMenuItem(_("Pengaduan"), reverse("complaints_admin:inbox"), icon_name="mail", order=230)


@hooks.register("register_admin_menu_item")
def register_handlers_menu_item():
    return HandlersMenuItem(_("Petugas pengaduan"), reverse("complaints_admin:handlers"), icon_name="user", order=265)


class CategoryViewSet(SnippetViewSet):
    model = ComplaintCategory
    icon = "list-ul"
    menu_label = _("Kategori dan rute")
    list_display = ["name", "opd", "sort_order"]


class ClockViewSet(SnippetViewSet):
    model = ComplaintClock
    icon = "time"
    menu_label = _("Batas waktu per OPD")
    list_display = ["opd", "amount", "unit"]


class ComplaintSettingsGroup(SnippetViewSetGroup):
    items = (CategoryViewSet, ClockViewSet)
    menu_icon = "cog"
    menu_label = _("Pengaturan pengaduan")
    menu_order = 240


register_snippet(ComplaintSettingsGroup)


class OverduePanel(Component):
    name = "complaints_overdue"
    template_name = "complaints/admin/home_panel.html"
    order = 80

    def __init__(self, cases, count):
        self.cases, self.count = cases, count

    def get_context_data(self, parent_context):
        return {"cases": self.cases, "count": self.count}


@hooks.register("construct_homepage_panels")
def add_overdue_panel(request, panels):
    cases, count = dashboard_cases(request.user)
    if count:
        panels.append(OverduePanel(cases, count))
