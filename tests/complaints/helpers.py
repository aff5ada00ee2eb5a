"""A region of OPDs with teams, a coordinator (Diskominfo group), an Inspektorat and categories."""

import io

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from casework.models import CaseHandler
from complaints.models import KIND
from opd_teams.models import DISKOMINFO_GROUP
from opd_teams.onboarding import adopt_opd
from opd_teams.roles import ensure_platform_groups
from tests.factories.complaints import ComplaintCategoryFactory
from tests.factories.opd_pages import make_opd_section
from tests.factories.opd_teams import UserFactory
from tests.trees import build_region_tree

PASSWORD = "sandi-uji-12345"


class Office:
    """One OPD with its team: two admins, an operator, and a petugas pengaduan (an operator made handler)."""

    def __init__(self, opd):
        slug = opd.slug
        self.opd = opd
        self.team = adopt_opd(opd, [f"{slug}.admin@contohkab.go.id", f"{slug}.admin2@contohkab.go.id"]).team
        self.admin = self.team.admins().get(username=f"{slug}.admin")
        self.admin.set_password(PASSWORD)
        self.admin.save()
        self.operator = UserFactory(username=f"{slug}.operator")
        self.operator.groups.add(self.team.operator_group)
        self.handler = UserFactory(username=f"{slug}.petugas")
        self.handler.groups.add(self.team.operator_group)
        CaseHandler.objects.create(kind=KIND, team=self.team, user=self.handler)


def build_complaints_region(opd_count=3):
    home, opds = build_region_tree(opd_count=opd_count, news_per_opd=0)
    ensure_platform_groups()
    inspektorat = make_opd_section(home, acronym="Inspektorat", title="Inspektorat Daerah", kind="inspektorat")
    offices = [Office(opd) for opd in opds]
    coordinator = UserFactory(username="koordinator")
    coordinator.groups.add(Group.objects.get(name=DISKOMINFO_GROUP))
    region = {
        "home": home,
        "offices": offices,
        "inspektorat": Office(inspektorat),
        "coordinator": coordinator,
        "road": ComplaintCategoryFactory(name="Jalan rusak", opd=opds[0]),
        "unrouted": ComplaintCategoryFactory(name="Lainnya", opd=None),
    }
    return region


def photo(name="foto.jpg", size=(64, 48)):
    out = io.BytesIO()
    Image.new("RGB", size, "blue").save(out, format="JPEG")
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/jpeg")


def form_data(category, **overrides):
    data = {
        "title": "Jalan berlubang di depan SD",
        "description": "Lubang besar di Jl. Melati dekat SD Negeri 3, sudah dua motor jatuh minggu ini.",
        "category": category.pk,
        "opd": "",
        "kelurahan": "Sukamaju",
        "location_detail": "Jl. Melati RT 02/RW 05",
        "latitude": "",
        "longitude": "",
        "occurred_on": "2026-11-30",
        "contact_name": "Siti Aminah",
        "contact_email": "siti@contoh.id",
        "contact_phone": "",
        "allow_public": "on",
        "situs_web": "",
    }
    data.update(overrides)
    return data
