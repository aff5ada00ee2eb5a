"""The main menu's regional pages, cached until a page or a Site changes.

The menu is on every public page; without the cache it is one query per request. The cached
entries are (order, title, url) per regional home and host (URLs are relative on the region's
host, absolute elsewhere). A publish, unpublish, move or delete of any page, or a saved Site,
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


def cached_menu_entries(home, request, compute):
    key = f"{home.pk}:{request.get_host() if request is not None else ''}"
    try:
        menus = cache.get(CACHE_KEY) or {}
    except Exception:  # a failing cache (Redis down) costs the query, never the page
        return compute()
    if key not in menus:
        menus = {**menus, key: compute()}
        with contextlib.suppress(Exception):
            cache.set(CACHE_KEY, menus, CACHE_SECONDS)
    return menus[key]


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
