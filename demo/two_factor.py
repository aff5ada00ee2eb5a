"""Demo step: the demo accounts whose role requires a second factor get an authenticator app
with one printed demo secret (``manage.py demo_2fa_code`` prints the current code)."""

from base64 import b32encode
from binascii import unhexlify

from django.contrib.auth import get_user_model
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.two_factor import TOTP_DEVICE_NAME, requires_two_factor

#: The demo region's shared TOTP secret (hex, as django-otp stores it). Never used outside the demo.
DEMO_TOTP_KEY = "3132333435363738393031323334353637383930"
DEMO_USERNAMES = ["admin", "diskominfo", "humas", "dinkes.admin", "disdukcapil.admin"]


def demo_secret():
    return b32encode(unhexlify(DEMO_TOTP_KEY)).decode()


def current_code():
    return f"{TOTP(unhexlify(DEMO_TOTP_KEY)).token():06d}"


def step(stdout=None, admin_password=None, progress=None):
    """Give each demo account of a required role the demo authenticator (idempotent)."""
    enrolled = []
    for user in get_user_model().objects.filter(username__in=DEMO_USERNAMES).order_by("username"):
        if not requires_two_factor(user):
            continue
        if not TOTPDevice.objects.filter(user=user, confirmed=True).exists():
            TOTPDevice.objects.create(user=user, name=TOTP_DEVICE_NAME, key=DEMO_TOTP_KEY, confirmed=True)
        enrolled.append(user.get_username())
    if stdout is not None:
        stdout.write(
            "Verifikasi dua langkah (wajib untuk Diskominfo, humas, admin OPD): akun "
            f"{', '.join(enrolled)} memakai kunci rahasia demo {demo_secret()}; "
            "kode saat ini: `.venv/bin/python manage.py demo_2fa_code`. Operator dapat mengaktifkannya sendiri."
        )
    return {"enrolled": enrolled, "secret": demo_secret()}
