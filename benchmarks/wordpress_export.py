"""Write synthetic WordPress exports (WXR) of a fictional OPD, for the import tests and benchmark.

Not used by production code. :func:`write_export` writes every kind of item and markup the
importer must survive: posts, nested pages, attachments (present, missing and unsupported),
menu items, comments, drafts, a pending and a scheduled post, private and password posts,
trash, shortcodes (caption, gallery, embed, audio, video, page-builder), scripts, iframes,
inline styles, tracking pixels, internal links in every form, HTML entities, CDATA, invalid
bytes and an injected gambling-spam post. :func:`write_uploads` writes the matching
``wp-content/uploads`` folder (small generated PNGs and a PDF).
"""

import datetime
import io
from pathlib import Path

from PIL import Image

HOST = "dinas-contoh.contohkab.go.id"
BASE = f"https://{HOST}"
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)
POSTS_START = datetime.datetime(2024, 3, 5, 9, 30)
SPAM_TITLE = "Situs Slot Gacor Maxwin Hari Ini"
SPAM_BODY = (
    "<p>Daftar situs slot gacor terpercaya, bocoran RTP live dan pola maxwin. Main togel dan judi online "
    'deposit pulsa tanpa potongan di <a href="https://slot-gacor.example/">link alternatif</a>.</p>'
)


def cdata(text):
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def png_bytes(number):
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), ((number * 37) % 256, (number * 91) % 256, 160)).save(buffer, "PNG")
    return buffer.getvalue()


