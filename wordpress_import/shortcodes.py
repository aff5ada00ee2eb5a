"""WordPress shortcodes (``[gallery ids="1,2"]``, ``[caption]…[/caption]``, ``[embed]url[/embed]``).

Shortcodes are WordPress' own bracket syntax, not HTML, so they are handled here before the
HTML sanitiser sees the content: galleries and captioned images become placeholders the
converter turns into image blocks, embeds and audio/video become plain links (no iframes on
the portal), and every other shortcode is removed while the text it wraps is kept.
"""

import re
import shlex
from html import escape

NAME = r"[A-Za-z][\w-]*"
SHORTCODE = re.compile(
    r"\[(?P<escaped>\[)?(?P<name>" + NAME + r")(?P<attrs>(?:[^\[\]\"']|\"[^\"]*\"|'[^']*')*?)(?P<selfclose>/)?\]"
    r"(?:(?P<inner>.*?)\[/(?P=name)\])?(?(escaped)\])",
    re.DOTALL,
)
MEDIA_SHORTCODES = {"embed", "video", "audio", "playlist", "youtube", "vimeo"}
DROP_WITH_CONTENT = {"contact-form-7", "contact-form", "wpforms", "ninja_form", "instagram-feed", "fbcomments"}
KNOWN = {"gallery", "caption", "wp_caption", *MEDIA_SHORTCODES, *DROP_WITH_CONTENT}
LOWER_NAME = re.compile(r"^[a-z][a-z0-9_-]*$")
STRAY_CLOSER = re.compile(r"\[/(?P<name>[a-z][a-z0-9_-]*)\]")


def is_shortcode(match):
    """Bracketed text is a shortcode if WordPress would treat it as one, not "[Foto: Humas]"."""
    name = match.group("name")
    if not LOWER_NAME.match(name):
        return False
    attrs = match.group("attrs") or ""
    return name in KNOWN or match.group("inner") is not None or "=" in attrs or "_" in name


def parse_attributes(text):
    attributes = {}
    try:
        parts = shlex.split(text.replace("\u201d", '"').replace("\u201c", '"').replace("\u2033", '"'))
    except ValueError:
        parts = text.split()
    for part in parts:
        key, sep, value = part.partition("=")
        if sep:
            attributes[key.strip().lower()] = value.strip()
    return attributes


def _image_placeholder(attachment_id, caption=""):
    return f'<img data-wp-attachment="{int(attachment_id)}" data-caption="{escape(caption)}">'


def _media_link(attributes, inner):
    url = (inner or "").strip() or attributes.get("src") or attributes.get("url") or ""
    for key in ("mp4", "mp3", "ogg", "webm", "m4a", "wav"):
        url = url or attributes.get(key, "")
    if not url.startswith(("http://", "https://", "/")):
        return ""
    return f'<p><a href="{escape(url)}">{escape(url)}</a></p>'


def convert_shortcodes(content, found=None):
    """``content`` with every shortcode converted or removed; ``found`` counts them by name."""

    def replace(match):
        if not is_shortcode(match):
            return match.group(0)
        if match.group("escaped"):
            return "&#91;" + match.group(0)[2:-1]  # [[gallery]] is WordPress' way of writing a literal [gallery]
        name = match.group("name").lower()
        attributes = parse_attributes(match.group("attrs") or "")
        inner = match.group("inner")
        if found is not None:
            found[name] = found.get(name, 0) + 1
        if name == "gallery":
            ids = [part for part in re.split(r"[\s,]+", attributes.get("ids", "")) if part.isdigit()]
            return "".join(_image_placeholder(i) for i in ids)
        if name in {"caption", "wp_caption"}:
            inner = inner or ""
            caption = attributes.get("caption", "")
            image = re.search(r"<img[^>]*>", inner)
            text = re.sub(r"<a[^>]*>\s*<img[^>]*>\s*</a>|<img[^>]*>", "", inner).strip()
            caption = caption or re.sub(r"<[^>]+>", "", text).strip()
            attachment = re.search(r"attachment_(\d+)", attributes.get("id", ""))
            if attachment:
                return _image_placeholder(attachment.group(1), caption)
            return (image.group(0) if image else "") + (f"<p>{escape(caption)}</p>" if caption else "")
        if name in MEDIA_SHORTCODES:
            return _media_link(attributes, inner)
        if name in DROP_WITH_CONTENT or inner is None:
            return ""
        return convert_shortcodes(inner, found)

    previous = None
    while previous != content:  # nested shortcodes of different names
        previous = content
        content = SHORTCODE.sub(replace, content)
    return STRAY_CLOSER.sub(
        lambda m: "" if m.group("name") in (found or {}) or m.group("name") in KNOWN else m.group(0), content
    )


def has_shortcode(text):
    """True if ``text`` still holds something WordPress would run as a shortcode."""
    return any(is_shortcode(match) for match in SHORTCODE.finditer(text or ""))
