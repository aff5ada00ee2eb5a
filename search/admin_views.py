"""The admin report of what citizens search for: popular queries and queries that found nothing."""

import datetime

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import QueryStat

PERIODS = {"7": 7, "30": 30, "90": 90}
ROWS = 50


def can_view_report(user):
    return user.is_active and (user.is_superuser or user.has_perm("search.view_querystat"))


def query_report(request):
    if not can_view_report(request.user):
        raise PermissionDenied
    period = request.GET.get("periode", "30")
    days = PERIODS.get(period, 30)
    since = timezone.localdate() - datetime.timedelta(days=days - 1)
    return TemplateResponse(
        request,
        "search/admin/query_report.html",
        {
            "title": _("Laporan pencarian"),
            "days": days,
            "periods": list(PERIODS),
            "popular": QueryStat.objects.popular(since)[:ROWS],
            "zero_results": QueryStat.objects.zero_results(since)[:ROWS],
        },
    )
