import io

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase, override_settings
from django.urls import reverse
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from audit.models import AuditEvent
from media_safety.checks import check_upload, reencode_image
from media_safety.csv_safety import formula_safe_csv

from .hostile import HTML, hostile_documents, hostile_images, image_bytes, ooxml, pdf


class HostileCorpusTests(TestCase):
    """The corpus from the issue, uploaded through the admin forms as a superuser."""

    @classmethod
    def setUpTestData(cls):
        cls.user = get_user_model().objects.create_superuser("pengelola", "p@contohkab.go.id", "kata-sandi-panjang")
        cls.collection = Collection.get_first_root_node()

    def setUp(self):
        self.client.force_login(self.user)

    def _post(self, url_name, name, content):
        return self.client.post(
            reverse(url_name),
            {"title": "Berkas uji", "collection": self.collection.pk, "file": SimpleUploadedFile(name, content)},
        )

    def test_the_corpus_has_at_least_32_files(self):
        self.assertGreaterEqual(len(hostile_images()) + len(hostile_documents()), 32)

    def test_every_hostile_image_is_refused_with_a_message(self):
        for name, content, why in hostile_images():
            with self.subTest(name=name, why=why):
                response = self._post("wagtailimages:add", name, content)
                self.assertEqual(response.status_code, 200)
                self.assertTrue(response.context["form"].errors.get("file"), why)
        self.assertEqual(get_image_model().objects.count(), 0)
        self.assertEqual(
            AuditEvent.objects.filter(action="upload.refused", outcome="denied").count(), len(hostile_images())
        )

    @override_settings(PORTAL_DOCUMENT_MAX_BYTES=40_000_000)
    def test_every_hostile_document_is_refused_with_a_message(self):
        for name, content, why in hostile_documents():
            with self.subTest(name=name, why=why):
                response = self._post("wagtaildocs:add", name, content)
                self.assertEqual(response.status_code, 200)
                errors = response.context["form"].errors.get("file")
                self.assertTrue(errors, why)
        self.assertEqual(get_document_model().objects.count(), 0)

    @override_settings(PORTAL_DOCUMENT_MAX_BYTES=1024 * 1024)
    def test_documents_above_the_size_cap_are_refused(self):
        response = self._post("wagtaildocs:add", "besar.pdf", pdf() + b"0" * (2 * 1024 * 1024))
        self.assertIn("terlalu besar", str(response.context["form"].errors["file"]))
        self.assertEqual(get_document_model().objects.count(), 0)

    def test_ordinary_files_are_accepted(self):
        for url_name, name, content in [
            ("wagtailimages:add", "foto.png", image_bytes("PNG")),
            ("wagtailimages:add", "foto.jpg", image_bytes("JPEG")),
            ("wagtailimages:add", "foto.gif", image_bytes("GIF")),
            ("wagtailimages:add", "foto.webp", image_bytes("WEBP")),
            ("wagtaildocs:add", "laporan.pdf", pdf()),
            ("wagtaildocs:add", "laporan.docx", ooxml()),
            ("wagtaildocs:add", "anggaran.xlsx", ooxml("xlsx")),
            ("wagtaildocs:add", "data.csv", b"nama,nilai\nPosyandu,12\n"),
            ("wagtaildocs:add", "catatan.txt", b"Jadwal layanan KTP hari Sabtu"),
        ]:
            with self.subTest(name=name):
                response = self._post(url_name, name, content)
                errors = response.context["form"].errors if response.status_code == 200 else None
                self.assertEqual(response.status_code, 302, errors)
        self.assertEqual(get_image_model().objects.count(), 4)
        self.assertEqual(get_document_model().objects.count(), 5)

    def test_a_stored_image_keeps_no_trailing_bytes(self):
        content = image_bytes("PNG") + b"TRAILING-PAYLOAD"
        stored = reencode_image(SimpleUploadedFile("foto.png", content))
        data = stored.read()
        self.assertNotIn(b"TRAILING-PAYLOAD", data)
        self.assertEqual(Image.open(io.BytesIO(data)).size, (40, 30))

    def test_document_title_with_gambling_spam_is_refused(self):
        response = self.client.post(
            reverse("wagtaildocs:add"),
            {
                "title": "Slot gacor maxwin link alternatif",
                "collection": self.collection.pk,
                "file": SimpleUploadedFile("laporan.pdf", pdf()),
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("judi", str(response.context["form"].errors["title"]))


class CheckUploadTests(TestCase):
    def test_refusals_are_indonesian_validation_errors(self):
        with self.assertRaises(ValidationError) as caught:
            check_upload(SimpleUploadedFile("laporan.pdf", HTML), "document")
        self.assertIn("tidak sesuai", caught.exception.messages[0])

    def test_unknown_kind_is_a_programming_error(self):
        with self.assertRaises(ValueError):
            check_upload(SimpleUploadedFile("a.png", image_bytes()), "video")

    def test_default_document_cap_is_20_megabytes(self):
        from django.conf import settings

        self.assertEqual(settings.PORTAL_DOCUMENT_MAX_BYTES, 20 * 1024 * 1024)


class CsvDownloadTests(TestCase):
    def test_formulas_are_neutralised(self):
        text = formula_safe_csv(b'nama,nilai\n=HYPERLINK("http://evil"),1\n+1+1,@SUM(A1)\n-2,biasa\n')
        self.assertIn("'=HYPERLINK", text)
        self.assertIn("'+1+1", text)
        self.assertIn("'@SUM(A1)", text)
        self.assertIn("'-2", text)
        self.assertIn("biasa", text)

    def test_csv_documents_are_served_formula_safe(self):
        user = get_user_model().objects.create_superuser("p2", "p2@contohkab.go.id", "kata-sandi-panjang")
        self.client.force_login(user)
        self.client.post(
            reverse("wagtaildocs:add"),
            {
                "title": "Data",
                "collection": Collection.get_first_root_node().pk,
                "file": SimpleUploadedFile("data.csv", b"nama,nilai\n=1+2,3\n"),
            },
        )
        document = get_document_model().objects.get()
        self.client.logout()
        response = self.client.get(document.url)
        self.assertEqual(response.status_code, 200)
        self.assertIn(b"'=1+2", b"".join(response.streaming_content) if response.streaming else response.content)
