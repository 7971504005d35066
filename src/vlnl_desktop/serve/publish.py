"""``vlnl-desktop publish DIR``: what a team needs to serve the archive elsewhere.

The site folder (``core.serve.site``: snapshot, inspect data, metadata, settings) with the stored
PDFs copied in, the plugin as ``plugins/vlnl_documenten.py`` and a README (``team_readme.md``)
saying how to run one or several Datasette instances on it. Needs no Datasette itself: a curator
can publish from a machine without the ``serve`` extra.
"""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

from vlnl_desktop.core.archive.workspace import Workspace
from vlnl_desktop.core.errors import VlnlError
from vlnl_desktop.core.serve.site import SETTINGS, SITE_FILES, Site, write_site

PLUGIN_FILE = "vlnl_documenten.py"  # plugin.FILE_NAME (not imported: that needs Datasette)
PUBLISHED = {*SITE_FILES, "plugins", "README.md"}


def check_target(folder: Path) -> None:
    """Refuse a folder publish did not make: a file the archive did not make is never written
    over. A new folder, an empty one, or an earlier publication are fine."""
    if folder.exists() and not folder.is_dir():
        raise VlnlError(f"{folder}: is a file, not a folder")
    if not folder.exists():
        return
    names = {entry.name for entry in folder.iterdir()}
    foreign = sorted(names - PUBLISHED)
    if foreign or (names and "metadata.json" not in names):
        raise VlnlError(
            f"{folder}: holds files publish did not make ({', '.join(foreign or sorted(names))}); "
            "choose a new or empty folder"
        )


def publish(ws: Workspace, folder: Path, *, with_notes: bool = False) -> Site:
    check_target(folder)
    site = write_site(ws, folder, with_notes=with_notes, copy_documents=True)
    plugins = folder / "plugins"
    plugins.mkdir(exist_ok=True)
    package = resources.files("vlnl_desktop.serve")
    with resources.as_file(package / "plugin.py") as source:
        shutil.copyfile(source, plugins / PLUGIN_FILE)
    readme = (package / "team_readme.md").read_text(encoding="utf-8")
    private = (
        "Notes and highlights ARE included (published with --with-notes)."
        if with_notes
        else "Notes and highlights are not included."
    )
    (folder / "README.md").write_text(
        readme.format(
            made=site.snapshot.made,
            private=private,
            documents=site.documents_copied,
            sql_time_limit_ms=SETTINGS["sql_time_limit_ms"],
        ),
        encoding="utf-8",
    )
    return site
