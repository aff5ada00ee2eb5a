"""The account's language setting switches every admin screen of ours (Django test client).

A Diskominfo superuser whose Wagtail account says English opens every admin screen our apps
register (the GET routes without an object id, plus an OPD's monitoring card and team): no
Indonesian phrase of our catalogues may remain, and the page is marked ``lang="en"``. The same
screens in Indonesian show those phrases (the check is able to fail).
"""

import re

from django.test import TestCase
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from wagtail.users.models import UserProfile

from opd_teams.onboarding import adopt_opd
from tests.factories.opd_teams import UserFactory
from tests.i18n.visible import indonesian_phrases_in, visible_text
from tests.trees import build_region_tree

#: Our apps' admin URL namespaces or name prefixes (Wagtail's own screens are Wagtail's catalogues).
OUR_ADMIN_NAMES = (
    "accounts:",
    "complaints_admin:",
    "monitoring:",
    "opd_teams:",
    "ppid_admin:",
    "region_setup:",
    "wordpress_import:",
    "home_proposals",
    "operations_server_health",
    "outbox_undelivered",
    "search_query_report",
)
#: Downloads and POST-only actions: no screen to read.
NOT_SCREENS = (
    "_csv",
    "_xlsx",
    "export",
    "send_reminders",
    "report_print",
    "retry",
    "accounts:disable",
    "accounts:recovery_codes",
)


def our_admin_screens():
    """Names of our admin GET screens whose URL carries no argument."""
    names = []

    def walk(patterns, prefix, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                ns = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                walk(pattern.url_patterns, prefix + str(pattern.pattern), ns)
            elif isinstance(pattern, URLPattern) and pattern.name and not pattern.pattern.regex.groups:
                name = namespace + pattern.name
                if (
                    prefix.startswith("admin/")
                    and name.startswith(OUR_ADMIN_NAMES)
                    and not any(marker in name for marker in NOT_SCREENS)
                ):
                    names.append(name)

    walk(get_resolver().url_patterns, "", "")
    return sorted(set(names))


class AdminLanguageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.opds = build_region_tree(opd_count=2, news_per_opd=1)
        cls.team = adopt_opd(cls.opds[0], ["satu@contohkab.go.id", "dua@contohkab.go.id"]).team
        cls.user = UserFactory(username="diskominfo.en", is_superuser=True, is_staff=True)

    def open(self, language, path):
        profile = UserProfile.get_for_user(self.user)
        profile.preferred_language = language
        profile.save()
        self.client.force_login(self.user)
        response = self.client.get(path, follow=True)  # a screen may send elsewhere (2FA set up, region ready)
        self.assertEqual(response.status_code, 200, path)
        return response.content.decode()

    def screens(self):
        return [reverse(name) for name in our_admin_screens()] + [reverse("monitoring:opd", args=[self.opds[0].pk])]

    def test_every_admin_screen_of_ours_is_english_for_an_english_account(self):
        paths = self.screens()
        self.assertGreater(len(paths), 15)
        for path in paths:
            with self.subTest(path=path):
                markup = self.open("en", path)
                self.assertRegex(markup, r'<html[^>]*lang="en"')
                self.assertEqual(indonesian_phrases_in(visible_text(markup)), [])

    def test_the_same_screens_in_indonesian_show_our_indonesian_phrases(self):
        for name in ("opd_teams:opd_list", "monitoring:index", "complaints_admin:inbox", "ppid_admin:inbox"):
            with self.subTest(name=name):
                markup = self.open("id", reverse(name))
                self.assertRegex(markup, r'<html[^>]*lang="id"')
                self.assertNotEqual(indonesian_phrases_in(visible_text(markup)), [])

    def test_the_english_menu_lists_our_menu_items_in_english(self):
        markup = self.open("en", reverse("wagtailadmin_home"))
        self.assertIsNotNone(re.search(r"wagtail-sidebar-props", markup))
        for label in ("OPD teams", "OPD scorecard", "Complaints"):
            with self.subTest(label=label):
                self.assertIn(label, markup)
        self.assertNotIn("Kartu skor OPD", markup)
