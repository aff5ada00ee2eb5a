"""A local copy of ``wp-content/uploads``: a folder or a zip archive, looked up by relative path."""

import io
import zipfile
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

#: Largest single file taken from an archive (a zip bomb stops here).
MAX_FILE_BYTES = 50 * 1024 * 1024


def relative_upload_path(attached_file="", url=""):
    """``2023/05/foto.jpg`` from the attachment's meta or its URL."""
    if attached_file:
        return attached_file.lstrip("/")
    path = unquote(urlsplit(url).path)
    for marker in ("/wp-content/uploads/", "/uploads/", "/files/"):
        if marker in path:
            return path.split(marker, 1)[1]
    return PurePosixPath(path).name


def _under_uploads(name):
    name = name.replace("\\", "/").lstrip("/")
    for marker in ("wp-content/uploads/", "uploads/"):
        if marker in name:
            return name.split(marker, 1)[1]
    return name


class UploadsSource:
    """Files of the old site by their path relative to ``wp-content/uploads``."""

    def __init__(self, location=None):
        self.location = Path(location) if location else None
        self.archive = None
        self.names = {}
        if self.location and self.location.is_file():
            self.archive = zipfile.ZipFile(self.location)
            for info in self.archive.infolist():
                if not info.is_dir():
                    self.names.setdefault(_under_uploads(info.filename), info)

    def close(self):
        if self.archive is not None:
            self.archive.close()

    def open(self, relative):
        """A file object with the file's bytes, or ``None`` if the copy does not have it (or it is too big)."""
        if not relative or self.location is None or ".." in PurePosixPath(relative).parts:
            return None
        if self.archive is not None:
            info = self.names.get(relative)
            if info is None or info.file_size > MAX_FILE_BYTES:
                return None
            with self.archive.open(info) as member:
                data = member.read(MAX_FILE_BYTES + 1)
            return io.BytesIO(data) if len(data) <= MAX_FILE_BYTES else None
        root = self.location.resolve()
        for candidate in (root / relative, root / "wp-content" / "uploads" / relative, root / "uploads" / relative):
            candidate = candidate.resolve()
            if candidate.is_relative_to(root) and candidate.is_file() and candidate.stat().st_size <= MAX_FILE_BYTES:
                return io.BytesIO(candidate.read_bytes())
        return None
