"""What makes cached pages stale: any change to pages, snippets, settings, images or restrictions."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

from . import cache as page_cache


def invalidate(**kwargs):
    # Now, so this process never serves stale pages, and again after commit, so a request that
    # read the database before the commit cannot have cached the old content under the new key.
    page_cache.invalidate()
    transaction.on_commit(page_cache.invalidate)


def invalidating_models():
    return (
        Page,
        PageViewRestriction,
        Site,
        BaseSiteSetting,
        BaseGenericSetting,
        get_image_model(),
        get_document_model(),
        *get_snippet_models(),
    )


def on_model_change(sender, instance, **kwargs):
    # Saving a draft of a page nobody can see yet changes nothing public.
    if isinstance(instance, Page) and not instance.live and kwargs.get("signal") is post_save:
        return
    if isinstance(instance, invalidating_models()):
        invalidate()


def connect():
    page_published.connect(invalidate, dispatch_uid="page_cache_published")
    page_unpublished.connect(invalidate, dispatch_uid="page_cache_unpublished")
    post_page_move.connect(invalidate, dispatch_uid="page_cache_moved")
    page_slug_changed.connect(invalidate, dispatch_uid="page_cache_slug")
    post_save.connect(on_model_change, dispatch_uid="page_cache_post_save")
    post_delete.connect(on_model_change, dispatch_uid="page_cache_post_delete")
