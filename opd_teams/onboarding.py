"""Open an OPD section in one step, and archive one.

:func:`onboard_opd` creates (in one transaction) the OPD home page with its standard
children, the admin and operator groups with page permissions on the subtree, a media
collection with permissions, a moderation workflow (operator → OPD admin) and the admin
accounts, each invited by e-mail. It can also adopt an existing OPD home page (the demo
region does). Running it again for the same acronym changes nothing.
"""

import dataclasses

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Collection, GroupApprovalTask, Page, Workflow, WorkflowPage, WorkflowTask

from audit import log as audit_log
from opd_hosts.sites import assign_hostname
from opd_pages.models import (
    OpdHomePage,
    OpdKind,
)
from opd_pages.skeleton import add_missing_profile_pages, build_sections

from .invitations import send_invitation
from .models import OpdTeam
from .roles import (
    ACCESS_ADMIN,
    COLLECTION_PERMISSIONS,
    OPD_ADMIN_PAGE_PERMISSIONS,
    OPD_OPERATOR_PAGE_PERMISSIONS,
    grant_collection_permissions,
    grant_page_permissions,
    permission,
    regional_home,
)

MIN_ADMINS = 2
ACRONYM_VALIDATOR = OpdHomePage._meta.get_field("acronym").validators[0]


class OnboardingError(Exception):
    """Onboarding refused; the message is for the Diskominfo operator (Bahasa Indonesia)."""


@dataclasses.dataclass
class OnboardingResult:
    team: OpdTeam
    created: bool
    invited: list = dataclasses.field(default_factory=list)


def admin_group_name(acronym):
    return f"{acronym} — Admin"


def operator_group_name(acronym):
    return f"{acronym} — Operator"


def clean_emails(emails):
    cleaned = []
    for email in emails:
        email = email.strip().lower()
        if not email:
            continue
        try:
            validate_email(email)
        except ValidationError as error:
            raise OnboardingError(_("Alamat surel tidak sah: %(email)s") % {"email": email}) from error
        if email not in cleaned:
            cleaned.append(email)
    return cleaned


def username_for_email(email):
    """The e-mail's local part when free (easy to remember), otherwise the whole address."""
    user_model = get_user_model()
    local_part = email.split("@", 1)[0]
    if not user_model.objects.filter(username__iexact=local_part).exists():
        return local_part
    return email


def get_or_create_member(email, group, first_name=""):
    """The active account for ``email`` (created without a usable password), added to ``group``."""
    user_model = get_user_model()
    user = user_model.objects.filter(email__iexact=email).order_by("pk").first()
    created = user is None
    if created:
        user = user_model(username=username_for_email(email), email=email, first_name=first_name)
        user.set_unusable_password()
        user.save()
    user.groups.add(group)
    return user, created


def _check_clashes(acronym, slug, home, adopt):
    taken = OpdHomePage.objects.filter(acronym__iexact=acronym)
    if adopt is not None:
        taken = taken.exclude(pk=adopt.pk)
        if adopt.acronym.lower() != acronym.lower():
            raise OnboardingError(_("Singkatan tidak cocok dengan halaman OPD yang diambil alih."))
    if taken.exists():
        raise OnboardingError(_("Singkatan %(acronym)s sudah dipakai OPD lain.") % {"acronym": acronym})
    siblings = home.get_children().filter(slug=slug)
    if adopt is not None:
        siblings = siblings.exclude(pk=adopt.pk)
    if siblings.exists():
        raise OnboardingError(
            _("Alamat /%(slug)s/ sudah dipakai halaman lain di bawah beranda daerah.") % {"slug": slug}
        )
    for name in (admin_group_name(acronym), operator_group_name(acronym)):
        if Group.objects.filter(name=name).exists():
            raise OnboardingError(_("Grup %(name)s sudah ada; hapus atau ganti namanya dulu.") % {"name": name})
    collection = Collection.objects.filter(name=acronym).first()
    if collection is not None and OpdTeam.objects.filter(collection=collection).exists():
        raise OnboardingError(_("Koleksi media %(name)s sudah dipakai OPD lain.") % {"name": acronym})


def _publish(page, user):
    page.save_revision(user=user, log_action=True).publish(user=user)


def create_section(home, title, acronym, kind, user=None):
    """The OPD home (published) with the standard sections of :mod:`opd_pages.skeleton`."""
    opd = home.add_child(instance=OpdHomePage(title=title, acronym=acronym, slug=slugify(acronym), kind=kind))
    _publish(opd, user)
    build_sections(opd, user)
    return opd


def create_moderation_workflow(opd, admin_group):
    workflow = Workflow.objects.create(name=_("Moderasi %(acronym)s") % {"acronym": opd.acronym})
    task = GroupApprovalTask.objects.create(name=_("Persetujuan admin %(acronym)s") % {"acronym": opd.acronym})
    task.groups.set([admin_group])
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.update_or_create(page=opd, defaults={"workflow": workflow})
    return workflow


