"""Demo step: monitoring in the demo region "Kabupaten Contoh".

- stores the default thresholds (Pengaturan → Ambang pemantauan);
- makes the quiet OPDs (Kesbangpol, KecCibeureum) quiet in every kind of content: the region
  step dates their news four months back but their pengumuman and agenda recently;
- makes sure every OPD has a team (the opd_teams step onboards them; without it, groups through
  ``OpdTeamFactory`` and one demo admin each) and gives admins a realistic last login: recent for
  active OPDs, 200 days ago for the quiet ones (so they show fewer than two active admins);
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
from opd_teams.models import DISKOMINFO_GROUP, OpdTeam

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
        if not diskominfo.user_set.exists():
            diskominfo.permissions.add(access_admin)
            _user_obj, created = _user(
                "diskominfo",
                admin_password,
                [diskominfo],
                last_login=now - datetime.timedelta(days=1),
                first_name="Petugas",
                last_name="Diskominfo",
                email="diskominfo@contohkab.go.id",
            )
            created_users += ["diskominfo"] if created else []
        quiet = {spec["acronym"] for spec in content.OPDS if spec.get("quiet")}
        for number, team in enumerate(OpdTeam.objects.select_related("opd").order_by("opd__path")):
            admins = list(team.admins())
            if not admins:
                # No onboarding step ran: one demo admin per OPD so the scorecard and reminders have someone.
                team.admin_group.permissions.add(access_admin)
                slug = team.opd.slug
                user, created = _user(
                    f"{slug}.admin",
                    admin_password,
                    [team.admin_group],
                    first_name="Admin",
                    last_name=team.opd.acronym,
                    email=f"{slug}.admin@contohkab.go.id",
                )
                admins = [user]
                created_users += [user.username] if created else []
            # Realistic logins: admins of active OPDs came in recently, those of quiet OPDs long ago.
            for position, user in enumerate(admins):
                if user.last_login is None:
                    days = 200 if team.opd.acronym in quiet else 1 + (number + position * 7) % 30
                    type(user).objects.filter(pk=user.pk).update(last_login=now - datetime.timedelta(days=days))
        dinkes = OpdTeam.objects.filter(opd__acronym="Dinkes").first()
        if dinkes and not dinkes.operators().exists():
            dinkes.operator_group.permissions.add(access_admin)
            _user(
                "dinkes.operator",
                admin_password,
                [dinkes.operator_group],
                first_name="Operator",
                last_name="Dinkes",
                email="dinkes.operator@contohkab.go.id",
            )
        moderation = _put_news_in_moderation(dinkes) if dinkes else False

    if stdout is not None:
        stdout.write(
            "Pemantauan OPD: /admin/pemantauan/ (akun diskominfo atau admin); kartu OPD sendiri di beranda admin "
            "(mis. dinkes.admin). Pengingat: manage.py send_opd_reminders (surel di var/mail/)."
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
