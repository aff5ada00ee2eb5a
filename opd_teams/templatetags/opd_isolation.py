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
