"""The backup and restore drill: the database plus every media file, and a check that they match.

``backup`` writes a folder: ``database.dump`` (``pg_dump --format=custom``) or
``database.sqlite3`` (SQLite's online backup), ``media.tar`` (every file of the storages in
``PORTAL_BACKUP_STORAGES``: the bucket, which holds the private files under private/ too, or
``MEDIA_ROOT`` plus the citizens' attachments and the uploaded WordPress exports, each under
``@<alias>/`` in the archive) and ``manifest.json`` (the fingerprint of what was saved).
``restore`` loads such a folder into the configured — empty — database and storage.
``verify`` recomputes the fingerprint where the portal now points and lists every difference:
page tree, revisions, users, media files (name, size, SHA-256) and the answers of the search.
"""

import hashlib
import io
import json
import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages
from django.db import connection
from wagtail.models import Page, Revision

MANIFEST = "manifest.json"


class BackupError(Exception):
    """The backup or restore cannot go on; the message says why (Indonesian)."""


def storage_files(storage=None, prefix=""):
    """Every file name in ``storage`` (recursively), sorted."""
    storage = storage or default_storage
    try:
        directories, files = storage.listdir(prefix)
    except FileNotFoundError:
        return []
    names = [f"{prefix}{name}" for name in files]
    for directory in directories:
        names += storage_files(storage, f"{prefix}{directory}/")
    return sorted(names)


def backup_storages():
    """The storages a backup holds, by alias (``PORTAL_BACKUP_STORAGES``)."""
    return {alias: storages[alias] for alias in getattr(settings, "PORTAL_BACKUP_STORAGES", ["default"])}


def archive_name(alias, name):
    return name if alias == "default" else f"@{alias}/{name}"


def from_archive_name(member):
    """(alias, name) of an archive member: ``@alias/name`` or a default-storage name."""
    if member.startswith("@"):
        alias, _sep, name = member[1:].partition("/")
        return alias, name
    return "default", member


def backed_up_files():
    """(archive name, storage, name) of every file a backup holds, sorted."""
    entries = [
        (archive_name(alias, name), storage, name)
        for alias, storage in backup_storages().items()
        for name in storage_files(storage)
    ]
    return sorted(entries, key=lambda entry: entry[0])


def _sha256(data):
    return hashlib.sha256(data).hexdigest()


def search_answers(queries):
    """The first result ids of the public search for each query."""
    from search.engine import Filters, parse_query
    from search.service import run_engines

    answers = {}
    for query in queries:
        parsed = parse_query(query)
        answers[query] = run_engines(parsed, Filters(), 0, 10).page_ids if parsed.groups else []
    return answers


def probe_queries():
    """A few words from live page titles: enough to show the search answers the same."""
    titles = Page.objects.filter(live=True, depth__gt=1).order_by("path").values_list("title", flat=True)[:40]
    words = []
    for title in titles:
        for word in title.split():
            if len(word) > 4 and word.isalpha() and word.lower() not in words:
                words.append(word.lower())
    return words[:5]


def fingerprint(queries=None):
    """What a backup must bring back, as a JSON-serialisable dict."""
    tree = list(Page.objects.order_by("path").values_list("path", "title", "live", "content_type__model"))
    users = sorted(get_user_model().objects.values_list("username", "email", "is_active"))
    media = {}
    for member, storage, name in backed_up_files():
        with storage.open(name, "rb") as handle:
            data = handle.read()
        media[member] = {"size": len(data), "sha256": _sha256(data)}
    queries = probe_queries() if queries is None else queries
    return {
        "pages": {"count": len(tree), "sha256": _sha256(json.dumps(tree).encode())},
        "revisions": Revision.objects.count(),
        "users": {"count": len(users), "sha256": _sha256(json.dumps(users).encode())},
        "media": media,
        "search": search_answers(queries),
    }


def _database():
    settings_dict = connection.settings_dict
    return connection.vendor, settings_dict


def _pg_args(settings_dict):
    args = ["--host", settings_dict.get("HOST") or "127.0.0.1", "--port", str(settings_dict.get("PORT") or 5432)]
    if settings_dict.get("USER"):
        args += ["--username", settings_dict["USER"]]
    return args


def _pg_env(settings_dict):
    import os

    env = dict(os.environ)
    if settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = settings_dict["PASSWORD"]
    return env


