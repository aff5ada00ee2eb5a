"""Admin: the service taxonomy (life events and topics) as snippets for Diskominfo and humas; zone styles."""

from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import LifeEvent, ServiceTopic


class LifeEventViewSet(SnippetViewSet):
    model = LifeEvent
    icon = "user"
    menu_label = _("Peristiwa hidup")
    list_display = ["name", "slug", "sort_order"]
    ordering = ["sort_order", "name"]
    search_fields = ["name", "keywords"]


class ServiceTopicViewSet(SnippetViewSet):
    model = ServiceTopic
    icon = "tag"
    menu_label = _("Topik layanan")
    list_display = ["name", "slug", "sort_order"]
    ordering = ["sort_order", "name"]


class ServiceTaxonomyGroup(SnippetViewSetGroup):
    items = (LifeEventViewSet, ServiceTopicViewSet)
    menu_icon = "list-ul"
    menu_label = _("Katalog layanan")
    menu_name = "service-taxonomy"


register_snippet(ServiceTaxonomyGroup)


@hooks.register("insert_global_admin_css")
def zone_styles():
    return format_html('<link rel="stylesheet" href="{}">', static("css/services-admin.css"))
