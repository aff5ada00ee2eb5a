"""Demo step: platform groups, a real team for every demo OPD, and printed demo logins."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils.text import slugify
from wagtail.images import get_image_model

from opd_pages.models import NewsPage, OpdHomePage
from opd_teams.models import DISKOMINFO_GROUP, HUMAS_GROUP, OpdTeam
from opd_teams.onboarding import adopt_opd
from opd_teams.roles import ensure_platform_groups, regional_collection

DEMO_PASSWORD = "demo-opd-2026"
DEMO_DOMAIN = "contohkab.go.id"
#: OPDs whose admin and operator get a known demo password.
DEMO_LOGIN_OPDS = ["Dinkes", "Disdukcapil"]


def demo_user(username, email, first_name, groups):
    user_model = get_user_model()
    user, created = user_model.objects.get_or_create(
        username=username, defaults={"email": email, "first_name": first_name}
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
    user.groups.add(*groups)
    return user


def move_demo_images_into_collection(team):
    """The demo region puts its pictures in a shared collection; each OPD's belong in its own."""
    image_ids = set(NewsPage.objects.descendant_of(team.opd).values_list("main_image", flat=True))
    image_ids.add(team.opd.logo_id)
    team_collections = OpdTeam.objects.values("collection")
    get_image_model().objects.filter(pk__in=image_ids - {None}).exclude(collection__in=team_collections).update(
        collection=team.collection
    )


def ensure_pending_upload(team, operator):
    """An operator's document waiting in *Persetujuan media* (not public until an admin approves it)."""
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    title = f"Jadwal layanan {team.opd.acronym} (menunggu persetujuan)"
    document_model = get_document_model()
    if not document_model.objects.filter(title=title).exists():
        document_model.objects.create(
            title=title,
            collection=team.collection,
            uploaded_by_user=operator,
            file=ContentFile(b"Jadwal layanan (contoh).\n", name=f"jadwal-layanan-{slugify(team.opd.acronym)}.txt"),
        )


def step(stdout=None, admin_password=None, progress=None):
    """Create the roles and teams for the demo region (idempotent); print the demo logins."""
    with transaction.atomic():
        groups = ensure_platform_groups()
        demo_user("diskominfo", f"diskominfo.portal@{DEMO_DOMAIN}", "Tim Diskominfo", [groups["diskominfo"]])
        demo_user("humas", f"humas@{DEMO_DOMAIN}", "Humas Setda", [Group.objects.get(name=HUMAS_GROUP)])
    created = []
    opds = list(OpdHomePage.objects.order_by("path"))
    for index, opd in enumerate(opds, start=1):
        if not OpdTeam.objects.filter(opd=opd).exists():
            slug = slugify(opd.acronym)
            adopt_opd(opd, [f"{slug}.admin@{DEMO_DOMAIN}", f"{slug}.admin2@{DEMO_DOMAIN}"])
            created.append(opd.acronym)
        if progress:
            progress(index, len(opds), opd.acronym)
    for team in OpdTeam.objects.select_related("opd", "collection"):
        move_demo_images_into_collection(team)
    # What is left (the region's emblem) is the region's own media, edited by Humas.
    get_image_model().objects.exclude(collection__in=OpdTeam.objects.values("collection")).update(
        collection=regional_collection()
    )
    logins = [("diskominfo", DISKOMINFO_GROUP), ("humas", HUMAS_GROUP)]
    for team in OpdTeam.objects.filter(opd__acronym__in=DEMO_LOGIN_OPDS).select_related("opd"):
        slug = slugify(team.opd.acronym)
        admin = get_user_model().objects.filter(username=f"{slug}.admin").first()
        if admin is not None and not admin.has_usable_password():
            admin.set_password(DEMO_PASSWORD)
            admin.save()
        operator = demo_user(
            f"{slug}.operator", f"{slug}.operator@{DEMO_DOMAIN}", f"Operator {team.opd.acronym}", [team.operator_group]
        )
        ensure_pending_upload(team, operator)
        logins += [(f"{slug}.admin", f"Admin {team.opd.acronym}"), (f"{slug}.operator", f"Operator {team.opd.acronym}")]
    if stdout is not None:
        stdout.write(f"Tim OPD: {len(created)} tim baru. Akun demo (sandi: {DEMO_PASSWORD}):")
        for username, role in logins:
            stdout.write(f"  {username:<24} {role}")
    return {"created_teams": created, "logins": [username for username, _role in logins], "password": DEMO_PASSWORD}
