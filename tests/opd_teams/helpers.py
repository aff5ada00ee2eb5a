"""A region of three OPD sections onboarded with real permissions, for the opd_teams tests."""

import wagtail_factories
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Page

from opd_pages.models import NewsIndexPage
from opd_teams.onboarding import adopt_opd
from opd_teams.roles import ensure_platform_groups
from tests.factories.opd_pages import NewsPageFactory
from tests.factories.opd_teams import UserFactory
from tests.trees import build_region_tree

PASSWORD = "sandi-uji-12345"


class Section:
    """One onboarded OPD with an admin, an operator, a live and a draft news page and private media."""

    def __init__(self, opd):
        slug = opd.slug
        result = adopt_opd(opd, [f"{slug}.admin@contohkab.go.id", f"{slug}.admin2@contohkab.go.id"])
        self.team = result.team
        self.opd = opd
        self.admin = get_user_model().objects.get(username=f"{slug}.admin")
        self.admin.set_password(PASSWORD)
        self.admin.save()
        self.operator = UserFactory(username=f"{slug}.operator", email=f"{slug}.operator@contohkab.go.id")
        self.operator.groups.add(self.team.operator_group)
        self.news_index = NewsIndexPage.objects.child_of(opd).get()
        self.live_news = NewsPageFactory(parent=self.news_index, title=f"Berita terbit {opd.acronym}")
        self.live_news.save_revision(user=self.admin).publish()
        self.live_news.refresh_from_db()
        self.draft = NewsPageFactory(
            parent=self.news_index, title=f"Draf rahasia {opd.acronym}", live=False, owner=self.operator
        )
        self.draft.save_revision(user=self.operator)
        self.workflow_state = self.draft.get_workflow().start(self.draft, self.operator)
        self.draft.refresh_from_db()
        self.task_state = self.workflow_state.current_task_state
        self.locked = NewsPageFactory(parent=self.news_index, title=f"Halaman terkunci {opd.acronym}")
        self.locked.save_revision(user=self.admin).publish()
        Page.objects.filter(pk=self.locked.pk).update(locked=True, locked_by=self.admin, locked_at=timezone.now())
        self.locked.refresh_from_db()
        self.image = wagtail_factories.ImageFactory(
            title=f"Foto rahasia {opd.acronym}", collection=self.team.collection
        )
        self.document = get_document_model().objects.create(
            title=f"Dokumen rahasia {opd.acronym}", collection=self.team.collection, file=image_file_stub(opd.acronym)
        )


def image_file_stub(name):
    from django.core.files.base import ContentFile

    return ContentFile(b"%PDF-1.4 test", name=f"{name.lower()}.pdf")


def build_onboarded_region(opd_count=3):
    """(home, [Section, …]) with the platform groups in place."""
    home, opds = build_region_tree(opd_count=opd_count, news_per_opd=0)
    ensure_platform_groups()
    return home, [Section(opd) for opd in opds]


def assert_denied(test, response, label=""):
    """Denied the Wagtail way: 403, or a redirect to the admin home (with an error message)."""
    from django.urls import reverse

    if response.status_code == 302:
        test.assertEqual(response["Location"], reverse("wagtailadmin_home"), label)
    else:
        test.assertEqual(response.status_code, 403, label)
