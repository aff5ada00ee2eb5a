from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpdPagesConfig(AppConfig):
    name = "opd_pages"
    verbose_name = _("Halaman OPD")

    def ready(self):
        from wagtail.signals import post_page_move

        from .skeleton import Section, register_section

        post_page_move.connect(resync_moved_news, dispatch_uid="opd_pages_news_sections")

        register_section(Section("opd_pages.NewsIndexPage", "Berita", "berita", order=10))
        register_section(Section("opd_pages.AnnouncementIndexPage", "Pengumuman", "pengumuman", order=20))
        register_section(Section("opd_pages.EventIndexPage", "Agenda", "agenda", order=30))


def resync_moved_news(sender, instance, url_path_after=None, **kwargs):
    """A move changes the path of a whole subtree: its news may now belong to another OPD."""
    from wagtail.models import Page

    from .models.news import resync_sections

    resync_sections(Page.objects.values_list("path", flat=True).get(pk=instance.pk))
