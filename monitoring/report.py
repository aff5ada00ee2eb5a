"""The quarterly (triwulan) report: publications per OPD in a period, a ranking, XLSX and CSV export.

Only publication history is used (see :mod:`monitoring.history`), so a past period gives the
same figures whenever the report is made. Team, moderation and completeness describe the
present and are therefore left out of the period report, except the Standar Pelayanan score
(services), which the report gives as it is on the day the report is made.
"""

import csv
import datetime
import io
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Font

from opd_pages.models import AnnouncementPage, EventPage, NewsPage
from services.completeness import opd_scores

from .history import publication_stats
from .models import ActivityClass, MonitoringSettings
from .scorecard import classify, local_days_between, monitored_opds

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
KINDS = [
    (NewsPage, gettext_lazy("Berita")),
    (AnnouncementPage, gettext_lazy("Pengumuman")),
    (EventPage, gettext_lazy("Agenda")),
]
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Period:
    """A closed range of local dates."""

    start: datetime.date
    end: datetime.date
    label: str = ""

    @property
    def days(self):
        return (self.end - self.start).days + 1

    @property
    def start_at(self):
        return timezone.make_aware(datetime.datetime.combine(self.start, datetime.time.min))

    @property
    def end_at(self):
        """The first instant after the period (exclusive bound)."""
        return timezone.make_aware(datetime.datetime.combine(self.end + datetime.timedelta(days=1), datetime.time.min))

    @property
    def title(self):
        if self.label:
            return self.label
        return _("%(start)s s.d. %(end)s") % {"start": self.start.isoformat(), "end": self.end.isoformat()}


def quarter(year, number):
    start = datetime.date(year, 3 * number - 2, 1)
    end = datetime.date(year + 1, 1, 1) if number == 4 else datetime.date(year, 3 * number + 1, 1)
    label = _("Triwulan %(roman)s %(year)s") % {"roman": ROMAN[number], "year": year}
    return Period(start, end - datetime.timedelta(days=1), label)


def quarter_of(day):
    return day.year, (day.month - 1) // 3 + 1


def previous_quarter(today=None):
    year, number = quarter_of(today or timezone.localdate())
    return quarter(year - 1, 4) if number == 1 else quarter(year, number - 1)


def recent_quarters(today=None, count=8):
    """``(value, label)`` choices for the last ``count`` quarters, the current one first."""
    year, number = quarter_of(today or timezone.localdate())
    choices = []
    for _step in range(count):
        choices.append((f"{year}-{number}", quarter(year, number).label))
        year, number = (year - 1, 4) if number == 1 else (year, number - 1)
    return choices


@dataclass
class ReportRow:
    opd: object
    total: int
    by_kind: list
    last_published_at: datetime.datetime | None
    days_since: int | None
    per_30_days: float
    activity_class: str
    class_reason: str
    rank: int = 0
    service_score: object = None  # services.completeness.OpdScore, as it is when the report is made
    complaints: dict | None = None
    ppid: object = None  # ppid.report.PpidFigures of requests received in the period

    @property
    def activity_label(self):
        return ActivityClass(self.activity_class).label


def build_report(period, thresholds=None):
    """Rows for every OPD that existed by the end of the period, ranked by publications (1 = most)."""
    thresholds = thresholds or MonitoringSettings.load()
    opds = list(monitored_opds().filter(first_published_at__lt=period.end_at))
    stats = publication_stats(opds, [(period.start_at, period.end_at)], until=period.end_at)
    last_day = period.end_at - datetime.timedelta(microseconds=1)
    rows = []
    for opd in opds:
        opd_stats = stats[opd.pk]
        total = opd_stats.count(0)
        by_kind = [opd_stats.counts_by_model.get(model, [0])[0] for model, _label in KINDS]
        last = opd_stats.last_published_at
        days_since = local_days_between(last, last_day) if last else None
        per_30, per_90 = total * 30 / period.days, total * 90 / period.days
        activity_class, reason = classify(days_since, per_30, per_90, thresholds)
        rows.append(ReportRow(opd, total, by_kind, last, days_since, round(per_30, 1), activity_class, reason))
    service_scores = opd_scores(opds)
    for row in rows:
        row.service_score = service_scores.get(row.opd.pk)
    _add_complaints(rows, period)
    _add_ppid(rows, opds, period)
    rows.sort(
        key=lambda row: (
            -row.total,
            -(row.last_published_at.timestamp() if row.last_published_at else 0),
            row.opd.title,
        )
    )
    for position, row in enumerate(rows, start=1):
        previous = rows[position - 2] if position > 1 else None
        row.rank = previous.rank if previous and previous.total == row.total else position
    return rows


