"""The staff inbox in the Wagtail admin: each OPD sees its own reports; the coordinator sees all."""

import csv
import io

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from audit.log import record
from casework import access
from casework.models import CaseHandler
from casework.uploads import attachment_response
from casework.views import ScopedCaseMixin
from casework.workflow import TransitionError, add_note, transition
from opd_teams.models import OpdTeam
from opd_teams.roles import is_diskominfo
from opd_teams.views import AdminPageMixin

from . import services
from .exports import case_record, csv_header, csv_row
from .forms import AnswerForm, ForwardForm, LaporForm, NoteForm, ReasonForm
from .models import KIND, Complaint

INBOX_PAGE_SIZE = 50


def can_use_inbox(user):
    return access.is_coordinator(user, services.coordinator()) or bool(access.handled_opd_ids(user, KIND))


class InboxAccessMixin(ScopedCaseMixin):
    model = Complaint
    kind = KIND
    coordinator = staticmethod(services.coordinator)

    def dispatch(self, request, *args, **kwargs):
        if not can_use_inbox(request.user):
            record("complaints.denied", request=request, outcome="denied", target=request.path)
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @property
    def is_coordinator(self):
        return access.is_coordinator(self.request.user, self.get_coordinator())

    def get_case(self, pk):
        try:
            return super().get_case(pk)
        except Http404:
            record("complaints.denied", request=self.request, outcome="denied", target=f"complaint {pk}")
            raise


class InboxView(InboxAccessMixin, AdminPageMixin, TemplateView):
    template_name = "complaints/admin/inbox.html"
    page_title = gettext_lazy("Pengaduan")
    header_icon = "mail"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        cases = self.scoped_cases().select_related("opd", "category")
        status = self.request.GET.get("status", "")
        if status in Complaint.Status.values:
            cases = cases.filter(status=status)
        elif status == "terbuka":
            cases = cases.exclude(status__in=Complaint.CLOSED_STATUSES)
        if self.request.GET.get("terlambat"):
            cases = cases.overdue()
        if self.request.GET.get("opd") == "koordinator":
            cases = cases.filter(opd__isnull=True)
        query = self.request.GET.get("q", "").strip()[:100]
        if query:
            cases = cases.filter(Q(tracking_number__icontains=query) | Q(title__icontains=query))
        context.update(
            cases=list(cases.order_by("-received_at")[:INBOX_PAGE_SIZE]),
            statuses=Complaint.Status.choices,
            status=status,
            query=query,
            is_coordinator=self.is_coordinator,
            now=timezone.now(),
        )
        return context


