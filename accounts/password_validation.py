"""Password rules of the portal, plugged into ``AUTH_PASSWORD_VALIDATORS``."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

#: Letters left over after removing the names: below this, the password is "a name plus digits".
MIN_OTHER_LETTERS = 6
MIN_WORD_LENGTH = 4


def letters(text):
    return re.sub(r"[^a-z]", "", text.lower())


def name_variants(text):
    """A name as attackers type it: the whole name squeezed together and each longer word."""
    words = [letters(word) for word in re.split(r"\W+", text or "")]
    variants = {word for word in words if len(word) >= MIN_WORD_LENGTH}
    joined = "".join(words)
    if len(joined) >= 3:
        variants.add(joined)
    return variants


def region_and_opd_names():
    """Every name and acronym of the region and its OPDs (one query each), lower-case letters only."""
    from django.conf import settings

    from home.models import RegionSettings
    from opd_pages.models import OpdHomePage

    names = set()
    for acronym, title in OpdHomePage.objects.values_list("acronym", "title"):
        names |= name_variants(acronym) | name_variants(title)
    for region in RegionSettings.objects.all():
        names |= name_variants(region.name) | name_variants(region.government_name)
        if region.email and "@" in region.email:
            # "humas@contohkab.go.id" -> "contohkab", the name the region is known by online.
            names |= name_variants(region.email.split("@", 1)[1].split(".", 1)[0])
    for extra in getattr(settings, "PORTAL_PASSWORD_FORBIDDEN_NAMES", []):
        names |= name_variants(extra)
    return {name for name in names if len(name) >= 3}


class RegionNamePasswordValidator:
    """Refuse a password that is the region's or an OPD's name or acronym with digits (``Dinkes2026``)."""

    def validate(self, password, user=None):
        if not re.search(r"\d", password):
            return
        rest = letters(password)
        found = False
        for name in sorted(region_and_opd_names(), key=len, reverse=True):
            if name in rest:
                rest = rest.replace(name, "")
                found = True
        if found and len(rest) < MIN_OTHER_LETTERS:
            raise ValidationError(
                _(
                    "Kata sandi ini hanya nama daerah atau OPD ditambah angka, sehingga mudah ditebak. "
                    "Tambahkan kata lain yang tidak berhubungan dengan daerah atau OPD."
                ),
                code="password_region_name",
            )

    def get_help_text(self):
        return _("Kata sandi tidak boleh berupa nama atau singkatan daerah/OPD ditambah angka.")
