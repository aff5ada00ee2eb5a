"""Background tasks (django-tasks): the reminder job, enqueued by the admin button or a scheduler."""

from django_tasks import task

from .reminders import send_due_reminders


@task()
def send_due_reminders_task():
    """Send every due reminder to quiet OPDs; the result lists the acronyms sent, failed and skipped."""
    return send_due_reminders().as_dict()
