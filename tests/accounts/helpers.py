"""A small region with one account per role, for the accounts tests."""

from binascii import unhexlify

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django_otp.oath import TOTP

from opd_pages.models import OpdHomePage
from opd_teams.models import DISKOMINFO_GROUP, HUMAS_GROUP
from opd_teams.roles import ensure_platform_groups
from tests.factories.home import RegionSettingsFactory, make_region_site
from tests.factories.opd_pages import make_opd_section
from tests.factories.opd_teams import OpdTeamFactory, UserFactory

PASSWORD = "kopi-tubruk-pagi-hari"


def build_accounts_region():
    """Users (Diskominfo, humas, Dinkes admin and operator, Dukcapil admin) and their OPDs."""
    home = make_region_site()
    RegionSettingsFactory(name="Kabupaten Contoh", email="humas@contohkab.go.id")
    dinkes = make_opd_section(home, acronym="Dinkes", title="Dinas Kesehatan", news=0)
    dukcapil = make_opd_section(home, acronym="Disdukcapil", title="Dinas Kependudukan dan Pencatatan Sipil", news=0)
    ensure_platform_groups()
    teams = {opd.acronym: OpdTeamFactory(opd=opd) for opd in (dinkes, dukcapil)}
    users = {
        "diskominfo": make_user("diskominfo", Group.objects.get(name=DISKOMINFO_GROUP)),
        "humas": make_user("humas", Group.objects.get(name=HUMAS_GROUP)),
        "dinkes.admin": make_user("dinkes.admin", teams["Dinkes"].admin_group),
        "dinkes.operator": make_user("dinkes.operator", teams["Dinkes"].operator_group),
        "disdukcapil.admin": make_user("disdukcapil.admin", teams["Disdukcapil"].admin_group),
    }
    return home, {"Dinkes": dinkes, "Disdukcapil": dukcapil}, users


def make_user(username, group):
    from opd_teams.roles import permission

    user = UserFactory(username=username, email=f"{username}@contohkab.go.id", first_name=username.title())
    user.set_password(PASSWORD)
    user.save()
    user.groups.add(group)
    if group.name not in {DISKOMINFO_GROUP, HUMAS_GROUP}:
        group.permissions.add(permission("wagtailadmin.access_admin"))
    return user


def totp_code(device, offset=0):
    """The code the user's authenticator app shows now (``offset`` steps away)."""
    totp = TOTP(unhexlify(device.key), device.step, device.t0, device.digits, device.drift)
    totp.time = totp.time + offset * device.step
    return f"{totp.token():0{device.digits}d}"


def opd_of(username):
    return OpdHomePage.objects.get(acronym="Dinkes") if username.startswith("dinkes") else None


def reload(user):
    return get_user_model().objects.get(pk=user.pk)
