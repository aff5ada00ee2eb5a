"""Builders shared by the monitoring tests: dated publications, OPD teams with members."""

import datetime
import zoneinfo

from django.contrib.auth.models import Group, Permission
from wagtail.models import Page, PageLogEntry

from opd_pages.models import NewsIndexPage
from opd_teams.models import DISKOMINFO_GROUP
from tests.factories.opd_pages import NewsPageFactory
from tests.factories.opd_teams import OpdTeamFactory, UserFactory

WIB = zoneinfo.ZoneInfo("Asia/Jakarta")
NOW = datetime.datetime(2026, 6, 15, 10, 0, tzinfo=WIB)


def days_ago(days, now=NOW):
    return now - datetime.timedelta(days=days)


def publish(page, when):
    """Publish ``page`` with Wagtail's publish action, dating the new log entries ``when``."""
    last_id = PageLogEntry.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    page.save_revision(log_action=True).publish(log_action=True)
    PageLogEntry.objects.filter(pk__gt=last_id, page=page).update(timestamp=when)
    return page


def publish_news(opd, when, **kwargs):
    news_index = NewsIndexPage.objects.child_of(opd).get()
    return publish(NewsPageFactory(parent=news_index, live=False, **kwargs), when)


def access_admin():
    return Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")


def make_team(opd, admins=0, operators=0, last_login=None, prefix=None):
    """The OPD's team with ``admins`` admins and ``operators`` operators (admin access granted)."""
    team = OpdTeamFactory(opd=opd)
    team.admin_group.permissions.add(access_admin())
    team.operator_group.permissions.add(access_admin())
    prefix = prefix or opd.acronym.lower()
    members = {"admins": [], "operators": []}
    for role, group, count in (("admins", team.admin_group, admins), ("operators", team.operator_group, operators)):
        for number in range(count):
            user = UserFactory(username=f"{role[:-1]}.{prefix}{number}", last_login=last_login or days_ago(1))
            user.groups.add(group)
            members[role].append(user)
    return team, members


def make_diskominfo_user(username="petugas.diskominfo", email="petugas@diskominfo.contohkab.go.id"):
    group = Group.objects.get_or_create(name=DISKOMINFO_GROUP)[0]
    group.permissions.add(access_admin())
    user = UserFactory(username=username, email=email, last_login=days_ago(1))
    user.groups.add(group)
    return user


def page_count():
    return Page.objects.count()
