"""Index upkeep that Wagtail's save/delete signals do not cover on their own."""

from wagtail.signals import page_published, page_unpublished, post_page_move

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


def register():
    post_page_move.connect(on_page_moved, dispatch_uid="search_page_moved")
    page_published.connect(on_opd_changed, dispatch_uid="search_opd_published")
    page_unpublished.connect(on_opd_changed, dispatch_uid="search_opd_unpublished")
