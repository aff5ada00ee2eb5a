from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ServicesConfig(AppConfig):
    name = "services"
    verbose_name = _("Layanan")

    def ready(self):
        from opd_pages.skeleton import Section, register_section

        register_section(Section("services.ServiceIndexPage", "Layanan", "layanan", order=15))

        from django.db.models.signals import post_save

        from .signal_handlers import reindex_services_of_term

        post_save.connect(reindex_services_of_term, sender="services.LifeEvent", dispatch_uid="services_life_event")
        post_save.connect(reindex_services_of_term, sender="services.ServiceTopic", dispatch_uid="services_topic")
