"""Admin views of the monitoring: scorecard, one OPD's card, quarterly report and exports, reminder log."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Max
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView
from django_tasks import TaskResultStatus
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from link_care.models import LinkResult
from opd_pages.models import OpdHomePage
from page_feedback.models import PageFeedback

from .access import can_view_opd_card, require_diskominfo
from .charts import bar_chart
from .forms import ReportPeriodForm
from .models import MonitoringSettings, Reminder
from .report import KINDS, build_report, export_csv, export_xlsx
from .scorecard import SORT_KEYS, build_scorecards, class_counts, sort_cards
from .tasks import send_due_reminders_task

SORTABLE_COLUMNS = [
    ("opd", gettext_lazy("OPD")),
    ("terakhir", gettext_lazy("Terbitan terakhir")),
    ("7", gettext_lazy("7 hari")),
    ("30", gettext_lazy("30 hari")),
    ("90", gettext_lazy("90 hari")),
    ("kelas", gettext_lazy("Kelas")),
    ("admin", gettext_lazy("Tim")),
    ("moderasi", gettext_lazy("Moderasi")),
    ("kelengkapan", gettext_lazy("Kelengkapan")),
    ("layanan", gettext_lazy("Standar pelayanan")),
    ("pengingat", gettext_lazy("Pengingat")),
]


class DiskominfoRequiredMixin:
    """Only Diskominfo (superusers and the Diskominfo group) may open these views."""

    def dispatch(self, request, *args, **kwargs):
        require_diskominfo(request.user)
        return super().dispatch(request, *args, **kwargs)


class MonitoringTemplateView(WagtailAdminTemplateMixin, TemplateView):
    header_icon = "table"

    def get_breadcrumbs_items(self):
        return []


def sort_columns(ordering):
    """Header links: clicking a column sorts by it, clicking again reverses."""
    current = ordering.lstrip("-")
    descending = ordering.startswith("-")
    columns = []
    for key, label in SORTABLE_COLUMNS:
        if key == current:
            aria_sort = "descending" if descending else "ascending"
            next_ordering = key if descending else f"-{key}"
        else:
            aria_sort = None
            next_ordering = key
        columns.append({"key": key, "label": label, "ordering": next_ordering, "aria_sort": aria_sort})
    return columns


class ScorecardView(DiskominfoRequiredMixin, MonitoringTemplateView):
    template_name = "monitoring/scorecard.html"
    page_title = gettext_lazy("Pemantauan OPD")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        thresholds = MonitoringSettings.load()
        cards = build_scorecards(thresholds=thresholds)
        requested = self.request.GET.get("urutan", "")
        cards, ordering = sort_cards(cards, requested if requested.lstrip("-") in SORT_KEYS else "")
        context.update(
            cards=cards,
            ordering=ordering,
            columns=sort_columns(ordering),
            class_counts=class_counts(cards),
            thresholds=thresholds,
            now=timezone.now(),
        )
        return context


class OpdCardView(MonitoringTemplateView):
    """One OPD's card: Diskominfo for any OPD, an OPD admin for its own OPD only."""

    template_name = "monitoring/opd_card.html"

    def dispatch(self, request, *args, **kwargs):
        self.opd = get_object_or_404(OpdHomePage, pk=kwargs["pk"])
        if not can_view_opd_card(request.user, self.opd):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Pemantauan %(opd)s") % {"opd": self.opd.title}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        thresholds = MonitoringSettings.load()
        cards = build_scorecards([self.opd], thresholds=thresholds, reminder_history=True)
        if not cards:
            raise Http404
        context.update(
            card=cards[0],
            reminders=list(Reminder.objects.filter(opd=self.opd).newest_first()[:50]),
            thresholds=thresholds,
            broken_links=list(LinkResult.objects.broken().filter(opd=self.opd).select_related("page")[:100]),
            links_checked_at=LinkResult.objects.filter(opd=self.opd).aggregate(last=Max("checked_at"))["last"],
            feedback_comments=list(
                PageFeedback.objects.filter(opd=self.opd).exclude(comment="").select_related("page").newest_first()[:30]
            ),
        )
        return context


class ReportView(DiskominfoRequiredMixin, MonitoringTemplateView):
    template_name = "monitoring/report.html"
    page_title = gettext_lazy("Laporan triwulan keaktifan OPD")

    def get_form(self):
        data = self.request.GET if any(k in self.request.GET for k in ("triwulan", "mulai", "sampai")) else None
        return ReportPeriodForm(data)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = self.get_form()
        context["form"] = form
        if form.is_bound and not form.is_valid():
            return context
        period = form.get_period()
        rows = build_report(period)
        context.update(
            period=period,
            rows=rows,
            kinds=[label for _model, label in KINDS],
            chart=bar_chart([(row.opd.acronym, row.total) for row in rows]),
            total=sum(row.total for row in rows),
            export_query=self.request.GET.urlencode(),
        )
        return context


class ReportExportView(DiskominfoRequiredMixin, View):
    file_format = "xlsx"

    def get(self, request):
        data = request.GET if any(k in request.GET for k in ("triwulan", "mulai", "sampai")) else None
        form = ReportPeriodForm(data)
        if form.is_bound and not form.is_valid():
            messages.error(
                request,
                _("Periode laporan tidak sah: %(errors)s")
                % {"errors": " ".join(str(error) for errors in form.errors.values() for error in errors)},
            )
            return redirect("monitoring:report")
        period = form.get_period()
        rows = build_report(period)
        filename = f"laporan-keaktifan-opd-{period.start.isoformat()}-{period.end.isoformat()}.{self.file_format}"
        if self.file_format == "csv":
            response = HttpResponse(export_csv(period, rows), content_type="text/csv; charset=utf-8")
        else:
            response = HttpResponse(
                export_xlsx(period, rows),
                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            )
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


class ReminderLogView(DiskominfoRequiredMixin, MonitoringTemplateView):
    template_name = "monitoring/reminders.html"
    page_title = gettext_lazy("Riwayat pengingat OPD")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        paginator = Paginator(Reminder.objects.select_related("opd").newest_first(), 50)
        page = paginator.get_page(self.request.GET.get("p"))
        context.update(page_obj=page, reminders=page.object_list, thresholds=MonitoringSettings.load())
        return context


class SendRemindersView(DiskominfoRequiredMixin, View):
    """Run the reminder job now (as a django-tasks task, so a real worker keeps the request short)."""

    def post(self, request):
        result = send_due_reminders_task.enqueue()
        if result.status == TaskResultStatus.SUCCESSFUL:
            outcome = result.return_value
            if outcome["disabled"]:
                messages.warning(request, _("Pengingat dimatikan di Pengaturan → Ambang pemantauan."))
            else:
                messages.success(
                    request,
                    _("Pengingat terkirim ke %(sent)s OPD, gagal %(failed)s.")
                    % {"sent": len(outcome["sent"]), "failed": len(outcome["failed"])},
                )
        else:
            messages.success(request, _("Tugas pengingat dijadwalkan; hasilnya muncul di riwayat ini."))
        return redirect("monitoring:reminders")
