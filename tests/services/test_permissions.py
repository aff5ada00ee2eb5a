"""Who may write services: the OPD's own team (operator drafts, admin publishes); the taxonomy is Diskominfo/humas'."""

from django.contrib.auth.models import Group
from django.test import TestCase
from django.urls import reverse
from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, streamfield

from opd_teams.models import HUMAS_GROUP
from services.models import LifeEvent, ServicePage
from tests.factories.opd_teams import UserFactory
from tests.factories.services import ServicePageFactory, service_index_of
from tests.opd_teams.helpers import PASSWORD, assert_denied, build_onboarded_region


def service_form(title, slug):
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "summary": "Ringkasan layanan.",
            "synonyms": "",
            "requirements": streamfield([("item", {"text": "Fotokopi KTP-el", "note": "", "form": ""})]),
            "procedure": streamfield([("step", {"title": "Datang ke loket", "description": ""})]),
            "duration_value": "2",
            "duration_unit": "hari-kerja",
            "fee_type": "gratis",
            "internal_display": "ringkas",
        }
    )


class ServicePermissionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, (cls.mine, cls.theirs, _third) = build_onboarded_region(opd_count=3)
        cls.my_index = service_index_of(cls.mine.opd)
        cls.their_index = service_index_of(cls.theirs.opd)
        cls.their_service = ServicePageFactory(parent=cls.their_index, title="Layanan milik OPD lain")
        cls.event = LifeEvent.objects.create(name="kelahiran", slug="kelahiran")

    def test_operator_creates_a_service_submits_it_and_their_admin_publishes_it(self):
        self.client.force_login(self.mine.operator)
        data = service_form("Surat Keterangan Baru", "surat-keterangan-baru")
        data["action-submit"] = "Submit"
        response = self.client.post(f"/admin/pages/add/services/servicepage/{self.my_index.pk}/", data)
        self.assertEqual(response.status_code, 302)
        service = ServicePage.objects.get(slug="surat-keterangan-baru")
        self.assertFalse(service.live)
        state = WorkflowState.objects.active().get(object_id=str(service.pk))
        self.assertEqual(state.requested_by, self.mine.operator)
        edit = self.client.get(f"/admin/pages/{service.pk}/edit/")
        self.assertContains(edit, "Skor kelengkapan")

        self.client.force_login(self.mine.admin)
        response = self.client.post(
            reverse("wagtailadmin_pages:workflow_action", args=[service.pk, "approve", state.current_task_state.pk]),
            {"comment": ""},
        )
        self.assertIn(response.status_code, (200, 302))
        service.refresh_from_db()
        self.assertTrue(service.live)

    def test_operator_cannot_publish_a_service_directly(self):
        self.client.force_login(self.mine.operator)
        data = service_form("Coba Terbit", "coba-terbit")
        data["action-publish"] = "Publish"
        self.client.post(f"/admin/pages/add/services/servicepage/{self.my_index.pk}/", data)
        self.assertFalse(ServicePage.objects.filter(slug="coba-terbit", live=True).exists())

    def test_another_opds_team_cannot_add_edit_or_delete_its_services(self):
        for user in (self.mine.operator, self.mine.admin):
            self.client.force_login(user)
            urls = [
                ("get", f"/admin/pages/add/services/servicepage/{self.their_index.pk}/"),
                ("post", f"/admin/pages/add/services/servicepage/{self.their_index.pk}/"),
                ("get", f"/admin/pages/{self.their_service.pk}/edit/"),
                ("post", f"/admin/pages/{self.their_service.pk}/edit/"),
                ("post", f"/admin/pages/{self.their_service.pk}/delete/"),
                ("post", f"/admin/pages/{self.their_service.pk}/unpublish/"),
                ("get", f"/admin/pages/add/services/maklumatpage/{self.their_index.pk}/"),
            ]
            for method, url in urls:
                with self.subTest(user=user.username, url=url, method=method):
                    data = service_form("Sisipan", "sisipan") if method == "post" else None
                    response = getattr(self.client, method)(url, data)
                    assert_denied(self, response, url)
        self.assertTrue(Page.objects.filter(pk=self.their_service.pk, live=True).exists())
        self.assertFalse(ServicePage.objects.filter(slug="sisipan").exists())

    def test_only_diskominfo_and_humas_manage_the_taxonomy(self):
        urls = [
            "/admin/snippets/services/lifeevent/add/",
            f"/admin/snippets/services/lifeevent/edit/{self.event.pk}/",
            "/admin/snippets/services/servicetopic/add/",
        ]
        for user in (self.mine.operator, self.mine.admin):
            self.client.force_login(user)
            for url in urls:
                with self.subTest(user=user.username, url=url):
                    assert_denied(self, self.client.get(url), url)
            response = self.client.post(urls[0], {"name": "jebakan", "slug": "jebakan", "sort_order": 1})
            assert_denied(self, response)
        self.assertFalse(LifeEvent.objects.filter(slug="jebakan").exists())

        humas = UserFactory(username="humas.uji")
        humas.groups.add(Group.objects.get(name=HUMAS_GROUP))
        humas.set_password(PASSWORD)
        humas.save()
        self.client.force_login(humas)
        response = self.client.post(
            urls[0], {"name": "pernikahan", "slug": "pernikahan", "description": "", "keywords": "", "sort_order": 5}
        )
        self.assertEqual(response.status_code, 302)
        self.assertTrue(LifeEvent.objects.filter(slug="pernikahan").exists())
