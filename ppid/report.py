"""The yearly PPID report (*laporan layanan informasi publik*) — Monev KIP evidence.

Figures per OPD and for the region: requests, granted / partly / refused (with the exemptions
cited) / not held, still open, answered in time, median working days to an answer, objections
and their outcomes, and the berkala freshness of the library. Four queries whatever the number
of OPDs or requests (requests, objections, OPDs, documents); the working days come from one
:func:`ppid.deadlines.calendar`.
"""

import io
import statistics
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, F, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from opd_pages.models import OpdHomePage

from . import deadlines
from .dip import neutralise
from .models import AnswerKind, Classification, InformationRequest, Objection, ObjectionOutcome, PublicDocumentPage
from .models.library import stale_before


@dataclass
class ReportRow:
    opd: object  # None for the region's total
    requests: int = 0
    granted: int = 0
    partly: int = 0
    refused: int = 0
    not_held: int = 0
    open: int = 0
    in_time: int = 0
    late: int = 0
    durations: list = field(default_factory=list)
    exemptions: Counter = field(default_factory=Counter)
    objections: int = 0
    objections_upheld: int = 0
    objections_rejected: int = 0
    objections_open: int = 0
    berkala: int = 0
    berkala_stale: int = 0

    @property
    def answered(self):
        return self.granted + self.partly + self.refused + self.not_held

    @property
    def median_days(self):
        return statistics.median(self.durations) if self.durations else None

    @property
    def berkala_fresh_percent(self):
        if not self.berkala:
            return None
        return round(100 * (self.berkala - self.berkala_stale) / self.berkala)

    @property
    def exemption_lines(self):
        return [f"{text} ({count})" for text, count in self.exemptions.most_common()]

    def add(self, other):
        for name in (
            "requests", "granted", "partly", "refused", "not_held", "open", "in_time", "late",
            "objections", "objections_upheld", "objections_rejected", "objections_open", "berkala", "berkala_stale",
        ):  # fmt: skip
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.durations.extend(other.durations)
        self.exemptions.update(other.exemptions)


ANSWER_FIELDS = {
    AnswerKind.GRANTED: "granted",
    AnswerKind.PARTLY: "partly",
    AnswerKind.REFUSED: "refused",
    AnswerKind.NOT_HELD: "not_held",
}


def build_report(year, opds=None, today=None):
    """``(rows, total)`` for requests filed in ``year``; ``opds`` limits the OPDs (default: all live)."""
    today = today or timezone.localdate()
    opds = list(opds if opds is not None else OpdHomePage.objects.live().order_by("title"))
    rows = {opd.pk: ReportRow(opd) for opd in opds}
    calendar = deadlines.calendar()
    requests = (
        InformationRequest.objects.of_year(year)
        .filter(opd_id__in=rows)
        .values_list("opd_id", "answer_kind", "exemption", "received_at", "first_response_at", "due_date")
    )
    for opd_id, answer_kind, exemption, received_at, answered_at, due_date in requests:
        row = rows[opd_id]
        row.requests += 1
        if answered_at is None:
            row.open += 1
            if due_date < today:
                row.late += 1
            continue
        setattr(row, ANSWER_FIELDS[answer_kind], getattr(row, ANSWER_FIELDS[answer_kind]) + 1)
        answered_on = timezone.localdate(answered_at)
        row.durations.append(calendar.working_days_between(timezone.localdate(received_at), answered_on))
        if answered_on <= due_date:
            row.in_time += 1
        else:
            row.late += 1
        if answer_kind in (AnswerKind.REFUSED, AnswerKind.PARTLY) and exemption.strip():
            row.exemptions[exemption.strip().splitlines()[0][:120]] += 1
    objections = Objection.objects.filter(request__in=InformationRequest.objects.of_year(year)).values_list(
        "request__opd_id", "outcome", "decided_at"
    )
    for opd_id, outcome, decided_at in objections:
        row = rows.get(opd_id)
        if row is None:
            continue
        row.objections += 1
        if decided_at is None:
            row.objections_open += 1
        elif outcome == ObjectionOutcome.UPHELD:
            row.objections_upheld += 1
        else:
            row.objections_rejected += 1
    add_berkala_freshness(rows, opds, today)
    total = ReportRow(None)
    for row in rows.values():
        total.add(row)
    return list(rows.values()), total


