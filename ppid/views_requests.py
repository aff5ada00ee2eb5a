"""Citizens' side of a request: the form (1A/1B), the receipt, the status page and the objection.

A request is stored before anything else can fail; the citizen then holds a tracking number and
a private link (number + token). Nothing here is served from the page cache.
"""

from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from casework.antispam import Quota, client_key
from opd_pages.models import OpdHomePage

from . import handling
from .forms import InformationRequestForm, ObjectionForm, TrackForm
from .models import InformationRequest

DEFAULT_HOURLY_QUOTA = 10


def quota():
    """Stored requests per client address and hour (casework's quota: cache, database fallback)."""
    limit = getattr(settings, "PORTAL_PPID_REQUESTS_PER_HOUR", DEFAULT_HOURLY_QUOTA)
    return Quota("ppid", InformationRequest.objects.all(), limit=limit, window=3600)


def published_opds():
    return OpdHomePage.objects.published().order_by("title")


@never_cache
def request_form(request, slug=None):
    opds = published_opds()
    opd = get_object_or_404(opds, slug=slug) if slug else None
    if request.method == "POST":
        form = InformationRequestForm(request.POST, opds=opds)
        if form.honeypot_tripped:
            # Pretend success without storing anything: a bot learns nothing.
            return TemplateResponse(request, "ppid/request_bot.html", {})
        if form.is_valid():
            key = client_key(request)
            if quota().exceeded(key):
                form.add_error(None, _("Terlalu banyak permohonan dari alamat ini. Coba lagi satu jam lagi."))
            else:
                info_request, token = handling.submit(form, request)
                quota().consume(key)
                return redirect("ppid:status", info_request.number, token)
    else:
        form = InformationRequestForm(initial={"opd": opd}, opds=opds)
    return TemplateResponse(request, "ppid/request_form.html", {"form": form, "opd": opd})


def _request_or_404(number, token):
    info_request = (
        InformationRequest.objects.select_related("opd", "forwarded_to__opd").filter(tracking_number=number).first()
    )
    if info_request is None or not info_request.token_matches(token):
        raise Http404
    return info_request


def _status_context(info_request, token):
    objection = info_request.objection if info_request.has_objection else None
    return {
        "info_request": info_request,
        "token": token,
        "events": list(info_request.events.exclude(kind="catatan")),
        "objection": objection,
        "can_object": info_request.can_object(),
        "objection_deadline": info_request.objection_deadline(),
        "today": timezone.localdate(),
        "forwarded_from": list(info_request.forwarded_from.all()),
    }


@never_cache
def status(request, number, token):
    info_request = _request_or_404(number, token)
    return TemplateResponse(request, "ppid/request_status.html", _status_context(info_request, token))


@never_cache
def receipt(request, number, token):
    info_request = _request_or_404(number, token)
    return TemplateResponse(request, "ppid/request_receipt.html", _status_context(info_request, token))


@never_cache
def track(request):
    form = TrackForm(request.GET or None)
    if form.is_valid():
        number = form.cleaned_data["number"].strip().upper()
        token = form.cleaned_data["token"].strip()
        info_request = InformationRequest.objects.filter(tracking_number=number).first()
        if info_request is not None and info_request.token_matches(token):
            return redirect("ppid:status", info_request.number, token)
        form.add_error(None, _("Nomor permohonan atau kode akses tidak cocok."))
    return TemplateResponse(request, "ppid/track.html", {"form": form})


@never_cache
def objection_form(request, number, token):
    info_request = _request_or_404(number, token)
    if not info_request.can_object():
        messages.info(request, _("Keberatan tidak dapat diajukan untuk permohonan ini."))
        return redirect("ppid:status", number, token)
    reasons = info_request.objection_reasons_now()
    if request.method == "POST":
        form = ObjectionForm(request.POST, reasons=reasons)
        if form.is_valid():
            try:
                handling.file_objection(
                    info_request, form.cleaned_data["reason"], form.cleaned_data["statement"], request
                )
            except handling.HandlingError as error:
                form.add_error(None, str(error))
            else:
                return redirect("ppid:status", number, token)
    else:
        form = ObjectionForm(reasons=reasons)
    return TemplateResponse(
        request,
        "ppid/objection_form.html",
        {"form": form, "info_request": info_request, "token": token, "deadline": info_request.objection_deadline()},
    )
