"""Services carry their life events' and topics' words in the search index: renaming a term re-indexes them."""

from wagtail.search.index import insert_or_update_object


def reindex_services_of_term(sender, instance, created=False, **kwargs):
    if created:
        return
    for service in instance.services.live().specific():
        insert_or_update_object(service)