class ExportWriter:
    def __init__(self, *, version="1.2", https_namespaces=False, base=BASE):
        scheme = "https" if https_namespaces else "http"
        self.ns = f"{scheme}://wordpress.org/export/{version}/"
        self.version = version
        self.scheme = scheme
        self.base = base
        self.parts = []

    def add(self, text):
        self.parts.append(text.encode("utf-8") if isinstance(text, str) else text)

    def head(self, title="Dinas Contoh"):
        s = self.scheme
        self.add(
            '<?xml version="1.0" encoding="UTF-8" ?>\n'
            "<!-- generator: WordPress/6.4 -->\n"
            f'<rss version="2.0" xmlns:excerpt="{self.ns}excerpt/" '
            f'xmlns:content="{s}://purl.org/rss/1.0/modules/content/" xmlns:wfw="{s}://wellformedweb.org/CommentAPI/" '
            f'xmlns:dc="{s}://purl.org/dc/elements/1.1/" xmlns:wp="{self.ns}">\n<channel>\n'
            f"<title>{title} &amp; Warga</title>\n<link>{self.base}</link>\n"
            "<description>Situs lama&nbsp;OPD</description>\n<language>id-ID</language>\n"
            f"<wp:wxr_version>{self.version}</wp:wxr_version>\n"
            f"<wp:base_site_url>{self.base}</wp:base_site_url>\n<wp:base_blog_url>{self.base}</wp:base_blog_url>\n"
        )
        for login, name in (("admin", "Admin Dinas"), ("budi", "Budi Santoso"), ("sari", "Sari Dewi")):
            self.add(
                f"<wp:author><wp:author_id>1</wp:author_id><wp:author_login>{cdata(login)}</wp:author_login>"
                f"<wp:author_email>{cdata(login + '@example.org')}</wp:author_email>"
                f"<wp:author_display_name>{cdata(name)}</wp:author_display_name></wp:author>\n"
            )
        for slug, name in (("kegiatan", "Kegiatan"), ("layanan", "Layanan"), ("uncategorized", "Uncategorized")):
            self.add(
                f"<wp:category><wp:term_id>1</wp:term_id><wp:category_nicename>{slug}</wp:category_nicename>"
                f"<wp:category_parent></wp:category_parent><wp:cat_name>{cdata(name)}</wp:cat_name></wp:category>\n"
            )
        for slug, name in (("kesehatan", "Kesehatan"), ("posyandu", "Posyandu"), ("vaksin", "Vaksin")):
            self.add(
                f"<wp:tag><wp:term_id>9</wp:term_id><wp:tag_slug>{slug}</wp:tag_slug>"
                f"<wp:tag_name>{cdata(name)}</wp:tag_name></wp:tag>\n"
            )

    def item(
        self,
        wp_id,
        post_type,
        title,
        content="",
        *,
        status="publish",
        slug="",
        date=datetime.datetime(2024, 3, 5, 9, 30),
        parent=0,
        excerpt="",
        author="budi",
        password="",
        terms=(),
        meta=(),
        comments=0,
        attachment_url="",
        link=None,
        raw_title=False,
        extra_bytes=b"",
    ):
        if link is None:
            if post_type == "post":
                link = f"{self.base}/{date:%Y/%m/%d}/{slug}/"
            elif post_type == "page":
                link = f"{self.base}/{slug}/"
            else:
                link = f"{self.base}/?attachment_id={wp_id}"
        stamp = date.strftime("%Y-%m-%d %H:%M:%S")
        gmt = (
            (date - datetime.timedelta(hours=7)).strftime("%Y-%m-%d %H:%M:%S")
            if status != "draft"
            else "0000-00-00 00:00:00"
        )
        title_xml = title if raw_title else cdata(title)
        self.add(
            f"<item>\n<title>{title_xml}</title>\n<link>{link}</link>\n"
            f"<pubDate>{date:%a, %d %b %Y %H:%M:%S} +0000</pubDate>\n"
            f'<dc:creator>{cdata(author)}</dc:creator>\n<guid isPermaLink="false">{self.base}/?p={wp_id}</guid>\n'
            f"<description></description>\n<content:encoded>"
        )
        self.add(cdata(content))
        if extra_bytes:
            self.add(extra_bytes)
        self.add(
            f"</content:encoded>\n<excerpt:encoded>{cdata(excerpt)}</excerpt:encoded>\n"
            f"<wp:post_id>{wp_id}</wp:post_id>\n<wp:post_date>{cdata(stamp)}</wp:post_date>\n"
            f"<wp:post_date_gmt>{cdata(gmt)}</wp:post_date_gmt>\n<wp:post_modified_gmt>{cdata(gmt)}</wp:post_modified_gmt>\n"
            f"<wp:comment_status>open</wp:comment_status>\n<wp:post_name>{cdata(slug)}</wp:post_name>\n"
            f"<wp:status>{cdata(status)}</wp:status>\n<wp:post_parent>{parent}</wp:post_parent>\n"
            f"<wp:menu_order>0</wp:menu_order>\n<wp:post_type>{cdata(post_type)}</wp:post_type>\n"
            f"<wp:post_password>{cdata(password)}</wp:post_password>\n<wp:is_sticky>0</wp:is_sticky>\n"
        )
        if attachment_url:
            self.add(f"<wp:attachment_url>{cdata(attachment_url)}</wp:attachment_url>\n")
        for domain, term_slug, name in terms:
            self.add(f'<category domain="{domain}" nicename="{term_slug}">{cdata(name)}</category>\n')
        for key, value in meta:
            self.add(
                f"<wp:postmeta><wp:meta_key>{cdata(key)}</wp:meta_key><wp:meta_value>{cdata(str(value))}</wp:meta_value></wp:postmeta>\n"
            )
        for number in range(comments):
            self.add(
                f"<wp:comment><wp:comment_id>{wp_id * 100 + number}</wp:comment_id>"
                f"<wp:comment_author>{cdata('Warga')}</wp:comment_author>"
                f"<wp:comment_content>{cdata('Terima kasih infonya')}"
                "</wp:comment_content><wp:comment_approved>1</wp:comment_approved></wp:comment>\n"
            )
        self.add("</item>\n")

    def tail(self):
        self.add("</channel>\n</rss>\n")

    def bytes(self):
        return b"".join(self.parts)


