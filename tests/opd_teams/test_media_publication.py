"""Media follow publication: an operator's upload is public once a published page uses it or an admin approves it."""

import tempfile

import wagtail_factories
from django.conf import settings
from django.contrib.auth.models import Group
from django.test import TestCase, override_settings
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import CollectionViewRestriction, ReferenceIndex

from audit.models import AuditEvent
from opd_teams import media
from opd_teams.models import HUMAS_GROUP

from .helpers import build_onboarded_region, image_file_stub


@override_settings(
    MEDIA_ROOT=tempfile.mkdtemp(prefix="portal-media-"),
    STORAGES={**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}},
)
class MediaPublicationTest(TestCase):
    """Files on disk: Wagtail's document download streams the file from its path."""

    @classmethod
    def setUpTestData(cls):
        cls.home, (cls.a, cls.b) = build_onboarded_region(2)
        collection = cls.a.team.collection
        cls.operator_image = wagtail_factories.ImageFactory(
            title="Foto unggahan operator", collection=collection, uploaded_by_user=cls.a.operator
        )
        cls.operator_document = get_document_model().objects.create(
            title="Dokumen unggahan operator",
            collection=collection,
            file=image_file_stub("unggahan-operator"),
            uploaded_by_user=cls.a.operator,
        )
        cls.admin_document = get_document_model().objects.create(
            title="Dokumen unggahan admin",
            collection=collection,
            file=image_file_stub("unggahan-admin"),
            uploaded_by_user=cls.a.admin,
        )
        private = collection.add_child(name="Tertutup A")
        CollectionViewRestriction.objects.create(collection=private, restriction_type=CollectionViewRestriction.LOGIN)
        cls.private_document = get_document_model().objects.create(
            title="Dokumen tertutup", collection=private, file=image_file_stub("tertutup"), uploaded_by_user=cls.a.admin
        )

    def api_titles(self, endpoint):
        response = self.client.get(f"/api/v2/{endpoint}/", {"fields": "title", "limit": 20})
        self.assertEqual(response.status_code, 200)
        return {item["title"] for item in response.json()["items"]}

    def test_an_operators_upload_is_not_public_until_approved(self):
        self.assertFalse(media.is_public(self.operator_document))
        self.assertEqual(self.client.get(self.operator_document.url).status_code, 404)
        self.assertNotIn(self.operator_document.title, self.api_titles("documents"))
        self.assertNotIn(self.operator_image.title, self.api_titles("images"))
        self.assertEqual(self.client.get(self.operator_image.get_rendition("fill-20x20").url).status_code, 404)
        self.assertEqual(self.client.get(f"/media/{self.operator_image.file.name}").status_code, 404)
        # Uploads of those who may publish are public at once; private collections never.
        self.assertEqual(self.client.get(self.admin_document.url).status_code, 200)
        self.assertIn(self.admin_document.title, self.api_titles("documents"))
        self.assertNotIn(self.private_document.title, self.api_titles("documents"))
        self.assertNotEqual(self.client.get(self.private_document.url).status_code, 200)

    def test_the_operator_and_the_admin_still_open_it_in_the_admin(self):
        rendition = self.operator_image.get_rendition("fill-20x20").url
        for user in (self.a.operator, self.a.admin):
            self.client.force_login(user)
            self.assertEqual(self.client.get(self.operator_document.url).status_code, 200)
            self.assertEqual(self.client.get(rendition).status_code, 200)  # admin thumbnails, previews
        self.client.force_login(self.b.admin)
        self.assertEqual(self.client.get(self.operator_document.url).status_code, 404)
        self.assertEqual(self.client.get(rendition).status_code, 404)

    def test_an_opd_admin_approves_it_and_the_approval_is_audited(self):
        self.client.force_login(self.a.admin)
        page = self.client.get(reverse("opd_teams:media_approval"))
        self.assertContains(page, self.operator_document.title)
        self.assertContains(page, self.operator_image.title)
        self.assertNotContains(page, self.admin_document.title)
        self.assertNotContains(page, self.b.document.title)
        response = self.client.post(
            reverse("opd_teams:media_approval"), {"kind": "document", "id": self.operator_document.pk}
        )
        self.assertRedirects(response, reverse("opd_teams:media_approval"))
        self.client.logout()
        self.assertEqual(self.client.get(self.operator_document.url).status_code, 200)
        self.assertIn(self.operator_document.title, self.api_titles("documents"))
        event = AuditEvent.objects.get(action="media.approve")
        self.assertEqual(event.user, self.a.admin)

    def test_nobody_else_approves_it(self):
        self.client.force_login(self.b.admin)
        response = self.client.post(
            reverse("opd_teams:media_approval"), {"kind": "document", "id": self.operator_document.pk}
        )
        self.assertEqual(response.status_code, 404)
        self.client.force_login(self.a.operator)
        response = self.client.post(
            reverse("opd_teams:media_approval"), {"kind": "document", "id": self.operator_document.pk}
        )
        self.assertIn(response.status_code, {302, 403})
        self.assertFalse(media.is_public(self.operator_document))

    def test_a_published_public_page_that_uses_it_releases_it(self):
        news = self.a.live_news.specific
        news.main_image = self.operator_image
        news.save_revision(user=self.a.admin).publish()
        ReferenceIndex.create_or_update_for_object(news)
        self.assertTrue(media.is_public(self.operator_image))
        self.assertIn(self.operator_image.title, self.api_titles("images"))
        self.assertEqual(self.client.get(self.operator_image.get_rendition("fill-20x20").url).status_code, 200)

    def test_humas_uploads_are_public(self):
        humas = Group.objects.get(name=HUMAS_GROUP)
        self.a.operator.groups.add(humas)
        self.assertTrue(media.is_public(self.operator_document))
