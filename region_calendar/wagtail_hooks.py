"""Admin: *Hari libur daerah*, the region's list of extra days off (Diskominfo edits it)."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Holiday


class HolidayViewSet(SnippetViewSet):
    model = Holiday
    icon = "date"
    menu_label = _("Hari libur daerah")
    menu_order = 270
    add_to_admin_menu = False
    list_display = ["date", "name", "kind"]
    list_filter = ["kind"]
    ordering = ["-date"]


register_snippet(HolidayViewSet)