def backup(destination):
    """Write database, media and manifest into ``destination`` (created; must be empty)."""
    destination = Path(destination)
    destination.mkdir(parents=True, exist_ok=True)
    if any(destination.iterdir()):
        raise BackupError(f"Folder {destination} tidak kosong; pilih folder baru untuk cadangan.")
    # The dump holds password hashes, 2FA secrets and citizens' data: only its owner may read it.
    destination.chmod(0o700)
    vendor, settings_dict = _database()
    if vendor == "postgresql":
        subprocess.run(
            [
                "pg_dump",
                "--format=custom",
                "--no-owner",
                "--file",
                str(destination / "database.dump"),
                *_pg_args(settings_dict),
                settings_dict["NAME"],
            ],
            check=True,
            env=_pg_env(settings_dict),
        )
    elif vendor == "sqlite":
        if connection.in_atomic_block:
            raise BackupError("Cadangan SQLite tidak bisa dibuat di dalam transaksi yang terbuka.")
        connection.ensure_connection()
        target = sqlite3.connect(destination / "database.sqlite3")
        with target:
            connection.connection.backup(target)
        target.close()
    else:
        raise BackupError(f"Basis data {vendor} tidak didukung oleh perintah cadangan.")
    with tarfile.open(destination / "media.tar", "w") as archive:
        for member, storage, name in backed_up_files():
            with storage.open(name, "rb") as handle:
                data = handle.read()
            info = tarfile.TarInfo(member)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    manifest = fingerprint()
    (destination / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True))
    return manifest


def restore(source):
    """Load a backup folder into the configured database and storage, which must be empty."""
    source = Path(source)
    if not (source / MANIFEST).exists():
        raise BackupError(f"{source} bukan folder cadangan portal (tidak ada {MANIFEST}).")
    vendor, settings_dict = _database()
    tables = connection.introspection.table_names()
    if "wagtailcore_page" in tables and Page.objects.exists():
        raise BackupError("Basis data tujuan sudah berisi halaman; pulihkan hanya ke basis data kosong.")
    if backed_up_files():
        raise BackupError("Penyimpanan media tujuan tidak kosong; pulihkan hanya ke bucket/folder kosong.")
    if vendor == "postgresql":
        connection.close()
        subprocess.run(
            [
                "pg_restore",
                "--no-owner",
                "--clean",
                "--if-exists",
                "--exit-on-error",
                "--dbname",
                settings_dict["NAME"],
                *_pg_args(settings_dict),
                str(source / "database.dump"),
            ],
            check=True,
            env=_pg_env(settings_dict),
        )
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    elif vendor == "sqlite":
        connection.close()
        shutil.copyfile(source / "database.sqlite3", settings_dict["NAME"])
    else:
        raise BackupError(f"Basis data {vendor} tidak didukung oleh perintah pemulihan.")
    targets = backup_storages()
    with tarfile.open(source / "media.tar") as archive:
        for member in archive.getmembers():
            if not member.isfile() or member.name.startswith("/") or ".." in Path(member.name).parts:
                continue
            alias, name = from_archive_name(member.name)
            if alias not in targets:
                raise BackupError(f"Berkas {member.name} milik penyimpanan {alias} yang tidak dikenal di sini.")
            saved = targets[alias].save(name, ContentFile(archive.extractfile(member).read()))
            if saved != name:
                raise BackupError(f"Berkas {member.name} tersimpan sebagai {saved}; penyimpanan tujuan tidak kosong?")


def verify(source):
    """Differences between the backup's manifest and what the portal now holds ([] when equal)."""
    expected = json.loads((Path(source) / MANIFEST).read_text())
    actual = fingerprint(queries=list(expected["search"]))
    differences = []
    for key in ("pages", "revisions", "users", "search"):
        if expected[key] != actual[key]:
            differences.append(f"{key}: {expected[key]!r} ≠ {actual[key]!r}")
    missing = sorted(set(expected["media"]) - set(actual["media"]))
    extra = sorted(set(actual["media"]) - set(expected["media"]))
    changed = sorted(
        n for n in set(expected["media"]) & set(actual["media"]) if expected["media"][n] != actual["media"][n]
    )
    differences += [f"media hilang: {name}" for name in missing]
    differences += [f"media tambahan: {name}" for name in extra]
    differences += [f"media berubah: {name}" for name in changed]
    return differences
