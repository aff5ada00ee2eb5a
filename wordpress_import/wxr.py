"""Stream a WordPress export (WXR 1.1/1.2) item by item, in flat memory.

Real exports are messy: ``http`` and ``https`` namespace URIs, invalid UTF-8 bytes, control
characters XML forbids, HTML entities (``&nbsp;``) outside CDATA, and files of hundreds of
megabytes. :class:`CleaningReader` repairs the byte stream on the fly, and :func:`read_export`
feeds it to an incremental parser, hands out one :class:`WxrItem` at a time and clears every
parsed element, so memory does not grow with the file. External entities are never resolved
(``xml.etree`` does not fetch them) and expat refuses entity-expansion bombs.
"""

import dataclasses
import html
import re
import xml.etree.ElementTree as ET
from codecs import getincrementaldecoder
from html.entities import name2codepoint

from django.utils.translation import gettext as _

CHUNK_SIZE = 256 * 1024
XML_ENTITIES = {"amp", "lt", "gt", "quot", "apos"}
# Characters XML 1.0 forbids (C0 controls except tab, newline, carriage return; lone surrogates).
INVALID_XML_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
ENTITY = re.compile(r"&([A-Za-z][A-Za-z0-9]{1,31});")
BARE_AMPERSAND = re.compile(r"&(?!(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#x[0-9A-Fa-f]{1,6});)")
XML_DECLARATION_ENCODING = re.compile(r"(<\?xml[^>]*encoding=)([\"'])[^\"']*\2")


class WxrError(Exception):
    """The file is not a readable WordPress export; the message is for the operator."""


def _entity_to_reference(match):
    name = match.group(1)
    if name in XML_ENTITIES:
        return match.group(0)
    codepoint = name2codepoint.get(name)
    return f"&#{codepoint};" if codepoint else f"&amp;{name};"


def clean_text(text):
    text = INVALID_XML_CHARS.sub("", text)
    text = BARE_AMPERSAND.sub("&amp;", text)
    return ENTITY.sub(_entity_to_reference, text)


class CleaningReader:
    """Read a binary file as repaired UTF-8 chunks that never split an entity or a tag."""

    def __init__(self, binary_file, chunk_size=CHUNK_SIZE):
        self.file = binary_file
        self.chunk_size = chunk_size
        self.decoder = getincrementaldecoder("utf-8")(errors="replace")
        self.carry = ""
        self.first = True
        self.replaced_bytes = 0

    def chunks(self):
        while True:
            raw = self.file.read(self.chunk_size)
            final = not raw
            text = self.carry + self.decoder.decode(raw, final=final)
            self.replaced_bytes += text.count("\ufffd") - self.carry.count("\ufffd")
            if final:
                self.carry = ""
            else:
                # Hold back everything after the last '>' so an entity is never cut in two.
                cut = text.rfind(">") + 1
                if cut == 0:
                    cut = max(len(text) - 64, 0)
                text, self.carry = text[:cut], text[cut:]
            if self.first and text:
                text = XML_DECLARATION_ENCODING.sub(r"\1\2UTF-8\2", text.lstrip("\ufeff"), count=1)
                self.first = False
            if text:
                yield clean_text(text).encode("utf-8")
            if final:
                return


def local_name(tag):
    """``{namespace}name`` → ``prefix:name`` with a stable prefix whatever the WXR version."""
    if not tag.startswith("{"):
        return tag
    uri, name = tag[1:].split("}", 1)
    if "/excerpt/" in uri:
        return f"excerpt:{name}"
    if "wordpress.org/export/" in uri:
        return f"wp:{name}"
    if "purl.org/rss/1.0/modules/content" in uri:
        return f"content:{name}"
    if "purl.org/dc/elements" in uri:
        return f"dc:{name}"
    if "wellformedweb.org" in uri:
        return f"wfw:{name}"
    return name


def _text(element, name, default=""):
    for child in element:
        if local_name(child.tag) == name:
            return (
                (child.text or "").strip() if name not in {"content:encoded", "excerpt:encoded"} else child.text or ""
            )
    return default


@dataclasses.dataclass
class WxrTerm:
    domain: str  # "category" or "post_tag"
    slug: str
    name: str


@dataclasses.dataclass
class WxrItem:
    """One ``<item>`` of the export: a post, page, attachment, menu item or anything else."""

    wp_id: int
    post_type: str
    status: str
    title: str
    link: str
    slug: str
    author: str
    content: str
    excerpt: str
    date: str
    date_gmt: str
    modified_gmt: str
    parent_id: int
    menu_order: int
    password: str
    attachment_url: str
    terms: list
    meta: dict
    comment_count: int

    @property
    def thumbnail_id(self):
        value = self.meta.get("_thumbnail_id", "")
        return int(value) if value.isdigit() else None

    @property
    def attached_file(self):
        return self.meta.get("_wp_attached_file", "")


