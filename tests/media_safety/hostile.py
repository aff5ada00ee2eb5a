"""The hostile upload corpus, generated: every file here must be refused with a message."""

import io
import struct
import zipfile
import zlib

from PIL import Image

HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
PHP = b"<?php system($_GET['c']); ?>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>'
EXE = (
    b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00"
    + b"\x00" * 200
    + b"This program cannot be run in DOS mode"
)
ELF = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 200


def image_bytes(fmt="PNG", size=(40, 30), color=(200, 30, 30)):
    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, fmt)
    return out.getvalue()


def png_with_header(width, height):
    """A real 1-bit PNG of ``width`` × ``height`` pixels (all zero), built row by row."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    row = b"\x00" + b"\x00" * ((width + 7) // 8)
    compressor = zlib.compressobj(9)
    parts = [compressor.compress(row * 1000) for _ in range(height // 1000)]
    parts.append(compressor.compress(row * (height % 1000)))
    parts.append(compressor.flush())
    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", b"".join(parts)) + chunk(b"IEND", b"")


def pdf(body=b"", extra_objects=b""):
    return (
        b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R " + body + b" >> endobj\n"
        b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n" + extra_objects + b"trailer << /Root 1 0 R >>\n%%EOF\n"
    )


def ooxml(kind="docx", extra=None, main=True):
    main_part = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml", "pptx": "ppt/presentation.xml"}[kind]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        if main:
            archive.writestr(main_part, '<?xml version="1.0"?><document>Laporan</document>')
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return out.getvalue()


def zip_of(entries):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return out.getvalue()


def ole_with(marker):
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    return header + marker.encode("utf-16-le") + b"\x00" * 1024


def jpeg_polyglot():
    data = image_bytes("JPEG")
    # A JPEG comment segment carrying PHP, then HTML after the end-of-image marker.
    comment = b"\xff\xfe" + struct.pack(">H", len(PHP) + 2) + PHP
    return data[:2] + comment + data[2:] + HTML


def hostile_images():
    """(name, content, why) of images that must be refused."""
    png = image_bytes("PNG")
    return [
        ("shell.php.png", png, "double extension"),
        ("polyglot.jpg", jpeg_polyglot(), "JPEG+PHP+HTML polyglot"),
        ("gifar.gif", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;" + HTML, "GIF+HTML"),
        ("trailer.png", png + b"<script>alert(1)</script>", "PNG with trailing script"),
        ("vector.png", SVG, "SVG saved as PNG"),
        ("page.jpg", HTML, "HTML saved as JPEG"),
        ("shell.gif", PHP, "PHP saved as GIF"),
        ("program.png", EXE, "Windows program saved as PNG"),
        ("besar.png", png_with_header(11_000, 11_000), "121 megapixels"),
        ("bom.png", png_with_header(30_000, 30_000), "900 megapixels"),
        ("rusak.jpg", image_bytes("JPEG")[:200], "truncated JPEG"),
        ("foto.html.jpg", image_bytes("JPEG"), "HTML double extension"),
        ("palsu.webp", png, "PNG content named .webp"),
        ("logo.svg", SVG, "SVG not allowed"),
        ("tanpa-ekstensi", png, "no extension"),
    ]


def hostile_documents():
    """(name, content, why) of documents that must be refused."""
    return [
        ("laporan.pdf", HTML, "HTML saved as PDF"),
        ("gambar.pdf", SVG, "SVG saved as PDF"),
        ("shell.pdf", PHP, "PHP saved as PDF"),
        ("page.html.pdf", pdf(), "double extension"),
        ("catatan.txt", HTML, "HTML saved as text"),
        ("surat.docx", HTML, "HTML saved as docx"),
        ("bom.docx", ooxml(extra={"word/media/bom.bin": b"\x00" * 5_000_000}), "zip bomb as docx"),
        ("script.pdf", pdf(b"/OpenAction << /S /JavaScript /JS (app.alert(1)) >>"), "PDF JavaScript"),
        (
            "tersembunyi.pdf",
            pdf(
                extra_objects=b"3 0 obj << /Filter /FlateDecode >> stream\n"
                + zlib.compress(b"<< /S /JavaScript /JS (app.launchURL('x')) >>")
                + b"\nendstream endobj\n"
            ),
            "PDF JavaScript inside a compressed stream",
        ),
        ("escape.pdf", pdf(b"/OpenAction << /S /J#61vaScript /JS (x) >>"), "PDF JavaScript with name escapes"),
        ("jalankan.pdf", pdf(b"/OpenAction << /S /Launch /F (cmd.exe) >>"), "PDF launch action"),
        ("sisipan.pdf", pdf(b"/Names << /EmbeddedFiles << >> >>"), "PDF embedded file"),
        ("makro.docx", ooxml(extra={"word/vbaProject.bin": b"macro"}), "docx with macros"),
        ("makro.xlsx", ooxml("xlsx", extra={"xl/vbaProject.bin": b"macro"}), "xlsx with macros"),
        ("makro.doc", ole_with("_VBA_PROJECT"), "OLE doc with macros"),
        ("program.pdf", EXE, "program saved as PDF"),
        ("arsip.zip", zip_of({"shell.php": PHP}), "zip with a PHP script"),
        ("lompat.zip", zip_of({"../../etc/cron.d/x": b"x"}), "zip path traversal"),
        ("linux.zip", ELF, "ELF saved as zip"),
        ("setup.exe", EXE, "executable"),
        ("skrip.txt", b"#!/bin/sh\nrm -rf /\n", "shell script saved as text"),
        ("kosong.docx", zip_of({"isi.txt": b"halo"}), "plain zip named docx"),
        ("data.csv", b"nama,nilai\n<script>alert(1)</script>,1\n", "markup in CSV"),
        ("presentasi.pptx", ooxml("pptx", extra={"ppt/embeddings/x.exe": EXE}), "pptx with an embedded program"),
    ]
