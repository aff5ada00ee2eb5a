"""Formulir OPD: Wagtail's form builder for an OPD's surveys and registrations.

An OPD adds a *Formulir* page under its OPD home, builds its questions in the admin and reads the
answers at *Formulir* (Wagtail's submission listing, CSV/XLSX export), which Wagtail limits to
form pages the user may edit, that is, the OPD's own team.

A citizen's answers pass the honeypot, the judi-online gate (``spam_gate``) and a per-client quota
(``casework.antispam``), are stored in their own transaction, and only then is the notification
queued through ``outbox`` (delivered after commit; a failing mail server loses nothing). The form
builder offers no file field, so citizens upload nothing here.
"""

import logging

from django.db import models, transaction
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.forms import BaseForm, FormBuilder
from wagtail.contrib.forms.models import AbstractFormField, AbstractFormSubmission, EmailFormMixin, FormMixin
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from casework.antispam import HONEYPOT_FIELD, HoneypotFormMixin
from core.models import BasePage, ReviewScheduleMixin
from opd_pages.models import OpdContentMixin

logger = logging.getLogger("portal.opd_forms")


class OpdFormField(AbstractFormField):
    """One question of an OPD form."""

    page = ParentalKey("opd_forms.OpdFormPage", on_delete=models.CASCADE, related_name="form_fields")


class OpdFormSubmission(AbstractFormSubmission):
    """A citizen's answers; ``client_key`` (a keyed hash of the address) serves the quota only."""

    client_key = models.CharField(_("kunci klien"), max_length=64, blank=True, db_index=True, editable=False)

    class Meta:
        verbose_name = _("isian formulir")
        verbose_name_plural = _("isian formulir")


class OpdFormBuilder(FormBuilder):
    """Wagtail's builder, with the honeypot field of the citizens' forms added to every form."""

    def get_form_class(self):
        return type("OpdForm", (HoneypotFormMixin, BaseForm), self.formfields)


class OpdFormPage(OpdContentMixin, EmailFormMixin, FormMixin, ReviewScheduleMixin, BasePage):
    """Formulir: a survey or registration of an OPD, directly under its OPD home."""

    template = "pages/opd_form_page.html"
    landing_page_template = "pages/opd_form_page_landing.html"
    parent_page_types = ["opd_pages.OpdHomePage"]
    subpage_types = []
    kind_label = _("Formulir")
    form_builder = OpdFormBuilder

    intro = RichTextField(
        _("pengantar"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("Untuk apa formulir ini, siapa yang perlu mengisi dan bagaimana isian digunakan."),
    )
    thank_you_text = RichTextField(
        _("teks terima kasih"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Tampil setelah warga mengirim isian, misalnya kapan hasilnya diumumkan."),
    )
    closes_at = models.DateTimeField(
        _("ditutup pada"),
        null=True,
        blank=True,
        help_text=_("Sesudah waktu ini formulir tidak menerima isian lagi. Kosongkan bila terbuka terus."),
    )

    content_panels = BasePage.content_panels + [
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Pertanyaan"), heading=_("Pertanyaan")),
        FieldPanel("thank_you_text"),
        FieldPanel("closes_at"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("to_address"), FieldPanel("subject")])],
            heading=_("Pemberitahuan surel (opsional)"),
        ),
        *ReviewScheduleMixin.review_panels,
    ]

    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = _("formulir OPD")
        verbose_name_plural = _("formulir OPD")

    def get_submission_class(self):
        return OpdFormSubmission

    def get_submissions_list_view_class(self):
        from .views import OpdSubmissionsListView

        return OpdSubmissionsListView

    def is_closed(self, now=None):
        return bool(self.closes_at and (now or timezone.now()) >= self.closes_at)

    # -- the citizen's submission ------------------------------------------------------------
    def refusal(self, request, form):
        """Why this valid-looking submission is refused (message, status), or None to store it."""
        from audit.log import record
        from casework.antispam import client_key
        from spam_gate.checks import check_text

        from .quota import form_quota

        if self.is_closed():
            return _gettext("Formulir ini sudah ditutup dan tidak menerima isian lagi."), 410
        verdict = check_text(" \n".join(answer_texts(form.cleaned_data)), html=False)
        if verdict.is_spam:
            record("opd_forms.spam", request=request, outcome="denied", target=self.title[:100], reason="spam_gate")
            return _gettext("Isian tidak dapat dikirim karena memuat teks yang menyerupai promosi judi daring."), 400
        if form_quota().exceeded(client_key(request)):
            record("opd_forms.spam", request=request, outcome="denied", target=self.title[:100], reason="quota")
            return _gettext("Terlalu banyak isian dari alamat Anda dalam satu jam. Coba lagi nanti."), 429
        return None

    def store_submission(self, request, form):
        """Save the answers in their own transaction first; the notification comes after."""
        from casework.antispam import client_key

        from .quota import form_quota

        key = client_key(request)
        data = {name: value for name, value in form.cleaned_data.items() if name != HONEYPOT_FIELD}
        with transaction.atomic():
            submission = OpdFormSubmission.objects.create(form_data=data, page=self, client_key=key)
        form_quota().consume(key)
        if self.to_address:
            try:
                with transaction.atomic():
                    self.queue_notification(form, submission)
            except Exception:  # noqa: BLE001 - the answers are stored; a failing notification must not lose them
                logger.exception("Notification of form submission %s could not be queued", submission.pk)
        return submission

    def render_email(self, form):
        """Wagtail's "question: answer" lines, without the honeypot."""
        form.fields.pop(HONEYPOT_FIELD, None)
        return super().render_email(form)

    def queue_notification(self, form, submission):
        from outbox.mail import queue_mail

        addresses = [address.strip() for address in self.to_address.split(",") if address.strip()]
        subject = self.subject or _gettext("Isian baru: %(title)s") % {"title": self.title}
        queue_mail(subject, self.render_email(form), addresses, kind="opd_forms")

    def serve(self, request, *args, **kwargs):
        status = 200
        if request.method == "POST":
            form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
            status = 400
            if form.honeypot_tripped:
                form.add_error(None, _gettext("Isian tidak dapat dikirim. Kosongkan kolom 'Jangan isi kolom ini'."))
            elif form.is_valid():
                refused = self.refusal(request, form)
                if refused is None:
                    submission = self.store_submission(request, form)
                    response = self.render_landing_page(request, submission, *args, **kwargs)
                    add_never_cache_headers(response)
                    return response
                message, status = refused
                form.add_error(None, message)
        else:
            form = self.get_form(page=self, user=request.user)
        context = self.get_context(request)
        context["form"] = form
        context["form_closed"] = self.is_closed()
        response = TemplateResponse(request, self.get_template(request), context, status=status)
        # The form carries a CSRF token tied to the visitor's cookie: never a shared cached copy.
        add_never_cache_headers(response)
        return response


def answer_texts(cleaned_data):
    """The text of every answer, for the spam gate."""
    texts = []
    for value in cleaned_data.values():
        if isinstance(value, list | tuple):
            texts.extend(str(item) for item in value)
        elif isinstance(value, str):
            texts.append(value)
    return texts
