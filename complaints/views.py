"""The citizen's side: the report form, the private status page, answered reports and figures."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from wagtail.models import Page

from audit.log import record
from casework.antispam import Quota, client_key, content_hash, find_duplicate
from casework.uploads import validate_upload
from opd_pages.models import OpdHomePage

from . import services
from .forms import ComplaintForm
from .models import Complaint, scrub_personal_data

PUBLIC_PAGE_SIZE = 20


def quota():
    return Quota(
        "pengaduan",
        Complaint.objects.all(),
        limit=int(getattr(settings, "PORTAL_COMPLAINTS_QUOTA", 5)),
        window=int(getattr(settings, "PORTAL_COMPLAINTS_QUOTA_SECONDS", 3600)),
    )


def service_page(value):
    """The live, public page a ``?layanan=<id>`` names, or None."""
    try:
        page_id = int(value)
    except (TypeError, ValueError):
        return None
    return Page.objects.live().public().filter(pk=page_id).first()


def preselected_opd(request, service):
    acronym = request.GET.get("opd", "")
    if acronym:
        return OpdHomePage.objects.live().filter(acronym__iexact=acronym).first()
    if service is not None:
        return OpdHomePage.objects.live().containing([service]).first()
    return None


def lapor_url():
    return getattr(settings, "PORTAL_LAPOR_URL", "https://www.lapor.go.id/")


@never_cache
def report_form(request):
    """``/pengaduan/``: the form; on a valid post the report is stored first, then everything else."""
    service = service_page(request.POST.get("layanan") if request.method == "POST" else request.GET.get("layanan"))
    status = 200
    if request.method == "POST":
        form = ComplaintForm(request.POST, request.FILES)
        key = client_key(request)
        gate = quota()
        if form.honeypot_tripped:
            record("complaints.spam", request=request, outcome="denied", reason="honeypot")
            form.add_error(None, _("Laporan tidak dapat dikirim. Kosongkan kolom 'Jangan isi kolom ini'."))
            status = 400
        elif form.is_valid():
            if gate.exceeded(key):
                record("complaints.spam", request=request, outcome="denied", reason="quota")
                form.add_error(
                    None,
                    _(
                        "Terlalu banyak laporan dari alamat Anda dalam satu jam. Simpan teks Anda dan coba lagi "
                        "nanti, atau hubungi kami lewat SP4N-LAPOR!."
                    ),
                )
                status = 429
            else:
                return _store(request, form, service, key, gate)
        else:
            status = 400
    else:
        opd = preselected_opd(request, service)
        form = ComplaintForm(initial={"opd": opd.pk if opd else None})
    context = {"form": form, "service": service, "lapor_url": lapor_url()}
    return render(request, "complaints/form.html", context, status=status)


def _store(request, form, service, key, gate):
    data = form.cleaned_data
    digest = content_hash(
        data["title"], data["description"], data["kelurahan"], data["contact_email"], data["contact_phone"]
    )
    duplicate = find_duplicate(Complaint.objects.all(), digest)
    if duplicate is not None:
        return render(request, "complaints/duplicate.html", {"case": duplicate}, status=200)
    checked, refused = [], []
    for upload in data.get("files") or []:
        try:
            checked.append(validate_upload(upload))
        except ValidationError as error:
            refused.append(" ".join(error.messages))
            record("upload.refused", request=request, outcome="denied", target=upload.name[:100], reason=error.messages)
    case = form.save(commit=False)
    case.opd = data.get("opd")
    case.service_page = service
    case.client_key = key
    case.content_hash = digest
    case.received_at = timezone.now()
    token, failed = services.submit(case, checked, request=request)
    gate.consume(key)
    for message in refused:
        messages.warning(
            request, _("Laporan tersimpan, tetapi lampiran ini tidak kami terima: %(reason)s") % {"reason": message}
        )
    if "attachments" in failed:
        messages.warning(
            request, _("Laporan tersimpan, tetapi lampiran gagal disimpan. Kirim ulang lewat petugas bila perlu.")
        )
    return redirect(services.status_path(case, token) + "?baru=1")


@never_cache
def status(request, number, token):
    """The citizen's private page: state, deadline, public answers. Same 404 for a wrong number or token."""
    case = Complaint.objects.filter(tracking_number=number).select_related("opd", "category").first()
    if case is None or not case.token_matches(token):
        raise Http404
    events = [
        event
        for event in case.events.all()
        if event.public_text or event.kind in ("diterima_sistem", "status", "diteruskan")
    ]
    response = render(
        request,
        "complaints/status.html",
        {
            "case": case,
            "events": events,
            "is_new": request.GET.get("baru") == "1",
            "private_url": request.build_absolute_uri(request.path),
            "lapor_url": lapor_url(),
        },
    )
    response["X-Robots-Tag"] = "noindex"
    return response


def answered_list(request):
    """``/pengaduan/terjawab/``: answered reports their reporters allowed to be public, searchable, by OPD."""
    cases = Complaint.objects.public_answered().select_related("opd", "category").order_by("-first_response_at")
    query = request.GET.get("q", "").strip()[:100]
    opd = None
    if request.GET.get("opd"):
        opd = OpdHomePage.objects.live().filter(acronym__iexact=request.GET["opd"]).first()
        cases = cases.filter(opd=opd) if opd else cases.none()
    if query:
        cases = cases.filter(
            Q(title__icontains=query) | Q(description__icontains=query) | Q(kelurahan__icontains=query)
        )
    page = Paginator(cases, PUBLIC_PAGE_SIZE).get_page(request.GET.get("halaman"))
    items = attach_public_answers(list(page.object_list))
    return render(
        request,
        "complaints/answered_list.html",
        {
            "page_obj": page,
            "items": items,
            "query": query,
            "selected_opd": opd,
            "opds": OpdHomePage.objects.live().order_by("title").only("pk", "title", "acronym"),
        },
    )


def attach_public_answers(cases):
    """Set ``public_description`` and ``public_answer_text`` (scrubbed) on each case; one query for all."""
    from .models import ComplaintEvent

    answers = {}
    for event in ComplaintEvent.objects.filter(case__in=cases).exclude(public_text="").order_by("created_at"):
        answers[event.case_id] = event
    for case in cases:
        names = [case.contact_name]
        case.public_description = scrub_personal_data(case.description, names)
        answer = answers.get(case.pk)
        case.public_answer_text = scrub_personal_data(answer.public_text, names) if answer else ""
        case.public_answer_at = answer.created_at if answer else None
    return cases


def answered_detail(request, number):
    case = Complaint.objects.public_answered().filter(tracking_number=number).select_related("opd", "category").first()
    if case is None:
        raise Http404
    attach_public_answers([case])
    return render(request, "complaints/answered_detail.html", {"case": case})


def statistics(request):
    """Region-wide and per-OPD figures: received, answered within the deadline, median time."""
    figures = services.opd_figures()
    opds = {opd.pk: opd for opd in OpdHomePage.objects.live().only("pk", "title", "acronym", "path", "url_path")}
    rows = sorted(
        ({"opd": opds.get(opd_id), **row} for opd_id, row in figures.items() if opd_id in opds),
        key=lambda row: row["opd"].title,
    )
    unrouted = figures.get(None)
    total = services.region_figures(figures)
    total["median_hours"] = services.median_hours(Complaint.objects.all())
    return render(request, "complaints/statistics.html", {"rows": rows, "total": total, "unrouted": unrouted})