@dataclasses.dataclass
class WxrSite:
    title: str = ""
    link: str = ""
    base_site_url: str = ""
    base_blog_url: str = ""
    wxr_version: str = ""
    authors: dict = dataclasses.field(default_factory=dict)  # login → display name
    categories: dict = dataclasses.field(default_factory=dict)  # slug → name
    tags: dict = dataclasses.field(default_factory=dict)  # slug → name


def _int(value, default=0):
    value = (value or "").strip()
    return int(value) if value.lstrip("-").isdigit() else default


def parse_item(element):
    terms, meta, comments = [], {}, 0
    for child in element:
        name = local_name(child.tag)
        if name == "category":
            domain = child.get("domain", "")
            if domain in {"category", "post_tag"}:
                label = html.unescape((child.text or "").strip())
                terms.append(WxrTerm(domain=domain, slug=child.get("nicename", "") or label.lower(), name=label))
        elif name == "wp:postmeta":
            meta[_text(child, "wp:meta_key")] = _text(child, "wp:meta_value")
        elif name == "wp:comment":
            comments += 1
    return WxrItem(
        wp_id=_int(_text(element, "wp:post_id")),
        post_type=_text(element, "wp:post_type") or "post",
        status=_text(element, "wp:status") or "draft",
        title=html.unescape(_text(element, "title")),
        link=_text(element, "link"),
        slug=_text(element, "wp:post_name"),
        author=_text(element, "dc:creator"),
        content=_text(element, "content:encoded"),
        excerpt=_text(element, "excerpt:encoded"),
        date=_text(element, "wp:post_date"),
        date_gmt=_text(element, "wp:post_date_gmt"),
        modified_gmt=_text(element, "wp:post_modified_gmt"),
        parent_id=_int(_text(element, "wp:post_parent")),
        menu_order=_int(_text(element, "wp:menu_order")),
        password=_text(element, "wp:post_password"),
        attachment_url=_text(element, "wp:attachment_url"),
        terms=terms,
        meta=meta,
        comment_count=comments,
    )


def _read_channel_child(site, element):
    name = local_name(element.tag)
    if name == "title":
        site.title = html.unescape((element.text or "").strip())
    elif name == "link":
        site.link = (element.text or "").strip()
    elif name == "wp:base_site_url":
        site.base_site_url = (element.text or "").strip()
    elif name == "wp:base_blog_url":
        site.base_blog_url = (element.text or "").strip()
    elif name == "wp:wxr_version":
        site.wxr_version = (element.text or "").strip()
    elif name == "wp:author":
        login = _text(element, "wp:author_login")
        site.authors[login] = html.unescape(_text(element, "wp:author_display_name")) or login
    elif name == "wp:category":
        slug = _text(element, "wp:category_nicename")
        site.categories[slug] = html.unescape(_text(element, "wp:cat_name")) or slug
    elif name == "wp:tag":
        slug = _text(element, "wp:tag_slug")
        site.tags[slug] = html.unescape(_text(element, "wp:tag_name")) or slug


def read_export(binary_file, site=None):
    """Yield every :class:`WxrItem` of an open binary WXR file; fill ``site`` with the channel data.

    Raises :class:`WxrError` when the file is not XML or not a WordPress export.
    """
    site = site if site is not None else WxrSite()
    reader = CleaningReader(binary_file)
    parser = ET.XMLPullParser(events=("start", "end"))
    stack = []
    channel = None
    saw_rss = False
    try:
        for chunk in reader.chunks():
            parser.feed(chunk)
            for event, element in parser.read_events():
                if event == "start":
                    stack.append(element)
                    if len(stack) == 1:
                        saw_rss = element.tag == "rss"
                    elif len(stack) == 2 and element.tag == "channel":
                        channel = element
                    continue
                stack.pop()
                if channel is None or len(stack) != 2 or stack[-1] is not channel:
                    continue
                if element.tag == "item":
                    item = parse_item(element)
                    del channel[:]
                    yield item
                else:
                    _read_channel_child(site, element)
                    del channel[:]
        parser.close()
    except ET.ParseError as error:
        message = _("Berkas bukan XML yang dapat dibaca (baris %(line)s).") % {"line": error.position[0]}
        raise WxrError(message) from error
    if not saw_rss or channel is None:
        raise WxrError(_("Berkas ini bukan ekspor WordPress (WXR)."))
    site.replaced_bytes = reader.replaced_bytes
