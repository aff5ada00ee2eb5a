"""The password policy: at least 12 characters, never the region's or an OPD's name with digits."""

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import TestCase
from django.urls import reverse

from tests.factories.opd_pages import make_opd_section

from .helpers import PASSWORD, build_accounts_region


class PasswordPolicyTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.opds, cls.users = build_accounts_region()
        make_opd_section(cls.home, acronym="BPKAD", title="Badan Pengelolaan Keuangan dan Aset Daerah")

    def messages_for(self, password):
        try:
            validate_password(password, self.users["dinkes.operator"])
        except ValidationError as error:
            return error.messages
        return []

    def test_names_and_acronyms_with_digits_are_refused(self):
        for password in [
            "Dinkes2026",
            "Dinkes2026!!",
            "dinkes-2026-2027",
            "Contohkab2026!",
            "KabupatenContoh2026",
            "Kesehatan202612",
            "DisdukcapilKab2026",
            "bpkad2026bpkad2026",
            "Contoh-Dinkes-2026",
        ]:
            with self.subTest(password):
                self.assertTrue(
                    any("nama daerah atau OPD" in message for message in self.messages_for(password)),
                    self.messages_for(password),
                )

    def test_short_passwords_are_refused_in_indonesian(self):
        self.assertTrue(any("12 karakter" in message for message in self.messages_for("kopi-susu-1")))

    def test_good_passwords_pass(self):
        for password in [
            PASSWORD,
            "demo-opd-2026",
            "demo-admin-2026",
            "dinkes kopi tubruk pagi 2026",
            "Sandi-baru-2026!",
        ]:
            with self.subTest(password):
                self.assertEqual(self.messages_for(password), [])

    def test_a_name_without_digits_is_left_to_the_other_rules(self):
        self.assertEqual(self.messages_for("dinaskesehatankabupaten"), [])

    def test_the_account_page_refuses_a_region_name_password(self):
        self.client.force_login(self.users["dinkes.admin"])
        response = self.client.post(
            reverse("wagtailadmin_account"),
            {
                "name_email-first_name": "Dinkes",
                "name_email-last_name": "",
                "name_email-email": "dinkes.admin@contohkab.go.id",
                "password-old_password": PASSWORD,
                "password-new_password1": "Contohkab2026!",
                "password-new_password2": "Contohkab2026!",
            },
        )
        self.assertContains(response, "nama daerah atau OPD")
        self.users["dinkes.admin"].refresh_from_db()
        self.assertTrue(self.users["dinkes.admin"].check_password(PASSWORD))
