from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views


@hooks.register("register_admin_urls")
def register_outbox_urls():
    return [
        path("email-keluar/", views.undelivered, name="outbox_undelivered"),
        path("email-keluar/kirim-ulang/", views.retry, name="outbox_retry_all"),
        path("email-keluar/<int:mail_id>/kirim-ulang/", views.retry, name="outbox_retry"),
    ]


class OutboxMenuItem(MenuItem):
    def is_shown(self, request):
        return views.can_view_outbox(request.user)


@hooks.register("register_reports_menu_item")
def register_outbox_menu_item():
    return OutboxMenuItem(_("E-mail belum terkirim"), reverse("outbox_undelivered"), icon_name="mail", order=950)
