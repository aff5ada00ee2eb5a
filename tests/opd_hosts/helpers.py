"""A region whose Dinkes is also served at dinkes.localhost, and a link checker for rendered pages."""

from html.parser import HTMLParser
from urllib.parse import urlsplit

from wagtail.models import Site

from home.models import RegionAlert, RegionSettings
from opd_hosts.sites import assign_hostname
from tests.trees import build_region_tree

MAIN_HOST = "localhost"
OPD_HOST = "dinkes.localhost"
ALERT = "Siaga banjir di Kecamatan Sukamaju"
REGION_NAME = "Pemerintah Kabupaten Harapan"


def build_region_with_opd_host(opd_count=3, news_per_opd=2):
    home, opds = build_region_tree(opd_count=opd_count, news_per_opd=news_per_opd)
    site = Site.objects.get(is_default_site=True)
    RegionSettings.objects.filter(site=site).update(government_name=REGION_NAME, address="Jl. Merdeka 1")
    RegionAlert.objects.update_or_create(site=site, defaults={"is_active": True, "message": ALERT})
    opd_site = assign_hostname(opds[0], OPD_HOST, port=80)
    return home, opds, opd_site


class LinkCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("a", "link") and attrs.get("href"):
            self.links.append(attrs["href"])
        if tag == "form" and attrs.get("action"):
            self.links.append(attrs["action"])


def links_of(response):
    collector = LinkCollector()
    collector.feed(response.content.decode())
    return collector.links


def internal_target(href, current_host):
    """(host, path with query) of a link to this portal, or ``None`` for mail, phone, anchors and other sites."""
    if href.startswith(("mailto:", "tel:", "#")):
        return None
    parts = urlsplit(href)
    host = parts.hostname or current_host
    if host not in (MAIN_HOST, OPD_HOST, "testserver"):
        return None
    path = parts.path or "/"
    return host, path + (f"?{parts.query}" if parts.query else "")
