"""Security headers: CSP (django-csp) by area, Permissions-Policy, CORP/COOP, framing for the admin."""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings

from . import policies


def admin_prefixes():
    return tuple(getattr(settings, "PORTAL_ADMIN_PATH_PREFIXES", ("/admin/", "/masuk/")))


def is_admin(request):
    return request.path_info.startswith(admin_prefixes())


def is_preview(request):
    """Wagtail renders a page preview through the middleware with a dummy request (public path)."""
    return getattr(request, "is_preview", False)


class PortalCSPMiddleware(CSPMiddleware):
    """django-csp with the portal's policy per area (public site, strict admin screens, other admin screens)."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if parts.config is not None or parts.replace is not None:
            return parts  # a view chose its own policy with django-csp's decorators
        if is_preview(request):
            config = None if report_only else policies.PUBLIC_PREVIEW
        elif not is_admin(request):
            config = None if report_only else policies.PUBLIC
        else:
            match = getattr(request, "resolver_match", None)
            strict = match is not None and match.view_name in policies.STRICT_ADMIN_VIEWS
            if report_only:
                config = None if strict else policies.ADMIN_STRICT
            else:
                config = policies.ADMIN_STRICT if strict else policies.ADMIN
        return PolicyParts(config=config, update=parts.update, replace=parts.replace, nonce=parts.nonce)


class SecurityHeadersMiddleware:
    """Permissions-Policy, Cross-Origin-Resource/Opener-Policy on every response; admin screens
    may be framed by the admin itself (page preview), everything else never (X_FRAME_OPTIONS=DENY)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", policies.PERMISSIONS_POLICY)
        response.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        response.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        if is_admin(request) or is_preview(request):
            response.setdefault("X-Frame-Options", "SAMEORIGIN")
        return response
