"""Demo step: Dinkes at its own address (dinkes.localhost) and the regional head's message in every OPD.

``dinkes.localhost`` resolves to 127.0.0.1 in browsers, so ``make run`` shows the OPD host
next to the region's host. The region's Site gets the port the demo is served on, so links
from the OPD host back to the region are absolute and work (``http://localhost:8000/…``).
"""

import datetime
import os

from django.db import transaction
from django.utils import timezone
from wagtail.models import Site

from home.models import HomePage, PinnedAnnouncement
from opd_hosts.sites import assign_hostname
from opd_pages.models import OpdHomePage

DEMO_OPD_HOSTS = {"dinkes": "dinkes.localhost"}
LOCAL_HOSTS = {"localhost", "127.0.0.1"}


def demo_port():
    return int(os.environ.get("PORT", "8000"))


def step(stdout=None, progress=None, **kwargs):
    home = HomePage.objects.first()
    if home is None:
        return {}
    port = demo_port()
    hosts = {}
    with transaction.atomic():
        region_site = Site.objects.get(root_page=home)
        if region_site.hostname in LOCAL_HOSTS and region_site.port != port:
            region_site.hostname, region_site.port = "localhost", port
            region_site.save()
        for slug, hostname in DEMO_OPD_HOSTS.items():
            opd = OpdHomePage.objects.filter(slug=slug).first()
            if opd is not None:
                site = assign_hostname(opd, hostname, port=port)
                hosts[opd.acronym] = site.root_url + "/"
        pinned = PinnedAnnouncement.for_site(region_site)
        if pinned.is_active and not pinned.show_in_opds and pinned.ends_at is None:
            pinned.show_in_opds = True
            pinned.ends_at = timezone.now() + datetime.timedelta(days=30)
            pinned.save()
    if stdout is not None:
        for acronym, url in hosts.items():
            stdout.write(f"{acronym} di alamatnya sendiri: {url}")
    return {"hosts": hosts}
