"""Completeness of a Standar Pelayanan, per service and per OPD, with the Ombudsman's zones.

Score of a service (0–100): each of the six published components present counts 10 points, each
of the eight internal ones 5 points. A standard not reviewed (or set) within the last
:data:`FRESH_DAYS` days counts half: citizens cannot trust a stale standard. Score of an OPD:
the mean of its published services, capped at :data:`NO_MAKLUMAT_CAP` (red) while its
Maklumat Pelayanan is not published, which the Ombudsman treats as mandatory.

:func:`opd_scores` costs two queries for any number of OPDs (the monitoring scorecard and the
quarterly report call it).
"""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

PUBLISHED_POINTS = 10
INTERNAL_POINTS = 5
FRESH_DAYS = 365
STALE_FACTOR = 0.5
NO_MAKLUMAT_CAP = 50.0


@dataclass(frozen=True)
class Component:
    key: str
    label: object
    published: bool
    is_present: object  # page -> bool

    @property
    def points(self):
        return PUBLISHED_POINTS if self.published else INTERNAL_POINTS


def _has(name):
    return lambda page: bool((getattr(page, name, "") or "").strip())


def _has_stream(name):
    return lambda page: len(getattr(page, name).raw_data) > 0


COMPONENTS = [
    Component("persyaratan", gettext_lazy("Persyaratan"), True, _has_stream("requirements")),
    Component("prosedur", gettext_lazy("Sistem, mekanisme dan prosedur"), True, _has_stream("procedure")),
    Component("jangka_waktu", gettext_lazy("Jangka waktu"), True, lambda page: page.duration_value is not None),
    Component(
        "biaya",
        gettext_lazy("Biaya/tarif (dengan dasar hukum bila berbayar)"),
        True,
        lambda page: (
            page.fee_type == "gratis"
            or (page.fee_type == "berbayar" and page.fee_amount is not None and bool(page.fee_legal_basis.strip()))
        ),
    ),
    Component("produk", gettext_lazy("Produk pelayanan"), True, _has("product")),
    Component(
        "pengaduan",
        gettext_lazy("Penanganan pengaduan, saran dan masukan"),
        True,
        lambda page: (
            page.complaint_portal_form or page.complaint_lapor or bool(page.complaint_phone or page.complaint_email)
        ),
    ),
    Component("dasar_hukum", gettext_lazy("Dasar hukum"), False, _has("legal_basis")),
    Component(
        "sarana",
        gettext_lazy("Sarana, prasarana dan fasilitas (termasuk kelompok rentan)"),
        False,
        lambda page: _has("facilities")(page) and _has("facilities_vulnerable")(page),
    ),
    Component("kompetensi", gettext_lazy("Kompetensi pelaksana"), False, _has("competence")),
    Component("pengawasan", gettext_lazy("Pengawasan internal"), False, _has("internal_supervision")),
    Component("jumlah_pelaksana", gettext_lazy("Jumlah pelaksana"), False, lambda page: bool(page.staff_count)),
    Component("jaminan_pelayanan", gettext_lazy("Jaminan pelayanan"), False, _has("service_guarantee")),
    Component("jaminan_keamanan", gettext_lazy("Jaminan keamanan dan keselamatan"), False, _has("security_guarantee")),
    Component("evaluasi", gettext_lazy("Evaluasi kinerja pelaksana"), False, _has("performance_evaluation")),
]
MAX_POINTS = sum(component.points for component in COMPONENTS)


@dataclass(frozen=True)
class Zone:
    key: str
    label: object

    @property
    def css_class(self):
        return f"zone zone--{self.key}"


GREEN = Zone("hijau", gettext_lazy("Zona hijau"))
YELLOW = Zone("kuning", gettext_lazy("Zona kuning"))
RED = Zone("merah", gettext_lazy("Zona merah"))


def zone_of(score):
    """The Ombudsman zone of a 0–100 score: green 81–100, yellow 51–80.99, red 0–50.99."""
    if score is None:
        return None
    if score >= 81:
        return GREEN
    if score >= 51:
        return YELLOW
    return RED


