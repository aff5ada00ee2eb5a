"""Admin views: "Tambah OPD" and the OPD list for Diskominfo; "Tim OPD" and handover for OPD admins."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from audit import log as audit_log

from . import team as team_actions
from .forms import HandoverForm, InviteForm, OnboardingForm
from .models import OpdTeam
from .onboarding import OnboardingError, archive_opd, onboard_opd
from .roles import is_diskominfo


class AdminPageMixin(WagtailAdminTemplateMixin):
    """Wagtail admin chrome with the page title as the last breadcrumb."""

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.get_page_title()}]


class DiskominfoRequiredMixin:
    def dispatch(self, request, *args, **kwargs):
        if not is_diskominfo(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class OpdListView(DiskominfoRequiredMixin, AdminPageMixin, TemplateView):
    template_name = "opd_teams/opd_list.html"
    page_title = gettext_lazy("Daftar OPD")
    header_icon = "group"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["teams"] = OpdTeam.objects.select_related("opd").order_by("opd__title")
        context["short_of_admins"] = team_actions.teams_short_of_admins()
        context["unused_accounts"] = team_actions.unused_accounts()
        context["unused_days"] = team_actions.unused_since_days()
        return context


class OnboardingView(DiskominfoRequiredMixin, AdminPageMixin, FormView):
    template_name = "opd_teams/form.html"
    form_class = OnboardingForm
    page_title = gettext_lazy("Tambah OPD")
    header_icon = "plus"

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            result = onboard_opd(
                title=data["title"],
                acronym=data["acronym"],
                kind=data["kind"],
                admin_emails=data["admin_emails"],
                user=self.request.user,
                hostname=data.get("hostname", ""),
            )
        except OnboardingError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        if result.created:
            messages.success(
                self.request,
                _("OPD %(opd)s dibuat; undangan dikirim ke %(count)d admin.")
                % {"opd": result.team.opd.title, "count": len(result.invited)},
            )
        else:
            messages.info(self.request, _("OPD %(opd)s sudah ada; tidak ada yang diubah.") % {"opd": result.team.opd})
        return redirect("opd_teams:opd_list")


class ArchiveView(DiskominfoRequiredMixin, AdminPageMixin, TemplateView):
    template_name = "opd_teams/confirm.html"
    page_title = gettext_lazy("Arsipkan OPD")
    header_icon = "warning"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        team = get_object_or_404(OpdTeam, pk=self.kwargs["team_id"])
        context["message"] = _(
            "Semua halaman %(opd)s akan diturunkan dan dialihkan ke beranda daerah, dan akun timnya dinonaktifkan. "
            "Isi tetap disimpan."
        ) % {"opd": team.opd.title}
        return context

    def post(self, request, team_id):
        team = get_object_or_404(OpdTeam, pk=team_id)
        result = archive_opd(team, user=request.user)
        messages.success(
            request,
            _("%(opd)s diarsipkan: %(pages)d halaman diturunkan, %(users)d akun dinonaktifkan.")
            % {"opd": team.opd.title, "pages": result["unpublished"], "users": result["deactivated"]},
        )
        return redirect("opd_teams:opd_list")


def admin_teams(user):
    """Active teams the user administers (Diskominfo: every active team)."""
    teams = OpdTeam.objects.filter(archived_at__isnull=True).select_related("opd", "admin_group", "operator_group")
    if is_diskominfo(user):
        return teams
    return teams.filter(admin_group__in=user.groups.all())


class TeamMixin:
    """Resolves ``team_id`` to a team the user administers, else 403 (logged)."""

    audit_action = "team.view"

    def dispatch(self, request, *args, **kwargs):
        if "team_id" in kwargs:
            self.team = admin_teams(request.user).filter(pk=kwargs["team_id"]).first()
            if self.team is None:
                audit_log.record(self.audit_action, request=request, outcome="denied", team_id=kwargs["team_id"])
                raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_member(self):
        member = get_object_or_404(get_user_model(), pk=self.kwargs["user_id"])
        if not team_actions.belongs_only_to(self.team, member):
            audit_log.record(
                self.audit_action,
                request=self.request,
                opd=self.team.opd,
                target=member.get_username(),
                outcome="denied",
                reason="not a member of this team only",
            )
            raise PermissionDenied
        return member


class TeamIndexView(TeamMixin, AdminPageMixin, TemplateView):
    template_name = "opd_teams/team.html"
    page_title = gettext_lazy("Tim OPD")
    header_icon = "group"

    def dispatch(self, request, *args, **kwargs):
        if not admin_teams(request.user).exists():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        teams = admin_teams(self.request.user)
        if is_diskominfo(self.request.user) and self.request.GET.get("opd"):
            teams = teams.filter(pk=self.request.GET["opd"])
        context["teams"] = [
            {
                "team": team,
                "admins": team.admins().order_by("-is_active", "username"),
                "operators": team.operators().order_by("-is_active", "username"),
            }
            for team in teams.order_by("opd__title")[:50]
        ]
        context["invite_form"] = InviteForm()
        context["can_reactivate"] = is_diskominfo(self.request.user)
        return context


class InviteView(TeamMixin, AdminPageMixin, FormView):
    audit_action = "team.invite"
    template_name = "opd_teams/form.html"
    form_class = InviteForm
    page_title = gettext_lazy("Undang operator")
    header_icon = "user"

    def form_valid(self, form):
        try:
            user = team_actions.invite_operator(
                self.team,
                form.cleaned_data["email"],
                form.cleaned_data["first_name"],
                by_user=self.request.user,
                request=self.request,
            )
        except team_actions.TeamError as error:
            form.add_error("email", str(error))
            return self.form_invalid(form)
        messages.success(self.request, _("Undangan dikirim ke %(email)s.") % {"email": user.email})
        return redirect("opd_teams:team")


class MemberActionView(TeamMixin, AdminPageMixin, TemplateView):
    template_name = "opd_teams/confirm.html"
    header_icon = "user"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["member"] = self.get_member()
        context["message"] = self.confirm_message % {"user": context["member"].get_username()}
        return context

    def post(self, request, team_id, user_id):
        member = self.get_member()
        try:
            self.act(member)
        except team_actions.TeamError as error:
            messages.error(request, str(error))
        return redirect("opd_teams:team")


class DeactivateView(MemberActionView):
    audit_action = "team.deactivate"
    page_title = gettext_lazy("Nonaktifkan akun")
    confirm_message = gettext_lazy("Nonaktifkan akun %(user)s? Isi yang dibuatnya tetap tersimpan.")

    def act(self, member):
        team_actions.deactivate_member(self.team, member, by_user=self.request.user, request=self.request)
        messages.success(self.request, _("Akun %(user)s dinonaktifkan.") % {"user": member.get_username()})


class ResendInvitationView(MemberActionView):
    audit_action = "team.resend"
    page_title = gettext_lazy("Kirim ulang undangan")
    confirm_message = gettext_lazy("Kirim ulang undangan (tautan membuat sandi) ke %(user)s?")

    def act(self, member):
        team_actions.resend_invitation(self.team, member, by_user=self.request.user, request=self.request)
        messages.success(self.request, _("Undangan dikirim ulang ke %(email)s.") % {"email": member.email})


class ReactivateView(MemberActionView):
    """Diskominfo only: an inactive account of the team becomes active again."""

    audit_action = "team.reactivate"
    page_title = gettext_lazy("Aktifkan kembali akun")
    confirm_message = gettext_lazy("Aktifkan kembali akun %(user)s?")

    def dispatch(self, request, *args, **kwargs):
        if not is_diskominfo(request.user):
            audit_log.record(self.audit_action, request=request, outcome="denied", user_id=kwargs.get("user_id"))
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def act(self, member):
        team_actions.reactivate_member(self.team, member, by_user=self.request.user, request=self.request)
        messages.success(self.request, _("Akun %(user)s aktif kembali.") % {"user": member.get_username()})


class HandoverView(TeamMixin, AdminPageMixin, FormView):
    """ "Ganti operator" (operators) and, with ``replace_admin``, "Ganti admin"."""

    audit_action = "team.handover"
    template_name = "opd_teams/form.html"
    form_class = HandoverForm
    page_title = gettext_lazy("Ganti operator")
    header_icon = "resubmit"
    replaces_admin = False

    def get_form(self, form_class=None):
        member = self.get_member()
        if self.team.admins().filter(pk=member.pk).exists() != self.replaces_admin:
            audit_log.record(
                self.audit_action,
                request=self.request,
                opd=self.team.opd,
                target=member.get_username(),
                outcome="denied",
                reason="wrong role for this action",
            )
            raise PermissionDenied
        return super().get_form(form_class)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        member = self.get_member()
        context["intro"] = _(
            "%(user)s akan dinonaktifkan. Draf, kuncian halaman dan kiriman moderasinya di %(opd)s dipindahkan "
            "ke pengganti, dan pengganti menerima undangan sebagai %(role)s."
        ) % {
            "user": member.get_username(),
            "opd": self.team.opd.title,
            "role": _("admin") if self.replaces_admin else _("operator"),
        }
        return context

    def form_valid(self, form):
        member = self.get_member()
        try:
            act = team_actions.replace_admin if self.replaces_admin else team_actions.handover
            successor, moved = act(
                self.team,
                member,
                form.cleaned_data["email"],
                by_user=self.request.user,
                first_name=form.cleaned_data["first_name"],
                request=self.request,
            )
        except team_actions.TeamError as error:
            form.add_error("email", str(error))
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("%(new)s menggantikan %(old)s: %(drafts)d draf, %(locks)d kuncian, %(subs)d kiriman dipindahkan.")
            % {
                "new": successor.get_username(),
                "old": member.get_username(),
                "drafts": len(moved["drafts"]),
                "locks": len(moved["locks"]),
                "subs": len(moved["submissions"]),
            },
        )
        return redirect(reverse("opd_teams:team"))


class ReplaceAdminView(HandoverView):
    """ "Ganti admin": its own action; the OPD keeps at least two active admins."""

    audit_action = "team.replace_admin"
    page_title = gettext_lazy("Ganti admin")
    replaces_admin = True
