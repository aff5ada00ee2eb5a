"""Deadlines of cases, computed with the region's working-day calendar."""

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _

from region_calendar.calendar import WorkingCalendar


class ClockUnit(models.TextChoices):
    CALENDAR_HOURS = "jam", _("jam (kalender, 24 jam sehari)")
    WORKING_HOURS = "jam_kerja", _("jam kerja (hanya jam kantor pada hari kerja)")
    WORKING_DAYS = "hari_kerja", _("hari kerja (sampai jam tutup kantor)")


def compute_deadline(start, amount, unit, *, calendar=None):
    """The moment ``amount`` ``unit`` after ``start`` (aware datetime)."""
    calendar = calendar or WorkingCalendar()
    if unit == ClockUnit.CALENDAR_HOURS:
        return start + datetime.timedelta(hours=amount)
    if unit == ClockUnit.WORKING_HOURS:
        return calendar.add_working_hours(start, amount)
    if unit == ClockUnit.WORKING_DAYS:
        return calendar.end_of_working_day(calendar.add_working_days(start, int(amount)))
    raise ValueError(f"unknown clock unit {unit!r}")


def elapsed(start, end, unit, *, calendar=None):
    """Time between two moments in ``unit`` (hours, office hours or working days), a float."""
    calendar = calendar or WorkingCalendar()
    if unit == ClockUnit.CALENDAR_HOURS:
        return (end - start).total_seconds() / 3600
    if unit == ClockUnit.WORKING_HOURS:
        return calendar.working_hours_between(start, end)
    return float(calendar.working_days_between(start, end))
