"""The admin's submission listing of an OPD form, with formula-safe CSV export."""

from wagtail.contrib.forms.views import SubmissionsListView

from media_safety.csv_safety import safe_cell


class OpdSubmissionsListView(SubmissionsListView):
    """Wagtail's listing (access: ``get_forms_for_user``, the pages the user may edit).

    A citizen's answer starting like a spreadsheet formula ("=HYPERLINK(…)") is exported with a
    leading quote, so opening the CSV never runs it (XLSX cells are written as text by Wagtail).
    """

    def write_csv_row(self, writer, row_dict):
        return writer.writerow(
            {
                name: safe_cell(value) if isinstance(value, str) else value
                for name, value in (
                    (name, self.preprocess_field_value(name, value, self.FORMAT_CSV))
                    for name, value in row_dict.items()
                )
            }
        )
