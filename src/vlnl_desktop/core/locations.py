"""Where the bundled archive and the resources are: in an installed wheel or in the checkout."""

from __future__ import annotations

from pathlib import Path

# the package folder itself (installed as files, from a wheel or a checkout); importlib.resources
# would say the same and costs ~8 ms on the start-up path
_PACKAGE_DIR = Path(__file__).resolve().parent.parent
_CHECKOUT_DIR = _PACKAGE_DIR.parent.parent  # src/vlnl_desktop -> the repository


def _first_existing(*candidates: Path) -> Path:
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return candidates[-1]


def bundled_archive_dir() -> Path:
    """The bundled archive: ``records/`` and ``documents/``, shipped with the program."""
    return _first_existing(_PACKAGE_DIR / "bundled_archive", _CHECKOUT_DIR / "archive")


def records_dir() -> Path:
    return bundled_archive_dir() / "records"


def resources_dir() -> Path:
    """Icons, translations and desktop files."""
    return _first_existing(_PACKAGE_DIR / "resources", _CHECKOUT_DIR / "resources")
