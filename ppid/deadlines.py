"""PPID deadlines in the region's working days.

Weekends, national holidays and cuti bersama (the ``holidays`` library, categories ``public`` and
``government``) are skipped, plus — once the shared :mod:`region_calendar` app is installed — the
region's own days off that Diskominfo edits there. The day of filing is never counted: a request
filed on Friday 14 August 2026 is due ten working days later, on 1 September (17 August and
25 August, Maulid Nabi, are holidays).

``region_calendar`` is built on the complaints branch; until it is merged this module falls back
to :class:`FallbackCalendar` (same methods, national calendar only). Remove the fallback when
``region_calendar`` is on main.
"""

import datetime
from functools import lru_cache

import holidays

WORKING_WEEKDAYS = (0, 1, 2, 3, 4)


@lru_cache(maxsize=32)
def _national_days_off(year):
    return frozenset(holidays.country_holidays("ID", years=year, categories=("public", "government")))


class FallbackCalendar:
    """Working days: Monday–Friday minus national holidays and cuti bersama."""

    def is_working_day(self, day):
        return day.weekday() in WORKING_WEEKDAYS and day not in _national_days_off(day.year)

    def add_working_days(self, start, count):
        day = start
        for _n in range(count):
            day += datetime.timedelta(days=1)
            while not self.is_working_day(day):
                day += datetime.timedelta(days=1)
        return day

    def working_days_between(self, start, end):
        count, day = 0, start
        while day < end:
            day += datetime.timedelta(days=1)
            count += self.is_working_day(day)
        return count


try:
    from region_calendar.calendar import WorkingCalendar
except ImportError:  # region_calendar not merged yet (see the module docstring)
    WorkingCalendar = FallbackCalendar


def calendar():
    """One calendar for a batch of computations (reads the region's own list once)."""
    return WorkingCalendar()


def add_working_days(start, count, calendar=None):
    return (calendar or WorkingCalendar()).add_working_days(start, count)


def working_days_between(start, end, calendar=None):
    return (calendar or WorkingCalendar()).working_days_between(start, end)


def is_working_day(day, calendar=None):
    return (calendar or WorkingCalendar()).is_working_day(day)
