"""Record every refusal in the admin: 403 answers (PermissionDenied included) and Wagtail's
"no permission" redirect to the admin home."""

from django.urls import reverse

from .log import record


def is_denial(request, response, admin_home):
    if response.status_code == 403:
        return True
    # wagtail.admin.auth.permission_denied answers with a message and a redirect to the admin home;
    # a login (whose default destination is the home too) is not a refusal.
    return (
        response.status_code == 302
        and response.get("Location") == admin_home
        and request.path_info not in {admin_home, reverse("wagtailadmin_login")}
    )


class AdminDenialAuditMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        admin_home = reverse("wagtailadmin_home")
        user = getattr(request, "user", None)
        if not request.path_info.startswith(admin_home) or user is None or not user.is_authenticated:
            return response
        if is_denial(request, response, admin_home) and not getattr(request, "portal_denial_recorded", False):
            record(
                "admin.denied",
                request=request,
                outcome="denied",
                target=request.path[:255],
                method=request.method,
                status=response.status_code,
            )
        return response
