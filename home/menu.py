"""The site's structure — the main menu's regional pages, the OPD directory — cached until a page or a Site changes.

The menu is on every public page; without the cache it is one query per request. The cached
entries are (order, title, url) per regional home and host (URLs are relative on the region's
host, absolute elsewhere). The directory of the home page is (kind, [(acronym, title, url)]) per
home, host and language: rendering 40 OPD links from pages cost more than the rest of the
page's lists together. A publish, unpublish, move or delete of any page, or a saved Site,
drops the whole entry at once and again when the transaction commits (a request in between may
have cached the old menu). A failing cache means the query runs.
"""

import contextlib

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

CACHE_KEY = "home:main-menu"
CACHE_SECONDS = 3600


def cached_menu_entries(home, request, compute, part="menu"):
    """``compute()``'s answer for ``home`` on the request's host, from the cache when it has it."""
    key = f"{part}:{home.pk}:{request.get_host() if request is not None else ''}"
    try:
        menus = cache.get(CACHE_KEY) or {}
    except Exception:  # a failing cache (Redis down) costs the query, never the page
        return compute()
    if key not in menus:
        menus = {**menus, key: compute()}
        with contextlib.suppress(Exception):
            cache.set(CACHE_KEY, menus, CACHE_SECONDS)
    return menus[key]


def directory_groups(home, request):
    """The OPD directory: [(kind label, [(acronym, title, url), …]), …] in directory order."""
    from django.utils.translation import get_language

    from opd_pages.models import OpdHomePage

    def compute():
        groups = []
        for opd in OpdHomePage.objects.directory():
            label = str(opd.get_kind_display())
            if not groups or groups[-1][0] != label:
                groups.append((label, []))
            groups[-1][1].append((opd.acronym, opd.title, opd.get_url(request)))
        return groups

    return cached_menu_entries(home, request, compute, part=f"directory:{get_language()}")


def forget_menus():
    with contextlib.suppress(Exception):
        cache.delete(CACHE_KEY)


def forget_now_and_on_commit():
    forget_menus()
    transaction.on_commit(forget_menus)


def on_change(sender, instance=None, **kwargs):
    forget_now_and_on_commit()


def on_delete(sender, instance, **kwargs):
    if isinstance(instance, Page):
        forget_now_and_on_commit()


def connect():
    page_published.connect(on_change, dispatch_uid="home_menu_published")
    page_unpublished.connect(on_change, dispatch_uid="home_menu_unpublished")
    post_page_move.connect(on_change, dispatch_uid="home_menu_moved")
    post_delete.connect(on_delete, dispatch_uid="home_menu_deleted")
    post_save.connect(on_change, sender=Site, dispatch_uid="home_menu_site")
