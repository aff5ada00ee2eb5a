"""Imported pages keep their WordPress hierarchy: parents first whatever the file order, orphans
under the OPD home and reported, old nested paths and ?page_id= leading to the nested pages, and a
newer export that gives a page another parent moves its subtree."""

import tempfile
from pathlib import Path

from django.test import TestCase
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from benchmarks.wordpress_export import BASE, SPAM_BODY, SPAM_TITLE, ExportWriter
from wordpress_import.importer import import_wordpress
from wordpress_import.models import ImportedItem

from .helpers import onboarded_region

# (wp id, title, slug, parent, status, old link path); children are written before their parents.
PAGES = [
    (12, "Puskesmas", "puskesmas", 11, "publish", "/layanan/kesehatan/puskesmas/"),
    (11, "Kesehatan", "kesehatan", 10, "publish", "/layanan/kesehatan/"),
    (10, "Layanan", "layanan-publik", 0, "publish", "/layanan-publik/"),
    (20, "Yatim", "yatim", 999, "publish", "/hilang/yatim/"),
    (22, "Anak sampah", "anak-sampah", 21, "publish", "/dibuang/anak-sampah/"),
    (21, "Dibuang", "dibuang", 0, "trash", "/dibuang/"),
    (30, "Lingkaran A", "lingkaran-a", 31, "publish", "/lingkaran-a/"),
    (31, "Lingkaran B", "lingkaran-b", 30, "publish", "/lingkaran-b/"),
    (41, "Anak spam", "anak-spam", 40, "publish", "/spam/anak-spam/"),
    (40, SPAM_TITLE, "spam", 0, "publish", "/spam/"),
    (50, "Tentang", "tentang", 0, "publish", "/tentang/"),
]


def write(path, pages, parents=None):
    writer = ExportWriter()
    writer.head()
    for wp_id, title, slug, parent, status, link in pages:
        parent = (parents or {}).get(wp_id, parent)
        content = SPAM_BODY if title == SPAM_TITLE else f"<p>Isi halaman {title}.</p>"
        writer.item(wp_id, "page", title, content, slug=slug, parent=parent, status=status, link=BASE + link)
    writer.tail()
    Path(path).write_bytes(writer.bytes())


class PageHierarchyTest(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, (cls.opd,), cls.teams = onboarded_region(opd_count=1)

    def setUp(self):
        folder = tempfile.TemporaryDirectory()
        self.addCleanup(folder.cleanup)
        self.export = Path(folder.name) / "export.xml"
        write(self.export, PAGES)
        self.report = import_wordpress(self.opd, self.export)

    def page(self, wp_id):
        return Page.objects.get(pk=ImportedItem.objects.get(opd=self.opd, wp_id=wp_id).page_id)

    def test_parents_are_imported_before_their_children_whatever_the_file_order(self):
        self.assertEqual(self.report["errors"], [])
        self.assertEqual(self.page(12).get_parent().pk, self.page(11).pk)
        self.assertEqual(self.page(11).get_parent().pk, self.page(10).pk)
        self.assertEqual(self.page(10).get_parent().pk, self.opd.pk)
        self.assertEqual(self.page(12).url, "/opd0/layanan-publik/kesehatan/puskesmas/")
        self.assertEqual(self.client.get(self.page(12).url).status_code, 200)

    def test_orphans_go_under_the_opd_home_and_are_reported_with_the_reason(self):
        orphans = {entry["wp_id"]: entry["reason"] for entry in self.report["orphan_pages"]}
        self.assertEqual(set(orphans), {20, 22, 30, 31, 41})
        self.assertIn("tidak ada di ekspor", orphans[20])
        self.assertIn("tidak diimpor", orphans[22])
        self.assertIn("lingkaran", orphans[30])
        self.assertIn("dikarantina", orphans[41])
        for wp_id in orphans:
            with self.subTest(wp_id=wp_id):
                self.assertEqual(self.page(wp_id).get_parent().pk, self.opd.pk)
        self.assertTrue(self.page(41).live)  # a clean child of a spam page is published, outside it
        self.assertFalse(self.page(40).live)

    def test_old_nested_paths_and_page_ids_lead_to_the_nested_pages(self):
        target = self.page(12).url
        for old in ("/opd0/?page_id=12", "/opd0/puskesmas/"):
            with self.subTest(old=old):
                self.assertRedirects(self.client.get(old), target, status_code=301, fetch_redirect_response=False)
        # The old permalink is not the path the slugs give (the site renamed its top page): redirected.
        response = self.client.get("/opd0/layanan/kesehatan/puskesmas/")
        self.assertRedirects(response, target, status_code=301, fetch_redirect_response=False)
        # Where the old path is the new one, no redirect to itself is made.
        self.assertFalse(Redirect.objects.filter(old_path="/opd0/layanan-publik").exists())

    def test_a_second_run_changes_nothing(self):
        tree = list(Page.objects.order_by("pk").values_list("pk", "path", "url_path", "live"))
        redirects = Redirect.objects.count()
        report = import_wordpress(self.opd, self.export)
        self.assertEqual(report["counts"]["page"]["created"] + report["counts"]["page"]["updated"], 0)
        self.assertEqual(report["pages_moved"], 0)
        self.assertEqual(list(Page.objects.order_by("pk").values_list("pk", "path", "url_path", "live")), tree)
        self.assertEqual(Redirect.objects.count(), redirects)

    def test_a_newer_export_with_another_parent_moves_the_subtree(self):
        old_url = self.page(12).url
        write(self.export, PAGES, parents={11: 50, 20: 10})  # Kesehatan under Tentang; Yatim found a parent
        report = import_wordpress(self.opd, self.export)
        self.assertEqual(report["errors"], [])
        self.assertEqual(report["pages_moved"], 2)
        self.assertEqual(self.page(11).get_parent().pk, self.page(50).pk)
        self.assertEqual(self.page(12).get_parent().pk, self.page(11).pk)  # the subtree came along
        self.assertEqual(self.page(12).url, "/opd0/tentang/kesehatan/puskesmas/")
        self.assertEqual(self.page(20).get_parent().pk, self.page(10).pk)
        self.assertNotIn(20, [entry["wp_id"] for entry in report["orphan_pages"]])
        self.assertEqual(self.client.get(self.page(12).url).status_code, 200)
        # Its path from the first import still works, so do the old WordPress permalink and ?page_id=.
        for old in (old_url, "/opd0/?page_id=12", "/opd0/layanan/kesehatan/puskesmas/"):
            with self.subTest(old=old):
                response = self.client.get(old)
                self.assertRedirects(response, self.page(12).url, status_code=301, fetch_redirect_response=False)

    def test_a_dry_run_of_the_move_reports_it_and_writes_nothing(self):
        write(self.export, PAGES, parents={11: 50})
        tree = list(Page.objects.order_by("pk").values_list("pk", "path", "url_path"))
        report = import_wordpress(self.opd, self.export, dry_run=True)
        self.assertEqual(report["pages_moved"], 1)
        self.assertEqual(list(Page.objects.order_by("pk").values_list("pk", "path", "url_path")), tree)