def markup(number, base, image_ids, page_ids, post_ids, document_id):
    """Body HTML of post ``number``: every kind of markup a real WordPress site has, in rotation."""
    image = image_ids[number % len(image_ids)]
    other_index = (number + 1) % len(post_ids)
    other_post = post_ids[other_index]
    other_date = POSTS_START - datetime.timedelta(days=other_index)
    page = page_ids[number % len(page_ids)]
    variants = [
        f'[caption id="attachment_{image}" align="alignnone" width="640"]<img class="wp-image-{image} size-large" '
        f'src="{base}/wp-content/uploads/2024/01/foto-{image}-640x480.png" alt="Kegiatan" width="640"> '
        "Kepala dinas meninjau posyandu[/caption]\nWarga antusias mengikuti kegiatan.",
        f'Dokumentasi kegiatan:\n\n[gallery ids="{image_ids[0]},{image_ids[1]}" columns="2"]',
        '<script>document.write("iklan")</script><p style="color:red" onclick="steal()">Teks dengan gaya '
        'sebaris.</p><iframe src="https://www.youtube.com/embed/x" width="560"></iframe>',
        '[embed]https://www.youtube.com/watch?v=abc123[/embed]\n\n[audio src="https://example.org/siaran.mp3"]'
        '\n\n[video mp4="https://example.org/video.mp4"][/video]',
        f'Baca juga <a href="{base}/?p={other_post}">berita sebelumnya</a> dan <a href="{base}/?page_id={page}">'
        f'halaman layanan</a>, unduh <a href="{base}/wp-content/uploads/2024/01/laporan.pdf">laporan</a>.',
        '[vc_row][vc_column width="1/2"][vc_column_text]Teks dari page builder.[/vc_column_text][/vc_column][/vc_row]'
        '<img src="https://tracker.example/pixel.gif?id=1" width="1" height="1"><!-- komentar HTML -->',
        "<h1>Judul besar</h1><h5>Sub kecil</h5><ul><li>satu</li><li>dua <strong>tebal</strong></li></ul>"
        "<table><tr><td>Jadwal</td><td>Senin</td></tr></table><blockquote>Kutipan warga</blockquote>",
        '<div class="entry"><span style="font-size:20px">Harga &nbsp; Rp&nbsp;5.000 &amp; gratis &copy; 2024'
        '</span></div><a href="javascript:alert(1)">klik</a> <a href="https://www.example.org/?utm_source=fb&amp;id=7">luar</a>',
        f'<p>Lihat <a href="{base}/{other_date:%Y/%m/%d}/berita-{other_post}/">permalink berita</a> dan '
        f'<a href="/berita-{other_post}/">tautan relatif</a>.</p>'
        '[contact-form-7 id="12" title="Kontak"] [Foto: Humas]',
    ]
    return variants[number % len(variants)] + f"\n\nParagraf penutup berita nomor {number}."


