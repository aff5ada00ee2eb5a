"""The broken-link check against a tiny HTTP server on loopback, with a frozen clock."""

import datetime
import http.server
import threading
from io import StringIO

from django.core.management import call_command
from django.test import TestCase, override_settings

from link_care.checker import HttpChecker, check_opd, links_in_body, user_agent
from link_care.models import LinkResult
from monitoring.scorecard import build_scorecards
from opd_pages.models import NewsIndexPage
from scheduled_jobs.locks import acquire
from tests.factories.opd_pages import NewsPageFactory
from tests.opd_teams.helpers import build_onboarded_region

FROZEN = datetime.datetime(2026, 6, 15, 3, 0, tzinfo=datetime.UTC)


class LinkTarget(http.server.BaseHTTPRequestHandler):
    """/ok answers 200; /head-refused answers 405 to HEAD and 200 to GET; anything else 404."""

    requests = []

    def _answer(self, with_body):
        LinkTarget.requests.append((self.command, self.path, self.headers.get("User-Agent")))
        if self.path == "/head-refused" and self.command == "HEAD":
            status = 405
        elif self.path in ("/ok", "/head-refused"):
            status = 200
        else:
            status = 404
        self.send_response(status)
        self.send_header("Content-Length", "2")
        self.end_headers()
        if with_body:
            self.wfile.write(b"ok")

    def do_HEAD(self):  # noqa: N802 - http.server's naming
        self._answer(False)

    def do_GET(self):  # noqa: N802
        self._answer(True)

    def log_message(self, *args):
        pass


class FakeClock:
    """A monotonic clock that only moves when the checker sleeps."""

    def __init__(self):
        self.now = 100.0
        self.sleeps = []

    def __call__(self):
        return self.now

    def sleep(self, seconds):
        self.sleeps.append(round(seconds, 3))
        self.now += seconds


