"""Importing a generated ~180-item WordPress export: content, statuses, spam, media, redirects, re-runs."""

import json
import re

from django.contrib.auth import get_user_model
from django.test import TestCase, override_settings
from taggit.models import Tag
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision, Site, WorkflowState

from benchmarks.wordpress_export import SPAM_TITLE, write_export
from opd_pages.models import NewsPage, ProfilePage
from wordpress_import.importer import WordpressImportError, import_wordpress
from wordpress_import.models import ImportedItem
from wordpress_import.shortcodes import has_shortcode

from .helpers import ExportFiles, onboarded_region

FORBIDDEN = re.compile(r"<script|<iframe|<style|style=|onclick|javascript:|tracker\.example|<img", re.IGNORECASE)


def snapshot():
    return {
        "pages": list(Page.objects.order_by("pk").values_list("pk", "title", "slug", "live", "latest_revision_id")),
        "revisions": Revision.objects.count(),
        "redirects": list(Redirect.objects.order_by("pk").values_list("old_path", "redirect_page_id", "redirect_link")),
        "images": get_image_model().objects.count(),
        "documents": get_document_model().objects.count(),
        "items": list(ImportedItem.objects.order_by("pk").values_list("wp_id", "status", "fingerprint", "page_id")),
        "tags": Tag.objects.count(),
        "users": get_user_model().objects.count(),
        "workflows": WorkflowState.objects.count(),
    }


