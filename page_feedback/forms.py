from django import forms
from django.utils.translation import gettext_lazy as _

from casework.antispam import HoneypotFormMixin

from .models import COMMENT_MAX_LENGTH


class FeedbackForm(HoneypotFormMixin, forms.Form):
    halaman = forms.IntegerField(widget=forms.HiddenInput)
    membantu = forms.ChoiceField(
        label=_("Apakah halaman ini membantu?"),
        choices=[("ya", _("Ya")), ("tidak", _("Tidak"))],
        error_messages={"required": _("Pilih 'Ya' atau 'Tidak'.")},
    )
    komentar = forms.CharField(
        label=_("Komentar (opsional)"),
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": _("Komentar paling banyak %(limit_value)d karakter.")},
    )
