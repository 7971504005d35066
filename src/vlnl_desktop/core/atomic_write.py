"""Writing a file whole or not at all: the bytes go to a temporary file of a unique name, created
exclusively in the target's folder (never through a link planted there, never over another file),
then renamed over the target. A writer killed half-way leaves at most that temporary file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomically(target: Path, data: bytes, *, prefix: str, durable: bool = True) -> Path:
    """Put ``data`` at ``target`` in one rename; ``durable``: on disk before the rename."""
    fd, name = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=target.parent)
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            if durable:
                out.flush()
                os.fsync(out.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target
