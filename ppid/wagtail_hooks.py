"""Admin wiring: the "Permohonan informasi" inbox and yearly report (PPID staff), and the
document kinds list (snippet, Diskominfo)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.viewsets.base import ViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import views_admin
from .models import DocumentKind
from .roles import handled_opd_ids, is_ppid_utama


class PpidAdminViewSet(ViewSet):
    name = "ppid_admin"
    url_prefix = "ppid"
    icon = "doc-full"

    def get_urlpatterns(self):
        return [
            path("", views_admin.InboxView.as_view(), name="inbox"),
            path("<int:pk>/", views_admin.DetailView.as_view(), name="detail"),
            path("laporan/", views_admin.YearlyReportView.as_view(), name="report"),
            path("laporan/xlsx/", views_admin.YearlyReportView.as_view(output="xlsx"), name="report_xlsx"),
            path("laporan/cetak/", views_admin.YearlyReportView.as_view(output="print"), name="report_print"),
        ]


class PpidStaffMenuItem(MenuItem):
    def is_shown(self, request):
        return is_ppid_utama(request.user) or bool(handled_opd_ids(request.user))


@hooks.register("register_admin_viewset")
def register_ppid_viewset():
    return PpidAdminViewSet()


@hooks.register("register_admin_menu_item")
def register_ppid_menu():
    items = [
        PpidStaffMenuItem(
            _("Permohonan masuk"), reverse("ppid_admin:inbox"), name="ppid-inbox", icon_name="mail", order=1
        ),
        PpidStaffMenuItem(
            _("Laporan tahunan"), reverse("ppid_admin:report"), name="ppid-report", icon_name="table", order=2
        ),
    ]
    return SubmenuMenuItem(_("PPID"), Menu(items=items), name="ppid", icon_name="doc-full", order=260)


class DocumentKindViewSet(SnippetViewSet):
    model = DocumentKind
    icon = "tag"
    menu_label = _("Jenis dokumen PPID")
    list_display = ["name", "sort_order"]
    ordering = ["sort_order", "name"]


register_snippet(DocumentKindViewSet)
