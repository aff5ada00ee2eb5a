"""Run inside the two-server deployment (``manage.py shell``): a region with two OPDs and an editor."""

from django.contrib.auth import get_user_model
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import Page, Site

from demo.two_factor import DEMO_TOTP_KEY
from home.models import HomePage
from opd_teams.onboarding import onboard_opd
from opd_teams.roles import ensure_platform_groups

ensure_platform_groups()
root = Page.get_first_root_node()
home = HomePage.objects.first()
if home is None:
    home = root.add_child(instance=HomePage(title="Kabupaten Dua Server", slug="beranda-dua-server"))
    home.save_revision().publish()
Site.objects.update_or_create(is_default_site=True, defaults={"root_page": home, "hostname": "127.0.0.1", "port": 80})
Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
User = get_user_model()
if not User.objects.filter(username="root").exists():
    User.objects.create_superuser("root", "root@contohkab.go.id", "Dua-server-uji-2026")
# Production enforces the second step for a superuser: root gets an authenticator with the demo key.
TOTPDevice.objects.get_or_create(
    user=User.objects.get(username="root"), name="app", defaults={"key": DEMO_TOTP_KEY, "confirmed": True}
)
for title, acronym in (("Dinas Satu", "Satu"), ("Dinas Dua", "Dua")):
    onboard_opd(
        title=title,
        acronym=acronym,
        kind="dinas",
        admin_emails=[f"a.{acronym.lower()}@contohkab.go.id", f"b.{acronym.lower()}@contohkab.go.id"],
    )
print("HOME", home.pk)
