"""Upload checks by content: what a file *is*, not what its name claims.

``check_upload(uploaded_file, kind)`` (kind ``"image"`` or ``"document"``) raises a
``ValidationError`` with an Indonesian message for anything outside the allow-list:

* the type detected from the magic bytes (``filetype``) must be allowed and agree with the
  extension; names with a second, dangerous extension (``shell.php.png``) are refused;
* markup, scripts and executables are refused wherever they appear (polyglots included);
* images must decode within the pixel cap (``PORTAL_IMAGE_MAX_PIXELS``); a decompression bomb
  is a message, never a 500; :func:`reencode_image` then rewrites the pixels so no trailing
  payload survives;
* documents are capped in size (``PORTAL_DOCUMENT_MAX_BYTES``); zip-based files (Office,
  OpenDocument, zip) are inspected for size bombs, path tricks, macros and executables; OLE
  Office files for macros; PDFs (their compressed streams included) for JavaScript, launch
  actions and embedded files; text files must be text.
"""

import io
import re
import warnings
import zipfile
import zlib

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageOps

IMAGE_TYPES = {"jpg": "jpg", "jpeg": "jpg", "png": "png", "gif": "gif", "webp": "webp"}
#: extension → the filetype extensions its content may be detected as.
DOCUMENT_TYPES = {
    "pdf": {"pdf"},
    "docx": {"docx", "zip"},
    "xlsx": {"xlsx", "zip"},
    "pptx": {"pptx", "zip"},
    "odt": {"odt", "zip"},
    "ods": {"ods", "zip"},
    "doc": {"doc", "xls", "ppt"},
    "xls": {"doc", "xls", "ppt"},
    "ppt": {"doc", "xls", "ppt"},
    "zip": {"zip"},
    "csv": {None},
    "txt": {None},
}
OOXML_MAIN_PART = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml", "pptx": "ppt/presentation.xml"}
ODF_MIMETYPE = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "ods": b"application/vnd.oasis.opendocument.spreadsheet",
}
#: Extensions that must never appear anywhere in a name (or inside an archive).
DANGEROUS_EXTENSIONS = {
    "php", "php3", "php4", "php5", "php7", "phtml", "phar", "pht", "html", "htm", "xhtml", "shtml", "svg",
    "svgz", "js", "mjs", "jsp", "asp", "aspx", "cgi", "pl", "py", "rb", "sh", "bash", "exe",
    "dll", "com", "bat", "cmd", "ps1", "vbs", "vbe", "wsf", "hta", "jar", "msi", "scr", "lnk", "elf", "so",
    "docm", "xlsm", "pptm", "dotm", "xltm", "swf",
}  # fmt: skip
MARKUP_PATTERN = re.compile(
    rb"<\?php|<\?=|<%|<script|<html|<!doctype\s+html|<svg|<iframe|<body|<object|<embed|<meta\s|javascript:"
    rb"|<\?xml-stylesheet",
    re.IGNORECASE,
)
EXECUTABLE_PREFIXES = (
    b"MZ",
    b"\x7fELF",
    b"#!",
    b"\xca\xfe\xba\xbe",
    b"\xcf\xfa\xed\xfe",
    b"\xfe\xed\xfa",
    b"PK\x03\x04",
)
PDF_DANGER = re.compile(rb"/(JavaScript|JS|Launch|EmbeddedFiles?|RichMedia|XFA|SubmitForm|ImportData)\b")
PDF_STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.DOTALL)
PDF_NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
OLE_MACRO_MARKERS = ("_VBA_PROJECT", "VBA", "Macros", "PROJECTwm")
MAX_ZIP_ENTRIES = 5000
MAX_ZIP_RATIO = 100
MAX_PDF_STREAM_BYTES = 64 * 1024 * 1024


def image_max_pixels():
    return settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS


def document_max_bytes():
    return settings.PORTAL_DOCUMENT_MAX_BYTES


def document_max_unpacked_bytes():
    return settings.PORTAL_DOCUMENT_MAX_UNPACKED_BYTES


def _refuse(message, code):
    raise ValidationError(message, code=code)


def _read_all(uploaded_file, limit):
    uploaded_file.seek(0)
    data = uploaded_file.read(limit + 1)
    uploaded_file.seek(0)
    return data


def _extensions(name):
    base = (name or "").replace("\\", "/").rsplit("/", 1)[-1].strip().lower()
    return base, base.split(".")[1:]


