"""Admin screens of the search: the synonym list (Diskominfo) and the query report."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_views import can_view_report, query_report
from .models import Synonym


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "search"
    menu_label = _("Sinonim pencarian")
    menu_name = "search_synonyms"
    add_to_admin_menu = True
    menu_order = 900
    list_display = ["term", "equivalents", "updated_at"]
    search_fields = ["term", "equivalents"]
    ordering = ["term"]


register_snippet(SynonymViewSet)


@hooks.register("register_admin_urls")
def register_report_url():
    return [path("laporan-pencarian/", query_report, name="search_query_report")]


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_report(request.user)


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return ReportMenuItem(_("Laporan pencarian"), reverse("search_query_report"), icon_name="search", order=900)
