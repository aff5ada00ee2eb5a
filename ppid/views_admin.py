"""The PPID's inbox in the admin: requests of the user's OPDs (all for the PPID Utama), one
request with its applicant and history, answering, extending, objections, and the yearly report.

Isolation: every view looks the request up through :meth:`InformationRequestQuerySet.visible_to`,
so another OPD's id answers 404, never the data.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from audit.log import record
from opd_pages.models import OpdHomePage

from . import handling, report
from .forms import AnswerForm, ExtensionForm, ObjectionDecisionForm
from .models import InformationRequest, Objection, RequestStatus
from .roles import handled_opd_ids, is_ppid_utama


class PpidStaffMixin:
    """PPID Pelaksana (OPD admins) and the PPID Utama only."""

    def dispatch(self, request, *args, **kwargs):
        if not (is_ppid_utama(request.user) or handled_opd_ids(request.user)):
            record("ppid.admin", request=request, outcome="denied", target=request.path)
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class PpidTemplateView(PpidStaffMixin, WagtailAdminTemplateMixin, TemplateView):
    header_icon = "doc-full"

    def get_breadcrumbs_items(self):
        return []


STATUS_FILTERS = {
    "terbuka": lambda qs, today: qs.open(),
    "terlambat": lambda qs, today: qs.overdue_on(today),
    "dijawab": lambda qs, today: qs.filter(status=RequestStatus.ANSWERED),
    "semua": lambda qs, today: qs,
}


class InboxView(PpidTemplateView):
    template_name = "ppid/admin/inbox.html"
    page_title = gettext_lazy("Permohonan informasi")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        chosen = self.request.GET.get("status", "terbuka")
        if chosen not in STATUS_FILTERS:
            chosen = "terbuka"
        requests = InformationRequest.objects.visible_to(self.request.user).select_related("opd", "objection")
        requests = STATUS_FILTERS[chosen](requests, today).order_by("due_date", "pk")
        paginator = Paginator(requests, 50)
        page_obj = paginator.get_page(self.request.GET.get("p"))
        open_objections = Objection.objects.filter(
            request__in=InformationRequest.objects.visible_to(self.request.user), decided_at__isnull=True
        ).count()
        context.update(
            page_obj=page_obj,
            requests=list(page_obj.object_list),
            status_filters=[
                ("terbuka", _("Belum dijawab")),
                ("terlambat", _("Melewati batas waktu")),
                ("dijawab", _("Sudah dijawab")),
                ("semua", _("Semua")),
            ],
            chosen=chosen,
            today=today,
            open_objections=open_objections,
            is_utama=is_ppid_utama(self.request.user),
        )
        return context


def visible_request(user, pk):
    return get_object_or_404(
        InformationRequest.objects.visible_to(user).select_related("opd", "forwarded_to", "answered_by"), pk=pk
    )


class DetailView(PpidTemplateView):
    template_name = "ppid/admin/detail.html"

    def get_page_title(self):
        return _("Permohonan %(number)s") % {"number": self.info_request.number}

    def get(self, request, pk):
        self.info_request = visible_request(request.user, pk)
        record("ppid.request.viewed", request=request, target=self.info_request.number)
        return self.render_to_response(self.get_context_data())

    def post(self, request, pk):
        self.info_request = visible_request(request.user, pk)
        action = request.POST.get("action")
        answer_form = AnswerForm(current_opd=self.info_request.opd)
        extension_form = ExtensionForm()
        decision_form = ObjectionDecisionForm()
        try:
            if action == "answer":
                answer_form = AnswerForm(request.POST, current_opd=self.info_request.opd)
                if answer_form.is_valid():
                    data = answer_form.cleaned_data
                    handling.answer(
                        self.info_request, request.user, data["answer_kind"], data["answer"], data["exemption"],
                        data["forward_to"],
                    )  # fmt: skip
                    messages.success(request, _("Jawaban tersimpan dan dikirim ke pemohon."))
                    return redirect("ppid_admin:detail", pk)
            elif action == "extend":
                extension_form = ExtensionForm(request.POST)
                if extension_form.is_valid():
                    handling.extend(self.info_request, request.user, extension_form.cleaned_data["reason"])
                    messages.success(request, _("Jangka waktu diperpanjang 7 hari kerja."))
                    return redirect("ppid_admin:detail", pk)
            elif action == "decide_objection":
                if not is_ppid_utama(request.user) or not self.info_request.has_objection:
                    raise PermissionDenied
                decision_form = ObjectionDecisionForm(request.POST)
                if decision_form.is_valid():
                    handling.decide_objection(
                        self.info_request.objection,
                        request.user,
                        decision_form.cleaned_data["outcome"],
                        decision_form.cleaned_data["decision"],
                    )
                    messages.success(request, _("Tanggapan atas keberatan tersimpan dan dikirim ke pemohon."))
                    return redirect("ppid_admin:detail", pk)
        except handling.HandlingError as error:
            messages.error(request, str(error))
            return redirect("ppid_admin:detail", pk)
        context = self.get_context_data(
            answer_form=answer_form, extension_form=extension_form, decision_form=decision_form
        )
        return self.render_to_response(context)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        info_request = self.info_request
        context.setdefault("answer_form", AnswerForm(current_opd=info_request.opd))
        context.setdefault("extension_form", ExtensionForm())
        context.setdefault("decision_form", ObjectionDecisionForm())
        context.update(
            info_request=info_request,
            events=list(info_request.events.select_related("actor")),
            objection=info_request.objection if info_request.has_objection else None,
            is_utama=is_ppid_utama(self.request.user),
            today=timezone.localdate(),
        )
        return context


class YearlyReportView(PpidTemplateView):
    template_name = "ppid/admin/report.html"
    page_title = gettext_lazy("Laporan tahunan PPID")
    output = "html"

    def get_year(self):
        try:
            year = int(self.request.GET.get("tahun", ""))
        except ValueError:
            year = timezone.localdate().year
        return year if 2000 <= year <= 2100 else timezone.localdate().year

    def get_opds(self):
        opds = OpdHomePage.objects.live().order_by("title")
        if not is_ppid_utama(self.request.user):
            opds = opds.filter(pk__in=handled_opd_ids(self.request.user))
        return opds

    def get(self, request, *args, **kwargs):
        year = self.get_year()
        rows, total = report.build_report(year, opds=self.get_opds())
        if self.output == "xlsx":
            response = HttpResponse(
                report.export_xlsx(year, rows, total),
                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            )
            response["Content-Disposition"] = f'attachment; filename="laporan-ppid-{year}.xlsx"'
            record("ppid.report.export", request=request, target=str(year))
            return response
        context = self.get_context_data(year=year, rows=rows, total=total, header=report.header())
        if self.output == "print":
            self.template_name = "ppid/admin/report_print.html"
        return self.render_to_response(context)