def check_name(name, kind):
    """The last extension must be allowed for ``kind``; no earlier one may be dangerous."""
    base, parts = _extensions(name)
    if not parts or "\x00" in base:
        _refuse(_("Nama berkas harus memiliki ekstensi yang jelas, misalnya .pdf atau .jpg."), "no_extension")
    allowed = IMAGE_TYPES if kind == "image" else DOCUMENT_TYPES
    extension = parts[-1]
    if extension not in allowed:
        _refuse(
            _("Berkas .%(ext)s tidak diizinkan. Jenis yang diizinkan: %(allowed)s.")
            % {"ext": extension, "allowed": ", ".join(sorted(allowed))},
            "extension_not_allowed",
        )
    if any(part in DANGEROUS_EXTENSIONS for part in parts[:-1]):
        _refuse(
            _("Nama berkas memuat ekstensi ganda yang berbahaya (%(name)s). Ganti nama berkas lalu unggah lagi.")
            % {"name": base},
            "double_extension",
        )
    return extension


def _refuse_markup_and_executables(data):
    if data.startswith(EXECUTABLE_PREFIXES[:6]):
        _refuse(_("Berkas ini adalah program atau skrip dan tidak boleh diunggah."), "executable")
    if MARKUP_PATTERN.search(data):
        _refuse(
            _("Berkas ini memuat kode HTML, SVG atau skrip yang tersembunyi dan tidak boleh diunggah."),
            "markup",
        )


def _detected(data):
    kind = filetype.guess(data[:8192])
    return kind.extension if kind else None


def check_upload(uploaded_file, kind):
    """Refuse ``uploaded_file`` unless it is a safe ``kind`` ("image" or "document") file."""
    if kind not in ("image", "document"):
        raise ValueError(f"Unknown upload kind {kind!r}")
    extension = check_name(getattr(uploaded_file, "name", ""), kind)
    limit = settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE if kind == "image" else document_max_bytes()
    size = getattr(uploaded_file, "size", None)
    if size is not None and size > limit:
        _refuse(
            _("Berkas terlalu besar (%(size)s). Ukuran maksimum %(max)s.")
            % {"size": filesizeformat(size), "max": filesizeformat(limit)},
            "too_large",
        )
    data = _read_all(uploaded_file, limit)
    if len(data) > limit:
        _refuse(_("Berkas terlalu besar. Ukuran maksimum %(max)s.") % {"max": filesizeformat(limit)}, "too_large")
    if not data:
        _refuse(_("Berkas kosong."), "empty")
    detected = _detected(data)
    if kind == "image":
        _check_image(data, extension, detected)
    else:
        _check_document(data, extension, detected)


def _mismatch(extension):
    _refuse(
        _("Isi berkas tidak sesuai dengan ekstensinya (.%(ext)s). Simpan ulang berkas dalam format yang benar.")
        % {"ext": extension},
        "type_mismatch",
    )


