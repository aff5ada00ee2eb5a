"""What makes the precomputed counts stale: any change to what is published and public.

Publishing, unpublishing, moving or deleting a page (a new revision may change a news item's
date, tags or place), and adding or removing a view restriction.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import stats


def on_change(sender, **kwargs):
    stats.schedule_refresh()


def on_delete(sender, instance, **kwargs):
    if isinstance(instance, Page | PageViewRestriction):
        stats.schedule_refresh()


def on_restriction_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        stats.schedule_refresh()


def connect():
    page_published.connect(on_change, dispatch_uid="listing_stats_published")
    page_unpublished.connect(on_change, dispatch_uid="listing_stats_unpublished")
    post_page_move.connect(on_change, dispatch_uid="listing_stats_moved")
    post_delete.connect(on_delete, dispatch_uid="listing_stats_deleted")
    post_save.connect(on_restriction_saved, sender=PageViewRestriction, dispatch_uid="listing_stats_restriction")
