"""``/membantu/``: receives the "Apakah halaman ini membantu?" form of every content page.

The form sits on pages the anonymous page cache shares between visitors, so it carries no CSRF
token and this view is exempt: it acts for no account (it reads no session or user), stores only
an anonymous vote, and is guarded by a honeypot, a per-client quota and the judi-online gate.
"""

from django.conf import settings
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from wagtail.models import Page

from audit.log import record
from casework.antispam import Quota, client_key
from opd_pages.models import OpdHomePage
from spam_gate.checks import check_text

from .forms import FeedbackForm
from .models import PageFeedback


def quota():
    return Quota(
        "membantu",
        PageFeedback.objects.all(),
        limit=int(getattr(settings, "PORTAL_FEEDBACK_QUOTA", 20)),
        window=int(getattr(settings, "PORTAL_FEEDBACK_QUOTA_SECONDS", 3600)),
    )


def _retry(request, form, page, message, status):
    context = {"form": form, "page_rated": page, "message": message}
    return render(request, "page_feedback/retry.html", context, status=status)


@csrf_exempt
@never_cache
@require_POST
def vote(request):
    form = FeedbackForm(request.POST)
    page_id = request.POST.get("halaman", "")
    page = Page.objects.live().public().filter(pk=page_id).first() if page_id.isdigit() else None
    if page is None:
        return _retry(request, form, None, _("Halaman yang dinilai tidak ditemukan."), 400)
    if not form.is_valid():
        message = " ".join(error for errors in form.errors.values() for error in errors)
        return _retry(request, form, page, message, 400)
    if form.honeypot_tripped:
        record("page_feedback.spam", request=request, outcome="denied", reason="honeypot")
        return _retry(
            request, form, page, _("Penilaian tidak dapat dikirim. Kosongkan kolom 'Jangan isi kolom ini'."), 400
        )
    key = client_key(request)
    gate = quota()
    if gate.exceeded(key):
        record("page_feedback.spam", request=request, outcome="denied", reason="quota")
        return _retry(
            request, form, page, _("Terlalu banyak penilaian dari alamat Anda. Coba lagi sekitar satu jam lagi."), 429
        )
    comment = form.cleaned_data["komentar"].strip()
    if comment and check_text(comment, html=False).is_spam:
        record("page_feedback.spam", request=request, outcome="denied", reason="spam_gate")
        return _retry(
            request, form, page, _("Komentar tidak dapat dikirim karena menyerupai promosi judi daring."), 400
        )
    PageFeedback.objects.create(
        page=page,
        opd=OpdHomePage.objects.containing([page]).first(),
        helpful=form.cleaned_data["membantu"] == "ya",
        comment=comment,
        client_key=key,
    )
    gate.consume(key)
    return render(request, "page_feedback/thanks.html", {"page_rated": page})
