"""The one invalidation path: what makes cached pages stale.

Publishing, unpublishing, moving or deleting a live page; saving or deleting a snippet, a
setting, a site, a view restriction, or an existing image or document (their titles, files
and alt texts show on pages). Saving a draft, creating a page or uploading a new image
changes nothing public and invalidates nothing. Each transaction bumps the generation once.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

from . import cache as page_cache


def on_page_change(sender, instance=None, **kwargs):
    page_cache.invalidate()


def on_page_moved(sender, instance, **kwargs):
    if instance.live:
        page_cache.invalidate()


def shown_models():
    """Models other than pages whose saved rows public pages show."""
    return (
        PageViewRestriction,
        Site,
        BaseSiteSetting,
        BaseGenericSetting,
        get_image_model(),
        get_document_model(),
        *get_snippet_models(),
    )


def on_model_saved(sender, instance, created=False, raw=False, **kwargs):
    if raw or isinstance(instance, Page):
        return  # pages: only publish, unpublish, move and delete count (see connect())
    if created and isinstance(instance, get_image_model() | get_document_model()):
        return  # a new upload is on no page yet
    if isinstance(instance, shown_models()):
        page_cache.invalidate()


def on_model_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        if instance.live:
            page_cache.invalidate()
    elif isinstance(instance, shown_models()):
        page_cache.invalidate()


def connect():
    page_published.connect(on_page_change, dispatch_uid="page_cache_published")
    page_unpublished.connect(on_page_change, dispatch_uid="page_cache_unpublished")
    post_page_move.connect(on_page_moved, dispatch_uid="page_cache_moved")
    post_save.connect(on_model_saved, dispatch_uid="page_cache_post_save")
    post_delete.connect(on_model_deleted, dispatch_uid="page_cache_post_delete")
