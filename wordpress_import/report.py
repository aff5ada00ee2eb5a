"""The import report as text (admin download, ``import_wordpress --report``) and as table rows."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

KIND_LABELS = {
    "post": gettext_noop("Pos → berita"),
    "page": gettext_noop("Halaman → halaman profil (bersarang)"),
    "attachment": gettext_noop("Lampiran → media"),
}
SKIP_LABELS = {
    "nav_menu_item": gettext_noop("Butir menu navigasi"),
    "revision": gettext_noop("Revisi"),
    "trash": gettext_noop("Di tong sampah"),
    "auto-draft": gettext_noop("Draf otomatis"),
    "other_types": gettext_noop("Jenis konten lain (formulir, blok, templat)"),
}


def count_rows(report):
    """(label, created, updated, unchanged) per item type."""
    return [
        (_(KIND_LABELS[kind]), counts["created"], counts["updated"], counts["unchanged"])
        for kind, counts in report.get("counts", {}).items()
    ]


def skipped_rows(report):
    rows = [(_(SKIP_LABELS.get(reason, reason)), count) for reason, count in report.get("skipped", {}).items()]
    if report.get("comments_skipped"):
        rows.append((_("Komentar"), report["comments_skipped"]))
    return rows


def render_text(report):
    lines = [
        _("Laporan impor WordPress — OPD %(opd)s") % {"opd": report.get("opd", "")},
        _("Situs lama: %(site)s (WXR %(version)s)")
        % {"site": report.get("site", ""), "version": report.get("wxr_version", "")},
        _("UJI COBA: belum ada yang diubah.") if report.get("dry_run") else _("Impor dijalankan."),
        "",
        _("Jenis | baru | diperbarui | tidak berubah"),
    ]
    lines += [
        f"{label} | {created} | {updated} | {unchanged}" for label, created, updated, unchanged in count_rows(report)
    ]
    lines += [
        "",
        _(
            "Terbit: %(n)d, terjadwal: %(s)d, draf: %(d)d, privat/bersandi (tidak diterbitkan): %(p)d, "
            "ke moderasi: %(m)d"
        )
        % {
            "n": report.get("published", 0),
            "s": report.get("scheduled", 0),
            "d": report.get("drafts", 0),
            "p": report.get("private", 0),
            "m": report.get("moderation", 0),
        },
        _("Pengalihan alamat lama: %(created)d baru, %(updated)d diperbarui, %(unchanged)d sudah ada")
        % report.get("redirects", {"created": 0, "updated": 0, "unchanged": 0}),
        _("Tautan dialihkan ke halaman baru: %(links)d; tautan dibuang: %(dropped)d; gambar luar dibuang: %(images)d")
        % {
            "links": report.get("links_rewritten", 0),
            "dropped": report.get("links_dropped", 0),
            "images": report.get("images_dropped", 0),
        },
        _("Berkas media diunduh dari situs lama: %(fetched)d; halaman dipindah ke induk barunya: %(moved)d")
        % {"fetched": report.get("fetched_media", 0), "moved": report.get("pages_moved", 0)},
        _("Byte tidak sah diganti: %(n)d") % {"n": report.get("invalid_bytes", 0)},
        "",
        _("Dilewati:"),
    ]
    lines += [f"  {label}: {count}" for label, count in skipped_rows(report)] or ["  -"]
    if report.get("shortcodes"):
        lines.append(_("Kode pendek diubah atau dibuang: %(list)s") % {
            "list": ", ".join(f"[{name}]×{count}" for name, count in sorted(report["shortcodes"].items()))
        })  # fmt: skip
    sections = [
        (_("Dikarantina (spam, tetap draf):"), "quarantined", "reason"),
        (_("Berkas media tidak ditemukan:"), "missing_media", "file"),
        (_("Berkas media ditolak:"), "refused_media", "reason"),
        (_("Halaman tanpa induknya (ditaruh di bawah beranda OPD):"), "orphan_pages", "reason"),
        (_("Galat per butir (butir lain tetap diimpor):"), "errors", "error"),
    ]
    for heading, key, detail in sections:
        lines += ["", heading]
        entries = report.get(key, [])
        lines += [
            f"  #{entry['wp_id']} {entry['title']} — {entry.get(detail, '')}"
            + (f": {entry['reason']}" if detail == "file" and entry.get("reason") else "")
            + (f" ({entry['file']})" if detail == "reason" and entry.get("file") else "")
            for entry in entries
        ] or ["  -"]
    return "\n".join(lines) + "\n"
