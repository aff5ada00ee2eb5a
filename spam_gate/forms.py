"""A base admin form that runs the gate on every text field of a snippet or setting before it is saved."""

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.forms import WagtailAdminModelForm

from .checks import check_text
from .notify import report_spam


class SpamCheckedModelForm(WagtailAdminModelForm):
    """Use as ``base_form_class`` on models whose content reaches the public site when saved."""

    def clean(self):
        cleaned = super().clean()
        texts = [
            str(cleaned.get(name) or "")
            for name, model_field in ((f.name, f) for f in self._meta.model._meta.concrete_fields)
            if name in cleaned and isinstance(model_field, (models.CharField, models.TextField, models.URLField))
        ]
        verdict = check_text(" \n".join(texts), html=False)
        if verdict.is_spam:
            report_spam(
                f"{self._meta.model._meta.verbose_name}: {texts[0] if texts else ''}",
                verdict,
                user=getattr(self, "for_user", None),
            )
            raise ValidationError(" ".join(verdict.reasons), code="spam")
        return cleaned
