from io import StringIO

from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils.text import slugify
from wagtail.models import Page, PageLogEntry
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from benchmarks.region import GENERATOR_USERNAME, analyse, foreign_pages, generator_user
from benchmarks.text import RARE_WORD
from home.models import Highlight, HomePage, NewsArchivePage, QuickLink
from opd_pages.models import AnnouncementPage, EventPage, NewsIndexPage, NewsPage, OpdHomePage, ProfilePage
from opd_teams.models import OpdTeam
from search.indexing import FTS_TABLE, uses_fts5
from search.models import SearchDocument, Synonym
from tests.factories.opd_pages import OpdHomePageFactory


def fill(**options):
    call_command("fill_region", stdout=StringIO(), **{"opds": 3, "news": 20, **options})


def index_rows():
    """The portal's index rows (and SQLite's FTS5 rows) of every page."""
    columns = ("page_id", "path", "opd_id", "kind", "date", "title", "summary", "body")
    rows = set(SearchDocument.objects.values_list(*columns))
    if uses_fts5():
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT rowid, title, summary, body, title_words FROM {FTS_TABLE}")
            rows |= {("fts", *row) for row in cursor.fetchall()}
    return rows


class FillRegionTreeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        fill()

    def test_page_tree_has_no_problems(self):
        self.assertEqual(Page.find_problems(), ([], [], [], [], []))

    def test_counts_match_the_options(self):
        self.assertEqual(HomePage.objects.count(), 1)
        self.assertEqual(OpdHomePage.objects.count(), 3)
        self.assertEqual(NewsPage.objects.count(), 60 + 1)  # and the regional news of Semua berita
        self.assertEqual(ProfilePage.objects.count(), 15)
        self.assertEqual(AnnouncementPage.objects.count(), 6)
        self.assertEqual(EventPage.objects.count(), 6)
        for news_index in NewsIndexPage.objects.all():
            with self.subTest(news_index=news_index.url_path):
                self.assertEqual(news_index.numchild, 20)
                self.assertEqual(news_index.get_children().count(), 20)

    def test_every_generated_page_is_live_with_the_url_path_of_its_ancestors(self):
        home = HomePage.objects.get()
        for page in Page.objects.descendant_of(home):
            with self.subTest(page=page.pk):
                ancestors = page.get_ancestors().filter(depth__gte=2)
                expected = "/" + "".join(f"{p.slug}/" for p in ancestors) + f"{page.slug}/"
                self.assertEqual(page.url_path, expected)
                self.assertTrue(page.live)
                self.assertEqual(page.specific_class, page.content_type.model_class())

    def test_every_generated_page_has_one_publish_log_entry_at_its_publication_time(self):
        home = HomePage.objects.get()
        pages = Page.objects.descendant_of(home)
        entries = {e.page_id: e for e in PageLogEntry.objects.filter(action="wagtail.publish")}
        self.assertEqual(set(entries), set(pages.values_list("pk", flat=True)))
        for page in pages.filter(depth__gte=4)[:20]:
            with self.subTest(page=page.pk):
                self.assertEqual(entries[page.pk].timestamp, page.first_published_at)
                self.assertEqual(entries[page.pk].user.username, GENERATOR_USERNAME)

    def test_news_publication_dates_spread_over_time(self):
        dates = set(NewsPage.objects.values_list("first_published_at__date", flat=True))
        self.assertGreater(len(dates), 15)
        first, last = min(dates), max(dates)
        self.assertGreater((last - first).days, 365)

    def test_pages_of_every_type_render(self):
        samples = [HomePage.objects.get()] + [
            model.objects.first()
            for model in (OpdHomePage, NewsIndexPage, NewsPage, ProfilePage, AnnouncementPage, EventPage)
        ]
        for page in samples:
            with self.subTest(page=page.url_path):
                response = self.client.get(page.url)
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, page.title)

    def test_search_index_rows_are_those_update_index_writes(self):
        before = index_rows()
        self.assertEqual(SearchDocument.objects.count(), Page.objects.live().filter(depth__gte=2).count())
        call_command("update_index", stdout=StringIO())
        self.assertEqual(index_rows(), before)

    def test_news_index_rows_carry_their_tag_and_opd(self):
        news = NewsPage.objects.select_related("page_ptr").first()
        document = SearchDocument.objects.get(pk=news.pk)
        opd = OpdHomePage.objects.get(pk=document.opd_id)
        self.assertIn(slugify(opd.acronym), document.summary)  # the tag, boosted like the lead
        self.assertTrue(document.body.endswith(f"{opd.acronym} {opd.title}"))

    def test_wagtails_own_index_gets_no_page_rows(self):
        page_types = ContentType.objects.filter(app_label__in=["wagtailcore", "home", "opd_pages"])
        self.assertFalse(IndexEntry.objects.filter(content_type__in=page_types).exists())

    def test_the_region_has_what_the_demo_has(self):
        archive = NewsArchivePage.objects.get()
        self.assertEqual(archive.get_parent().specific_class, HomePage)
        self.assertTrue(archive.live)
        self.assertEqual(OpdTeam.objects.count(), OpdHomePage.objects.count())
        self.assertTrue(Highlight.objects.exists())
        self.assertTrue(QuickLink.objects.exists())
        self.assertTrue(Synonym.objects.exists())
        self.assertEqual(self.client.get(archive.url).status_code, 200)
        # Everything below the root is the generator's, so the next run needs no --force.
        self.assertFalse(foreign_pages(generator_user()).exists())

    def test_search_finds_the_rare_word_and_common_words(self):
        backend = get_search_backend()
        rare = list(backend.search(RARE_WORD, NewsPage))
        self.assertEqual(len(rare), 1)
        self.assertIn(RARE_WORD, rare[0].title.lower())
        self.assertEqual(backend.search("warga", NewsPage).count(), 60)


class AnalyseTests(TestCase):
    def test_postgresql_gets_fresh_statistics_and_sqlite_is_left_alone(self):
        with CaptureQueriesContext(connection) as queries:
            analyse()
        statements = [query["sql"] for query in queries.captured_queries]
        self.assertEqual(statements, ["ANALYZE"] if connection.vendor == "postgresql" else [])


class FillRegionSafetyTests(TestCase):
    def test_refuses_a_database_with_content_it_did_not_generate(self):
        home = HomePage.objects.first() or Page.get_first_root_node()
        OpdHomePageFactory(parent=home, acronym="Asli")
        with self.assertRaisesMessage(CommandError, "--force"):
            fill()
        self.assertTrue(OpdHomePage.objects.filter(acronym="Asli").exists())
        self.assertFalse(NewsPage.objects.exists())

    def test_force_replaces_content_it_did_not_generate(self):
        home = HomePage.objects.first() or Page.get_first_root_node()
        OpdHomePageFactory(parent=home, acronym="Asli")
        fill(force=True)
        self.assertFalse(OpdHomePage.objects.filter(acronym="Asli").exists())
        self.assertEqual(OpdHomePage.objects.count(), 3)
        self.assertEqual(Page.find_problems(), ([], [], [], [], []))

    def test_dry_run_changes_nothing(self):
        pages = Page.objects.count()
        fill(dry_run=True)
        self.assertEqual(Page.objects.count(), pages)

    def test_running_again_replaces_its_own_region_without_force(self):
        fill(opds=2, news=5)
        fill(opds=2, news=5)
        self.assertEqual(OpdHomePage.objects.count(), 2)
        self.assertEqual(NewsPage.objects.count(), 10 + 1)
        self.assertEqual(Page.find_problems(), ([], [], [], [], []))