def _open_image(data):
    """Open and fully decode; every Pillow refusal becomes a message."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data))
            width, height = image.size
            frames = getattr(image, "n_frames", 1)
            if width * height * frames > image_max_pixels():
                _refuse(
                    _("Gambar terlalu besar (%(w)s × %(h)s piksel). Perkecil hingga paling banyak %(max)s juta piksel.")
                    % {"w": width, "h": height, "max": image_max_pixels() // 1_000_000},
                    "too_many_pixels",
                )
            image.load()
        except ValidationError:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            _refuse(_("Gambar terlalu besar untuk diproses. Perkecil ukurannya lalu unggah lagi."), "too_many_pixels")
        except Exception:  # noqa: BLE001 - any decoder failure is a broken or disguised file
            _refuse(_("Berkas gambar rusak atau bukan gambar yang dapat dibaca."), "invalid_image")
    return image


def _check_image(data, extension, detected):
    if detected != IMAGE_TYPES[extension]:
        _mismatch(extension)
    _refuse_markup_and_executables(data)
    _open_image(data)


def reencode_image(uploaded_file):
    """A new upload holding only the decoded pixels of ``uploaded_file`` (metadata and trailing bytes dropped)."""
    data = _read_all(uploaded_file, settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE)
    image = _open_image(data)
    fmt = image.format
    out = io.BytesIO()
    if fmt == "JPEG":
        ImageOps.exif_transpose(image).convert("RGB").save(out, "JPEG", quality=90, optimize=True)
    elif fmt == "GIF":
        image.save(out, "GIF", save_all=getattr(image, "n_frames", 1) > 1)
    elif fmt == "WEBP":
        image.save(out, "WEBP", quality=90, save_all=getattr(image, "n_frames", 1) > 1)
    else:
        image.save(out, "PNG", optimize=True)
    content_type = Image.MIME.get(fmt, "application/octet-stream")
    return SimpleUploadedFile(uploaded_file.name, out.getvalue(), content_type=content_type)


def _check_document(data, extension, detected):
    if detected not in DOCUMENT_TYPES[extension]:
        _mismatch(extension)
    if extension in ("csv", "txt"):
        _check_text(data, extension)
    elif extension == "pdf":
        _check_pdf(data)
    elif extension in ("doc", "xls", "ppt"):
        _check_ole(data)
    else:
        _check_zip(data, extension)


def _check_text(data, extension):
    if b"\x00" in data:
        _mismatch(extension)
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            data.decode("cp1252")
        except UnicodeDecodeError:
            _mismatch(extension)
    _refuse_markup_and_executables(data)


def _pdf_texts(data):
    """The file itself, then each decompressed stream (capped), names un-escaped."""
    yield data
    budget = MAX_PDF_STREAM_BYTES
    for match in PDF_STREAM.finditer(data):
        decompressor = zlib.decompressobj()
        try:
            chunk = decompressor.decompress(match.group(1), budget)
        except zlib.error:
            continue
        budget -= len(chunk)
        yield chunk
        if budget <= 0 or decompressor.unconsumed_tail:
            _refuse(_("PDF memuat data terkompresi yang terlalu besar (bom zip)."), "pdf_bomb")


def _check_pdf(data):
    if MARKUP_PATTERN.search(data[:4096]) or not data.lstrip()[:5].startswith(b"%PDF-"):
        _mismatch("pdf")
    for text in _pdf_texts(data):
        text = PDF_NAME_ESCAPE.sub(lambda m: bytes([int(m.group(1), 16)]), text)
        found = PDF_DANGER.search(text)
        if found:
            _refuse(
                _(
                    "PDF memuat %(what)s (kode yang berjalan sendiri atau berkas tersisip). "
                    "Cetak ulang sebagai PDF biasa."
                )
                % {"what": found.group(1).decode()},
                "pdf_active_content",
            )


def _check_ole(data):
    for marker in OLE_MACRO_MARKERS:
        if marker.encode("utf-16-le") in data:
            _refuse(
                _("Dokumen Office memuat makro. Simpan ulang tanpa makro (misalnya sebagai .docx/.xlsx)."),
                "macro",
            )


def _check_zip(data, extension):
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        _mismatch(extension)
    if len(entries) > MAX_ZIP_ENTRIES:
        _refuse(_("Arsip memuat terlalu banyak berkas."), "zip_bomb")
    total = 0
    names = set()
    for entry in entries:
        name = entry.filename.replace("\\", "/")
        names.add(name)
        total += entry.file_size
        ratio = entry.file_size / max(entry.compress_size, 1)
        if total > document_max_unpacked_bytes() or (entry.file_size > 1_000_000 and ratio > MAX_ZIP_RATIO):
            _refuse(_("Berkas ini adalah bom zip: isinya membengkak jauh melebihi ukurannya."), "zip_bomb")
        if name.startswith("/") or ".." in name.split("/"):
            _refuse(_("Arsip memuat jalur berkas yang tidak aman."), "zip_path")
        _base, parts = _extensions(name)
        if any(part in DANGEROUS_EXTENSIONS for part in parts):
            _refuse(
                _("Arsip memuat program, skrip atau halaman web (%(name)s).") % {"name": name[:80]},
                "zip_executable",
            )
        lowered = name.lower()
        if lowered.endswith("vbaproject.bin") or lowered.startswith(("basic/", "scripts/")) or "activex" in lowered:
            _refuse(
                _("Dokumen Office memuat makro. Simpan ulang tanpa makro (misalnya sebagai .docx/.xlsx)."),
                "macro",
            )
    if extension in OOXML_MAIN_PART and ("[Content_Types].xml" not in names or OOXML_MAIN_PART[extension] not in names):
        _mismatch(extension)
    if extension in ODF_MIMETYPE:
        try:
            mimetype = archive.read("mimetype").strip()
        except KeyError:
            mimetype = b""
        if mimetype != ODF_MIMETYPE[extension]:
            _mismatch(extension)
    if extension != "zip":
        for entry in entries:
            markup_part = entry.filename.lower().endswith((".xml", ".rels")) and entry.file_size < 5_000_000
            if markup_part and re.search(rb"<script|javascript:", archive.read(entry), re.IGNORECASE):
                _refuse(_("Dokumen memuat skrip dan tidak boleh diunggah."), "markup")