@dataclass
class ServiceScore:
    score: float
    missing: list
    fresh: bool
    reviewed_on: datetime.date | None

    @property
    def zone(self):
        return zone_of(self.score)

    @property
    def problems(self):
        found = [_("Belum diisi: %(component)s.") % {"component": label} for label in self.missing]
        if not self.fresh:
            if self.reviewed_on:
                found.append(
                    _("Standar terakhir ditinjau %(date)s, lebih dari setahun lalu: skor dihitung separuh.")
                    % {"date": self.reviewed_on.strftime("%d-%m-%Y")}
                )
            else:
                found.append(_("Tanggal SK atau peninjauan belum diisi: skor dihitung separuh."))
        return found

    def as_dict(self):
        return {
            "score": self.score,
            "zone": self.zone.key,
            "missing": [str(label) for label in self.missing],
            "fresh": self.fresh,
        }


def reviewed_on(page):
    dates = [d for d in (page.last_reviewed, page.sk_date) if d]
    return max(dates) if dates else None


def score_service(page, today=None):
    """The :class:`ServiceScore` of one service page (saved or not)."""
    today = today or timezone.localdate()
    points, missing = 0, []
    for component in COMPONENTS:
        if component.is_present(page):
            points += component.points
        else:
            missing.append(component.label)
    reviewed = reviewed_on(page)
    fresh = reviewed is not None and reviewed >= today - datetime.timedelta(days=FRESH_DAYS)
    score = 100 * points / MAX_POINTS * (1 if fresh else STALE_FACTOR)
    return ServiceScore(score=round(score, 2), missing=missing, fresh=fresh, reviewed_on=reviewed)


@dataclass
class OpdScore:
    """Completeness of one OPD's Standar Pelayanan: its services' scores and its Maklumat."""

    services: list = field(default_factory=list)  # (page, ServiceScore)
    has_maklumat: bool = False

    @property
    def service_count(self):
        return len(self.services)

    @property
    def score(self):
        if not self.services:
            return None
        mean = sum(score.score for _page, score in self.services) / len(self.services)
        if not self.has_maklumat:
            mean = min(mean, NO_MAKLUMAT_CAP)
        return round(mean, 2)

    @property
    def zone(self):
        return zone_of(self.score)

    @property
    def score_label(self):
        return "–" if self.score is None else f"{self.score:.2f}".replace(".", ",")

    @property
    def problems(self):
        found = []
        if not self.services:
            found.append(_("Belum ada layanan yang terbit."))
        if not self.has_maklumat:
            found.append(_("Maklumat Pelayanan belum terbit (wajib): skor OPD paling tinggi 50."))
        weak = sum(1 for _page, score in self.services if score.zone is not GREEN)
        if weak:
            found.append(_("%(count)s layanan belum di zona hijau.") % {"count": weak})
        return found

    @property
    def summary(self):
        """'72,50 · Zona kuning · 4 layanan' (text, never colour alone)."""
        if self.score is None:
            return _("Belum ada layanan")
        return _("%(score)s · %(zone)s · %(count)s layanan") % {
            "score": self.score_label,
            "zone": self.zone.label,
            "count": self.service_count,
        }


def opd_scores(opds, today=None):
    """OPD pk → :class:`OpdScore` for the given OPD home pages, in two queries."""
    from .models import MaklumatPage, ServicePage

    opds = list(opds)
    if not opds:
        return {}
    today = today or timezone.localdate()
    path_length = len(opds[0].path)
    by_path = {opd.path: OpdScore() for opd in opds}
    for page in ServicePage.objects.published().order_by("path"):
        opd_score = by_path.get(page.path[:path_length])
        if opd_score is not None:
            opd_score.services.append((page, score_service(page, today)))
    maklumat_paths = MaklumatPage.objects.published().signed().values_list("path", flat=True)
    for path in maklumat_paths:
        opd_score = by_path.get(path[:path_length])
        if opd_score is not None:
            opd_score.has_maklumat = True
    return {opd.pk: by_path[opd.path] for opd in opds}
