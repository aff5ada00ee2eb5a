"""Template helpers of the monitoring screens: SVG chart geometry and admin links."""

from django import template
from django.urls import reverse

from monitoring.charts import sparkline as sparkline_geometry

register = template.Library()


@register.simple_tag
def sparkline(values):
    return sparkline_geometry(values)


@register.simple_tag
def add_news_url(card):
    if card.news_index_id:
        return reverse("wagtailadmin_pages:add", args=("opd_pages", "newspage", card.news_index_id))
    return reverse("wagtailadmin_explore", args=(card.opd.pk,))


@register.simple_tag
def monitoring_settings_url():
    return reverse("wagtailsettings:edit", args=("monitoring", "monitoringsettings"))
