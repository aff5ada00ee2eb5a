"""Admin views for Diskominfo: upload an export, read the dry-run report, import, and the quarantine."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView, View

from audit.log import record
from opd_teams.views import AdminPageMixin, DiskominfoRequiredMixin

from . import report as report_text
from .forms import ImportUploadForm
from .models import ImportedItem, ImportRun
from .tasks import check_export, import_export

IN_PROGRESS = {ImportRun.Status.CHECKING, ImportRun.Status.QUEUED, ImportRun.Status.RUNNING, ImportRun.Status.UPLOADED}


class ImportIndexView(DiskominfoRequiredMixin, AdminPageMixin, FormView):
    template_name = "wordpress_import/index.html"
    form_class = ImportUploadForm
    page_title = gettext_lazy("Impor WordPress")
    header_icon = "upload"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["runs"] = ImportRun.objects.select_related("opd", "created_by")[:30]
        context["quarantined"] = ImportedItem.objects.filter(status=ImportedItem.Status.QUARANTINED).count()
        return context

    def form_valid(self, form):
        data = form.cleaned_data
        run = ImportRun.objects.create(
            opd=data["opd"],
            export_file=data["export_file"],
            uploads_file=data.get("uploads_file") or "",
            moderate=data["moderate"],
            fetch_missing=data["fetch_missing"],
            created_by=self.request.user,
        )
        record("wordpress.upload", request=self.request, opd=run.opd, target=run.export_file.name, run=run.pk)
        check_export.enqueue(run.pk)
        return redirect("wordpress_import:run", run.pk)


class ImportRunView(DiskominfoRequiredMixin, AdminPageMixin, TemplateView):
    template_name = "wordpress_import/run.html"
    page_title = gettext_lazy("Hasil impor WordPress")
    header_icon = "upload"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        run = get_object_or_404(ImportRun.objects.select_related("opd"), pk=self.kwargs["run_id"])
        shown = run.report or run.dry_run_report
        context.update(
            run=run,
            in_progress=run.status in IN_PROGRESS,
            shown=shown,
            count_rows=report_text.count_rows(shown) if shown else [],
            skipped_rows=report_text.skipped_rows(shown) if shown else [],
            can_import=run.status == ImportRun.Status.CHECKED,
        )
        return context


class StartImportView(DiskominfoRequiredMixin, View):
    def post(self, request, run_id):
        run = get_object_or_404(ImportRun, pk=run_id)
        if run.status != ImportRun.Status.CHECKED:
            messages.error(request, _("Impor ini tidak dapat dijalankan lagi: periksa statusnya."))
            return redirect("wordpress_import:run", run.pk)
        ImportRun.objects.filter(pk=run.pk).update(status=ImportRun.Status.QUEUED, processed=0)
        import_export.enqueue(run.pk)
        messages.success(request, _("Impor dimulai; halaman ini memperlihatkan kemajuannya."))
        return redirect("wordpress_import:run", run.pk)


class ReportDownloadView(DiskominfoRequiredMixin, View):
    def get(self, request, run_id):
        run = get_object_or_404(ImportRun.objects.select_related("opd"), pk=run_id)
        shown = run.report or run.dry_run_report
        if not shown:
            messages.error(request, _("Laporan belum tersedia."))
            return redirect("wordpress_import:run", run.pk)
        response = HttpResponse(report_text.render_text(shown), content_type="text/plain; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="laporan-impor-{run.opd.slug}-{run.pk}.txt"'
        return response


class QuarantineView(DiskominfoRequiredMixin, AdminPageMixin, TemplateView):
    template_name = "wordpress_import/quarantine.html"
    page_title = gettext_lazy("Karantina impor")
    header_icon = "warning"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["items"] = (
            ImportedItem.objects.filter(status=ImportedItem.Status.QUARANTINED)
            .select_related("opd", "page")
            .order_by("opd__title", "wp_id")
        )
        return context


class ReleaseView(DiskominfoRequiredMixin, View):
    """Diskominfo judged a quarantined item harmless: it leaves the list and stays a draft for the OPD."""

    def post(self, request, item_id):
        item = get_object_or_404(ImportedItem, pk=item_id, status=ImportedItem.Status.QUARANTINED)
        item.status = ImportedItem.Status.RELEASED
        item.save(update_fields=["status", "updated_at"])
        record("wordpress.release", request=request, opd=item.opd, target=item.title, wp_id=item.wp_id)
        messages.success(
            request, _("%(title)s dilepas dari karantina; tetap draf sampai diterbitkan.") % {"title": item.title}
        )
        return redirect("wordpress_import:quarantine")
