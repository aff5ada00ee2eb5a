"""Background work of the accounts app."""

from django.contrib.auth.tokens import default_token_generator
from django.template import loader
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_tasks import task

from audit.log import record
from outbox.mail import queue_mail


@task()
def send_password_reset(
    *, email, domain, site_name, use_https, subject_template_name, email_template_name, html_email_template_name=None
):
    """Queue a reset mail for every active account with this address (none for an unknown one)."""
    from .forms import BackgroundPasswordResetForm

    sent = 0
    for user in BackgroundPasswordResetForm().get_users(email):
        context = {
            "email": email,
            "domain": domain,
            "site_name": site_name,
            "uid": urlsafe_base64_encode(force_bytes(user.pk)),
            "user": user,
            "token": default_token_generator.make_token(user),
            "protocol": "https" if use_https else "http",
        }
        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        body = loader.render_to_string(email_template_name, context)
        html_body = loader.render_to_string(html_email_template_name, context) if html_email_template_name else ""
        queue_mail(subject, body, user.email, html_body=html_body, kind="password_reset")
        record("password_reset.mail", user=user, target=f"user:{user.pk} {user.get_username()}")
        sent += 1
    return sent
