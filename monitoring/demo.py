"""Demo step: monitoring in the demo region "Kabupaten Contoh".

- stores the default thresholds (Pengaturan → Ambang pemantauan);
- makes the quiet OPDs (Kesbangpol, KecCibeureum) quiet in every kind of content: the region
  step dates their news four months back but their pengumuman and agenda recently;
- gives every OPD a team (groups only, through ``OpdTeamFactory``) and creates demo accounts:
  a Diskominfo officer, two active admins and an operator for Dinkes, one long-absent admin for
  Kesbangpol (KecCibeureum has none: its reminders go to Diskominfo);
- puts one Dinkes news item in moderation.

Idempotent: accounts, teams and the moderation item are looked up first; publication times
already older than the quiet cut-off are left alone.
"""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page, PageLogEntry, Revision

from demo import content
from opd_pages.factories import NewsPageFactory
from opd_pages.models import AnnouncementPage, EventPage, NewsIndexPage, OpdHomePage
from opd_teams.factories import OpdTeamFactory
from opd_teams.models import DISKOMINFO_GROUP

from .models import MonitoringSettings

QUIET_DAYS = 120
MODERATION_SLUG = "usulan-posyandu-keliling"


def _access_admin():
    return Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")


def quiet_down(opd, today):
    """Move the publication history of a quiet OPD's announcements and events before the cut-off."""
    cutoff = timezone.make_aware(
        datetime.datetime.combine(today - datetime.timedelta(days=QUIET_DAYS), datetime.time(9))
    )
    moved = 0
    pages = [
        *AnnouncementPage.objects.descendant_of(opd).order_by("path"),
        *EventPage.objects.descendant_of(opd).order_by("path"),
    ]
    for number, page in enumerate(pages):
        if not PageLogEntry.objects.filter(page=page, timestamp__gt=cutoff).exists():
            continue
        when = cutoff - datetime.timedelta(days=3 + number * 9)
        PageLogEntry.objects.filter(page=page).update(timestamp=when)
        Revision.page_revisions.filter(object_id=str(page.pk)).update(created_at=when)
        Page.objects.filter(pk=page.pk).update(
            first_published_at=when, last_published_at=when, latest_revision_created_at=when
        )
        if isinstance(page, AnnouncementPage):
            AnnouncementPage.objects.filter(pk=page.pk).update(date=timezone.localtime(when).date())
        moved += 1
    return moved


def _user(username, password, groups, last_login=None, **fields):
    user_model = get_user_model()
    user, created = user_model.objects.get_or_create(username=username, defaults=fields)
    if created:
        user.set_password(password)
        user.last_login = last_login
        user.save()
    user.groups.add(*groups)
    return user, created


def _team(acronym):
    opd = OpdHomePage.objects.filter(acronym=acronym).first()
    return OpdTeamFactory(opd=opd) if opd else None


def step(stdout=None, admin_password="demo-admin-2026", progress=None):
    now = timezone.now()
    today = timezone.localdate(now)
    access_admin = _access_admin()
    created_users = []
    with transaction.atomic():
        MonitoringSettings.load()
        moved = 0
        for spec in content.OPDS:
            opd = OpdHomePage.objects.filter(acronym=spec["acronym"]).first()
            if opd is None:
                continue
            OpdTeamFactory(opd=opd)
            if spec.get("quiet"):
                moved += quiet_down(opd, today)

        diskominfo = Group.objects.get_or_create(name=DISKOMINFO_GROUP)[0]
        diskominfo.permissions.add(access_admin)
        accounts = [
            ("diskominfo", diskominfo, "Petugas", "Diskominfo", now - datetime.timedelta(days=1)),
        ]
        dinkes, kesbangpol = _team("Dinkes"), _team("Kesbangpol")
        if dinkes:
            accounts += [
                ("admin.dinkes", dinkes.admin_group, "Rina", "Admin Dinkes", now - datetime.timedelta(days=2)),
                ("admin2.dinkes", dinkes.admin_group, "Yusuf", "Admin Dinkes", now - datetime.timedelta(days=20)),
                ("operator.dinkes", dinkes.operator_group, "Sari", "Operator Dinkes", now - datetime.timedelta(days=1)),
            ]
        if kesbangpol:
            accounts.append(
                (
                    "admin.kesbangpol",
                    kesbangpol.admin_group,
                    "Dedi",
                    "Admin Kesbangpol",
                    now - datetime.timedelta(days=200),
                )
            )
        for username, group, first_name, last_name, last_login in accounts:
            group.permissions.add(access_admin)
            _user_obj, created = _user(
                username,
                admin_password,
                [group],
                last_login=last_login,
                first_name=first_name,
                last_name=last_name,
                email=f"{username}@contohkab.go.id",
            )
            if created:
                created_users.append(username)

        moderation = _put_news_in_moderation(dinkes) if dinkes else False

    if stdout is not None:
        stdout.write(
            "Pemantauan OPD: /admin/pemantauan/ (Diskominfo). Akun demo (sandi sama dengan admin): "
            "diskominfo, admin.dinkes, admin2.dinkes, operator.dinkes, admin.kesbangpol. "
            "Pengingat: manage.py send_opd_reminders (surel di var/mail)."
        )
    return {"created_users": created_users, "quiet_pages_moved": moved, "moderation_item": moderation}


def _put_news_in_moderation(team):
    """A draft news item of the team's OPD submitted for approval by its operator."""
    news_index = NewsIndexPage.objects.child_of(team.opd).first()
    if news_index is None or Page.objects.filter(slug=MODERATION_SLUG).exists():
        return False
    operator = team.operators().first()
    page = NewsPageFactory(
        parent=news_index,
        title="Usulan: Posyandu keliling di Desa Sukamaju",
        slug=MODERATION_SLUG,
        lead="Posyandu keliling hadir setiap Sabtu pekan kedua.",
        live=False,
    )
    page.save_revision(user=operator)
    workflow = page.get_workflow()
    if workflow is None:
        return False
    workflow.start(page, operator)
    return True
