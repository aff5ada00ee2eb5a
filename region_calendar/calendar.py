"""The region's working-day calendar, in one place.

Days off are weekends (``PORTAL_WORKING_WEEKDAYS``, default Monday–Friday), Indonesian national
holidays and *cuti bersama* from the ``holidays`` library (categories ``public`` and
``government``), and the dates Diskominfo edits in *Hari libur daerah*
(:class:`region_calendar.models.Holiday`: an extra day off, or a national day off cancelled).
Office hours are ``PORTAL_OFFICE_OPENS``/``PORTAL_OFFICE_CLOSES`` (default 08:00–16:00), in the
region's time zone (``TIME_ZONE``).

Use one :class:`WorkingCalendar` for a batch (it reads the region's list once); the module-level
functions build one per call::

    from region_calendar.calendar import add_working_days, is_working_day
    add_working_days(date(2026, 3, 17), 1)   # 25 March 2026: Nyepi, Idulfitri and cuti bersama skipped
"""

import datetime
from functools import lru_cache

import holidays
from django.conf import settings
from django.utils import timezone

DEFAULT_WORKING_WEEKDAYS = (0, 1, 2, 3, 4)
DEFAULT_OPENS = "08:00"
DEFAULT_CLOSES = "16:00"
#: A guard: no deadline in this portal lies further than this many days ahead.
MAX_SCAN_DAYS = 3 * 366


@lru_cache(maxsize=64)
def national_days_off(year):
    """National holidays and cuti bersama of one year, as ``{date: name}`` (names in Indonesian)."""
    return dict(holidays.country_holidays("ID", years=year, categories=("public", "government"), language="id"))


def _clock(value):
    hours, minutes = (int(part) for part in value.split(":"))
    return datetime.time(hours, minutes)


class WorkingCalendar:
    """Working days and office hours of the region; reads the region's own list once."""

    def __init__(self, overrides=None):
        if overrides is None:
            from .models import Holiday

            overrides = dict(Holiday.objects.values_list("date", "kind").iterator())
        self.overrides = overrides
        self.weekdays = frozenset(getattr(settings, "PORTAL_WORKING_WEEKDAYS", DEFAULT_WORKING_WEEKDAYS))
        self.opens = _clock(getattr(settings, "PORTAL_OFFICE_OPENS", DEFAULT_OPENS))
        self.closes = _clock(getattr(settings, "PORTAL_OFFICE_CLOSES", DEFAULT_CLOSES))
        self.tz = timezone.get_default_timezone()

    # Days -------------------------------------------------------------------------------------
    def is_working_day(self, day):
        from .models import Holiday

        day = self._date(day)
        kind = self.overrides.get(day)
        if kind == Holiday.Kind.DAY_OFF:
            return False
        if kind == Holiday.Kind.WORKING_DAY:
            return True
        return day.weekday() in self.weekdays and day not in national_days_off(day.year)

    def day_off_name(self, day):
        """Why ``day`` is not a working day (national name, region entry or weekend), or ``""``."""
        from .models import Holiday

        day = self._date(day)
        if self.is_working_day(day):
            return ""
        if self.overrides.get(day) == Holiday.Kind.DAY_OFF:
            return "libur daerah"
        return national_days_off(day.year).get(day, "akhir pekan")

    def next_working_day(self, day):
        """The first working day strictly after ``day``."""
        day = self._date(day)
        for _step in range(MAX_SCAN_DAYS):
            day += datetime.timedelta(days=1)
            if self.is_working_day(day):
                return day
        raise ValueError("no working day found")

    def add_working_days(self, start, count):
        """The ``count``-th working day after ``start`` (``start`` itself is never counted)."""
        day = self._date(start)
        if count <= 0:
            return day
        for _n in range(count):
            day = self.next_working_day(day)
        return day

    def working_days_between(self, start, end):
        """Working days ``d`` with ``start < d <= end`` (0 when ``end <= start``)."""
        start, end = self._date(start), self._date(end)
        count = 0
        day = start
        while day < end:
            day += datetime.timedelta(days=1)
            count += self.is_working_day(day)
        return count

    def end_of_working_day(self, day):
        """Closing time of the office on ``day`` as an aware datetime."""
        return self._at(self._date(day), self.closes)

    # Hours ------------------------------------------------------------------------------------
    def add_working_hours(self, start, hours):
        """The moment ``hours`` office hours after ``start`` (time outside office hours does not count)."""
        moment = self._local(start)
        remaining = datetime.timedelta(hours=hours)
        if remaining <= datetime.timedelta(0):
            return moment
        day = moment.date()
        for _step in range(MAX_SCAN_DAYS):
            if self.is_working_day(day):
                opens, closes = self._at(day, self.opens), self._at(day, self.closes)
                moment = max(moment, opens)
                if moment < closes:
                    available = closes - moment
                    if remaining <= available:
                        return moment + remaining
                    remaining -= available
            day = self.next_working_day(day)
            moment = self._at(day, self.opens)
        raise ValueError("deadline too far ahead")

    def working_hours_between(self, start, end):
        """Office hours (a float) between two moments."""
        start, end = self._local(start), self._local(end)
        if end <= start:
            return 0.0
        total = datetime.timedelta(0)
        day = start.date()
        while day <= end.date():
            if self.is_working_day(day):
                opens, closes = self._at(day, self.opens), self._at(day, self.closes)
                overlap = min(closes, end) - max(opens, start)
                if overlap > datetime.timedelta(0):
                    total += overlap
            day += datetime.timedelta(days=1)
        return total.total_seconds() / 3600

    # Helpers ----------------------------------------------------------------------------------
    def _date(self, value):
        if isinstance(value, datetime.datetime):
            return self._local(value).date()
        return value

    def _local(self, value):
        if timezone.is_naive(value):
            return timezone.make_aware(value, self.tz)
        return value.astimezone(self.tz)

    def _at(self, day, clock):
        return datetime.datetime.combine(day, clock, tzinfo=self.tz)


def is_working_day(day):
    return WorkingCalendar().is_working_day(day)


def add_working_days(start, count):
    return WorkingCalendar().add_working_days(start, count)


def add_working_hours(start, hours):
    return WorkingCalendar().add_working_hours(start, hours)


def working_days_between(start, end):
    return WorkingCalendar().working_days_between(start, end)


def working_hours_between(start, end):
    return WorkingCalendar().working_hours_between(start, end)