def add_berkala_freshness(rows, opds, today):
    """Published berkala documents and how many are stale, per OPD (one query)."""
    if not opds:
        return
    limit = stale_before(today)
    steplen = OpdHomePage.steplen
    by_prefix = {opd.path: opd.pk for opd in opds}
    depth = opds[0].depth
    documents = (
        PublicDocumentPage.objects.published()
        .filter(classification=Classification.BERKALA)
        .values_list("path", "refreshed_on")
    )
    for path, refreshed_on in documents:
        opd_id = by_prefix.get(path[: depth * steplen])
        if opd_id is None or opd_id not in rows:
            continue
        rows[opd_id].berkala += 1
        rows[opd_id].berkala_stale += refreshed_on < limit


def berkala_freshness(opds, today=None):
    """``{opd_id: (berkala, stale)}`` for the scorecard (one query)."""
    rows = {opd.pk: ReportRow(opd) for opd in opds}
    add_berkala_freshness(rows, list(opds), today or timezone.localdate())
    return {pk: (row.berkala, row.berkala_stale) for pk, row in rows.items()}


@dataclass
class PpidFigures:
    """The PPID figures monitoring shows per OPD (scorecard and quarterly report)."""

    requests: int = 0
    answered: int = 0
    in_time: int = 0
    open: int = 0
    overdue: int = 0
    berkala: int = 0
    berkala_stale: int = 0

    @property
    def in_time_percent(self):
        return round(100 * self.in_time / self.answered) if self.answered else None


def monitoring_figures(opds, start_at, end_at, today=None):
    """``{opd_id: PpidFigures}`` for requests received in ``[start_at, end_at)`` (two queries)."""
    today = today or timezone.localdate()
    figures = {opd.pk: PpidFigures() for opd in opds}
    counts = (
        InformationRequest.objects.filter(opd_id__in=figures, received_at__gte=start_at, received_at__lt=end_at)
        .values("opd_id")
        .annotate(
            requests=Count("pk"),
            answered=Count("pk", filter=Q(first_response_at__isnull=False)),
            in_time=Count("pk", filter=Q(first_response_at__lte=F("due_at"))),
            open=Count("pk", filter=Q(first_response_at__isnull=True)),
            overdue=Count("pk", filter=Q(first_response_at__isnull=True, due_date__lt=today)),
        )
    )
    for row in counts:
        opd_id = row.pop("opd_id")
        for name, value in row.items():
            setattr(figures[opd_id], name, value)
    for opd_id, (berkala, stale) in berkala_freshness(opds, today).items():
        figures[opd_id].berkala, figures[opd_id].berkala_stale = berkala, stale
    return figures


def header():
    return [
        _("OPD"),
        _("Permohonan"),
        _("Dikabulkan"),
        _("Dikabulkan sebagian"),
        _("Ditolak"),
        _("Tidak dikuasai"),
        _("Belum dijawab"),
        _("Tepat waktu"),
        _("Terlambat"),
        _("Median hari kerja"),
        _("Keberatan"),
        _("Keberatan diterima"),
        _("Keberatan ditolak"),
        _("Keberatan belum ditanggapi"),
        _("Informasi berkala"),
        _("Berkala > 6 bulan"),
        _("Alasan penolakan"),
    ]


def row_values(row):
    return [
        row.opd.title if row.opd else _("Seluruh daerah"),
        row.requests,
        row.granted,
        row.partly,
        row.refused,
        row.not_held,
        row.open,
        row.in_time,
        row.late,
        row.median_days if row.median_days is not None else "",
        row.objections,
        row.objections_upheld,
        row.objections_rejected,
        row.objections_open,
        row.berkala,
        row.berkala_stale,
        "; ".join(row.exemption_lines),
    ]


def export_xlsx(year, rows, total):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Laporan PPID")
    sheet.append([neutralise(_("Laporan layanan informasi publik tahun %(year)s") % {"year": year})])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([_("Dibuat"), timezone.localdate()])
    sheet.append([])
    sheet.append(header())
    for cell in sheet[4]:
        cell.font = Font(bold=True)
    for row in [*rows, total]:
        sheet.append([neutralise(value) for value in row_values(row)])
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    sheet.column_dimensions["A"].width = 40
    sheet.column_dimensions["Q"].width = 60
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
