"""The demo serves Dinkes at dinkes.localhost on the demo port, with the region's identity, idempotently."""

from io import StringIO

from django.test import TestCase
from wagtail.models import Site

from demo.hosts import step
from home.models import PinnedAnnouncement, RegionAlert, RegionSettings
from tests.factories.home import make_region_site
from tests.factories.opd_pages import make_opd_section


class DemoHostsTests(TestCase):
    def test_dinkes_gets_its_host_and_the_region_site_the_demo_port(self):
        home = make_region_site()
        site = Site.objects.get(root_page=home)
        RegionSettings.objects.create(site=site, name="Kabupaten Contoh", government_name="Pemkab Contoh")
        RegionAlert.objects.create(site=site, is_active=True, message="Siaga banjir")
        PinnedAnnouncement.objects.create(site=site, is_active=True, title="Imbauan Bupati", text="Isi")
        dinkes = make_opd_section(home, acronym="Dinkes", title="Dinas Kesehatan")
        out = StringIO()
        step(stdout=out)
        self.assertIn("Dinkes di alamatnya sendiri: http://dinkes.localhost:8000/", out.getvalue())
        sites = set(Site.objects.values_list("hostname", "port", "root_page_id"))
        self.assertEqual(sites, {("localhost", 8000, home.pk), ("dinkes.localhost", 8000, dinkes.pk)})
        step()
        self.assertEqual(set(Site.objects.values_list("hostname", "port", "root_page_id")), sites)
        response = self.client.get("/", HTTP_HOST="dinkes.localhost:8000")
        self.assertEqual(response.context["page"].pk, dinkes.pk)
        self.assertContains(response, "Pemkab Contoh")
        self.assertContains(response, "Siaga banjir")
        self.assertContains(response, "Imbauan Bupati")  # pushed to the OPDs by the demo, with an end date
        self.assertContains(response, 'class="site-brand" href="http://localhost:8000/"')
        self.assertIsNotNone(PinnedAnnouncement.for_site(site).ends_at)
