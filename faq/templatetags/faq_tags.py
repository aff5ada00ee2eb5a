"""A service page's questions, with their FAQPage JSON-LD (data, not code: the strict CSP allows it)."""

import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from seo.templatetags.seo_tags import JSON_ESCAPES

from ..models import FaqItem
from ..structured_data import faq_page

register = template.Library()


@register.inclusion_tag("components/faq/service_questions.html")
def service_faqs(request, service):
    """The published questions tied to ``service`` (one query) and their JSON-LD."""
    questions = list(FaqItem.objects.about_service(service)) if service is not None else []
    json_ld = ""
    if questions:
        url = request.build_absolute_uri(service.get_url(request)) if request else service.url
        data = {"@context": "https://schema.org", **faq_page(questions, url)}
        payload = json.dumps(data, ensure_ascii=False).translate(JSON_ESCAPES)
        json_ld = format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))
    return {"request": request, "questions": questions, "json_ld": json_ld}
