import io
from unittest import mock

from django.contrib.auth import get_user_model
from django.core.cache.backends.redis import RedisCache
from django.core.management import call_command
from django.test import RequestFactory, TestCase, override_settings

from operations.client_address import TrustedProxyMiddleware, real_client_address
from scheduled_jobs.locks import acquire, release
from scheduled_jobs.models import JobLock

PROXY = {"PORTAL_TRUSTED_PROXIES": ["127.0.0.1/32"]}
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


class ClientAddressTests(TestCase):
    def address(self, remote, forwarded, **settings):
        with override_settings(**settings):
            meta = {"REMOTE_ADDR": remote}
            if forwarded is not None:
                meta["HTTP_X_FORWARDED_FOR"] = forwarded
            return real_client_address(meta)

    def test_trusted_proxy_names_the_client(self):
        self.assertEqual(self.address("127.0.0.1", "203.0.113.7", **PROXY), "203.0.113.7")

    def test_a_client_cannot_spoof_its_address_through_the_proxy(self):
        # nginx appends the real peer to whatever the client sent: only the last hop is believed.
        spoofed = "10.9.9.9, 203.0.113.7"
        self.assertEqual(self.address("127.0.0.1", spoofed, **PROXY), "203.0.113.7")

    def test_header_from_an_untrusted_peer_is_ignored(self):
        self.assertEqual(self.address("198.51.100.5", "10.9.9.9", **PROXY), "198.51.100.5")

    def test_without_trusted_proxies_the_header_is_ignored(self):
        self.assertEqual(self.address("127.0.0.1", "10.9.9.9", PORTAL_TRUSTED_PROXIES=[]), "127.0.0.1")

    def test_two_trusted_hops(self):
        chain = "10.9.9.9, 203.0.113.7, 10.0.0.2"
        result = self.address("10.0.0.3", chain, PORTAL_TRUSTED_PROXIES=["10.0.0.0/24"], PORTAL_TRUSTED_PROXY_HOPS=2)
        self.assertEqual(result, "203.0.113.7")

    def test_garbage_in_the_header_keeps_the_peer(self):
        self.assertEqual(self.address("127.0.0.1", "<script>", **PROXY), "127.0.0.1")

    @override_settings(**PROXY)
    def test_middleware_rewrites_remote_addr_for_rate_limits_and_logs(self):
        seen = {}

        def view(request):
            seen["addr"] = request.META["REMOTE_ADDR"]
            return None

        request = RequestFactory().get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9")
        TrustedProxyMiddleware(view)(request)
        self.assertEqual(seen["addr"], "203.0.113.9")


class JobLockTests(TestCase):
    def test_second_starter_is_refused_while_the_first_holds_the_lease(self):
        first = acquire("send_opd_reminders")
        self.assertIsNotNone(first)
        self.assertIsNone(acquire("send_opd_reminders"))
        release("send_opd_reminders", first)
        self.assertIsNotNone(acquire("send_opd_reminders"))

    def test_expired_lease_can_be_taken_over(self):
        self.assertIsNotNone(acquire("job", ttl=-1))
        self.assertIsNotNone(acquire("job"))

    def test_scheduled_command_skips_when_another_server_runs_it(self):
        holder = acquire("send_outbox")
        out = io.StringIO()
        call_command("send_outbox", stdout=out)
        self.assertIn("dilewati", out.getvalue())
        release("send_outbox", holder)
        out = io.StringIO()
        call_command("send_outbox", stdout=out)
        self.assertIn("terkirim", out.getvalue())
        lock = JobLock.objects.get(name="send_outbox")
        self.assertIsNotNone(lock.last_finished_at)
        self.assertIsNone(lock.locked_until)

    def test_wagtail_publish_scheduled_runs_under_the_lease(self):
        holder = acquire("publish_scheduled")
        out = io.StringIO()
        call_command("publish_scheduled", stdout=out)
        self.assertIn("dilewati", out.getvalue())
        release("publish_scheduled", holder)


