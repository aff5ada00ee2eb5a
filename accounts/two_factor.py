"""Who must use a second factor, and the devices that provide it (django-otp).

Diskominfo (and superusers), humas and OPD admins must enrol; operators may. A user's second
factor is one confirmed TOTP device (an authenticator app) and/or any number of confirmed passkeys
(WebAuthn credentials, django-otp-webauthn), plus one static device holding single-use recovery codes.
"""

from django.db import transaction
from django.db.models import Q
from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from audit.log import record
from opd_teams.models import DISKOMINFO_GROUP, HUMAS_GROUP

RECOVERY_CODE_COUNT = 10
RECOVERY_DEVICE_NAME = "kode-pemulihan"
TOTP_DEVICE_NAME = "aplikasi-autentikator"
TOTP_DIGITS = 6


def requires_two_factor(user):
    """True for superusers, Diskominfo, humas and every OPD admin."""
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(Q(name__in=[DISKOMINFO_GROUP, HUMAS_GROUP]) | Q(opd_team_as_admin__isnull=False)).exists()


def has_totp(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def has_passkey(user):
    return WebAuthnCredential.objects.filter(user=user, confirmed=True).exists()


def has_two_factor(user):
    """True when the user has a confirmed authenticator app or a confirmed passkey."""
    return has_totp(user) or has_passkey(user)


def verification_devices(user, code):
    """The devices a typed ``code`` is checked against: six digits go to the app, anything else to
    the recovery codes (so a recovery code never counts as a wrong app code, and vice versa).
    Passkeys take no typed code: they verify through their own ceremony (accounts.passkeys)."""
    kind = TOTPDevice if code.isdigit() and len(code) == TOTP_DIGITS else StaticDevice
    return [device for device in devices_for_user(user, confirmed=True) if isinstance(device, kind)]


def pending_totp_device(user):
    """The unconfirmed device shown during enrolment (created once, reused until confirmed)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-pk").first()
    return device or TOTPDevice.objects.create(user=user, name=TOTP_DEVICE_NAME, confirmed=False)


@transaction.atomic
def confirm_totp_device(device):
    """Make ``device`` the user's only authenticator app; returns fresh recovery codes."""
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return new_recovery_codes(device.user)


@transaction.atomic
def new_recovery_codes(user):
    """Replace the user's recovery codes with new ones; returns them (shown once, stored as given)."""
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


def remaining_recovery_codes(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


@transaction.atomic
def remove_two_factor(user, *, request=None, action="2fa.remove", by=None):
    """Delete every device of ``user`` (their own choice, or a Diskominfo reset); audited."""
    totp = TOTPDevice.objects.filter(user=user).delete()[0]
    passkeys = WebAuthnCredential.objects.filter(user=user).delete()[1].get(WebAuthnCredential._meta.label, 0)
    static = StaticDevice.objects.filter(user=user).delete()[0]
    record(
        action,
        request=request,
        user=by or user,
        target=f"user:{user.pk} {user.get_username()}",
        opd=user_opd(user),
        removed=totp + static + passkeys,
        passkeys=passkeys,
    )


@transaction.atomic
def remove_passkey(credential, *, request=None):
    """Delete one of the user's passkeys; with it the last factor gone, the recovery codes too."""
    user = credential.user
    credential.delete()
    if not has_two_factor(user):
        StaticDevice.objects.filter(user=user).delete()
    record(
        "2fa.passkey.remove",
        request=request,
        user=user,
        target=f"user:{user.pk} {user.get_username()}",
        opd=user_opd(user),
        passkey=credential.name,
    )


def user_opd(user):
    """The OPD home of the user's (first) team, for filtering the audit log by OPD."""
    from opd_teams.models import OpdTeam

    if user is None or not getattr(user, "pk", None):
        return None
    team = OpdTeam.objects.for_user(user).select_related("opd").first()
    return team.opd if team else None
