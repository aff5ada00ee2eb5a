"""JSON-LD (schema.org) descriptions of pages: the region, each OPD, news items, events, and page types
with a ``structured_data(request, publisher, page_url)`` method (services).

Depends on ``home`` (region identity) and ``opd_pages`` (page types) only by duck typing on
the page's class name, so adding a page type never breaks this module.
"""

import datetime

from django.utils import timezone
from wagtail.models import Site


def absolute(request, url):
    return request.build_absolute_uri(url) if url and request else url


def image_url(request, image, spec="fill-1200x630|format-jpeg"):
    if not image:
        return None
    return absolute(request, image.get_rendition(spec).url)


def region_organization(request, region, home_url):
    """GovernmentOrganization for the regional government."""
    data = {
        "@type": "GovernmentOrganization",
        "name": region.government_name or region.name,
        "url": home_url,
    }
    if region.logo:
        data["logo"] = image_url(request, region.logo, "max-512x512|format-png")
    if region.address:
        data["address"] = region.address
    if region.phone:
        data["telephone"] = region.phone
    if region.email:
        data["email"] = region.email
    if region.social_links:
        data["sameAs"] = [url for _label, url in region.social_links]
    return data


def opd_organization(request, opd, region_data):
    data = {
        "@type": "GovernmentOrganization",
        "name": opd.title,
        "alternateName": opd.acronym,
        "url": absolute(request, opd.get_url(request)),
        "parentOrganization": region_data,
    }
    if opd.address:
        data["address"] = opd.address
    if opd.phone:
        data["telephone"] = opd.phone
    if opd.email:
        data["email"] = opd.email
    if opd.logo:
        data["logo"] = image_url(request, opd.logo, "max-512x512|format-png")
    return data


def region_home_url(request):
    site = Site.find_for_request(request) if request else None  # cached on the request
    return absolute(request, site.root_page.get_url(request)) if site else "/"


def local_iso(value):
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).isoformat() if timezone.is_aware(value) else value.isoformat()
    return value.isoformat()


def for_page(page, request, region):
    """The JSON-LD object for ``page`` (a dict), or None for page types without one."""
    if page is None or region is None:
        return None
    kind = type(page).__name__
    page_url = absolute(request, page.get_url(request))
    home_url = page_url if kind == "HomePage" else region_home_url(request)
    region_data = region_organization(request, region, home_url)
    publisher = region_data
    opd = getattr(page, "opd", None) if kind != "HomePage" else None
    if opd is not None and kind != "OpdHomePage":
        publisher = opd_organization(request, opd, region_data)

    if kind == "HomePage":
        data = region_data
    elif kind == "OpdHomePage":
        data = opd_organization(request, page, region_data)
    elif kind == "NewsPage":
        data = {
            "@type": "NewsArticle",
            "headline": page.title[:110],
            "description": page.lead,
            "datePublished": local_iso(page.first_published_at or page.date),
            "dateModified": local_iso(page.last_published_at or page.date),
            "mainEntityOfPage": page_url,
            "url": page_url,
            "publisher": publisher,
            "author": publisher,
        }
        if page.main_image:
            data["image"] = [image_url(request, page.main_image)]
    elif kind == "EventPage":
        data = {
            "@type": "Event",
            "name": page.title,
            "description": page.lead,
            "startDate": local_iso(page.start),
            "eventStatus": "https://schema.org/EventScheduled",
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "location": {"@type": "Place", "name": page.location, "address": page.location},
            "organizer": publisher,
            "url": page_url,
        }
        if page.end:
            data["endDate"] = local_iso(page.end)
    elif hasattr(page, "structured_data"):
        # Page types of other apps describe themselves (e.g. services.ServicePage: GovernmentService).
        data = page.structured_data(request, publisher, page_url)
    else:
        return None
    return {"@context": "https://schema.org", **data}
