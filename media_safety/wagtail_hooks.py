from django.http import HttpResponse
from django.utils.http import content_disposition_header
from wagtail import hooks

from .csv_safety import formula_safe_csv


@hooks.register("before_serve_document")
def serve_csv_formula_safe(document, request):
    """CSV downloads never carry a live spreadsheet formula (CSV injection)."""
    if document.file_extension.lower() != "csv":
        return None
    with document.open_file() as handle:
        text = formula_safe_csv(handle.read())
    response = HttpResponse(text, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, document.filename)
    response["X-Content-Type-Options"] = "nosniff"
    return response
