"""WordPress post HTML → the portal's body StreamField (rich text paragraphs and image blocks).

Three steps, each with the right tool: WordPress' own syntax (``wpautop`` line breaks and
shortcodes) is expanded first; then the sanitiser nh3 (Rust ``ammonia``) keeps only the tags
and attributes the portal's rich text can carry and removes scripts, styles, iframes, forms
and comments with their content; finally a small HTML walker maps what is left onto Wagtail's
rich-text storage format, splitting images out into image blocks and pointing links and
images at the imported pages, images and documents (``resolver``).
"""

import dataclasses
import html
import re
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import nh3

from .shortcodes import convert_shortcodes

ALLOWED_TAGS = {
    "p", "br", "b", "strong", "i", "em", "u", "s", "del", "sub", "sup", "span", "small", "mark",
    "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "a", "img", "hr", "blockquote", "pre", "code",
    "div", "section", "article", "figure", "figcaption", "table", "thead", "tbody", "tfoot", "tr", "td", "th",
    "caption", "dl", "dt", "dd", "center", "address",
}  # fmt: skip
# Removed together with everything inside them.
DROPPED_WITH_CONTENT = {
    "script", "style", "iframe", "object", "noscript", "template", "form", "select", "textarea",
    "button", "svg", "math", "video", "audio", "canvas", "frameset", "noembed", "title", "head",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href"}, "img": {"src", "alt", "class", "data-wp-attachment", "data-caption", "title"}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
TRACKING_PARAMETERS = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|_ga|yclid|igshid)$", re.IGNORECASE)
BLOCK_TAGS = re.compile(r"^\s*<(p|div|h[1-6]|ul|ol|table|blockquote|pre|figure|section|article|hr|dl|address)\b", re.I)
WP_IMAGE_CLASS = re.compile(r"\bwp-image-(\d+)\b")
INLINE_MAP = {"b": "b", "strong": "b", "i": "i", "em": "i"}
HEADING_MAP = {"h1": "h2", "h2": "h2", "h3": "h3", "h4": "h4", "h5": "h4", "h6": "h4"}
PARAGRAPH_LIKE = {"p", "blockquote", "pre", "address", "center", "dt", "dd", "figcaption", "caption"}
CONTAINERS = {"div", "section", "article", "figure", "table", "thead", "tbody", "tfoot", "dl"}
EMPTY_PARAGRAPH = re.compile(r"<(p|h2|h3|h4|li)>(\s|<br/>|\u00a0)*</\1>")
EMPTY_LINK = re.compile(r"<a [^>]*>(\s|\u00a0)*</a>")
EMPTY_LIST = re.compile(r"<(ul|ol)>\s*</\1>")


@dataclasses.dataclass
class Link:
    """What a link or image in old content points to now."""

    kind: str  # "page", "document", "image", "url", "pending", "drop"
    value: object = None


class NullResolver:
    """Resolves nothing: every image is dropped, every link kept as an external link (dry runs, tests)."""

    def image(self, attachment_id, src):
        return None

    def link(self, href):
        return Link("url", href)


