"""Template tags of the service catalogue: the home page's "Saya ingin mengurus…" links."""

from django import template

from ..models import LifeEvent, ServiceCatalogPage

register = template.Library()


@register.inclusion_tag("components/services/life_event_links.html")
def life_event_links(request):
    """Links from the regional home to the catalogue filtered by each life event (two queries)."""
    catalogue = ServiceCatalogPage.objects.live().order_by("pk").first()  # by pk: the small table drives it
    if catalogue is None:
        return {"events": []}
    return {"catalogue_url": catalogue.get_url(request), "events": list(LifeEvent.objects.all()), "request": request}