def write_export(path, *, posts=120, pages=20, images=24, filler_bytes=0, version="1.2", https_namespaces=False,
                 spam=True, base=BASE):  # fmt: skip
    """Write an export of about ``posts + pages + images + 19`` items; returns a dict of its ids by kind.

    ``filler_bytes`` pads each post's content (to build a big export for the memory benchmark).
    """
    writer = ExportWriter(version=version, https_namespaces=https_namespaces, base=base)
    writer.head()
    next_id = iter(range(1000, 10_000_000))
    image_ids = [next(next_id) for _ in range(images)]
    document_id, missing_id, video_id = next(next_id), next(next_id), next(next_id)
    page_ids = [next(next_id) for _ in range(pages)]
    post_ids = [next(next_id) for _ in range(posts)]
    for number, wp_id in enumerate(image_ids):
        writer.item(
            wp_id, "attachment", f"Foto kegiatan {number}", status="inherit", slug=f"foto-{wp_id}",
            attachment_url=f"{base}/wp-content/uploads/2024/01/foto-{wp_id}.png",
            meta=[("_wp_attached_file", f"2024/01/foto-{wp_id}.png")], parent=post_ids[number % len(post_ids)],
        )  # fmt: skip
    writer.item(document_id, "attachment", "Laporan Kinerja 2023", status="inherit", slug="laporan",
                attachment_url=f"{base}/wp-content/uploads/2024/01/laporan.pdf",
                meta=[("_wp_attached_file", "2024/01/laporan.pdf")])  # fmt: skip
    writer.item(missing_id, "attachment", "Foto yang hilang", status="inherit", slug="hilang",
                attachment_url=f"{base}/wp-content/uploads/2019/07/hilang.jpg",
                meta=[("_wp_attached_file", "2019/07/hilang.jpg")])  # fmt: skip
    writer.item(video_id, "attachment", "Video profil", status="inherit", slug="video",
                attachment_url=f"{base}/wp-content/uploads/2024/01/profil.mp4",
                meta=[("_wp_attached_file", "2024/01/profil.mp4")])  # fmt: skip
    # Pages in reverse: children come before their parents, as real exports may order them.
    for number, wp_id in reversed(list(enumerate(page_ids))):
        parent = page_ids[number // 4] if number >= 4 and number % 2 == 0 else 0
        status, password = "publish", ""
        if number == pages - 1:
            status = "private"
        elif number == pages - 2:
            password = "rahasia"
        elif number == pages - 3:
            status = "draft"
        writer.item(
            wp_id, "page", f"Halaman {number}: Layanan &amp; Informasi", markup(number, base, image_ids, page_ids,
            post_ids, document_id), slug=f"halaman-{number}", parent=parent, status=status, password=password,
            link=f"{base}/halaman-{number}/",
        )  # fmt: skip
    filler = ("<p>" + "Isi berita panjang untuk uji memori. " * 40 + "</p>\n") if filler_bytes else ""
    repeat = max(filler_bytes // max(len(filler), 1), 0) if filler_bytes else 0
    start = POSTS_START
    for number, wp_id in enumerate(post_ids):
        status, password, date = "publish", "", start - datetime.timedelta(days=number)
        if number == 1:
            status = "draft"
        elif number == 2:
            status = "pending"
        elif number == 3:
            status, date = "future", datetime.datetime(datetime.date.today().year + 1, 1, 15, 8, 0)
        elif number == 4:
            status = "private"
        elif number == 5:
            password = "rahasia"
        elif number == 6:
            status = "trash"
        title, content = f"Berita {number}: Posyandu &amp; Vaksinasi", markup(number, base, image_ids, page_ids,
                                                                              post_ids, document_id)  # fmt: skip
        if spam and number == 7:
            title, content = SPAM_TITLE, SPAM_BODY
        terms = [("category", "kegiatan", "Kegiatan"), ("post_tag", "posyandu", "Posyandu")]
        if number % 3 == 0:
            terms.append(("category", "uncategorized", "Uncategorized"))
        writer.item(
            wp_id, "post", title, content + filler * repeat, slug=f"berita-{wp_id}", date=date, status=status,
            password=password, excerpt="Ringkasan <b>berita</b> &amp; kegiatan." if number % 2 else "",
            author=("budi", "sari", "hilang")[number % 3], terms=terms,
            meta=[("_thumbnail_id", image_ids[number % len(image_ids)])] if number % 4 == 0 else [],
            comments=number % 3, raw_title=number == 9, extra_bytes=b"\xff\xfe bytes rusak" if number == 10 else b"",
        )  # fmt: skip
    for number in range(5):
        writer.item(next(next_id), "nav_menu_item", f"Menu {number}", status="publish", slug=f"menu-{number}",
                    meta=[("_menu_item_type", "post_type"), ("_menu_item_object_id", page_ids[0])])  # fmt: skip
    writer.item(next(next_id), "revision", "Revisi", status="inherit", slug="revisi")
    writer.item(next(next_id), "wpcf7_contact_form", "Formulir kontak", status="publish", slug="kontak-form")
    writer.tail()
    Path(path).write_bytes(writer.bytes())
    return {"images": image_ids, "document": document_id, "missing": missing_id, "video": video_id,
            "pages": page_ids, "posts": post_ids}  # fmt: skip


def write_uploads(folder, ids):
    """The ``wp-content/uploads`` copy for :func:`write_export` (the "missing" file left out)."""
    folder = Path(folder) / "2024" / "01"
    folder.mkdir(parents=True, exist_ok=True)
    for wp_id in ids["images"]:
        (folder / f"foto-{wp_id}.png").write_bytes(png_bytes(wp_id))
    (folder / "laporan.pdf").write_bytes(PDF)
    (folder / "profil.mp4").write_bytes(b"\x00\x00\x00\x18ftypmp42")
    return folder.parent.parent