class LinkCheckTests(TestCase):
    @classmethod
    def setUpClass(cls):
        # The link target must listen before setUpTestData writes its address into a page.
        cls.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), LinkTarget)
        cls.thread = threading.Thread(target=cls.server.serve_forever, daemon=True)
        cls.thread.start()
        cls.base = f"http://127.0.0.1:{cls.server.server_port}"
        super().setUpClass()

    @classmethod
    def tearDownClass(cls):
        cls.server.shutdown()
        cls.server.server_close()
        super().tearDownClass()

    @classmethod
    def setUpTestData(cls):
        cls.home, (cls.a, cls.b) = build_onboarded_region(2)
        base = f"http://127.0.0.1:{cls.server.server_port}"
        body_html = (
            f'<p><a href="{base}/ok">baik</a> <a href="{base}/hilang">hilang</a> '
            f'<a href="{base}/head-refused">HEAD ditolak</a> <a href="mailto:info@contohkab.go.id">surel</a> '
            f'<a linktype="page" id="{cls.a.live_news.pk}">berita</a> <a linktype="page" id="987654">terhapus</a> '
            f'<a href="/opd0/berita/">indeks</a> <a href="/opd0/tidak-ada/">tidak ada</a></p>'
        )
        index = NewsIndexPage.objects.child_of(cls.a.opd).get()
        cls.page = NewsPageFactory(parent=index, title="Berita bertautan", body=[("paragraph", body_html)])
        cls.page.save_revision().publish()

    def setUp(self):
        LinkTarget.requests = []

    def checker(self, clock):
        return HttpChecker(timeout=2, host_delay=1.5, sleep=clock.sleep, clock=clock)

    def test_links_are_read_from_rich_text_and_blocks(self):
        links = links_in_body([{"type": "paragraph", "value": '<a href="https://a.example/x">x</a>'}])
        self.assertEqual([link.target for link in links], ["https://a.example/x"])

    def test_internal_and_external_links_are_checked_politely(self):
        clock = FakeClock()
        run = check_opd(self.a.opd, http=self.checker(clock), now=FROZEN)
        results = {result.url: result for result in LinkResult.objects.filter(page=self.page)}
        self.assertTrue(results[f"{self.base}/ok"].ok)
        self.assertEqual(results[f"{self.base}/hilang"].status_code, 404)
        self.assertFalse(results[f"{self.base}/hilang"].ok)
        self.assertTrue(results[f"{self.base}/head-refused"].ok, "GET after a refused HEAD")
        self.assertTrue(results[f"halaman #{self.a.live_news.pk}"].ok)
        self.assertFalse(results["halaman #987654"].ok)
        self.assertTrue(results["/opd0/berita/"].ok)
        self.assertFalse(results["/opd0/tidak-ada/"].ok)
        self.assertNotIn("mailto:info@contohkab.go.id", results)
        self.assertEqual(run.broken, 3)
        self.assertEqual({result.checked_at for result in results.values()}, {FROZEN})
        # HEAD first, GET only where HEAD was refused; one User-Agent naming the portal.
        methods = [(method, path) for method, path, _agent in LinkTarget.requests]
        self.assertEqual(
            methods, [("HEAD", "/ok"), ("HEAD", "/hilang"), ("HEAD", "/head-refused"), ("GET", "/head-refused")]
        )
        self.assertEqual({agent for _m, _p, agent in LinkTarget.requests}, {user_agent()})
        self.assertIn("PortalPemda-LinkCheck", user_agent())
        # Same host each time: the checker waited the politeness delay between requests.
        self.assertEqual(clock.sleeps, [1.5, 1.5, 1.5])

    def test_a_run_is_bounded_and_replaces_the_previous_results(self):
        check_opd(self.a.opd, http=self.checker(FakeClock()), now=FROZEN)
        later = FROZEN + datetime.timedelta(days=7)
        run = check_opd(self.a.opd, max_links=2, http=self.checker(FakeClock()), now=later)
        self.assertEqual(run.checked, 2)
        self.assertGreater(run.skipped, 0)
        self.assertEqual(set(LinkResult.objects.filter(opd=self.a.opd).values_list("checked_at", flat=True)), {later})

    def test_an_unreachable_host_is_broken_not_an_error(self):
        checker = HttpChecker(timeout=1, host_delay=0)
        outcome = checker.check("http://127.0.0.1:9/tidak-ada")  # discard port: connection refused
        self.assertFalse(outcome.ok)
        self.assertTrue(outcome.error)

    def test_results_on_the_scorecard_and_the_card_of_the_opds_admins_only(self):
        check_opd(self.a.opd, http=self.checker(FakeClock()), now=FROZEN)
        cards = {card.opd.pk: card for card in build_scorecards([self.a.opd, self.b.opd])}
        self.assertEqual(cards[self.a.opd.pk].broken_links, 3)
        self.assertEqual(cards[self.b.opd.pk].broken_links, 0)
        self.assertIn("3 tautan rusak di halaman OPD.", cards[self.a.opd.pk].issues())
        url = f"/admin/pemantauan/opd/{self.a.opd.pk}/"
        self.client.force_login(self.a.admin)
        response = self.client.get(url)
        self.assertContains(response, f"{self.base}/hilang")
        self.assertContains(response, "HTTP 404")
        self.client.force_login(self.b.admin)
        response = self.client.get(url)
        self.assertIn(response.status_code, (302, 403))
        self.assertNotIn(b"/hilang", response.content)

    @override_settings(PORTAL_LINK_CHECK_HOST_DELAY=0, PORTAL_LINK_CHECK_TIMEOUT=2)
    def test_command_runs_once_across_servers(self):
        out = StringIO()
        call_command("check_links", "--opd", self.a.opd.acronym, stdout=out)
        self.assertIn("3 rusak", out.getvalue())
        self.assertTrue(LinkResult.objects.filter(opd=self.a.opd).exists())
        self.assertFalse(LinkResult.objects.filter(opd=self.b.opd).exists())
        acquire("check_links", ttl=600)  # another server holds the lease
        LinkTarget.requests = []
        out = StringIO()
        call_command("check_links", stdout=out)
        self.assertIn("sedang dijalankan server lain", out.getvalue())
        self.assertEqual(LinkTarget.requests, [])
        self.assertFalse(LinkResult.objects.filter(opd=self.b.opd).exists())
