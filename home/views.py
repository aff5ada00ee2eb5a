"""Admin views of humas' curation: the published-page chooser and the list of proposed news."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import chooser as chooser_views
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.models import Page

from opd_pages.models import NewsPage, attach_opds

from .models import Highlight, ProposalDecision

#: Who may curate the front page: anyone who may add Sorotan (humas, Diskominfo).
CURATE_PERMISSION = "home.add_highlight"


class PublishedPagesMixin:
    def get_object_list(self):
        return Page.objects.live().public().filter(depth__gt=1).order_by("-last_published_at", "-pk")

    @property
    def columns(self):
        return [
            self.title_column,
            Column("url_path", label=gettext_lazy("Alamat"), accessor=lambda page: page.url_path),
            DateColumn("last_published_at", label=gettext_lazy("Terbit terakhir")),
        ]


class PublishedPageChooseView(PublishedPagesMixin, chooser_views.ChooseView):
    pass


class PublishedPageChooseResultsView(PublishedPagesMixin, chooser_views.ChooseResultsView):
    pass


class PublishedPageChooserViewSet(ChooserViewSet):
    """Chooses any live, public page of any OPD; needs no edit right on the page chosen."""

    model = Page
    icon = "doc-full-inverse"
    choose_one_text = gettext_lazy("Pilih halaman terbit")
    choose_another_text = gettext_lazy("Pilih halaman lain")
    edit_item_text = gettext_lazy("Lihat")
    choose_view_class = PublishedPageChooseView
    choose_results_view_class = PublishedPageChooseResultsView
    register_widget = False  # other Page foreign keys keep Wagtail's own page chooser
    per_page = 20


published_page_chooser_viewset = PublishedPageChooserViewSet("published_page_chooser", url_prefix="sorotan/pilih")


def check_curator(user):
    if not user.has_perm(CURATE_PERMISSION):
        raise PermissionDenied


def proposals(request):
    """The news OPDs proposed for the front page and not yet decided, newest first."""
    check_curator(request.user)
    pending = attach_opds(NewsPage.objects.proposed_for_front_page()[:100])
    recent = ProposalDecision.objects.select_related("page", "decided_by").order_by("-decided_at")[:20]
    return TemplateResponse(
        request,
        "home/admin/proposals.html",
        {"pending": pending, "recent_decisions": recent, "header_title": _("Usulan berita untuk beranda")},
    )


@require_POST
def decide_proposal(request, page_id, outcome):
    """Feature a proposed news item in Sorotan (at the end) or dismiss it; both are recorded."""
    check_curator(request.user)
    if outcome not in ProposalDecision.Outcome.values:
        raise Http404
    news = get_object_or_404(NewsPage.objects.proposed_for_front_page(), pk=page_id)
    with transaction.atomic():
        ProposalDecision.objects.create(page=news, outcome=outcome, decided_by=request.user)
        if outcome == ProposalDecision.Outcome.FEATURED:
            last = Highlight.objects.aggregate(last=Max("sort_order"))["last"]
            Highlight.objects.create(page=news, sort_order=(last or 0) + 1)
            messages.success(request, _("'%(title)s' kini tampil di Sorotan.") % {"title": news.title})
        else:
            messages.success(request, _("Usulan '%(title)s' tidak ditampilkan.") % {"title": news.title})
    return redirect("home_proposals")
