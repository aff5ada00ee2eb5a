"""Wagtail's root objects (created by its migrations) for transactional tests.

A ``TransactionTestCase`` flushes every table when it ends, so a later transactional test on the
same worker finds no root page, root collection or default locale. Tests that need them call
:func:`ensure_wagtail_roots` first.
"""

from django.conf import settings
from wagtail.models import Collection, Locale, Page


def ensure_wagtail_roots():
    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(instance=Page(title="Root", slug="root"))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
