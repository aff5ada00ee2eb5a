from wagtail import hooks

from .admin_counts import with_child_type_counts


@hooks.register("construct_explorer_page_queryset")
def annotate_limited_child_counts(parent_page, pages, request):
    # Every row's "add child page" check then reads its counts instead of querying (core.admin_counts).
    return with_child_type_counts(pages)
