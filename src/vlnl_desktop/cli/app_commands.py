"""Commands that start the window: ``open`` goes straight into the viewer."""

from __future__ import annotations

from pathlib import Path

import click

from .options import Context, archive_option, fail, pass_context, reports_errors
from .window import open_window


def _known_document(obj: Context, document_id: str) -> bool:
    from ..core.archive.connections import connect_readonly

    conn = connect_readonly(obj.workspace())
    try:
        row = conn.execute("SELECT 1 FROM documents WHERE id = ?", (document_id,)).fetchone()
        return row is not None
    finally:
        conn.close()


@click.command("open")
@archive_option
@click.argument("target", metavar="PDF|DOCUMENT_ID")
@click.option("--page", type=click.IntRange(min=1), help="Page to open at (1 is the first).")
@click.option("--find", "find_text", metavar="TEXT", help="Words to highlight in the document.")
@click.option("--lang", type=click.Choice(["nl", "en"]), help="Language of the window.")
@pass_context
@reports_errors
def open_(
    obj: Context, target: str, page: int | None, find_text: str | None, lang: str | None
) -> None:
    """Open the app straight in the viewer, on a PDF file (shown, not imported) or on a document
    of the archive."""
    path = Path(target).expanduser()
    if path.is_dir():
        fail(f"{target}: is a folder, not a PDF")
    if not path.is_file() and not _known_document(obj, target):
        fail(f"{target}: no such file, and no document with that id in the archive")
    code = open_window(obj.archive, lang, open_path=target, page=page, find=find_text)
    if code is None:
        fail("this installation has no window (the GUI is not installed)")
    raise SystemExit(code)


COMMANDS = [open_]
