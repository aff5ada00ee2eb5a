"""PPID deadlines in the region's working days (:mod:`region_calendar`, the one calendar).

Weekends, national holidays, cuti bersama and the region's own days off (Diskominfo edits them
in *Hari libur daerah*) are skipped. The day of filing is never counted: a request filed on
Friday 14 August 2026 is due ten working days later, on 1 September (17 August and 25 August,
Maulid Nabi, are holidays).
"""

from region_calendar.calendar import WorkingCalendar


def calendar():
    """One calendar for a batch of computations (reads the region's own list once)."""
    return WorkingCalendar()


def add_working_days(start, count, calendar=None):
    return (calendar or WorkingCalendar()).add_working_days(start, count)


def working_days_between(start, end, calendar=None):
    return (calendar or WorkingCalendar()).working_days_between(start, end)


def is_working_day(day, calendar=None):
    return (calendar or WorkingCalendar()).is_working_day(day)


def end_of_working_day(day, calendar=None):
    return (calendar or WorkingCalendar()).end_of_working_day(day)
