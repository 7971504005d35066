"""The document store: files kept once each under ``documents/<sha256>.pdf``.

A file is put in place atomically (a temporary file in the same folder, then a rename), so a
process killed half-way leaves at most a temporary file, which ``clean_leftovers`` removes later.
A file already there with the same content is kept as it is.

A user's file is read once: ``copy_hashed`` copies it into a temporary file of the store and hashes
the same bytes, and that copy is what is indexed and then put in place (``place``), so a file
changed during an import cannot be stored different from what was indexed. Only regular files are
read (``open_regular``): a FIFO or a device would block or never end.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import tempfile
from pathlib import Path
from typing import BinaryIO

from vlnl_desktop.core.atomic_write import write_atomically

TEMP_PREFIX = ".incoming-"
CHUNK = 1 << 20


def sha256_of(source: Path | bytes) -> tuple[str, int]:
    """The sha256 (hex) and size in bytes of a file or of bytes."""
    if isinstance(source, bytes):
        return hashlib.sha256(source).hexdigest(), len(source)
    digest = hashlib.sha256()
    size = 0
    with source.open("rb") as f:
        while chunk := f.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


class NotRegularFile(OSError):
    """The path names something other than a regular file (``kind`` says what)."""

    def __init__(self, kind: str, path: Path) -> None:
        super().__init__(f"not a regular file ({kind})")
        self.kind = kind
        self.filename = str(path)


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "not a file"


def open_regular(path: Path) -> BinaryIO:
    """``path`` open for reading if it is a regular file (symlinks followed); ``NotRegularFile``
    before a byte is read otherwise (opening does not wait for a FIFO's writer)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(21, "Is a directory", str(path))
        if not stat.S_ISREG(mode):
            raise NotRegularFile(_kind(mode), path)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def new_temp(documents_dir: Path) -> Path:
    """A new, empty temporary file of the store (created exclusively; this process's leftover
    until it is placed or removed)."""
    documents_dir.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(
        prefix=f"{TEMP_PREFIX}{os.getpid()}-", suffix=".tmp", dir=documents_dir
    )
    os.close(fd)
    return Path(name)


def copy_hashed(source: Path, temp: Path) -> tuple[str, int]:
    """Copy the regular file ``source`` into ``temp`` (on disk when this returns) and return the
    sha256 and size of the bytes copied."""
    digest = hashlib.sha256()
    size = 0
    with open_regular(source) as src, temp.open("wb") as out:
        while chunk := src.read(CHUNK):
            digest.update(chunk)
            out.write(chunk)
            size += len(chunk)
        out.flush()
        os.fsync(out.fileno())
    return digest.hexdigest(), size


def place(documents_dir: Path, temp: Path, sha256: str) -> Path:
    """Put the staged copy ``temp`` at ``documents/<sha256>.pdf`` (or drop it when an identical
    file is there already): also restores a stored file deleted behind the archive's back."""
    target = stored_path(documents_dir, sha256)
    if has_file(documents_dir, sha256):
        temp.unlink(missing_ok=True)
        return target
    os.chmod(temp, 0o644)
    os.replace(temp, target)
    return target


def stored_path(documents_dir: Path, sha256: str) -> Path:
    return documents_dir / f"{sha256}.pdf"


def has_file(documents_dir: Path, sha256: str) -> bool:
    """Whether the store holds a file of this content (read and hashed to be sure)."""
    target = stored_path(documents_dir, sha256)
    if not target.is_file() or target.stat().st_size == 0:
        return False
    try:
        return sha256_of(target)[0] == sha256
    except OSError:
        return False


def store_file(documents_dir: Path, data: bytes, sha256: str, *, durable: bool = True) -> Path:
    """Put ``data`` at ``documents/<sha256>.pdf`` atomically; keep an identical file already there.
    ``durable``: on disk before the rename (the user's files; the build's record sheets, made anew
    by every build, skip the wait)."""
    target = stored_path(documents_dir, sha256)
    if has_file(documents_dir, sha256):
        return target
    documents_dir.mkdir(parents=True, exist_ok=True)
    prefix = f"{TEMP_PREFIX}{os.getpid()}-"
    return write_atomically(target, data, prefix=prefix, durable=durable)


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def clean_leftovers(documents_dir: Path) -> int:
    """Remove temporary files that writers killed half-way left behind (not those of a live
    process). Returns how many were removed."""
    removed = 0
    if not documents_dir.is_dir():
        return 0
    for tmp in documents_dir.glob(f"{TEMP_PREFIX}*.tmp"):
        pid = tmp.name[len(TEMP_PREFIX) :].split("-", 1)[0]
        if pid.isdigit() and _pid_alive(int(pid)) and int(pid) != os.getpid():
            continue
        with contextlib.suppress(OSError):
            tmp.unlink()
            removed += 1
    return removed