def create_team(opd):
    """Groups with page permissions on the subtree, the collection, and the moderation workflow."""
    admin_group = Group.objects.create(name=admin_group_name(opd.acronym))
    operator_group = Group.objects.create(name=operator_group_name(opd.acronym))
    access_admin = permission(ACCESS_ADMIN)
    for group, page_codenames in (
        (admin_group, OPD_ADMIN_PAGE_PERMISSIONS),
        (operator_group, OPD_OPERATOR_PAGE_PERMISSIONS),
    ):
        group.permissions.add(access_admin)
        grant_page_permissions(group, opd, page_codenames)
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=opd.acronym).first() or root.add_child(name=opd.acronym)
    grant_collection_permissions(admin_group, collection, COLLECTION_PERMISSIONS["admin"])
    grant_collection_permissions(operator_group, collection, COLLECTION_PERMISSIONS["operator"])
    create_moderation_workflow(opd, admin_group)
    return OpdTeam.objects.create(
        opd=opd, admin_group=admin_group, operator_group=operator_group, collection=collection
    )


def onboard_opd(*, title, acronym, kind, admin_emails, adopt=None, user=None, invite=True, hostname=""):
    """Open (or adopt) the OPD section ``acronym`` with its team; a no-op when it already has one.

    ``hostname`` (optional) serves the section at its own address too (a Wagtail Site, see
    ``opd_hosts.sites.assign_hostname``).

    Raises :class:`OnboardingError` (nothing created) on bad input or a clash.
    """
    acronym = (acronym or "").strip()
    title = (title or "").strip()
    try:
        ACRONYM_VALIDATOR(acronym)
    except ValidationError as error:
        raise OnboardingError(_("Singkatan tidak sah: gunakan huruf, angka atau tanda hubung saja.")) from error
    existing = OpdTeam.objects.filter(opd__acronym__iexact=acronym).select_related("opd").first()
    if existing is not None:
        return OnboardingResult(team=existing, created=False)
    if not title:
        raise OnboardingError(_("Nama OPD wajib diisi."))
    if kind not in OpdKind.values:
        raise OnboardingError(_("Jenis OPD tidak dikenal."))
    emails = clean_emails(admin_emails)
    if len(emails) < MIN_ADMINS:
        raise OnboardingError(_("Isi alamat surel sedikitnya dua admin agar situs tidak bergantung pada satu orang."))
    home = adopt.get_parent().specific if adopt is not None else regional_home()
    if home is None:
        raise OnboardingError(_("Beranda daerah belum ada."))

    with transaction.atomic():
        _check_clashes(acronym, slugify(acronym), home, adopt)
        if adopt is None:
            opd = create_section(home, title, acronym, kind, user=user)
        else:
            opd = adopt
            add_missing_profile_pages(opd, user)
        team = create_team(opd)
        if hostname:
            try:
                assign_hostname(opd, hostname)
            except ValidationError as error:
                raise OnboardingError(" ".join(error.messages)) from error
        invited = []
        for email in emails:
            member, created = get_or_create_member(email, team.admin_group)
            if created:
                invited.append(member)
        if invite:
            for member in invited:
                send_invitation(member, team, _("admin"))  # stored in this transaction (outbox)
        audit_log.record(
            "opd.onboard",
            user=user,
            opd=opd,
            target=acronym,
            adopted=adopt is not None,
            admins=[member.get_username() for member in team.admins()],
            hostname=hostname or "",
        )
    return OnboardingResult(team=team, created=True, invited=invited)


def adopt_opd(opd, admin_emails, user=None):
    """Give an existing OPD home page its team (demo region, generated regions), without invitations."""
    return onboard_opd(
        title=opd.title,
        acronym=opd.acronym,
        kind=opd.kind,
        admin_emails=admin_emails,
        adopt=opd,
        user=user,
        invite=False,
    )


def archive_opd(team, user=None):
    """Unpublish the OPD section with redirects to the regional home, deactivate its accounts; keep content."""
    if team.archived_at is not None:
        return {"unpublished": 0, "deactivated": 0}
    home = team.opd.get_parent()
    with transaction.atomic():
        pages = list(Page.objects.descendant_of(team.opd, inclusive=True).live().specific())
        for page in pages:
            site_id, _root_url, path = page.get_url_parts() or (None, None, None)
            if path:
                Redirect.objects.update_or_create(
                    old_path=Redirect.normalise_path(path),
                    site_id=site_id,
                    defaults={"redirect_page": home, "is_permanent": False},
                )
        for page in pages:
            # One by one: Wagtail's include_descendants re-checks the acting user's rights per page.
            UnpublishPageAction(page, user=user).execute(skip_permission_checks=True)
        other_teams = OpdTeam.objects.exclude(pk=team.pk).filter(archived_at__isnull=True)
        keep = set(other_teams.values_list("admin_group__user", flat=True)) | set(
            other_teams.values_list("operator_group__user", flat=True)
        )
        members = team.members().filter(is_active=True).exclude(pk__in=keep)
        deactivated = members.update(is_active=False)
        team.archived_at = timezone.now()
        team.save(update_fields=["archived_at"])
        audit_log.record(
            "opd.archive",
            user=user,
            opd=team.opd,
            target=team.opd.acronym,
            unpublished=len(pages),
            deactivated=deactivated,
        )
    return {"unpublished": len(pages), "deactivated": deactivated}
