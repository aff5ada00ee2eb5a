from django.apps import AppConfig


class OpdFormsConfig(AppConfig):
    name = "opd_forms"
    verbose_name = "Formulir OPD"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from opd_pages.skeleton import allow_page_type

        allow_page_type("opd_forms.OpdFormPage")
