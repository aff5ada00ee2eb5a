from wagtail import hooks

from . import cache as page_cache


@hooks.register("before_serve_page")
def mark_page_response_cacheable(page, request, serve_args, serve_kwargs):
    """Only pages served to the public through Wagtail's router may be cached (never previews)."""
    if not getattr(request, "is_preview", False):
        page_cache.mark_cacheable(request, page)
