"""Record every refusal in the admin: 403 answers (PermissionDenied included) and Wagtail's
"no permission" redirect to the admin home."""

from django.urls import reverse

from .log import record


class AdminDenialAuditMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        admin_home = reverse("wagtailadmin_home")
        if not request.path_info.startswith(admin_home):
            return response
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return response
        if response.status_code == 403:
            record("admin.denied", request=request, outcome="denied", target=request.path[:255], method=request.method)
        elif response.status_code == 302 and response.get("Location") == admin_home and request.path_info != admin_home:
            # wagtail.admin.auth.permission_denied: a message and a redirect to the admin home.
            if request.path_info != reverse("wagtailadmin_login"):
                record(
                    "admin.denied",
                    request=request,
                    outcome="denied",
                    target=request.path[:255],
                    method=request.method,
                    answer="redirect",
                )
        return response
