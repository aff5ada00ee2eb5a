"""Demo step: monitoring in the demo region "Kabupaten Contoh".

- stores the default thresholds (Pengaturan → Ambang pemantauan);
- gives the OPD admins (accounts made by the opd_teams step) a realistic last login: recent for
  active OPDs, 200 days ago for the quiet ones (so they show fewer than two active admins);
- puts one Dinkes news item in moderation.

The quiet OPDs themselves (Kesbangpol, KecCibeureum: nothing published for four months) come
from the region step. Idempotent: logins already set and the moderation item are left alone.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from demo import content
from monitoring.models import MonitoringSettings
from opd_pages.models import NewsIndexPage
from opd_teams.models import OpdTeam
from tests.factories.opd_pages import NewsPageFactory

MODERATION_SLUG = "usulan-posyandu-keliling"
QUIET_ADMIN_LAST_LOGIN_DAYS = 200


def step(stdout=None, admin_password=None, progress=None):
    now = timezone.now()
    quiet = {spec["acronym"] for spec in content.OPDS if spec.get("quiet")}
    with transaction.atomic():
        MonitoringSettings.load()
        for number, team in enumerate(OpdTeam.objects.select_related("opd").order_by("opd__path")):
            # Realistic logins: admins of active OPDs came in recently, those of quiet OPDs long ago.
            for position, user in enumerate(team.admins().filter(last_login__isnull=True)):
                days = QUIET_ADMIN_LAST_LOGIN_DAYS if team.opd.acronym in quiet else 1 + (number + position * 7) % 30
                type(user).objects.filter(pk=user.pk).update(last_login=now - datetime.timedelta(days=days))
        dinkes = OpdTeam.objects.filter(opd__acronym="Dinkes").first()
        moderation = _put_news_in_moderation(dinkes) if dinkes else False

    if stdout is not None:
        stdout.write(
            "Pemantauan OPD: /admin/pemantauan/ (akun diskominfo atau admin); kartu OPD sendiri di beranda admin "
            "(mis. dinkes.admin). Pengingat: manage.py send_opd_reminders (surel di var/mail/)."
        )
    return {"moderation_item": moderation}


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
