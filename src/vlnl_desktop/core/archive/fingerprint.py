"""The fingerprint of the bundled records, cheap enough for every start (no TOML parsing)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from vlnl_desktop.core.locations import records_dir


def fingerprint(directory: Path | None = None) -> str:
    """A hash of the record files (names and bytes) and the program version: when it changes,
    the working archive is rebuilt from the records."""
    from vlnl_desktop import __version__

    directory = directory or records_dir()
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(directory.rglob("*.toml")):
        digest.update(path.relative_to(directory).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()