class ImportedExportTest(TestCase):
    @classmethod
    def setUpClass(cls):
        cls.files = ExportFiles()
        super().setUpClass()

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        cls.files.cleanup()

    @classmethod
    def setUpTestData(cls):
        cls.home, cls.opds, cls.teams = onboarded_region()
        cls.opd = cls.opds[0]
        cls.users_before = get_user_model().objects.count()
        cls.report = import_wordpress(cls.opd, cls.files.export, uploads=cls.files.uploads)
        cls.ids = cls.files.ids

    def item(self, wp_id):
        return ImportedItem.objects.select_related("page").get(opd=self.opd, wp_id=wp_id)

    def test_the_whole_export_imports_without_an_error(self):
        report = self.report
        self.assertEqual(report["errors"], [])
        self.assertEqual(report["counts"]["post"]["created"], 119)  # 120 posts, one in the trash
        self.assertEqual(report["counts"]["page"]["created"], 20)
        self.assertEqual(report["counts"]["attachment"]["created"], 25)  # 24 photos and a PDF
        self.assertEqual(report["skipped"], {"nav_menu_item": 5, "revision": 1, "other_types": 1, "trash": 1})
        self.assertEqual(report["comments_skipped"], sum(n % 3 for n in range(120)) + 0)
        self.assertEqual([m["wp_id"] for m in report["missing_media"]], [self.ids["missing"]])
        self.assertEqual([m["wp_id"] for m in report["refused_media"]], [self.ids["video"]])
        self.assertGreater(report["invalid_bytes"], 0)
        self.assertEqual(report["site"], "Dinas Contoh & Warga")
        self.assertEqual(NewsPage.objects.descendant_of(self.opd).count(), 119)
        self.assertEqual(ProfilePage.objects.descendant_of(self.opd).filter(profile_type="lainnya").count(), 20)

    def test_no_raw_shortcode_script_iframe_style_or_tracker_in_any_imported_page(self):
        items = ImportedItem.objects.filter(opd=self.opd, page__isnull=False).select_related("page")
        self.assertEqual(items.count(), 139)
        for item in items:
            page = item.page.specific
            body = json.dumps(list(page.get_latest_revision_as_object().body.raw_data), ensure_ascii=False)
            with self.subTest(wp_id=item.wp_id):
                self.assertIsNone(FORBIDDEN.search(body), body[:300])
                self.assertFalse(has_shortcode(body), body[:300])
        rendered = self.client.get(self.item(self.ids["posts"][0]).page.url)
        self.assertEqual(rendered.status_code, 200)
        main = rendered.content.decode().split("<main", 1)[1].split("</main>", 1)[0]
        self.assertNotIn("[caption", main)
        self.assertNotIn("<script", main)

    def test_markup_becomes_rich_text_and_image_blocks(self):
        featured = self.item(self.ids["posts"][0]).page.specific  # caption of its own featured image
        self.assertEqual(featured.image_caption, "Kepala dinas meninjau posyandu")
        self.assertNotIn("image", [block.block_type for block in featured.body])  # not shown twice
        captioned = self.item(self.ids["posts"][9]).page.specific  # caption shortcode, no featured image
        image_block = next(block for block in captioned.body if block.block_type == "image")
        self.assertEqual(image_block.value["caption"], "Kepala dinas meninjau posyandu")
        self.assertEqual(image_block.value["image"].collection, self.teams[0].collection)
        self.assertEqual(image_block.value["image"].pk, ImportedItem.objects.get(wp_id=self.ids["images"][9]).image_id)
        gallery = self.item(self.ids["posts"][10]).page.specific  # variant 1: gallery of two photos
        self.assertEqual([b.block_type for b in gallery.body].count("image"), 2)
        headings = self.item(self.ids["posts"][15]).page.specific  # variant 6: h1/h5, list, table, quote
        html = str(headings.body)
        self.assertIn("<h2>Judul besar</h2>", html)
        self.assertIn("<b>tebal</b>", html)
        embeds = self.item(self.ids["posts"][12]).page.specific  # variant 3: embed, audio, video → links
        self.assertIn('href="https://www.youtube.com/watch?v=abc123"', str(embeds.body))
        self.assertIn('href="https://example.org/siaran.mp3"', str(embeds.body))
        builder = self.item(self.ids["posts"][14]).page.specific  # variant 5: page builder, pixel, comment
        self.assertIn("Teks dari page builder.", str(builder.body))
        entities = self.item(self.ids["posts"][16]).page.specific  # variant 7
        self.assertIn("Rp\u00a05.000 &amp; gratis © 2024", str(entities.body))
        self.assertNotIn("utm_source", str(entities.body))
        self.assertIn("[Foto: Humas]", str(self.item(self.ids["posts"][17]).page.specific.body))

    def test_internal_links_point_at_the_new_pages_and_documents(self):
        post = self.item(self.ids["posts"][13]).page.specific  # variant 4: ?p=, ?page_id=, uploads PDF
        raw = json.dumps(list(post.body.raw_data))
        target_post = self.item(self.ids["posts"][14])
        target_page = self.item(self.ids["pages"][13 % 20])
        document = ImportedItem.objects.get(opd=self.opd, wp_id=self.ids["document"]).document
        self.assertIn(f'linktype=\\"page\\" id=\\"{target_post.page_id}\\"', raw)
        self.assertIn(f'linktype=\\"page\\" id=\\"{target_page.page_id}\\"', raw)
        self.assertIn(f'linktype=\\"document\\" id=\\"{document.pk}\\"', raw)
        permalinks = json.dumps(list(self.item(self.ids["posts"][8]).page.specific.body.raw_data))  # variant 8
        linked = self.item(self.ids["posts"][9])
        self.assertEqual(permalinks.count(f'id=\\"{linked.page_id}\\"'), 2)

    def test_news_fields_title_date_author_lead_tags_and_featured_image(self):
        news = self.item(self.ids["posts"][0]).page.specific
        self.assertEqual(news.title, "Berita 0: Posyandu & Vaksinasi")
        self.assertEqual(str(news.date), "2024-03-05")
        self.assertEqual(str(news.first_published_at.date()), "2024-03-05")
        self.assertEqual(sorted(news.tags.names()), ["Kegiatan", "Posyandu"])  # "Uncategorized" dropped
        featured = ImportedItem.objects.get(opd=self.opd, wp_id=self.ids["images"][0]).image
        self.assertEqual(news.main_image, featured)
        self.assertIn("Penulis: Budi Santoso", str(news.body))
        with_excerpt = self.item(self.ids["posts"][9]).page.specific
        self.assertEqual(with_excerpt.lead, "Ringkasan berita & kegiatan.")
        unknown_author = self.item(self.ids["posts"][11])
        self.assertEqual(unknown_author.author_name, "hilang")
        self.assertEqual(get_user_model().objects.count(), self.users_before)

    def test_statuses_published_draft_scheduled_private_and_password(self):
        posts = self.ids["posts"]
        self.assertTrue(self.item(posts[0]).page.live)
        for number in (1, 2, 4, 5):  # draft, pending, private, password
            with self.subTest(number=number):
                self.assertFalse(self.item(posts[number]).page.live)
        scheduled = self.item(posts[3]).page.specific
        self.assertFalse(scheduled.live)
        revision = scheduled.revisions.filter(approved_go_live_at__isnull=False).get()
        self.assertEqual(revision.approved_go_live_at.month, 1)
        self.assertFalse(ImportedItem.objects.filter(opd=self.opd, wp_id=posts[6]).exists())  # trash
        self.assertEqual((self.report["published"], self.report["scheduled"]), (130, 1))
        self.assertEqual((self.report["drafts"], self.report["private"]), (3, 4))

    def test_spam_is_quarantined_as_a_draft_with_its_reason(self):
        spam = self.item(self.ids["posts"][7])
        self.assertEqual(spam.status, ImportedItem.Status.QUARANTINED)
        self.assertFalse(spam.page.live)
        self.assertIn("judi online", spam.reason)
        self.assertEqual([q["title"] for q in self.report["quarantined"]], [SPAM_TITLE])

    def test_nested_pages_keep_their_hierarchy_in_the_tree_though_children_come_first_in_the_file(self):
        pages = self.ids["pages"]  # pages 8 and 10 are children of page 2; 16 of page 4, a child of page 1
        parent, child, grandchild = (self.item(pages[n]).page for n in (2, 8, 16))
        self.assertEqual(child.get_parent().pk, parent.pk)
        self.assertEqual(grandchild.get_parent().pk, self.item(pages[4]).page_id)
        self.assertEqual(self.item(pages[4]).page.get_parent().pk, self.item(pages[1]).page_id)
        self.assertEqual(grandchild.url, "/opd0/halaman-1/halaman-4/halaman-16/")
        self.assertEqual(ProfilePage.objects.child_of(self.opd).filter(profile_type="lainnya").count(), 12)
        self.assertEqual(self.report["orphan_pages"], [])
        # The old nested path is the new one: served directly, no redirect to itself.
        self.assertEqual(self.client.get("/opd0/halaman-2/halaman-8/").status_code, 200)
        self.assertFalse(Redirect.objects.filter(old_path="/opd0/halaman-2/halaman-8").exists())
        for old in ("/opd0/halaman-8/", f"/opd0/?page_id={pages[8]}"):
            with self.subTest(old=old):
                response = self.client.get(old)
                self.assertRedirects(response, child.url, status_code=301, fetch_redirect_response=False)

    def test_a_parent_page_lists_its_live_subpages_and_its_body_no_longer_carries_them(self):
        pages = self.ids["pages"]
        parent = self.item(pages[2]).page.specific
        child = self.item(pages[8]).page
        self.assertNotIn("Subhalaman", json.dumps(list(parent.body.raw_data)))
        response = self.client.get(parent.url)
        self.assertContains(response, "Subhalaman")
        self.assertContains(response, f'href="{child.url}"')
        grandparent = self.item(pages[4]).page  # its child 16 is live, 18 (password) is not
        response = self.client.get(grandparent.url)
        self.assertContains(response, f'href="{self.item(pages[16]).page.url}"')
        self.assertNotContains(response, "halaman-18")

    def test_old_post_and_page_urls_redirect_on_the_region_site(self):
        post = self.item(self.ids["posts"][0])
        page = self.item(self.ids["pages"][0])
        document = ImportedItem.objects.get(opd=self.opd, wp_id=self.ids["document"]).document
        image = ImportedItem.objects.get(opd=self.opd, wp_id=self.ids["images"][1]).image
        cases = [
            (f"/opd0/?p={post.wp_id}", post.page.url),
            (f"/opd0/?page_id={page.wp_id}", page.page.url),
            (f"/opd0/?attachment_id={image.pk and self.ids['images'][1]}", image.file.url),
            (f"/opd0/2024/03/05/berita-{post.wp_id}/", post.page.url),
            (f"/opd0/2024/03/berita-{post.wp_id}/", post.page.url),
            (f"/opd0/berita-{post.wp_id}/", post.page.url),
            ("/opd0/wp-content/uploads/2024/01/laporan.pdf", document.url),
            ("/opd0/feed/", "/umpan/opd0/berita.rss"),
            ("/opd0/category/kegiatan/", "/opd0/berita/"),
            ("/opd0/tag/posyandu/", "/opd0/berita/"),
        ]
        for old, new in cases:
            with self.subTest(old=old):
                response = self.client.get(old)
                self.assertRedirects(response, new, status_code=301, fetch_redirect_response=False)
        self.assertEqual(self.client.get(self.item(self.ids["posts"][0]).page.url).status_code, 200)
        self.assertEqual(page.page.url, "/opd0/halaman-0/")  # a top-level page keeps its old path

    def test_drafts_private_and_spam_get_no_redirect(self):
        for number in (1, 4, 7):  # draft, private, spam
            wp_id = self.ids["posts"][number]
            with self.subTest(number=number):
                self.assertEqual(self.client.get(f"/opd0/?p={wp_id}").status_code, 200)  # the OPD home, no redirect
                self.assertEqual(self.client.get(f"/opd0/2024/03/05/berita-{wp_id}/").status_code, 404)

    def test_another_opds_old_ids_are_not_redirected_to_this_opd(self):
        other = self.opds[1]
        response = self.client.get(f"/{other.slug}/?p={self.ids['posts'][0]}")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.client.get(f"/{other.slug}/berita-{self.ids['posts'][0]}/").status_code, 404)

    def test_a_second_run_of_the_same_export_changes_nothing(self):
        before = snapshot()
        report = import_wordpress(self.opd, self.files.export, uploads=self.files.uploads)
        self.assertEqual(snapshot(), before)
        self.assertEqual(report["errors"], [])
        for kind in ("post", "page"):
            self.assertEqual(report["counts"][kind]["created"] + report["counts"][kind]["updated"], 0)
        self.assertEqual(report["redirects"]["created"] + report["redirects"]["updated"], 0)

    def test_a_dry_run_writes_nothing_and_reports_what_would_change(self):
        other = self.opds[1]
        before = snapshot()
        report = import_wordpress(other, self.files.export, uploads=self.files.uploads, dry_run=True)
        self.assertEqual(snapshot(), before)
        self.assertEqual(report["counts"]["post"]["created"], 119)
        self.assertEqual(len(report["quarantined"]), 1)
        self.assertEqual(len(report["missing_media"]), 1)
        self.assertGreater(report["redirects"]["created"], 300)


class NewerExportTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.opds, cls.teams = onboarded_region(opd_count=1)

    def setUp(self):
        self.files = ExportFiles(posts=6, pages=3, images=2)
        self.addCleanup(self.files.cleanup)

    def test_a_newer_export_adds_new_items_and_updates_changed_ones(self):
        opd = self.opds[0]
        import_wordpress(opd, self.files.export, uploads=self.files.uploads)
        first_post = ImportedItem.objects.get(opd=opd, wp_id=self.files.ids["posts"][0]).page
        text = self.files.export.read_text()
        text = text.replace("Berita 0: Posyandu", "Berita 0 (diperbarui): Posyandu")
        text = text.replace("</channel>", self._new_post() + "</channel>")
        self.files.export.write_text(text)
        report = import_wordpress(opd, self.files.export, uploads=self.files.uploads)
        self.assertEqual(report["errors"], [])
        self.assertEqual(report["counts"]["post"]["updated"], 1)
        self.assertEqual(report["counts"]["post"]["created"], 1)
        first_post.refresh_from_db()
        self.assertEqual(first_post.title, "Berita 0 (diperbarui): Posyandu & Vaksinasi")
        self.assertTrue(first_post.live)
        self.assertTrue(NewsPage.objects.filter(title="Kabar baru setelah ekspor pertama", live=True).exists())

    def _new_post(self):
        return (
            "<item><title>Kabar baru setelah ekspor pertama</title><link>https://dinas-contoh.contohkab.go.id/kabar-baru/</link>"
            "<dc:creator>budi</dc:creator><content:encoded><![CDATA[<p>Isi kabar baru.</p>]]></content:encoded>"
            "<excerpt:encoded></excerpt:encoded><wp:post_id>99999</wp:post_id>"
            "<wp:post_date>2024-06-01 08:00:00</wp:post_date><wp:post_date_gmt>2024-06-01 01:00:00</wp:post_date_gmt>"
            "<wp:post_name>kabar-baru</wp:post_name><wp:status>publish</wp:status><wp:post_parent>0</wp:post_parent>"
            "<wp:post_type>post</wp:post_type><wp:post_password></wp:post_password></item>"
        )

    @override_settings(ALLOWED_HOSTS=["testserver", "dinas-contoh.contohkab.go.id"])
    def test_old_urls_redirect_on_the_opds_own_host_name(self):
        opd = self.opds[0]
        # The OPD's old host name served by the portal: a Wagtail site rooted at the OPD home.
        Site.objects.create(hostname="dinas-contoh.contohkab.go.id", port=80, root_page=opd)
        import_wordpress(opd, self.files.export, uploads=self.files.uploads)
        wp_id = self.files.ids["posts"][0]
        host = {"HTTP_HOST": "dinas-contoh.contohkab.go.id"}
        for old in (f"/?p={wp_id}", f"/2024/03/05/berita-{wp_id}/", f"/berita-{wp_id}/", f"/opd0/berita-{wp_id}/"):
            with self.subTest(old=old):
                response = self.client.get(old, **(host if not old.startswith("/opd0/") else {}))
                self.assertEqual(response.status_code, 301)
                self.assertTrue(response["Location"].endswith(f"/berita/berita-{wp_id}/"), response["Location"])
        self.assertEqual(self.client.get(f"/berita/berita-{wp_id}/", **host).status_code, 200)

    def test_moderation_sends_published_posts_to_the_opd_workflow(self):
        opd = self.opds[0]
        report = import_wordpress(opd, self.files.export, uploads=self.files.uploads, moderate=True)
        self.assertEqual(report["errors"], [])
        news = ImportedItem.objects.get(opd=opd, wp_id=self.files.ids["posts"][0]).page
        self.assertFalse(news.live)
        self.assertTrue(news.workflow_in_progress)
        self.assertGreater(report["moderation"], 0)

    def test_wxr_1_1_with_https_namespace_uris_reads_the_same(self):
        opd = self.opds[0]
        write_export(self.files.export, posts=6, pages=3, images=2, version="1.1", https_namespaces=True)
        report = import_wordpress(opd, self.files.export, uploads=self.files.uploads)
        self.assertEqual(report["errors"], [])
        self.assertEqual(report["wxr_version"], "1.1")
        self.assertEqual(report["counts"]["post"]["created"], 6)
        self.assertEqual(report["counts"]["page"]["created"], 3)

    def test_an_opd_without_a_team_is_refused(self):
        from tests.factories.opd_pages import make_opd_section

        lonely = make_opd_section(self.home, acronym="Sepi")
        with self.assertRaisesMessage(WordpressImportError, "belum punya tim"):
            import_wordpress(lonely, self.files.export)
