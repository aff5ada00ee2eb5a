"""Indonesian text analysis: stems, stop words, tokens of any Unicode, synonym expansion."""

from django.test import SimpleTestCase, TestCase

from search.engine import normalize_query, parse_query
from search.models import Synonym
from search.seed import ACRONYMS, seed_synonyms
from search.synonyms import expand
from search.text import STOP_WORDS, analyze, stem, tokenize


class StemmingTests(SimpleTestCase):
    def test_words_a_citizen_types_share_the_stem_of_the_page_wording(self):
        pairs = [
            ("layanan", "Pelayanan"),
            ("izin", "perizinan"),
            ("sehat", "Kesehatan"),
            ("daftar", "pendaftaran"),
            ("bangun", "pembangunan"),
            ("catat", "pencatatan"),
        ]
        for typed, written in pairs:
            with self.subTest(typed=typed):
                self.assertEqual(stem(tokenize(typed)[0]), stem(tokenize(written)[0]))

    def test_common_words_are_dropped_from_the_index_terms(self):
        self.assertEqual(analyze("Layanan yang dan di untuk warga"), [stem("layanan"), stem("warga")])
        self.assertTrue({"yang", "dan", "di", "untuk"} <= STOP_WORDS)

    def test_tokens_fold_case_and_accents_and_keep_other_scripts(self):
        self.assertEqual(tokenize("Café PERIZINAN 2024 جاكرتا"), ["cafe", "perizinan", "2024", "جاكرتا"])

    def test_queries_are_cut_and_cleaned(self):
        self.assertEqual(len(normalize_query("a" * 5000)), 200)
        self.assertEqual(normalize_query("  ktp \x00\n  hilang "), "ktp hilang")


class SynonymExpansionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        Synonym.objects.all().delete()
        Synonym.objects.create(term="KTP", equivalents="kartu tanda penduduk\ne-KTP")
        Synonym.objects.create(term="PBG", equivalents="persetujuan bangunan gedung")

    def test_acronym_expands_to_its_long_form(self):
        self.assertEqual(
            expand(["ktp", "hilang"]),
            [[("ktp",), ("kartu", "tanda", "penduduk")], [("hilang",)]],
        )

    def test_long_form_expands_to_the_acronym(self):
        groups = expand(["persetujuan", "bangunan", "gedung"])
        self.assertEqual(len(groups), 1)
        self.assertIn(("pbg",), groups[0])

    def test_editing_the_list_applies_to_the_next_search(self):
        Synonym.objects.create(term="KK", equivalents="kartu keluarga")
        self.assertIn(("kartu", "keluarga"), expand(["kk"])[0])

    def test_only_common_words_is_reported_as_such(self):
        parsed = parse_query("yang dan di")
        self.assertTrue(parsed.only_common_words)
        self.assertEqual(parsed.groups, [])


class SeedTests(TestCase):
    def test_seed_has_at_least_sixty_acronyms_and_is_idempotent(self):
        self.assertGreaterEqual(len(ACRONYMS), 60)
        self.assertGreaterEqual(Synonym.objects.count(), 60)  # seeded by migration 0003
        self.assertEqual(seed_synonyms(Synonym), 0)

    def test_seed_leaves_edits_by_diskominfo_alone(self):
        Synonym.objects.filter(term="ktp").update(equivalents="kartu identitas")
        Synonym.objects.filter(term="kk").delete()
        self.assertEqual(seed_synonyms(Synonym), 1)
        self.assertEqual(Synonym.objects.get(term="ktp").equivalents, "kartu identitas")
