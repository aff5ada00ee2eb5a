"""The page title an editor may see in choosers: the draft title only on pages they may work on."""

from django import template

register = template.Library()


@register.simple_tag
def chooser_title(page, user):
    """The admin title (draft title) of a page within the editor's reach, else its published title."""
    if page is None:
        return ""
    if user.is_superuser or page.depth == 1 or page.permissions_for_user(user).permissions:
        return page.get_admin_display_title()
    return page.title


@register.inclusion_tag("wagtailadmin/shared/breadcrumbs.html", takes_context=True)
def chooser_breadcrumbs(context, parent_page, querystring_value=""):
    """Wagtail's chooser breadcrumb (``page_breadcrumbs``) with :func:`chooser_title` labels.

    Wagtail labels each ancestor with its latest draft title; a regional editor browsing an OPD's
    section would read that OPD's unpublished titles there.
    """
    from django.urls import reverse
    from wagtail.permissions import page_permission_policy

    user = context["request"].user
    root = page_permission_policy.explorable_root_instance(user)
    items = []
    if root:
        ancestors = parent_page.get_ancestors(inclusive=False).descendant_of(root, inclusive=True)
        for page in ancestors:
            url = reverse("wagtailadmin_choose_page_child", args=(page.id,))
            items.append({"url": url + querystring_value, "label": chooser_title(page, user)})
    return {"items": items, "is_expanded": True, "classname": None, "icon_name": None}
