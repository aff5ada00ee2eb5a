"""Index upkeep of the portal's pages (they opt out of Wagtail's save signal: ``search_auto_update``).

A save that only records a draft (``save_revision`` saves the revision pointers, the draft title
and lock fields) indexes nothing; a full save (publishing, unpublishing, creating) indexes the
page once, through Wagtail's ``insert_or_update_object`` into every search backend. Moves
re-index the subtree; renaming an OPD refreshes its pages' OPD label.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.search import index
from wagtail.signals import page_published, page_unpublished, post_page_move

from core.models import BasePage

from .indexing import reindex_subtree
from .models import SearchDocument, bump_synonym_version


def on_page_moved(sender, instance, **kwargs):
    # A move changes the tree path (and maybe the OPD) of the page and every descendant.
    reindex_subtree(instance)


def on_opd_changed(sender, instance, **kwargs):
    from opd_pages.models import OpdHomePage

    if isinstance(instance, OpdHomePage):
        bump_synonym_version()  # OPD acronyms are synonyms of their names
        # Every page of an OPD carries the OPD's name and acronym: refresh them after a rename.
        label = f"{instance.acronym} {instance.title}"
        stale = SearchDocument.objects.filter(opd_id=instance.pk).exclude(pk=instance.pk).exclude(body__endswith=label)
        if stale.exists():
            reindex_subtree(instance)


#: Page fields a save can touch without changing what the index holds (drafts, locks, comments).
DRAFT_FIELDS = {
    "latest_revision_created_at",
    "draft_title",
    "latest_revision",
    "has_unpublished_changes",
    "wagtail_admin_comments",
    "locked",
    "locked_at",
    "locked_by",
    "owner",
}


def on_page_saved(sender, instance, update_fields=None, raw=False, **kwargs):
    if raw or not isinstance(instance, BasePage):
        return
    if update_fields is not None and set(update_fields) <= DRAFT_FIELDS:
        return
    index.insert_or_update_object(instance)


def on_page_deleted(sender, instance, **kwargs):
    if isinstance(instance, BasePage):
        index.remove_object(instance)


def register():
    post_save.connect(on_page_saved, dispatch_uid="search_page_saved")
    post_delete.connect(on_page_deleted, dispatch_uid="search_page_deleted")
    post_page_move.connect(on_page_moved, dispatch_uid="search_page_moved")
    page_published.connect(on_opd_changed, dispatch_uid="search_opd_published")
    page_unpublished.connect(on_opd_changed, dispatch_uid="search_opd_unpublished")
