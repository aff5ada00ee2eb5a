"""Form controls with their help and error ids, and the complaints box on OPD pages."""

from django import template
from django.urls import reverse

register = template.Library()


@register.simple_tag
def form_control(field):
    """The field's widget, described by its help text and errors for screen readers."""
    described = []
    if field.help_text and getattr(field.field.widget, "input_type", "") != "checkbox":
        described.append(f"{field.auto_id}-help")
    attrs = {}
    if field.errors:
        described.append(f"{field.auto_id}-error")
        attrs["aria-invalid"] = "true"
    if described:
        attrs["aria-describedby"] = " ".join(described)
    return field.as_widget(attrs=attrs)


@register.inclusion_tag("complaints/includes/opd_box.html")
def opd_complaints(request, opd):
    """The OPD page's box: report a problem to this OPD, and its figures (one query)."""
    from complaints.models import Complaint
    from complaints.services import opd_figures

    figures = opd_figures(Complaint.objects.filter(opd_id=opd.pk)).get(opd.pk)
    return {
        "opd": opd,
        "figures": figures,
        "form_url": reverse("complaints:form") + f"?opd={opd.acronym}",
        "answered_url": reverse("complaints:answered") + f"?opd={opd.acronym}",
    }
