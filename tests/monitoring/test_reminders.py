"""Reminders to quiet OPDs: who gets them, how often, Diskominfo copies, failures and retries."""

import io

from django.core import mail
from django.core.management import call_command
from django.test import TestCase, override_settings

from monitoring.models import MonitoringSettings, Reminder
from monitoring.reminders import send_due_reminders
from monitoring.tasks import send_due_reminders_task
from opd_pages.models import NewsIndexPage
from tests.trees import build_region_tree

from .backends import FailingEmailBackend, FlakyEmailBackend
from .helpers import NOW, days_ago, make_diskominfo_user, make_team, publish_news


def no_sleep(seconds):
    return None


class ReminderTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, (cls.quiet, cls.busy, cls.orphan) = build_region_tree(opd_count=3, news_per_opd=0)
        publish_news(cls.quiet, days_ago(20))
        publish_news(cls.busy, days_ago(2))
        publish_news(cls.orphan, days_ago(40))
        _team, members = make_team(cls.quiet, admins=2, operators=1)
        cls.admins = members["admins"]
        cls.operator = members["operators"][0]
        make_team(cls.busy, admins=1)
        cls.diskominfo = make_diskominfo_user()

    def run_job(self, now=NOW, **kwargs):
        return send_due_reminders(now=now, sleep=no_sleep, **kwargs)

    def test_admins_of_a_quiet_opd_get_an_indonesian_reminder_with_a_link_to_add_news(self):
        run = self.run_job()
        self.assertEqual(sorted(run.sent), ["Opd0", "Opd2"])
        self.assertEqual(run.skipped, ["Opd1"])
        message = next(m for m in mail.outbox if "Opd0" in m.subject)
        self.assertEqual(sorted(message.to), sorted(user.email for user in self.admins))
        self.assertNotIn(self.operator.email, message.to)
        self.assertEqual(message.cc, [])
        self.assertIn("20 hari", message.subject)
        news_index = NewsIndexPage.objects.child_of(self.quiet).get()
        self.assertIn(f"http://testserver/admin/pages/add/opd_pages/newspage/{news_index.pk}/", message.body)
        self.assertIn("Tulis berita baru langsung di sini", message.body)

    def test_opd_without_admin_is_reported_to_diskominfo(self):
        self.run_job()
        message = next(m for m in mail.outbox if "Opd2" in m.subject)
        self.assertEqual(message.to, [self.diskominfo.email])
        self.assertIn("belum punya admin aktif", message.body)

    def test_reminder_is_sent_once_per_period_and_copies_diskominfo_from_the_second_period(self):
        self.run_job(opds=[self.quiet])
        self.run_job(now=days_ago(-5), opds=[self.quiet])
        self.assertEqual(len(mail.outbox), 1, "no second reminder within the 14-day period")
        self.run_job(now=days_ago(-14), opds=[self.quiet])
        self.assertEqual(len(mail.outbox), 2)
        second = mail.outbox[1]
        self.assertEqual(second.cc, [self.diskominfo.email])
        self.assertIn("pengingat ke-2", second.body)
        reminders = list(Reminder.objects.filter(opd=self.quiet).order_by("created_at"))
        self.assertEqual(
            [(r.sequence, r.status, bool(r.cc)) for r in reminders], [(1, "terkirim", False), (2, "terkirim", True)]
        )

    def test_a_new_publication_ends_the_streak(self):
        self.run_job(opds=[self.quiet])
        publish_news(self.quiet, days_ago(-1))
        self.run_job(now=days_ago(-10), opds=[self.quiet])
        self.assertEqual(len(mail.outbox), 1, "9 days after the new item: not due")
        self.run_job(now=days_ago(-16), opds=[self.quiet])
        self.assertEqual(len(mail.outbox), 2)
        latest = Reminder.objects.filter(opd=self.quiet).latest("created_at")
        self.assertEqual((latest.sequence, latest.cc), (1, ""), "a new streak starts again without Diskominfo")

    def test_configured_diskominfo_address_and_period(self):
        settings = MonitoringSettings.load()
        settings.reminder_after_days = 30
        settings.diskominfo_email = "pantau@diskominfo.contohkab.go.id"
        settings.save()
        self.run_job()
        self.assertEqual([m.to for m in mail.outbox], [["pantau@diskominfo.contohkab.go.id"]], "only the orphan OPD")

    def test_disabled_reminders_send_nothing(self):
        settings = MonitoringSettings.load()
        settings.reminders_enabled = False
        settings.save()
        self.assertTrue(self.run_job().disabled)
        self.assertEqual(mail.outbox, [])

    @override_settings(EMAIL_BACKEND="tests.monitoring.backends.FailingEmailBackend")
    def test_mail_failure_is_retried_logged_and_does_not_stop_the_job(self):
        FailingEmailBackend.calls = 0
        run = self.run_job()
        self.assertEqual(sorted(run.failed), ["Opd0", "Opd2"])
        self.assertEqual(FailingEmailBackend.calls, 6, "three attempts for each of the two OPDs")
        failed = Reminder.objects.get(opd=self.quiet)
        self.assertEqual((failed.status, failed.attempts), (Reminder.Status.FAILED, 3))
        self.assertIn("SMTPServerDisconnected", failed.error)
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
            self.run_job(now=days_ago(-1), opds=[self.quiet])
        self.assertEqual(len(mail.outbox), 1, "a failed reminder does not count: the next run sends it")
        self.assertEqual(Reminder.objects.filter(opd=self.quiet).latest("created_at").sequence, 1)

    @override_settings(EMAIL_BACKEND="tests.monitoring.backends.FlakyEmailBackend")
    def test_a_temporary_failure_is_retried_and_delivered(self):
        FlakyEmailBackend.calls = 0
        self.run_job(opds=[self.quiet])
        reminder = Reminder.objects.get(opd=self.quiet)
        self.assertEqual((reminder.status, reminder.attempts), (Reminder.Status.SENT, 2))
        self.assertEqual(len(mail.outbox), 1)

    def test_dry_run_sends_and_logs_nothing(self):
        run = self.run_job(dry_run=True)
        self.assertEqual(sorted(run.sent), ["Opd0", "Opd2"])
        self.assertEqual((len(mail.outbox), Reminder.objects.count()), (0, 0))

    def test_command_for_cron(self):
        out = io.StringIO()
        call_command("send_opd_reminders", "--dry-run", stdout=out)
        self.assertIn("Akan diingatkan: 3 OPD", out.getvalue(), "today all three are more than 14 days quiet")
        self.assertEqual(mail.outbox, [])
        call_command("send_opd_reminders", stdout=out)
        self.assertEqual(len(mail.outbox), 3)
        self.assertEqual(Reminder.objects.sent().count(), 3)

    def test_task_and_admin_button_run_the_job(self):
        result = send_due_reminders_task.enqueue()
        self.assertEqual(len(result.return_value["sent"]), 3)
        self.client.force_login(self.diskominfo)
        response = self.client.post("/admin/pemantauan/pengingat/kirim/", follow=True)
        self.assertContains(response, "Pengingat terkirim ke 0 OPD")
        self.assertEqual(len(mail.outbox), 3)

    def test_reminder_log_is_visible_on_the_scorecard(self):
        self.run_job()
        self.client.force_login(self.diskominfo)
        response = self.client.get("/admin/pemantauan/pengingat/")
        self.assertContains(response, self.admins[0].email)
        self.assertContains(self.client.get("/admin/pemantauan/"), "ke-1")
