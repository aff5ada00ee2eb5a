"""The regional main menu: the region's own sections plus the portal's fixed destinations.

One query, whatever the number of OPDs, and none while the menu is cached (``home.menu``): the
published pages right under the regional home marked "tampilkan di menu", OPD homes excluded (the
directory stands for them). Fixed entries (OPD directory, Pejabat, Informasi Publik, Pengaduan)
are URLs, not pages.
"""

from django import template
from django.contrib.contenttypes.models import ContentType
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from core.models import PortalPageQuerySet
from home.menu import cached_menu_entries
from opd_pages.models import OpdHomePage

register = template.Library()

#: Menu position of each kind of regional page, and of the fixed entries between them.
PAGE_ORDER = {"RegionalPage": 10, "ServiceCatalogPage": 20, "NewsArchivePage": 40, "GalleryIndexPage": 50}
OTHER_PAGES = 45


def region_home(request):
    site = Site.find_for_request(request) if request is not None else None
    root = site.root_page if site else None
    return root if root is not None and root.depth == 2 else None


def menu_pages(home):
    """Published pages under ``home`` shown in menus, OPD homes aside (one query)."""
    opd_type = ContentType.objects.get_for_model(OpdHomePage)
    return list(
        PortalPageQuerySet(Page).published().child_of(home).filter(show_in_menus=True).exclude(content_type=opd_type)
    )


def fixed_entry(label, url_name, order):
    try:
        return (order, label, reverse(url_name))
    except NoReverseMatch:
        return None


def page_entries(home, request):
    """(order, title, url) of the regional pages in the menu."""
    entries = []
    for page in menu_pages(home):
        model = ContentType.objects.get_for_id(page.content_type_id).model_class()
        entries.append(
            (PAGE_ORDER.get(model.__name__ if model else "", OTHER_PAGES), page.title, page.get_url(request))
        )
    return entries


@register.inclusion_tag("navigation/main_menu.html")
def main_menu(request):
    home = region_home(request)
    if home is None:
        return {"items": []}
    entries = list(cached_menu_entries(home, request, lambda: page_entries(home, request)))
    home_url = home.get_url(request) or "/"
    entries.append((30, _("OPD"), f"{home_url}#opd-directory"))
    entries += filter(
        None,
        [
            fixed_entry(_("Pejabat"), "officials:directory", 55),
            fixed_entry(_("Informasi Publik"), "ppid:landing", 60),
            fixed_entry(_("Pengaduan"), "complaints:form", 70),
        ],
    )
    path = request.path if request is not None else ""
    items = [
        {"title": title, "url": url, "current": bool(url) and "#" not in url and path.startswith(url) and url != "/"}
        for _order, title, url in sorted(entries, key=lambda entry: entry[0])
    ]
    return {"items": items, "home_url": home_url}
