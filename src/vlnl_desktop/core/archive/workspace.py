"""The working archive's place: a folder with ``archive.db`` and ``documents/``, and its paths.

Chosen with ``--archive DIR``, else ``VLNL_ARCHIVE``, else the user's data folder. Opening,
initialising and rebuilding it is ``lifecycle``'s; connecting to it is ``connections``'.
"""

from __future__ import annotations

import os
from pathlib import Path

from vlnl_desktop.core.errors import ArchiveError

ENV_VAR = "VLNL_ARCHIVE"
DB_NAME = "archive.db"
APP_NAME = "vlnl-desktop"


def default_root() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def resolve_root(option: str | os.PathLike | None = None) -> Path:
    """The working archive's folder: the option, else $VLNL_ARCHIVE, else the user data folder."""
    chosen = option if option is not None else os.environ.get(ENV_VAR)
    if chosen is None:
        return default_root()
    if not str(chosen).strip():
        # an empty $DIR must never fall back to the user's real archive
        raise ArchiveError("the archive folder is empty text; give a folder (--archive DIR)")
    try:
        return Path(chosen).expanduser()
    except RuntimeError:  # ~nosuchuser/...
        raise ArchiveError(f"{chosen}: no such user's home folder") from None


class Workspace:
    """The archive folder ``root`` (immutable, compared by its root). A plain class: dataclasses
    (with inspect) would cost more than a whole search on the command line's start-up path."""

    __slots__ = ("root",)
    root: Path

    def __init__(self, root: Path):
        object.__setattr__(self, "root", root)

    def __setattr__(self, name: str, value) -> None:
        raise AttributeError(f"Workspace is immutable: cannot set {name}")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Workspace) and other.root == self.root

    def __hash__(self) -> int:
        return hash(self.root)

    def __repr__(self) -> str:
        return f"Workspace(root={self.root!r})"

    @property
    def db_path(self) -> Path:
        return self.root / DB_NAME

    @property
    def documents_dir(self) -> Path:
        return self.root / "documents"

    def document_path(self, sha256: str) -> Path:
        return self.documents_dir / f"{sha256}.pdf"

    def exists(self) -> bool:
        return self.db_path.is_file()