class HealthTests(TestCase):
    def test_healthz_answers_without_touching_the_database(self):
        with self.assertNumQueries(0):
            response = self.client.get("/healthz")
        self.assertEqual((response.status_code, response.content), (200, b"ok\n"))

    def test_readyz_is_green_when_everything_answers(self):
        response = self.client.get("/readyz")
        self.assertEqual(response.status_code, 200)
        body = response.json()
        self.assertEqual(body["status"], "ok")
        self.assertEqual(set(body["checks"]), {"database", "cache", "storage", "search", "worker"})
        self.assertIn("no-store", response["Cache-Control"])

    def test_readyz_turns_red_when_the_cache_is_down(self):
        closed_redis = RedisCache("redis://127.0.0.1:1/0", {})  # a real closed port
        with mock.patch("operations.health.cache", closed_redis):
            response = self.client.get("/readyz")
        self.assertEqual(response.status_code, 503)
        body = response.json()
        self.assertFalse(body["checks"]["cache"]["ok"])
        self.assertTrue(body["checks"]["database"]["ok"])

    @override_settings(PORTAL_WORKER_MAX_LAG_SECONDS=60, TASKS=DATABASE_TASKS)
    def test_readyz_turns_red_when_the_worker_lags(self):
        import datetime

        from django.utils import timezone
        from django_tasks_db.models import DBTaskResult

        from outbox.tasks import deliver_mail

        deliver_mail.using(backend="default").enqueue(1)
        DBTaskResult.objects.update(enqueued_at=timezone.now() - datetime.timedelta(minutes=10))
        response = self.client.get("/readyz")
        self.assertEqual(response.status_code, 503)
        self.assertFalse(response.json()["checks"]["worker"]["ok"])

    @override_settings(SECURE_SSL_REDIRECT=True)
    def test_probes_answer_over_plain_http_where_pages_redirect_to_https(self):
        # A load balancer or Prometheus talks to an app server directly, without TLS.
        self.assertEqual(self.client.get("/healthz").status_code, 200)
        self.assertEqual(self.client.get("/readyz").status_code, 200)
        self.assertEqual(self.client.get("/metrics", REMOTE_ADDR="127.0.0.1").status_code, 200)
        self.assertEqual(self.client.get("/healthz/extra").status_code, 301)
        self.assertEqual(self.client.get("/").status_code, 301)


class MetricsTests(TestCase):
    def test_metrics_from_loopback(self):
        self.client.get("/healthz")
        response = self.client.get("/metrics", REMOTE_ADDR="127.0.0.1")
        self.assertEqual(response.status_code, 200)
        text = response.content.decode()
        for name in ("django_http_requests_total_by_method", "portal_task_queue_depth", "portal_outbox_undelivered"):
            self.assertIn(name, text)

    def test_metrics_with_several_gunicorn_workers_keep_the_queue_gauges(self):
        # PROMETHEUS_MULTIPROC_DIR as deploy/systemd/portal-app@.service sets it.
        import shutil
        import tempfile

        folder = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, folder)
        with mock.patch.dict("os.environ", {"PROMETHEUS_MULTIPROC_DIR": folder}):
            response = self.client.get("/metrics", REMOTE_ADDR="127.0.0.1")
        self.assertEqual(response.status_code, 200)
        text = response.content.decode()
        self.assertIn("portal_task_queue_depth 0.0", text)
        self.assertIn("portal_outbox_undelivered 0.0", text)

    def test_metrics_refused_to_the_public(self):
        self.assertEqual(self.client.get("/metrics", REMOTE_ADDR="203.0.113.5").status_code, 403)


class ServerHealthPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        from opd_teams.roles import ensure_platform_groups

        ensure_platform_groups()
        User = get_user_model()
        cls.superuser = User.objects.create_superuser("root", "root@contohkab.go.id", "x")
        cls.humas = User.objects.create_user("humas", "humas@contohkab.go.id", "x")
        from django.contrib.auth.models import Group

        cls.humas.groups.add(Group.objects.get(name="Humas"))

    def test_diskominfo_sees_worker_and_jobs(self):
        acquire("send_opd_reminders")
        self.client.force_login(self.superuser)
        response = self.client.get("/admin/kesehatan-server/")
        self.assertContains(response, "Pekerja latar belakang")
        self.assertContains(response, "send_opd_reminders")

    def test_humas_is_refused(self):
        self.client.force_login(self.humas)
        response = self.client.get("/admin/kesehatan-server/")
        self.assertIn(response.status_code, (302, 403))
        self.assertNotContains(response, "Pekerja latar belakang", status_code=response.status_code)
