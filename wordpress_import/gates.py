"""The two checks every imported item passes: the spam gate and the upload checks.

Both belong to other apps (``spam_gate`` and ``media_safety``); this module is the one place
the importer calls them, turning their verdicts into the reasons its report shows.
"""

from django.core.exceptions import ValidationError

from media_safety.checks import check_upload
from spam_gate.checks import check_text


def spam_reasons(title, html):
    """Why the spam gate refuses this content (empty when it passes)."""
    verdict = check_text(f"{title}\n{html}", html=True)
    return [str(reason) for reason in verdict.reasons] if verdict.is_spam else []


def upload_refusal(uploaded_file, kind):
    """The reason the upload checks refuse this file (``None`` when it is accepted)."""
    try:
        check_upload(uploaded_file, kind)
    except ValidationError as error:
        return "; ".join(str(message) for message in error.messages)
    return None
