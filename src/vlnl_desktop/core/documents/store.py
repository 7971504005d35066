"""The document store: files kept once each under ``documents/<sha256>.pdf``.

A file is put in place atomically (a temporary file in the same folder, then a rename), so a
process killed half-way leaves at most a temporary file, which ``clean_leftovers`` removes later.
A file already there with the same content is kept as it is.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import tempfile
from pathlib import Path

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


def store_file(
    documents_dir: Path, source: Path | bytes, sha256: str, *, durable: bool = True
) -> Path:
    """Put ``source`` (a file or its bytes) at ``documents/<sha256>.pdf`` atomically; keep an
    identical file already there. ``durable``: on disk before the rename (the user's files; the
    build's record sheets, made anew by every build, skip the wait)."""
    target = stored_path(documents_dir, sha256)
    if has_file(documents_dir, sha256):
        return target
    documents_dir.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(
        prefix=f"{TEMP_PREFIX}{os.getpid()}-", suffix=".tmp", dir=documents_dir
    )
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as out:
            if isinstance(source, bytes):
                out.write(source)
            else:
                with source.open("rb") as src:
                    shutil.copyfileobj(src, out, CHUNK)
            if durable:
                out.flush()
                os.fsync(out.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target


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
