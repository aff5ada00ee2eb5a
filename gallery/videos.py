"""Video embeds from the one allow-listed provider, YouTube, played from youtube-nocookie.com.

Nothing is loaded from YouTube until the visitor asks: the album page shows a local
placeholder with a link; only the page answering that link (``?video=<n>``) carries the
``<iframe>``, and the public CSP's ``frame-src`` allows this one origin only
(``security_headers.policies.VIDEO_FRAME_ORIGIN``).
"""

import re
from urllib.parse import parse_qs, urlsplit

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

EMBED_ORIGIN = "https://www.youtube-nocookie.com"
VIDEO_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be", "www.youtube-nocookie.com"}
PATH_PREFIXES = ("/embed/", "/shorts/", "/live/", "/v/")


def youtube_id(url):
    """The video id of a YouTube address (watch, youtu.be, embed, shorts, live), or None."""
    try:
        parts = urlsplit((url or "").strip())
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or (parts.hostname or "") not in HOSTS:
        return None
    if parts.hostname == "youtu.be":
        candidate = parts.path.strip("/")
    elif parts.path == "/watch":
        candidate = (parse_qs(parts.query).get("v") or [""])[0]
    else:
        prefix = next((p for p in PATH_PREFIXES if parts.path.startswith(p)), None)
        candidate = parts.path[len(prefix) :].strip("/") if prefix else ""
    return candidate if VIDEO_ID.match(candidate) else None


def validate_youtube_url(url):
    if youtube_id(url) is None:
        raise ValidationError(
            _("Hanya video YouTube yang dapat ditampilkan. Tempel alamat seperti https://www.youtube.com/watch?v=…"),
            code="video_provider",
        )


def embed_url(video_id):
    return f"{EMBED_ORIGIN}/embed/{video_id}?autoplay=1&rel=0"


def watch_url(video_id):
    return f"https://www.youtube.com/watch?v={video_id}"
