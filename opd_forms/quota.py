"""The per-client quota of form submissions (cache first, stored rows when the cache fails)."""

import datetime

from django.conf import settings
from django.utils import timezone

from casework.antispam import Quota


class SubmissionQuota(Quota):
    """``casework.antispam.Quota`` counting Wagtail's ``submit_time`` rather than ``received_at``."""

    def _stored(self, key):
        since = timezone.now() - datetime.timedelta(seconds=self.window)
        return self.queryset.filter(client_key=key, submit_time__gte=since).count()


def form_quota():
    from .models import OpdFormSubmission

    return SubmissionQuota(
        "opd_forms",
        OpdFormSubmission.objects.all(),
        limit=int(getattr(settings, "PORTAL_FORMS_QUOTA", 10)),
        window=int(getattr(settings, "PORTAL_FORMS_QUOTA_SECONDS", 3600)),
    )
