"""Admin screens of humas' curation: Sorotan, quick links, proposals, and the page chooser."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import views
from .models import Highlight, QuickLink


class HighlightViewSet(SnippetViewSet):
    model = Highlight
    icon = "pick"
    menu_label = _("Sorotan")
    add_to_admin_menu = False
    list_display = [
        "display_title",
        Column("page", label=_("Halaman"), accessor=lambda h: h.page.url_path),
        "ends_at",
        Column(
            "is_showing", label=_("Tampil sekarang"), accessor=lambda h: _("Ya") if h.is_showing_now else _("Tidak")
        ),
    ]
    panels = [
        FieldPanel("page", widget=views.published_page_chooser_viewset.widget_class),
        FieldPanel("title"),
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("ends_at"),
    ]

    def get_queryset(self, request):
        # "Tampil sekarang" for every row in the listing's own query, not one query per row.
        return Highlight.objects.with_showing_flag()


class QuickLinkViewSet(SnippetViewSet):
    model = QuickLink
    icon = "link"
    menu_label = _("Tautan layanan")
    list_display = ["title", "description", Column("href", label=_("Tujuan"))]


class FrontPageGroup(SnippetViewSetGroup):
    menu_label = _("Beranda daerah")
    menu_icon = "home"
    menu_order = 150
    items = (HighlightViewSet, QuickLinkViewSet)


register_snippet(FrontPageGroup)


@hooks.register("register_admin_viewset")
def register_published_page_chooser():
    return views.published_page_chooser_viewset


@hooks.register("register_admin_urls")
def register_proposal_urls():
    return [
        path("usulan-beranda/", views.proposals, name="home_proposals"),
        path(
            "usulan-beranda/<int:page_id>/<str:outcome>/",
            views.decide_proposal,
            name="home_proposal_decide",
        ),
    ]


class CuratorMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(views.CURATE_PERMISSION)


@hooks.register("register_admin_menu_item")
def register_proposals_menu_item():
    return CuratorMenuItem(
        _("Usulan beranda"), reverse("home_proposals"), name="usulan-beranda", icon_name="pick", order=151
    )
