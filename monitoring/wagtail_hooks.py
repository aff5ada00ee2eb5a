"""Admin wiring: the "Pemantauan OPD" menu (Diskominfo only), its URLs and the home page panels."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.viewsets.base import ViewSet

from . import views
from .access import administered_opd_ids, is_diskominfo
from .panels import DiskominfoSummaryPanel, OwnOpdCardPanel


class MonitoringViewSet(ViewSet):
    name = "monitoring"
    url_prefix = "pemantauan"
    icon = "table"

    def get_urlpatterns(self):
        return [
            path("", views.ScorecardView.as_view(), name="index"),
            path("opd/<int:pk>/", views.OpdCardView.as_view(), name="opd"),
            path("laporan/", views.ReportView.as_view(), name="report"),
            path("laporan/xlsx/", views.ReportExportView.as_view(file_format="xlsx"), name="report_xlsx"),
            path("laporan/csv/", views.ReportExportView.as_view(file_format="csv"), name="report_csv"),
            path("pengingat/", views.ReminderLogView.as_view(), name="reminders"),
            path("pengingat/kirim/", views.SendRemindersView.as_view(), name="send_reminders"),
        ]


class DiskominfoMenuItem(MenuItem):
    def is_shown(self, request):
        return is_diskominfo(request.user)


@hooks.register("register_admin_viewset")
def register_monitoring_viewset():
    return MonitoringViewSet()


@hooks.register("register_admin_menu_item")
def register_monitoring_menu():
    items = [
        DiskominfoMenuItem(
            _("Kartu skor OPD"), reverse("monitoring:index"), name="monitoring-scorecard", icon_name="table", order=1
        ),
        DiskominfoMenuItem(
            _("Laporan triwulan"), reverse("monitoring:report"), name="monitoring-report", icon_name="doc-full", order=2
        ),
        DiskominfoMenuItem(
            _("Riwayat pengingat"),
            reverse("monitoring:reminders"),
            name="monitoring-reminders",
            icon_name="mail",
            order=3,
        ),
    ]
    return SubmenuMenuItem(_("Pemantauan OPD"), Menu(items=items), name="monitoring", icon_name="table", order=250)


@hooks.register("construct_homepage_panels")
def add_monitoring_panels(request, panels):
    if is_diskominfo(request.user):
        panels.append(DiskominfoSummaryPanel())
        return
    opd_ids = administered_opd_ids(request.user)
    if opd_ids:
        panels.append(OwnOpdCardPanel(opd_ids))
