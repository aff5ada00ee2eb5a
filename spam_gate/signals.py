"""Backstop for every other way a page goes live (workflow approval, scheduled publishing, bulk
actions, scripts): a published page the gate rejects is unpublished at once and reported."""

from django.dispatch import receiver
from django.urls import reverse
from wagtail.signals import page_published

from .checks import check_page
from .notify import report_spam


@receiver(page_published)
def take_down_published_spam(sender, instance, revision=None, **kwargs):
    verdict = check_page(instance)
    if verdict.is_spam:
        instance.unpublish(user=None, log_action=True)
        report_spam(instance.title, verdict, admin_url=reverse("wagtailadmin_pages:edit", args=[instance.pk]))
