"""Editor accounts: login lockout, the second factor, the password policy and admin sessions.

Depends on ``opd_teams`` (who holds which role) and ``audit`` (every login, failure, lockout
and 2FA change is recorded there); nothing depends on it but the settings.
"""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Akun pengelola")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals

        signals.connect()
