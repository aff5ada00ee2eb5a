"""The Content-Security-Policies of the portal, in django-csp 4's format.

* ``PUBLIC``: the citizens' site. Nothing inline, nothing from elsewhere: ``default-src 'none'``
  and only what the pages use, from the portal itself.
* ``ADMIN_STRICT``: admin screens that render no inline script (login, dashboard, listings,
  reports; see ``STRICT_ADMIN_VIEWS``): scripts only from the portal.
* ``ADMIN``: the other admin screens. Wagtail 7.4 still renders inline ``<script>`` in some
  widgets and panels (date pickers, InlinePanel, search promotions) and ``style`` attributes,
  so these get ``'unsafe-inline'``, and the strict policy in report-only mode beside it
  (docs/technical-debt.md).
"""

SELF = "'self'"
NONE = "'none'"
#: Videos of the gallery play from YouTube's no-cookie domain, and from nowhere else.
VIDEO_FRAME_ORIGIN = "https://www.youtube-nocookie.com"

PUBLIC = {
    "default-src": [NONE],
    "script-src": [SELF],
    "style-src": [SELF],
    "img-src": [SELF, "data:"],
    "font-src": [SELF],
    "connect-src": [SELF],
    "manifest-src": [SELF],
    "media-src": [SELF],
    # The one allow-listed video provider (gallery.videos); its <iframe> exists only after a click.
    "frame-src": [VIDEO_FRAME_ORIGIN],
    "object-src": [NONE],
    "base-uri": [NONE],
    "form-action": [SELF],
    "frame-ancestors": [NONE],
}

#: A page rendered for the admin's preview panel: the public policy, framed by the admin only.
PUBLIC_PREVIEW = {**PUBLIC, "frame-ancestors": [SELF]}

_ADMIN_COMMON = {
    "default-src": [NONE],
    "img-src": [SELF, "data:", "blob:"],
    "font-src": [SELF, "data:"],
    "connect-src": [SELF],
    "manifest-src": [SELF],
    "media-src": [SELF, "blob:"],
    "frame-src": [SELF, "https://www.youtube-nocookie.com", "https://www.youtube.com"],
    "worker-src": [SELF, "blob:"],
    "object-src": [NONE],
    "base-uri": [NONE],
    "form-action": [SELF],
    # The page preview and the image chooser show admin screens inside admin screens.
    "frame-ancestors": [SELF],
}
ADMIN_STRICT = {**_ADMIN_COMMON, "script-src": [SELF], "style-src": [SELF, "'unsafe-inline'"]}
ADMIN = {**_ADMIN_COMMON, "script-src": [SELF, "'unsafe-inline'"], "style-src": [SELF, "'unsafe-inline'"]}

#: Admin views (URL names, with their namespace) that render no inline <script>: they get
#: ADMIN_STRICT enforced.
#: tests/security_headers checks each of them for inline scripts, so a Wagtail upgrade that
#: adds one fails the test instead of breaking the screen.
STRICT_ADMIN_VIEWS = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_home",
    "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_done",
    "wagtailadmin_password_reset_confirm",
    "wagtailadmin_password_reset_complete",
    "editor_login",
    # The second factor: the passkey scripts (django-otp-webauthn) are static files, no eval.
    "accounts:two_factor",
    "accounts:setup",
    "accounts:verify",
}

PERMISSIONS_POLICY = (
    f'accelerometer=(), autoplay=("{VIDEO_FRAME_ORIGIN}"), camera=(), display-capture=(), encrypted-media=(), '
    f'fullscreen=(self "{VIDEO_FRAME_ORIGIN}"), '
    "geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), "
    "picture-in-picture=(), publickey-credentials-get=(self), screen-wake-lock=(), sync-xhr=(), usb=(), "
    "xr-spatial-tracking=(), interest-cohort=(), browsing-topics=()"
)
