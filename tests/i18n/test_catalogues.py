"""The translation catalogues: up to date with the sources, English complete, compiled files current.

The staleness check runs the Makefile's own extraction (``make messages-extract``) in a copy of
the source tree and compares the msgids it finds with the committed catalogues, so a string added
to a template or a model without ``make messages`` fails here, in CI (``make test``, ``make check``).
"""

import gettext
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import django
import wagtail
from django.conf import settings
from django.test import SimpleTestCase
from django.utils import translation

from tests.i18n import wagtail_gaps
from tests.i18n.po import messages, parse
from tests.i18n.visible import english_words_in, indonesian_phrases_in

ROOT = Path(settings.BASE_DIR)
LOCALE = ROOT / "locale"
CATALOGUES = sorted(LOCALE.glob("*/LC_MESSAGES/*.po"))
#: What the copy of the tree leaves out: nothing makemessages reads lives there.
COPY_IGNORE = shutil.ignore_patterns(
    ".git", ".venv", "artifacts", "node_modules", "var", "media", "static_collected", "backups", "htmlcov", "*.mo"
)
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|%[sd]|\{[a-z_]+\}")


def extract_into_copy(root, extra_files=None):
    """Copy the source tree under ``root`` (plus ``extra_files``, path: text), run ``make messages-extract``
    there; returns the copy."""
    copy = Path(root) / "tree"
    shutil.copytree(ROOT, copy, ignore=COPY_IGNORE)
    for relative, text in (extra_files or {}).items():
        (copy / relative).write_text(text, encoding="utf-8")
    if shutil.which("make") is None or shutil.which("xgettext") is None or shutil.which("msgmerge") is None:
        raise AssertionError("GNU make and gettext are needed for the catalogue check: run `make gettext`.")
    result = subprocess.run(
        ["make", "-s", "messages-extract", f"MANAGE={sys.executable} manage.py"],
        cwd=copy,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode:
        raise AssertionError(f"make messages-extract failed:\n{result.stdout}\n{result.stderr}")
    return copy


def stale_entries(copy):
    """Per catalogue: msgids the sources have but the catalogue lacks, and the reverse."""
    differences = {}
    for fresh in sorted((copy / "locale").glob("*/LC_MESSAGES/*.po")):
        relative = fresh.relative_to(copy)
        committed = ROOT / relative
        fresh_keys = {entry.key for entry in messages(fresh)}
        committed_keys = {entry.key for entry in messages(committed)} if committed.exists() else set()
        if fresh_keys != committed_keys:
            differences[str(relative)] = {
                "missing": sorted(fresh_keys - committed_keys, key=str),
                "obsolete": sorted(committed_keys - fresh_keys, key=str),
            }
    for committed in CATALOGUES:
        if not (copy / committed.relative_to(ROOT)).exists():
            differences[str(committed.relative_to(ROOT))] = {"missing": [], "obsolete": ["(the whole catalogue)"]}
    return differences


def compiled_catalogue(path):
    with open(path, "rb") as handle:
        return dict(gettext.GNUTranslations(handle)._catalog)


def expected_catalogue(po):
    """What msgfmt puts in the .mo: the header and every translated, non-fuzzy entry."""
    expected = {}
    for entry in parse(po):
        if entry.obsolete or entry.fuzzy or not entry.translated:
            continue
        msgid = entry.msgid if entry.msgctxt is None else f"{entry.msgctxt}\x04{entry.msgid}"
        if entry.msgid_plural is None:
            expected[msgid] = entry.msgstr[0]
        else:
            for number, form in entry.msgstr.items():
                expected[(msgid, number)] = form
    return expected


class CatalogueFreshnessTests(SimpleTestCase):
    """One extraction in a copy of the tree with one probe template added: the probe's msgid must be
    the only difference (the check notices a new string; the committed catalogues are otherwise fresh)."""

    PROBE = "Kalimat uji di luar katalog"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        probe = {"templates/zz_catalogue_probe.html": f'{{% load i18n %}}{{% translate "{cls.PROBE}" %}}\n'}
        with tempfile.TemporaryDirectory(prefix="portal-messages-") as root:
            cls.differences = stale_entries(extract_into_copy(root, probe))

    def test_a_new_string_in_a_template_makes_both_catalogues_stale(self):
        for catalogue in ("locale/en/LC_MESSAGES/django.po", "locale/id/LC_MESSAGES/django.po"):
            with self.subTest(catalogue=catalogue):
                self.assertIn((None, self.PROBE, None), self.differences.get(catalogue, {}).get("missing", []))

    def test_every_msgid_of_the_sources_is_in_the_catalogues_and_nothing_else(self):
        expected = {
            catalogue: {"missing": [(None, self.PROBE, None)], "obsolete": []}
            for catalogue in ("locale/en/LC_MESSAGES/django.po", "locale/id/LC_MESSAGES/django.po")
        }
        self.assertEqual(
            self.differences,
            expected,
            "Catalogues are stale: run `make messages`, translate, then `make compilemessages` (CONTRIBUTING.md).",
        )


class CatalogueContentTests(SimpleTestCase):
    def test_catalogues_exist_for_both_languages(self):
        self.assertEqual(
            [str(po.relative_to(ROOT)) for po in CATALOGUES],
            ["locale/en/LC_MESSAGES/django.po", "locale/id/LC_MESSAGES/django.po", "locale/id/LC_MESSAGES/djangojs.po"],
        )
        self.assertEqual([code for code, _name in settings.LANGUAGES], ["id", "en"])
        self.assertEqual(settings.WAGTAILADMIN_PERMITTED_LANGUAGES, settings.LANGUAGES)
        self.assertIn(LOCALE, [Path(path) for path in settings.LOCALE_PATHS])

    def test_every_english_entry_is_translated_and_none_is_fuzzy(self):
        for po in LOCALE.glob("en/LC_MESSAGES/*.po"):
            entries = messages(po)
            with self.subTest(catalogue=po.name):
                self.assertGreater(len(entries), 1000)
                self.assertEqual([e.msgid for e in entries if not e.translated], [], "untranslated English entries")
                self.assertEqual([e.msgid for e in entries if e.fuzzy], [], "fuzzy English entries")

    def test_headers_are_final_and_declare_language_charset_and_plural_forms(self):
        for po in CATALOGUES:
            header = parse(po)[0]
            with self.subTest(catalogue=str(po.relative_to(ROOT))):
                self.assertEqual(header.msgid, "")
                self.assertFalse(header.fuzzy, "a fuzzy header is left out of the .mo")
                self.assertIn(f"Language: {po.parents[1].name}\n", header.msgstr[0])
                self.assertIn("charset=UTF-8", header.msgstr[0])
                self.assertIn("Plural-Forms:", header.msgstr[0])

    def test_translations_keep_the_placeholders_of_their_msgid(self):
        wrong = []
        for po in CATALOGUES:
            for entry in messages(po):
                source = set(PLACEHOLDER.findall(entry.msgid + (entry.msgid_plural or "")))
                for form in entry.msgstr.values():
                    found = set(PLACEHOLDER.findall(form))
                    if form and (not found <= source or (entry.msgid_plural is None and found != source)):
                        wrong.append((po.parents[1].name, entry.msgid, form))
        self.assertEqual(wrong, [])

    def test_every_compiled_catalogue_matches_its_po_file(self):
        for po in CATALOGUES:
            mo = po.with_suffix(".mo")
            with self.subTest(catalogue=str(po.relative_to(ROOT))):
                self.assertTrue(mo.exists(), f"{mo.name} is missing: run `make compilemessages`")
                self.assertEqual(
                    compiled_catalogue(mo), expected_catalogue(po), "out of date: run `make compilemessages`"
                )

    def test_our_english_never_changes_a_django_or_wagtail_msgid(self):
        """Our catalogue wins over theirs, so a shared msgid must keep its meaning (e.g. "Admin")."""
        theirs = set()
        for base in (Path(wagtail.__file__).parent, Path(django.__file__).parent):
            for po in base.rglob("locale/en/LC_MESSAGES/django.po"):
                theirs |= {entry.key for entry in parse(po) if entry.msgid}
        changed = [
            (entry.msgid, entry.msgstr[0])
            for entry in messages(LOCALE / "en" / "LC_MESSAGES" / "django.po")
            if entry.key in theirs and entry.msgstr[0] != entry.msgid
        ]
        self.assertEqual(changed, [])


class WagtailCompletionTests(SimpleTestCase):
    def test_every_completion_names_a_msgid_the_installed_wagtail_has(self):
        known = wagtail_gaps.wagtail_msgids()
        items = wagtail_gaps.completions()
        self.assertGreater(len(items), 1000)
        unknown = [item["msgid"] for domain, item in items if wagtail_gaps._key(item) not in known[domain]]
        self.assertEqual(unknown, [], "Wagtail no longer has these msgids: drop them from portal/wagtail_completions")

    def test_every_completion_is_translated_in_our_indonesian_catalogue(self):
        translated = {
            domain: {e.key for e in messages(LOCALE / "id" / "LC_MESSAGES" / f"{domain}.po") if e.translated}
            for domain in ("django", "djangojs")
        }
        missing = [
            (domain, item["msgid"])
            for domain, item in wagtail_gaps.completions()
            if wagtail_gaps._key(item) not in translated[domain]
        ]
        self.assertEqual(missing, [])

    def test_no_wagtail_string_on_the_editors_screens_is_left_without_indonesian(self):
        self.assertEqual(wagtail_gaps.gaps(), [], "run `python -m tests.i18n.wagtail_gaps` and translate the gaps")


class ActiveLanguageTests(SimpleTestCase):
    def test_english_switches_our_strings_and_indonesian_completes_wagtails(self):
        cases = {
            "en": {"Tim OPD": "OPD teams", "Kartu skor OPD": "OPD scorecard", "Pengaduan": "Complaints"},
            "id": {
                "Reports": "Laporan",
                "Help": "Bantuan",
                "Request changes": "Minta perubahan",
                "Approve with comment": "Setujui dengan komentar",
                "Checks": "Pemeriksaan",
                "Tim OPD": "Tim OPD",
            },
        }
        for language, strings in cases.items():
            with translation.override(language):
                for msgid, expected in strings.items():
                    with self.subTest(language=language, msgid=msgid):
                        self.assertEqual(translation.gettext(msgid), expected)


class VisibleVocabularyTests(SimpleTestCase):
    """The vocabularies the language tests search screens with find what they should."""

    def test_english_words_find_wagtails_english_and_pass_indonesian(self):
        self.assertEqual(
            english_words_in("Request changes · Approve with comment"),
            ["approve", "changes", "comment", "request", "with"],
        )
        self.assertEqual(english_words_in("Minta perubahan · Setujui dengan komentar · Simpan konsep · Status"), [])

    def test_indonesian_phrases_find_our_msgids(self):
        self.assertEqual(indonesian_phrases_in("Menu: Tim OPD | Kartu skor OPD"), ["Kartu skor OPD", "Tim OPD"])
        self.assertEqual(indonesian_phrases_in("Menu: OPD teams | OPD scorecard | Status"), [])
