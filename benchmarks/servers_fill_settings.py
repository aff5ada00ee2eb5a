"""The two-server deployment's settings plus the dev-only apps, for ``fill_region`` only.

The app servers run :mod:`benchmarks.servers_settings` (production, no dev-only apps); the
generated region is written once with this module before they start.
"""

from benchmarks.servers_settings import *  # noqa: F403
from portal.settings.base import DEV_ONLY_APPS

INSTALLED_APPS = INSTALLED_APPS + DEV_ONLY_APPS  # noqa: F405
