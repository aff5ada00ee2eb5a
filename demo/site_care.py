"""Demo step: forms, "membantu?" votes, link care and review care in Dinkes (Kabupaten Contoh).

- a *Survei Kepuasan Masyarakat* form under Dinkes with three citizens' answers;
- a dozen "Apakah halaman ini membantu?" votes (some with comments) on Dinkes news;
- a news item linking to a page that no longer exists, and a real link check of Dinkes
  (internal links only are stored from the demo's own content; external ones are checked by HTTP);
- the Dinkes *Kontak* page due for review (its "tinjau paling lambat" date has passed), so
  ``manage.py send_review_reminders`` queues a reminder to its owner and the Dinkes admins.

Idempotent: each object is looked up by its slug or page before it is made.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from demo.region import local_datetime, publish_at
from link_care.checker import HttpChecker, check_opd
from link_care.models import LinkResult
from opd_forms.models import OpdFormPage, OpdFormSubmission
from opd_pages.models import NewsIndexPage, NewsPage, OpdHomePage, ProfilePage
from page_feedback.models import PageFeedback
from tests.factories.opd_forms import make_survey
from tests.factories.opd_pages import NewsPageFactory

SURVEY_SLUG = "survei-kepuasan"
BROKEN_LINK_SLUG = "jadwal-posyandu-diperbarui"
BROKEN_LINK_TITLE = "Jadwal posyandu diperbarui"
ANSWERS = [
    {"nama": "Siti Aminah", "seberapa_puas_anda_dengan_layanan_kami": "Puas", "saran": "Antrean pagi dipercepat."},
    {"nama": "Budi Santoso", "seberapa_puas_anda_dengan_layanan_kami": "Sangat puas", "saran": ""},
    {"nama": "Dewi Lestari", "seberapa_puas_anda_dengan_layanan_kami": "Kurang puas", "saran": "Parkir sempit."},
]
VOTES = [
    (True, ""),
    (True, "Jelas, terima kasih."),
    (True, ""),
    (False, "Jam buka puskesmas hari Sabtu tidak disebutkan."),
    (True, ""),
    (False, ""),
    (True, ""),
    (True, "Informasinya lengkap."),
]


def step(stdout=None, admin_password=None, progress=None):
    dinkes = OpdHomePage.objects.filter(acronym="Dinkes").first()
    if dinkes is None:
        return {}
    with transaction.atomic():
        survey = _survey(dinkes)
        votes = _votes(dinkes)
        _broken_link_news(dinkes)
        due = _due_review(dinkes)
    run = check_opd(dinkes, http=HttpChecker(timeout=3, host_delay=0.5))
    if stdout is not None:
        stdout.write(
            f"Formulir: {survey.url} ({OpdFormSubmission.objects.filter(page=survey).count()} isian, admin: Formulir). "
            f"Membantu?: {votes} penilaian Dinkes. Tautan rusak Dinkes: {run.broken} (manage.py check_links). "
            f"Tinjauan jatuh tempo: {due} (manage.py send_review_reminders)."
        )
    return {"survey": survey.pk, "broken_links": LinkResult.objects.broken().filter(opd=dinkes).count()}


def _survey(dinkes):
    survey = OpdFormPage.objects.child_of(dinkes).filter(slug=SURVEY_SLUG).first()
    if survey is None:
        survey = make_survey(dinkes, slug=SURVEY_SLUG)
    if not OpdFormSubmission.objects.filter(page=survey).exists():
        for number, answer in enumerate(ANSWERS):
            submission = OpdFormSubmission.objects.create(page=survey, form_data=answer)
            OpdFormSubmission.objects.filter(pk=submission.pk).update(
                submit_time=timezone.now() - datetime.timedelta(days=number + 1)
            )
    return survey


def _votes(dinkes):
    if not PageFeedback.objects.filter(opd=dinkes).exists():
        news = list(NewsPage.objects.live().descendant_of(dinkes).order_by("-date")[:3])
        now = timezone.now()
        for number, (helpful, comment) in enumerate(VOTES):
            if news:
                PageFeedback.objects.create(
                    page=news[number % len(news)],
                    opd=dinkes,
                    helpful=helpful,
                    comment=comment,
                    received_at=now - datetime.timedelta(days=number * 3),
                )
    return PageFeedback.objects.filter(opd=dinkes).count()


def _broken_link_news(dinkes):
    index = NewsIndexPage.objects.child_of(dinkes).order_by("path").first()
    if index is None or NewsPage.objects.descendant_of(dinkes).filter(title=BROKEN_LINK_TITLE).exists():
        return
    published_on = timezone.localdate() - datetime.timedelta(days=200)
    page = NewsPageFactory(
        parent=index,
        title=BROKEN_LINK_TITLE,
        # Old enough that no other demo step (front page, proposals) picks it as Dinkes' newest news.
        date=published_on,
        slug=BROKEN_LINK_SLUG,
        lead="Jadwal posyandu bulan ini sudah diperbarui.",
        body=[
            (
                "paragraph",
                '<p>Lihat <a href="/dinkes/jadwal-posyandu-2019/">jadwal lama</a> dan '
                f'<a href="{dinkes.url}">beranda Dinkes</a>.</p>',
            )
        ],
    )
    publish_at(page, local_datetime(published_on), None)  # its publication history matches its date


def _due_review(dinkes):
    page = ProfilePage.objects.child_of(dinkes).filter(profile_type="kontak").first()
    if page is None:
        return 0
    if page.review_by is None:
        page.review_by = timezone.localdate() - datetime.timedelta(days=5)
        page.save_revision().publish()
    return ProfilePage.objects.child_of(dinkes).filter(review_due__lte=timezone.localdate()).count()
