"""The precomputed counts of Semua berita and the sitemap index follow every public change.

Publishing, unpublishing, moving, deleting and restricting a page each recompute them after
the change commits; drafts and pages behind a view restriction are never counted, so no
month, tag or total tells a visitor about another OPD's unpublished or private news.
"""

import datetime
from unittest import mock

from django.db import transaction
from django.test import TestCase
from django.utils import timezone
from wagtail.models import PageViewRestriction

from home.models import NewsArchivePage
from listing_stats.models import NewsCount, SectionStat
from listing_stats.stats import news_counts, refresh, section_stats
from opd_pages.models import NewsIndexPage, NewsPage
from tests.factories.opd_pages import NewsPageFactory
from tests.trees import build_region_tree


class ListingStatsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, (cls.dinkes, cls.dinsos) = build_region_tree(opd_count=2, news_per_opd=0)
        cls.archive = NewsArchivePage(title="Semua Berita", slug="berita")
        cls.home.add_child(instance=cls.archive)
        cls.dinkes_index = NewsIndexPage.objects.child_of(cls.dinkes).get()
        cls.dinsos_index = NewsIndexPage.objects.child_of(cls.dinsos).get()
        cls.this_month = timezone.localdate().replace(day=1)
        cls.old_month = datetime.date(2024, 3, 1)
        cls.vaccination = NewsPageFactory(parent=cls.dinkes_index, title="Imunisasi campak", date=cls.this_month)
        cls.vaccination.tags.add("imunisasi")
        cls.vaccination.save()
        cls.aid = NewsPageFactory(parent=cls.dinsos_index, title="Bantuan pangan", date=cls.this_month)

    def publish(self, page):
        with self.captureOnCommitCallbacks(execute=True):
            page.save_revision().publish()

    def counts(self):
        return news_counts()

    def test_counts_published_news_by_opd_month_and_tag(self):
        refresh()
        counts = self.counts()
        self.assertEqual(counts["total"], 2)
        self.assertEqual(counts["opd"], {self.dinkes.pk: 1, self.dinsos.pk: 1})
        self.assertEqual(counts["month"], {self.this_month: 2})
        self.assertEqual(
            {NewsPage.tags.through.tag_model().objects.get(pk=pk).slug: n for pk, n in counts["tag"].items()},
            {"imunisasi": 1},
        )

    def test_built_on_first_read_when_empty(self):
        NewsCount.objects.all().delete()
        SectionStat.objects.all().delete()
        self.assertEqual(self.counts()["total"], 2)
        self.assertIn(self.dinkes.pk, section_stats())

    def test_publishing_a_draft_counts_it_after_commit_with_its_month_and_tags(self):
        refresh()
        draft = NewsPageFactory(parent=self.dinsos_index, title="Draf rahasia", date=self.old_month, live=False)
        draft.tags.add("rahasia-dinsos")
        draft.save_revision()
        self.assertEqual(self.counts()["total"], 2)
        self.assertNotIn(self.old_month, self.counts()["month"])
        self.publish(NewsPage.objects.get(pk=draft.pk))
        counts = self.counts()
        self.assertEqual(counts["total"], 3)
        self.assertEqual(counts["month"][self.old_month], 1)
        self.assertEqual(counts["opd"][self.dinsos.pk], 2)

    def test_unpublish_delete_and_move_are_followed(self):
        refresh()
        with self.captureOnCommitCallbacks(execute=True):
            self.aid.unpublish()
        self.assertEqual(self.counts()["total"], 1)
        self.assertNotIn(self.dinsos.pk, self.counts()["opd"])
        with self.captureOnCommitCallbacks(execute=True):
            self.vaccination.move(self.dinsos_index, pos="last-child")
        self.assertEqual(self.counts()["opd"], {self.dinsos.pk: 1})
        with self.captureOnCommitCallbacks(execute=True):
            NewsPage.objects.get(pk=self.vaccination.pk).delete()
        counts = self.counts()
        self.assertEqual((counts["total"], counts["month"], counts["tag"]), (0, {}, {}))

    def test_private_news_and_drafts_are_never_counted_and_their_tags_never_offered(self):
        draft = NewsPageFactory(parent=self.dinsos_index, title="Draf", date=self.old_month, live=False)
        draft.tags.add("draf-dinsos")
        draft.save()
        private = NewsPageFactory(parent=self.dinsos_index, title="Internal", date=self.old_month)
        private.tags.add("internal-dinsos")
        private.save()
        with self.captureOnCommitCallbacks(execute=True):
            PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
        counts = self.counts()
        self.assertEqual(counts["total"], 2)
        self.assertNotIn(self.old_month, counts["month"])
        response = self.client.get(self.archive.url)
        self.assertNotContains(response, "internal-dinsos")
        self.assertNotContains(response, "draf-dinsos")
        self.assertNotContains(response, "Maret 2024")
        # Asking for the private tag by name shows nothing, and not its name either.
        response = self.client.get(f"{self.archive.url}?label=internal-dinsos")
        self.assertEqual(list(response.context["items"]), [])
        self.assertNotContains(response, "internal-dinsos</option>")
        self.assertEqual(response.context["paginator"].count, 0)
        # Lifting the restriction counts it again.
        with self.captureOnCommitCallbacks(execute=True):
            PageViewRestriction.objects.filter(page=private).delete()
        self.assertEqual(self.counts()["month"], {self.this_month: 2, self.old_month: 1})

    def test_a_restricted_opd_section_hides_all_its_news_and_its_sitemap_section(self):
        with self.captureOnCommitCallbacks(execute=True):
            PageViewRestriction.objects.create(page=self.dinsos, restriction_type=PageViewRestriction.LOGIN)
        self.assertEqual(self.counts()["opd"], {self.dinkes.pk: 1})
        self.assertNotIn(self.dinsos.pk, section_stats())
        self.assertNotIn(f"sitemap-{self.dinsos.slug}.xml", self.client.get("/sitemap.xml").content.decode())

    def test_sections_count_live_public_pages_and_their_last_publication(self):
        refresh()
        stats = section_stats()
        dinkes_pages = self.dinkes.get_descendants(inclusive=True).live().public().count()
        self.assertEqual(stats[self.dinkes.pk].pages, dinkes_pages)
        before = stats[self.dinkes.pk].last_published_at
        self.publish(NewsPage.objects.get(pk=self.vaccination.pk))
        stats = section_stats()
        published = NewsPage.objects.get(pk=self.vaccination.pk).last_published_at
        self.assertEqual(stats[self.dinkes.pk].last_published_at, published)
        self.assertTrue(before is None or published > before)
        self.assertIsNotNone(stats[None])  # the region's own pages (home, Semua berita)

    def test_one_transaction_recomputes_once(self):
        refresh()
        with (
            mock.patch("listing_stats.stats.refresh") as recompute,
            self.captureOnCommitCallbacks(execute=True),
            transaction.atomic(),
        ):
            self.aid.unpublish()
            self.vaccination.unpublish()
        self.assertEqual(recompute.call_count, 1)

    def test_a_failing_task_queue_never_fails_the_publish(self):
        refresh()
        broken_queue = mock.Mock(enqueue=mock.Mock(side_effect=ConnectionError))
        with mock.patch("listing_stats.tasks.refresh_listing_stats", broken_queue):
            self.publish(NewsPage.objects.get(pk=self.aid.pk))
        self.assertTrue(NewsPage.objects.get(pk=self.aid.pk).live)
        broken_queue.enqueue.assert_called_once()