class DetailView(InboxAccessMixin, AdminPageMixin, TemplateView):
    template_name = "complaints/admin/detail.html"
    header_icon = "mail"

    def get_page_title(self):
        return self.case.tracking_number

    def dispatch(self, request, *args, **kwargs):
        if not can_use_inbox(request.user):
            raise PermissionDenied
        self.case = self.get_case(kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        case = self.case
        show_identity = not case.confidential or self.is_coordinator
        allowed = case.allowed_transitions()
        context.update(
            case=case,
            events=case.events.select_related("actor", "from_opd", "to_opd"),
            attachments=case.attachments.all() if show_identity else [],
            hidden_attachments=case.attachments.count() if not show_identity else 0,
            show_identity=show_identity,
            allowed=allowed,
            answer_form=AnswerForm(),
            reason_form=ReasonForm(),
            note_form=NoteForm(),
            forward_form=ForwardForm(exclude_opd=case.opd_id),
            lapor_form=LaporForm(initial={"lapor_tracking_id": case.lapor_tracking_id}),
            is_coordinator=self.is_coordinator,
        )
        return context


class ActionView(InboxAccessMixin, View):
    """POST ``aksi/<action>/``: one staff action; every action is audited."""

    http_method_names = ["post"]
    SIMPLE = {"terima": "diterima", "proses": "diproses", "selesai": "selesai"}

    def post(self, request, pk, action):
        case = self.get_case(pk)
        user = request.user
        try:
            outcome = self.perform(case, action, user)
        except TransitionError as error:
            messages.error(request, str(error))
            return redirect("complaints_admin:detail", pk=case.pk)
        if outcome is None:
            messages.error(request, _("Isian belum lengkap; tidak ada yang diubah."))
            return redirect("complaints_admin:detail", pk=case.pk)
        record(f"complaints.{action}", request=request, opd=case.opd, target=case.tracking_number, status=case.status)
        messages.success(request, outcome)
        if not access.can_handle(case, user, kind=KIND, coordinator=self.get_coordinator()):
            return redirect("complaints_admin:inbox")
        return redirect("complaints_admin:detail", pk=case.pk)

    def perform(self, case, action, user):
        data = self.request.POST
        if action in self.SIMPLE:
            transition(case, self.SIMPLE[action], actor=user)
            return _("Status diubah menjadi %(status)s.") % {"status": case.get_status_display()}
        if action == "jawab":
            form = AnswerForm(data)
            if not form.is_valid():
                return None
            event = transition(
                case,
                "dijawab",
                actor=user,
                public_text=form.cleaned_data["public_text"],
                internal_note=form.cleaned_data["internal_note"],
            )
            services.notify_reporter(case, event)
            return _("Jawaban disimpan dan dikirim ke pelapor.")
        if action == "tolak":
            form = ReasonForm(data)
            if not form.is_valid():
                return None
            event = transition(case, "ditolak", actor=user, public_text=form.cleaned_data["reason"])
            services.notify_reporter(case, event)
            return _("Laporan ditolak dengan alasan.")
        if action == "teruskan":
            form = ForwardForm(data, exclude_opd=case.opd_id)
            if not form.is_valid():
                return None
            to_opd = form.cleaned_data["to_opd"]
            if to_opd is None and case.opd_id is None:
                return None
            transition(
                case,
                "diteruskan",
                actor=user,
                internal_note=form.cleaned_data["reason"],
                to_opd=to_opd,
                kind="diteruskan",
            )
            services.notify_forwarded(case)
            return _("Laporan diteruskan ke %(to)s.") % {"to": to_opd.title if to_opd else _("koordinator")}
        if action == "catatan":
            form = NoteForm(data)
            if not form.is_valid():
                return None
            add_note(case, actor=user, internal_note=form.cleaned_data["internal_note"])
            return _("Catatan internal disimpan.")
        if action == "lapor":
            form = LaporForm(data)
            if not form.is_valid():
                return None
            case.lapor_tracking_id = form.cleaned_data["lapor_tracking_id"].strip()
            case.save(update_fields=["lapor_tracking_id"])
            return _("Nomor tiket SP4N-LAPOR! disimpan.")
        if action == "publik":
            case.public_hidden = not case.public_hidden
            case.save(update_fields=["public_hidden"])
            return (
                _("Laporan disembunyikan dari publik.") if case.public_hidden else _("Laporan boleh tampil di publik.")
            )
        raise Http404


class AttachmentView(InboxAccessMixin, View):
    def get(self, request, pk, attachment_pk):
        case = self.get_case(pk)
        if case.confidential and not self.is_coordinator:
            record("complaints.denied", request=request, outcome="denied", target=f"attachment {attachment_pk}")
            raise Http404
        attachment = get_object_or_404(case.attachments, pk=attachment_pk)
        record("complaints.attachment", request=request, opd=case.opd, target=case.tracking_number)
        return attachment_response(attachment)


class ExportCaseView(InboxAccessMixin, View):
    """One report in the documented JSON shape (docs/complaints.md), for forwarding to SP4N-LAPOR!."""

    def get(self, request, pk):
        case = self.get_case(pk)
        record("complaints.export", request=request, opd=case.opd, target=case.tracking_number)
        response = JsonResponse(
            case_record(case, identity=not case.confidential or self.is_coordinator),
            json_dumps_params={"ensure_ascii": False, "indent": 2},
        )
        response["Content-Disposition"] = f'attachment; filename="{case.tracking_number}.json"'
        return response


class ExportListView(InboxAccessMixin, View):
    """Every report in the user's scope as CSV (same fields as the JSON shape)."""

    def get(self, request):
        cases = self.scoped_cases().select_related("opd", "category", "service_page").order_by("received_at")
        is_coordinator = self.is_coordinator
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(csv_header())
        for case in cases:
            writer.writerow(csv_row(case, identity=not case.confidential or is_coordinator))
        record("complaints.export", request=request, target="csv", count=cases.count())
        response = HttpResponse(buffer.getvalue().encode("utf-8-sig"), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="pengaduan.csv"'
        return response


def handler_teams(user):
    """Teams whose petugas pengaduan the user may assign: those it administers (Diskominfo: all)."""
    teams = OpdTeam.objects.filter(archived_at__isnull=True).select_related("opd").order_by("opd__title")
    if is_diskominfo(user):
        return teams
    return teams.filter(admin_group__in=user.groups.all())


class HandlersView(AdminPageMixin, TemplateView):
    """*Petugas pengaduan*: an OPD admin picks handlers from its own team."""

    template_name = "complaints/admin/handlers.html"
    page_title = gettext_lazy("Petugas pengaduan")
    header_icon = "user"

    def dispatch(self, request, *args, **kwargs):
        self.teams = list(handler_teams(request.user))
        if not self.teams:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        assigned = set(CaseHandler.objects.filter(kind=KIND, team__in=self.teams).values_list("team_id", "user_id"))
        context["teams"] = [
            {
                "team": team,
                "members": [
                    (member, (team.pk, member.pk) in assigned)
                    for member in access.assignable_members(team).order_by("username")
                ],
            }
            for team in self.teams
        ]
        return context

    def post(self, request):
        team = next((t for t in self.teams if str(t.pk) == request.POST.get("team")), None)
        if team is None:
            record("complaints.denied", request=request, outcome="denied", target=f"team {request.POST.get('team')}")
            raise PermissionDenied
        member = access.assignable_members(team).filter(pk=request.POST.get("user")).first()
        if member is None:
            record("complaints.denied", request=request, outcome="denied", target=f"user {request.POST.get('user')}")
            raise PermissionDenied
        if request.POST.get("assign") == "1":
            CaseHandler.objects.get_or_create(kind=KIND, team=team, user=member, defaults={"assigned_by": request.user})
            record("complaints.handler.assign", request=request, opd=team.opd, target=member.get_username())
            messages.success(request, _("%(user)s kini petugas pengaduan %(opd)s.") % {"user": member, "opd": team.opd})
        else:
            CaseHandler.objects.filter(kind=KIND, team=team, user=member).delete()
            record("complaints.handler.remove", request=request, opd=team.opd, target=member.get_username())
            messages.success(request, _("%(user)s bukan lagi petugas pengaduan.") % {"user": member})
        return redirect("complaints_admin:handlers")


def dashboard_cases(user, limit=10):
    """Overdue reports in the user's scope for the admin home (and their count)."""
    if not can_use_inbox(user):
        return None, 0
    cases = access.visible_cases(Complaint.objects.overdue(), user, kind=KIND, coordinator=services.coordinator())
    return list(cases.select_related("opd").order_by("due_at")[:limit]), cases.count()
