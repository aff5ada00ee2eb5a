import datetime
from zoneinfo import ZoneInfo

from django.test import TestCase, override_settings

from region_calendar.calendar import (
    WorkingCalendar,
    add_working_days,
    add_working_hours,
    is_working_day,
    working_days_between,
    working_hours_between,
)
from region_calendar.models import Holiday

WIB = ZoneInfo("Asia/Jakarta")
D = datetime.date


class WorkingDayTests(TestCase):
    def test_weekends_and_national_holidays_are_not_working_days(self):
        cases = [
            (D(2026, 8, 17), False),  # Hari Kemerdekaan, a Monday
            (D(2026, 8, 18), True),
            (D(2026, 8, 15), False),  # Saturday
            (D(2026, 3, 20), False),  # cuti bersama Idulfitri
            (D(2026, 3, 21), False),  # Idulfitri
            (D(2026, 3, 23), False),  # cuti bersama Idulfitri (Monday)
            (D(2026, 3, 24), False),  # cuti bersama Idulfitri (Tuesday)
            (D(2026, 3, 25), True),
            (D(2026, 12, 24), False),  # cuti bersama Natal
            (D(2026, 12, 25), False),  # Natal
            (D(2026, 12, 31), True),
            (D(2027, 1, 1), False),  # Tahun Baru
        ]
        for day, expected in cases:
            with self.subTest(day=day):
                self.assertEqual(is_working_day(day), expected)

    def test_add_working_days_across_17_august(self):
        self.assertEqual(add_working_days(D(2026, 8, 14), 1), D(2026, 8, 18))  # Fri → Tue
        self.assertEqual(add_working_days(D(2026, 8, 14), 10), D(2026, 9, 1))  # 25 Aug Maulid Nabi skipped too

    def test_add_working_days_across_idul_fitri_and_its_cuti_bersama(self):
        # 18 Mar cuti Nyepi, 19 Nyepi, 20 cuti, 21–22 Idulfitri (weekend), 23–24 cuti.
        self.assertEqual(add_working_days(D(2026, 3, 17), 1), D(2026, 3, 25))
        # PPID: 10 working days from 16 March 2026.
        self.assertEqual(add_working_days(D(2026, 3, 16), 10), D(2026, 4, 7))  # 3 April Good Friday skipped

    def test_add_working_days_across_the_year_end(self):
        self.assertEqual(add_working_days(D(2026, 12, 23), 1), D(2026, 12, 28))
        self.assertEqual(add_working_days(D(2026, 12, 30), 2), D(2027, 1, 4))

    def test_working_days_between_counts_the_end_not_the_start(self):
        self.assertEqual(working_days_between(D(2026, 8, 14), D(2026, 8, 18)), 1)
        self.assertEqual(working_days_between(D(2026, 8, 18), D(2026, 8, 14)), 0)
        self.assertEqual(working_days_between(D(2026, 3, 16), D(2026, 4, 7)), 10)

    def test_the_regions_own_list_adds_and_cancels_days_off(self):
        Holiday.objects.create(date=D(2026, 8, 18), name="Hari jadi kabupaten")
        Holiday.objects.create(date=D(2026, 12, 24), name="Tetap masuk", kind=Holiday.Kind.WORKING_DAY)
        self.assertFalse(is_working_day(D(2026, 8, 18)))
        self.assertEqual(add_working_days(D(2026, 8, 14), 1), D(2026, 8, 19))
        self.assertTrue(is_working_day(D(2026, 12, 24)))
        self.assertEqual(WorkingCalendar().day_off_name(D(2026, 8, 18)), "libur daerah")

    def test_calendar_reads_the_regions_list_with_one_query(self):
        with self.assertNumQueries(1):
            calendar = WorkingCalendar()
            calendar.add_working_days(D(2026, 1, 1), 60)


class WorkingHoursTests(TestCase):
    def test_hours_count_only_office_time_on_working_days(self):
        friday_afternoon = datetime.datetime(2026, 8, 14, 15, 0, tzinfo=WIB)
        # 1 h on Friday, weekend and 17 August skipped, 7 h on Tuesday from 08:00.
        self.assertEqual(add_working_hours(friday_afternoon, 8), datetime.datetime(2026, 8, 18, 15, 0, tzinfo=WIB))
        self.assertEqual(
            working_hours_between(friday_afternoon, datetime.datetime(2026, 8, 18, 15, 0, tzinfo=WIB)), 8.0
        )

    def test_a_start_before_opening_or_after_closing_starts_at_the_next_opening(self):
        self.assertEqual(
            add_working_hours(datetime.datetime(2026, 8, 18, 6, 0, tzinfo=WIB), 2),
            datetime.datetime(2026, 8, 18, 10, 0, tzinfo=WIB),
        )
        self.assertEqual(
            add_working_hours(datetime.datetime(2026, 12, 23, 20, 0, tzinfo=WIB), 1),
            datetime.datetime(2026, 12, 28, 9, 0, tzinfo=WIB),
        )

    def test_utc_input_is_read_in_the_regions_time_zone(self):
        # 01:00 UTC is 08:00 WIB.
        start = datetime.datetime(2026, 8, 18, 1, 0, tzinfo=datetime.UTC)
        self.assertEqual(add_working_hours(start, 1), datetime.datetime(2026, 8, 18, 9, 0, tzinfo=WIB))

    @override_settings(PORTAL_OFFICE_OPENS="07:30", PORTAL_OFFICE_CLOSES="15:30")
    def test_office_hours_are_configurable(self):
        self.assertEqual(
            add_working_hours(datetime.datetime(2026, 8, 18, 7, 0, tzinfo=WIB), 8),
            datetime.datetime(2026, 8, 18, 15, 30, tzinfo=WIB),
        )
