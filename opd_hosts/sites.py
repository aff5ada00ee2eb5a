"""Giving an OPD section its own address: the Wagtail Site whose root is the OPD home."""

import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Site

#: A host name without scheme, port or path: labels of letters, digits and hyphens.
HOSTNAME = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$")


def clean_hostname(value):
    """The host name lower-cased and checked; raises ``ValidationError`` with a message in Indonesian."""
    hostname = (value or "").strip().lower().rstrip(".")
    if not HOSTNAME.match(hostname):
        raise ValidationError(
            _("Nama host tidak sah: tulis seperti dinkes.contohkab.go.id (tanpa https://, port atau garis miring).")
        )
    return hostname


def assign_hostname(opd, hostname, port=443):
    """Serve ``opd`` (an OPD home page) at ``hostname``: create or update its Site; returns the Site.

    The region's identity, alert and menus keep coming from the region's Site (see
    ``opd_hosts.settings_models``); the region's own host redirects the OPD's pages here.
    """
    hostname = clean_hostname(hostname)
    clash = Site.objects.filter(hostname=hostname).exclude(root_page=opd).first()
    if clash is not None:
        raise ValidationError(
            _("Nama host %(host)s sudah dipakai situs %(site)s.") % {"host": hostname, "site": clash.site_name or clash}
        )
    with transaction.atomic():
        site = Site.objects.filter(root_page=opd).first()
        if site is None:
            site = Site.objects.create(hostname=hostname, port=port, root_page=opd, site_name=opd.title)
        elif (site.hostname, site.port) != (hostname, port):
            site.hostname, site.port = hostname, port
            site.save()
    return site