def _add_complaints(rows, period):
    """Complaints received in the period per OPD (complaints app); "overdue" is as of now."""
    from complaints.models import Complaint
    from complaints.services import opd_figures

    received = Complaint.objects.filter(
        opd_id__in=[row.opd.pk for row in rows], received_at__gte=period.start_at, received_at__lt=period.end_at
    )
    figures = opd_figures(received)
    for row in rows:
        row.complaints = figures.get(row.opd.pk, {})


def _add_ppid(rows, opds, period):
    """PPID requests received in the period and berkala freshness (two queries, see ppid.report)."""
    from ppid.report import monitoring_figures

    figures = monitoring_figures(opds, period.start_at, period.end_at)
    for row in rows:
        row.ppid = figures.get(row.opd.pk)


def neutralise(value):
    """Text a spreadsheet would run as a formula (= + - @ …) gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def header():
    return [
        _("Peringkat"),
        _("OPD"),
        _("Singkatan"),
        *[str(label) for _model, label in KINDS],
        _("Jumlah terbitan"),
        _("Rata-rata per 30 hari"),
        _("Terbitan terakhir s.d. akhir periode"),
        _("Hari tanpa terbitan pada akhir periode"),
        _("Kelas"),
        _("Alasan"),
        _("Skor standar pelayanan (saat laporan dibuat)"),
        _("Zona standar pelayanan"),
        _("Jumlah layanan"),
        _("Pengaduan diterima"),
        _("Pengaduan dijawab tepat waktu (%)"),
        _("Median jam sampai jawaban pertama"),
        _("Pengaduan terlambat saat ini"),
        _("Permohonan informasi"),
        _("Permohonan dijawab"),
        _("Dijawab tepat waktu"),
        _("Informasi berkala > 6 bulan"),
    ]


def row_values(row):
    last = timezone.localtime(row.last_published_at).replace(tzinfo=None) if row.last_published_at else None
    return [
        row.rank,
        row.opd.title,
        row.opd.acronym,
        *row.by_kind,
        row.total,
        row.per_30_days,
        last.strftime("%Y-%m-%d %H:%M") if last else "",
        "" if row.days_since is None else row.days_since,
        str(row.activity_label),
        row.class_reason,
        *service_values(row.service_score),
        *complaint_values(row.complaints),
        *(
            [row.ppid.requests, row.ppid.answered, row.ppid.in_time, f"{row.ppid.berkala_stale}/{row.ppid.berkala}"]
            if row.ppid
            else ["", "", "", ""]
        ),
    ]


def complaint_values(figures):
    figures = figures or {}
    return [
        figures.get("received", 0),
        "" if figures.get("share_in_time") is None else figures["share_in_time"],
        "" if figures.get("median_hours") is None else figures["median_hours"],
        figures.get("overdue", 0),
    ]


def service_values(score):
    """Score (a number), zone (text) and number of services of an OPD's Standar Pelayanan."""
    if score is None or score.score is None:
        return ["", str(_("Belum ada layanan")), score.service_count if score else 0]
    return [score.score, str(score.zone.label), score.service_count]


def export_csv(period, rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([neutralise(_("Laporan keaktifan OPD")), neutralise(period.title)])
    writer.writerow([_("Periode"), period.start.isoformat(), period.end.isoformat()])
    writer.writerow([])
    writer.writerow([neutralise(value) for value in header()])
    for row in rows:
        writer.writerow([neutralise(value) for value in row_values(row)])
    return buffer.getvalue().encode("utf-8-sig")


def export_xlsx(period, rows):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Laporan")
    sheet.append([neutralise(_("Laporan keaktifan OPD")), neutralise(period.title)])
    sheet.append([_("Periode"), period.start, period.end])
    sheet.append([_("Terbitan = penerbitan pertama berita, pengumuman atau agenda (riwayat log Wagtail).")])
    sheet.append([])
    sheet.append([neutralise(value) for value in header()])
    for cell in sheet[5]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([neutralise(value) for value in row_values(row)])
    sheet.column_dimensions["B"].width = 45
    sheet.column_dimensions["M"].width = 60

    chart_sheet = workbook.create_sheet(_("Grafik"))
    chart_sheet.append([_("OPD"), _("Jumlah terbitan")])
    for row in rows:
        chart_sheet.append([neutralise(row.opd.acronym), row.total])
    chart = BarChart()
    chart.type = "bar"
    chart.title = neutralise(_("Terbitan per OPD — %(period)s") % {"period": period.title})
    chart.y_axis.title = _("Jumlah terbitan")
    chart.height = max(8, len(rows) * 0.6)
    chart.width = 20
    data = Reference(chart_sheet, min_col=2, min_row=1, max_row=len(rows) + 1)
    categories = Reference(chart_sheet, min_col=1, min_row=2, max_row=len(rows) + 1)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(categories)
    chart_sheet.add_chart(chart, "D2")

    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
