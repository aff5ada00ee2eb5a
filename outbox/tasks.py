from django_tasks import task

from .models import OutgoingMail


@task()
def deliver_mail(mail_id):
    from .mail import deliver

    mail = OutgoingMail.objects.filter(pk=mail_id).exclude(status=OutgoingMail.Status.SENT).first()
    if mail is not None:
        deliver(mail)
