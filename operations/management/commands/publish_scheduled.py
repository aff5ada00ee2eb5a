"""Wagtail's ``publish_scheduled``, run by one server at a time (cron on every server is safe)."""

from wagtail.management.commands.publish_scheduled import Command as WagtailPublishScheduled

from scheduled_jobs.scheduled import ScheduledCommand


class Command(ScheduledCommand, WagtailPublishScheduled):
    help = "Menerbitkan dan mengakhiri halaman terjadwal (Wagtail), satu server sekali jalan."
