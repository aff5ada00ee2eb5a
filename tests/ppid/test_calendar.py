"""PPID deadlines on known dates: 17 August, Idul Fitri with its cuti bersama, the year's end."""

import datetime

from django.test import TestCase

from ppid.deadlines import add_working_days, is_working_day, working_days_between
from ppid.models.requests import ANSWER_WORKING_DAYS, EXTENSION_WORKING_DAYS, OBJECTION_FILING_WORKING_DAYS

D = datetime.date


class PpidDeadlineTests(TestCase):
    def test_known_days_off(self):
        cases = {
            D(2026, 8, 17): False,  # Hari Kemerdekaan
            D(2026, 3, 20): False,  # cuti bersama Idul Fitri
            D(2026, 3, 23): False,  # cuti bersama Idul Fitri
            D(2026, 3, 24): False,  # cuti bersama Idul Fitri
            D(2026, 12, 24): False,  # cuti bersama Natal
            D(2026, 12, 25): False,  # Natal
            D(2027, 1, 1): False,  # Tahun Baru
            D(2026, 8, 15): False,  # Saturday
            D(2026, 8, 18): True,
            D(2026, 3, 25): True,
        }
        for day, working in cases.items():
            with self.subTest(day=day):
                self.assertEqual(is_working_day(day), working)

    def test_answer_deadline_across_17_august(self):
        # Filed Friday 14 August: 17 August (Kemerdekaan) and 25 August (Maulid Nabi) are skipped.
        self.assertEqual(add_working_days(D(2026, 8, 14), ANSWER_WORKING_DAYS), D(2026, 9, 1))

    def test_answer_deadline_across_idul_fitri_and_cuti_bersama(self):
        # Filed Tuesday 17 March 2026: Nyepi (18 cuti, 19), Idul Fitri (20 cuti, 21-22, 23-24 cuti) are skipped.
        self.assertEqual(add_working_days(D(2026, 3, 17), 1), D(2026, 3, 25))
        self.assertEqual(add_working_days(D(2026, 3, 17), ANSWER_WORKING_DAYS), D(2026, 4, 8))

    def test_extension_across_the_year_end(self):
        # Due Wednesday 23 December; 24 (cuti bersama), 25 December, 1 and 5 January 2027 are days off.
        self.assertEqual(add_working_days(D(2026, 12, 23), EXTENSION_WORKING_DAYS), D(2027, 1, 7))

    def test_objection_window_is_thirty_working_days(self):
        end = add_working_days(D(2026, 8, 3), OBJECTION_FILING_WORKING_DAYS)
        self.assertEqual(working_days_between(D(2026, 8, 3), end), OBJECTION_FILING_WORKING_DAYS)
        self.assertGreater((end - D(2026, 8, 3)).days, 42)  # weekends and 17 August skipped
