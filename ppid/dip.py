"""The Daftar Informasi Publik (DIP): the library grouped in the four PPID categories.

Generated, never typed: an OPD's DIP is its published documents; the region's DIP is every
OPD's. Dikecualikan items are listed with their uji konsekuensi and never a link to a file.
"""

import io
from dataclasses import dataclass, field
from pathlib import Path

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from fpdf import FPDF
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from opd_pages.models import attach_opds

from .models import Classification, PublicDocumentPage, stale_before

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """Text a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


@dataclass
class DipCategory:
    classification: Classification
    items: list = field(default_factory=list)

    @property
    def label(self):
        return self.classification.label

    @property
    def stale_count(self):
        return sum(1 for item in self.items if item.stale)


def build_dip(opd=None, today=None):
    """The DIP of one OPD (or of the region when ``opd`` is None): a list of :class:`DipCategory`."""
    limit = stale_before(today or timezone.localdate())
    documents = PublicDocumentPage.objects.for_listing().order_by(
        "classification", "kind__sort_order", "-year", "title"
    )
    if opd is not None:
        documents = documents.descendant_of(opd)
    documents = list(documents)
    if opd is None:
        attach_opds(documents)
    categories = {value: DipCategory(Classification(value)) for value in Classification.values}
    for document in documents:
        if opd is not None:
            document.opd = opd
        document.stale = document.classification == Classification.BERKALA and document.refreshed_on < limit
        categories[document.classification].items.append(document)
    return list(categories.values())


def absolute_url(url, base_url):
    """``url`` as an address for a file read elsewhere: Wagtail's ``url`` is already absolute
    when the portal has several Sites (an OPD on its own host name), relative otherwise."""
    return url if url.startswith(("http://", "https://")) else base_url + url


def dip_rows(categories, base_url=""):
    """One row per item, in the export's column order (the XLSX header above)."""
    number = 0
    for category in categories:
        for item in category.items:
            number += 1
            note = _("Perlu diperbarui (lebih dari 6 bulan)") if item.stale else ""
            where = item.consequence_test if item.is_exempt else absolute_url(item.url, base_url)
            yield [
                number,
                str(category.label),
                item.title,
                item.kind.name,
                item.number,
                item.year,
                item.opd.acronym if item.opd else "",
                item.summary,
                item.refreshed_on,
                str(note),
                where,
            ]


def export_xlsx(title, categories, base_url=""):
    """The DIP as a spreadsheet: one row per item, exempt items with their consequence test."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = str(_("DIP"))
    sheet.append([neutralise(str(title))])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([str(_("Dibuat")), timezone.localdate()])
    sheet.append([])
    header = [
        _("No."),
        _("Kategori"),
        _("Judul informasi"),
        _("Jenis"),
        _("Nomor"),
        _("Tahun"),
        _("OPD"),
        _("Ringkasan"),
        _("Terakhir diperbarui"),
        _("Catatan"),
        _("Tautan / uji konsekuensi"),
    ]
    sheet.append([str(value) for value in header])
    for cell in sheet[4]:
        cell.font = Font(bold=True)
    for values in dip_rows(categories, base_url):
        sheet.append([neutralise(value) for value in values])
    for column, width in {"C": 45, "H": 60, "K": 60}.items():
        sheet.column_dimensions[column].width = width
    for row in sheet.iter_rows(min_row=5):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


FONTS = Path(__file__).resolve().parent / "fonts"


def export_pdf(title, categories, base_url=""):
    """The DIP as an A4 landscape PDF: a table per category, exempt items with their consequence test."""
    pdf = FPDF(orientation="landscape", format="A4")
    pdf.set_title(str(title))
    pdf.set_creator("Portal Pemda")
    pdf.add_font("DejaVu", "", FONTS / "DejaVuSans.ttf")
    pdf.add_font("DejaVu", "B", FONTS / "DejaVuSans-Bold.ttf")
    pdf.set_auto_page_break(auto=True, margin=12)
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 13)
    pdf.multi_cell(0, 7, str(title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 9)
    pdf.cell(0, 6, str(_("Dibuat %(date)s")) % {"date": date_format(timezone.localdate(), "j F Y")})
    pdf.ln(8)
    header = [_("No."), _("Judul informasi"), _("Jenis"), _("Nomor"), _("Tahun"), _("OPD")]
    header += [_("Terakhir diperbarui"), _("Tautan / uji konsekuensi")]
    rows = dip_rows(categories, base_url)
    for category in categories:
        pdf.set_font("DejaVu", "B", 11)
        pdf.cell(0, 8, f"{category.label} ({len(category.items)})", new_x="LMARGIN", new_y="NEXT")
        if not category.items:
            pdf.set_font("DejaVu", "", 9)
            pdf.cell(0, 6, str(_("Belum ada informasi dalam kategori ini.")), new_x="LMARGIN", new_y="NEXT")
            continue
        pdf.set_font("DejaVu", "", 8)
        with pdf.table(col_widths=(8, 62, 28, 28, 12, 18, 24, 90), first_row_as_headings=True) as table:
            heading = table.row()
            for label in header:
                heading.cell(str(label))
            for _item in category.items:
                number, _label, item_title, kind, doc_number, year, opd, summary, refreshed, note, where = next(rows)
                row = table.row()
                row.cell(str(number))
                row.cell(f"{item_title}\n{summary}" if summary else item_title)
                row.cell(kind)
                row.cell(doc_number or "")
                row.cell(str(year))
                row.cell(opd)
                row.cell(date_format(refreshed, "j M Y") + (f"\n{note}" if note else ""))
                row.cell(where)
        pdf.ln(4)
    return bytes(pdf.output())
