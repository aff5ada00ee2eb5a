"""The report period form: a quarter (triwulan) or any date range."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .report import Period, previous_quarter, quarter, recent_quarters

MAX_PERIOD_DAYS = 3 * 366


class ReportPeriodForm(forms.Form):
    triwulan = forms.ChoiceField(
        label=_("Triwulan"),
        required=False,
        help_text=_("Pilih triwulan, atau isi tanggal mulai dan sampai untuk rentang lain."),
    )
    mulai = forms.DateField(label=_("Mulai tanggal"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    sampai = forms.DateField(label=_("Sampai tanggal"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, today=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today or timezone.localdate()
        self.fields["triwulan"].choices = [("", _("— rentang tanggal —")), *recent_quarters(self.today)]
        if not self.is_bound or not any(self.data.get(name) for name in ("triwulan", "mulai", "sampai")):
            previous = previous_quarter(self.today)
            self.initial.setdefault("triwulan", f"{previous.start.year}-{(previous.start.month - 1) // 3 + 1}")

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("mulai"), cleaned.get("sampai")
        if self.errors:
            return cleaned
        if start or end:
            if not (start and end):
                raise forms.ValidationError(_("Isi tanggal mulai dan tanggal sampai, atau pilih triwulan."))
            if start > end:
                raise forms.ValidationError(_("Tanggal mulai harus sebelum atau sama dengan tanggal sampai."))
            if end > self.today:
                raise forms.ValidationError(_("Tanggal sampai tidak boleh melewati hari ini."))
            if (end - start).days + 1 > MAX_PERIOD_DAYS:
                raise forms.ValidationError(_("Rentang paling panjang tiga tahun."))
            cleaned["period"] = Period(start, end)
        elif cleaned.get("triwulan"):
            year, number = (int(part) for part in cleaned["triwulan"].split("-"))
            cleaned["period"] = quarter(year, number)
        else:
            cleaned["period"] = previous_quarter(self.today)
        return cleaned

    def get_period(self):
        """The chosen period; the previous quarter when the form was not filled in."""
        if not self.is_bound:
            return previous_quarter(self.today)
        return self.cleaned_data["period"]


def period_query(period):
    return {"mulai": period.start.isoformat(), "sampai": period.end.isoformat()}
