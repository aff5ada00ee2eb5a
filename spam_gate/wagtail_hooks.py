"""The gate in the editor's path: publishing a page with gambling spam is stopped with the reason shown."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks

from .checks import check_page
from .notify import report_spam


@hooks.register("before_publish_page")
def stop_spam_before_publishing(request, page):
    """Runs after the draft revision is saved (nothing is lost) and before it goes live."""
    verdict = check_page(page)
    if not verdict.is_spam:
        return None
    admin_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    report_spam(page.title, verdict, request=request, admin_url=admin_url)
    messages.error(
        request,
        _(
            "Halaman “%(title)s” tidak diterbitkan: penyaring judi online menemukan masalah. %(reasons)s "
            "Draf Anda tersimpan; perbaiki isinya lalu terbitkan lagi. Diskominfo telah diberi tahu."
        )
        % {"title": page.title, "reasons": " ".join(verdict.reasons)},
    )
    return redirect(admin_url)
