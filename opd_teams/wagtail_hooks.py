"""Admin wiring: OPD and team screens, warnings on the admin home, and read-path isolation."""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpResponseNotFound
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.models import Page
from wagtail.permissions import page_permission_policy

from . import admin_api, media, urls
from . import team as team_actions
from .roles import is_diskominfo
from .views import admin_teams


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("opd-teams/", include(urls, namespace="opd_teams"))]


class DiskominfoMenuItem(MenuItem):
    def is_shown(self, request):
        return is_diskominfo(request.user)


class TeamMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_teams(request.user).exists()


@hooks.register("register_admin_menu_item")
def register_opd_menu_item():
    return DiskominfoMenuItem(_("Daftar OPD"), reverse("opd_teams:opd_list"), icon_name="site", order=250)


@hooks.register("register_admin_menu_item")
def register_media_approval_menu_item():
    return TeamMenuItem(_("Persetujuan media"), reverse("opd_teams:media_approval"), icon_name="image", order=261)


@hooks.register("before_serve_document")
def keep_unreleased_documents_private(document, request):
    """A document the public may not reach yet answers 404, except to editors who may see it."""
    if media.is_public(document) or media.editor_may_see(getattr(request, "user", None), document):
        return None
    return HttpResponseNotFound()


@hooks.register("register_admin_menu_item")
def register_team_menu_item():
    return TeamMenuItem(_("Tim OPD"), reverse("opd_teams:team"), icon_name="group", order=260)


class TeamWarningsPanel(Component):
    name = "opd_team_warnings"
    template_name = "opd_teams/home_panel.html"
    order = 90

    def __init__(self, short_of_admins, unused_accounts, list_url):
        self.short_of_admins = short_of_admins
        self.unused_accounts = unused_accounts
        self.list_url = list_url

    def get_context_data(self, parent_context):
        return {
            "short_of_admins": self.short_of_admins,
            "unused_accounts": self.unused_accounts,
            "unused_days": team_actions.unused_since_days(),
            "list_url": self.list_url,
        }


@hooks.register("construct_homepage_panels")
def add_team_warnings_panel(request, panels):
    user = request.user
    if is_diskominfo(user):
        short = team_actions.teams_short_of_admins()
        unused = list(team_actions.unused_accounts()[:20])
        list_url = reverse("opd_teams:opd_list")
    else:
        teams = list(admin_teams(user))
        if not teams:
            return
        team_ids = {team.pk for team in teams}
        short = [team for team in team_actions.teams_short_of_admins() if team.pk in team_ids]
        groups = [team.admin_group_id for team in teams] + [team.operator_group_id for team in teams]
        unused = list(team_actions.unused_accounts().filter(groups__in=groups).distinct())
        list_url = None
    if short or unused:
        panels.append(TeamWarningsPanel(short, unused, list_url))


@hooks.register("construct_page_chooser_queryset")
def hide_other_opds_drafts_from_page_chooser(pages, request):
    """Choosers list published, public pages plus the pages the editor may work on; never others' drafts."""
    user = request.user
    if user.is_superuser:
        return pages
    editable = page_permission_policy.explorable_instances(user).values("pk")
    private = Page.objects.filter(view_restrictions__isnull=False)
    private_q = Q()
    for page in private.only("path"):
        private_q |= Q(path__startswith=page.path)
    published = pages.live()
    if private_q:
        published = published.exclude(private_q)
    return pages.filter(Q(pk__in=published.values("pk")) | Q(pk__in=editable))


@hooks.register("construct_admin_api", order=100)
def scope_admin_api(router):
    """After Wagtail's own endpoints are registered, replace them with the scoped ones."""
    admin_api.register(router)


@hooks.register("before_move_page")
def refuse_moves_across_opds(request, page, destination):
    if not page.permissions_for_user(request.user).can_move_to(destination):
        raise PermissionDenied


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(team_actions.HANDOVER_ACTION, _("Ganti operator"), _("Diserahkan ke pengganti"))
    actions.register_action(team_actions.DEACTIVATE_ACTION, _("Nonaktifkan akun"), _("Akun dinonaktifkan"))
    actions.register_action(team_actions.INVITE_ACTION, _("Undang anggota tim"), _("Anggota tim diundang"))
    actions.register_action(team_actions.REPLACE_ADMIN_ACTION, _("Ganti admin"), _("Admin diganti"))
    actions.register_action(team_actions.REACTIVATE_ACTION, _("Aktifkan kembali akun"), _("Akun aktif kembali"))


@hooks.register("construct_homepage_panels")
def flat_moderation_panel(request, panels):
    # The same panel, without four queries per page awaiting review (opd_teams.moderation_panel).
    from .moderation_panel import replace_stock_panel

    replace_stock_panel(request, panels)
