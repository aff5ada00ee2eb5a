"""CSV documents are served formula-safe: a cell a spreadsheet would run as a formula gets a leading quote."""

import csv
import io

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def safe_cell(value):
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def formula_safe_csv(data):
    """``data`` (bytes) as UTF-8 CSV text in which no cell starts like a formula."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    out = io.StringIO()
    writer = csv.writer(out, delimiter=dialect.delimiter, lineterminator="\r\n")
    for row in csv.reader(io.StringIO(text), dialect):
        writer.writerow([safe_cell(cell) for cell in row])
    return out.getvalue()