def wpautop(text):
    """WordPress' automatic paragraphs: blank lines separate paragraphs, single newlines are breaks."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    parts = []
    for chunk in re.split(r"\n\s*\n", text):
        chunk = chunk.strip()
        if not chunk:
            continue
        if BLOCK_TAGS.match(chunk):
            parts.append(chunk)
        else:
            parts.append("<p>" + chunk.replace("\n", "<br>\n") + "</p>")
    return "\n".join(parts)


def sanitise(text):
    return nh3.clean(
        text,
        tags=ALLOWED_TAGS,
        clean_content_tags=DROPPED_WITH_CONTENT,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        strip_comments=True,
        link_rel=None,
    )


def strip_trackers(href):
    parts = urlsplit(href)
    if not parts.query:
        return href
    query = [(key, value) for key, value in parse_qsl(parts.query, keep_blank_values=True)
             if not TRACKING_PARAMETERS.match(key)]  # fmt: skip
    return urlunsplit(parts._replace(query=urlencode(query)))


def plain_text(text):
    """The readable text of an HTML fragment, whitespace collapsed."""
    cleaned = nh3.clean(text or "", tags=set(), clean_content_tags=DROPPED_WITH_CONTENT)
    return re.sub(r"\s+", " ", html.unescape(cleaned)).strip()


def shorten(text, limit):
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",.;: ") + "…"


@dataclasses.dataclass
class ConvertedBody:
    blocks: list
    text: str
    pending: set
    images: list
    stats: dict


class _Walker(HTMLParser):
    """Map sanitised HTML onto Wagtail rich text; images become their own blocks."""

    def __init__(self, resolver, stats):
        super().__init__(convert_charrefs=True)
        self.resolver = resolver
        self.stats = stats
        self.blocks = []
        self.out = []
        self.open = []  # output tags currently open, e.g. ["ul", "li", "b"]
        self.pending = set()
        self.images = []
        self.text = []
        self.link_depth = []

    # Output helpers
    def emit(self, piece):
        self.out.append(piece)

    def open_tag(self, tag, attributes=""):
        self.emit(f"<{tag}{attributes}>")
        self.open.append(tag)

    def close_to(self, tags):
        """Close open tags up to and including the innermost one in ``tags``."""
        if not any(tag in tags for tag in self.open):
            return
        while self.open:
            tag = self.open.pop()
            self.emit(f"</{tag}>")
            if tag in tags:
                return

    def close_all(self):
        while self.open:
            self.emit(f"</{self.open.pop()}>")

    def in_block(self):
        return any(tag in {"p", "h2", "h3", "h4", "li"} for tag in self.open)

    def ensure_block(self):
        if not self.in_block():
            if self.open and self.open[-1] in {"ul", "ol"}:
                self.open_tag("li")
            else:
                self.close_all()
                self.open_tag("p")

    def flush(self):
        self.close_all()
        rich_text = "".join(self.out)
        rich_text = EMPTY_LINK.sub("", rich_text)
        previous = None
        while previous != rich_text:
            previous = rich_text
            rich_text = EMPTY_LIST.sub("", EMPTY_PARAGRAPH.sub("", rich_text))
        if rich_text.strip():
            self.blocks.append(("paragraph", rich_text.strip()))
        self.out = []

    # Parser callbacks
    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in INLINE_MAP:
            self.ensure_block()
            self.open_tag(INLINE_MAP[tag])
        elif tag in HEADING_MAP:
            self.close_all()
            self.open_tag(HEADING_MAP[tag])
        elif tag in PARAGRAPH_LIKE:
            if tag == "figcaption" or tag == "caption":
                self.close_all()
                self.open_tag("p")
                self.open_tag("i")
            elif not (self.open and self.open[-1] == "li"):
                self.close_all()
                self.open_tag("p")
        elif tag in {"ul", "ol"}:
            if self.open and self.open[-1] == "li":
                self.open_tag(tag)
            else:
                self.close_all()
                self.open_tag(tag)
        elif tag == "li":
            self.close_to({"li"}) if self.open and self.open[-1] != "ul" and self.open[-1] != "ol" else None
            if not self.open or self.open[-1] not in {"ul", "ol"}:
                self.close_all()
                self.open_tag("ul")
            self.open_tag("li")
        elif tag in CONTAINERS:
            self.close_all()
        elif tag == "tr":
            self.close_all()
            self.open_tag("p")
        elif tag in {"td", "th"}:
            self.ensure_block()
        elif tag == "br":
            if self.in_block():
                self.emit("<br/>")
        elif tag == "hr":
            self.close_all()
            self.emit("<hr/>")
        elif tag == "a":
            self.start_link(attributes.get("href", ""))
        elif tag == "img":
            self.image(attributes)

    def start_link(self, href):
        target = self.resolver.link(href) if href else Link("drop")
        self.ensure_block()
        if target.kind == "page":
            self.open_tag("a", f' linktype="page" id="{int(target.value)}"')
            self.link_depth.append(True)
            self.stats["links_rewritten"] = self.stats.get("links_rewritten", 0) + 1
        elif target.kind == "document":
            self.open_tag("a", f' linktype="document" id="{int(target.value)}"')
            self.link_depth.append(True)
            self.stats["links_rewritten"] = self.stats.get("links_rewritten", 0) + 1
        elif target.kind == "url":
            self.open_tag("a", f' href="{html.escape(strip_trackers(target.value))}"')
            self.link_depth.append(True)
        else:
            if target.kind == "pending":
                self.pending.add(target.value)
            else:
                self.stats["links_dropped"] = self.stats.get("links_dropped", 0) + 1
            self.link_depth.append(False)

    def image(self, attributes):
        attachment_id = attributes.get("data-wp-attachment") or ""
        if not attachment_id.isdigit():
            match = WP_IMAGE_CLASS.search(attributes.get("class", ""))
            attachment_id = match.group(1) if match else ""
        image = self.resolver.image(int(attachment_id) if attachment_id else None, attributes.get("src", ""))
        if image is None:
            self.stats["images_dropped"] = self.stats.get("images_dropped", 0) + 1
            return
        reopen = [tag for tag in self.open if tag in {"ul", "ol"}]
        self.flush()
        caption = (attributes.get("data-caption") or "").strip()
        alt = (attributes.get("alt") or "").strip() or caption or image.title
        self.blocks.append(
            (
                "image",
                {
                    "image": {"image": image.pk, "decorative": False, "alt_text": shorten(alt, 255)},
                    "caption": shorten(caption, 255),
                    "credit": "",
                },
            )
        )
        self.images.append(image.pk)
        self.link_depth = [False for _link in self.link_depth]
        for tag in reopen[:1]:
            self.open_tag(tag)

    def handle_endtag(self, tag):
        if tag in INLINE_MAP:
            self.close_to({INLINE_MAP[tag]})
        elif tag in HEADING_MAP:
            self.close_to({HEADING_MAP[tag]})
        elif tag in {"figcaption", "caption"}:
            self.close_all()
        elif tag in PARAGRAPH_LIKE or tag == "tr":
            if not (self.open and self.open[-1] == "li"):
                self.close_to({"p"})
        elif tag in {"ul", "ol"}:
            self.close_to({tag})
        elif tag == "li":
            self.close_to({"li"})
        elif tag in CONTAINERS:
            self.close_all()
        elif tag in {"td", "th"}:
            if self.in_block():
                self.emit(" ")
        elif tag == "a" and self.link_depth:
            opened = self.link_depth.pop()
            if opened and "a" in self.open:
                self.close_to({"a"})

    def handle_data(self, data):
        if not data.strip():
            if self.in_block() and data:
                self.emit(" ")
            return
        self.ensure_block()
        self.emit(html.escape(data, quote=False))
        self.text.append(data)


def convert_body(raw_html, resolver=None, shortcodes=None):
    """Blocks for the body StreamField, the plain text, pending link targets and conversion counts."""
    resolver = resolver or NullResolver()
    stats = {}
    expanded = convert_shortcodes(wpautop(raw_html or ""), shortcodes)
    walker = _Walker(resolver, stats)
    walker.feed(sanitise(expanded))
    walker.close()
    walker.flush()
    text = re.sub(r"\s+", " ", " ".join(walker.text)).strip()
    return ConvertedBody(walker.blocks, text, walker.pending, walker.images, stats)
