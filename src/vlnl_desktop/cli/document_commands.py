"""Commands over the archive's documents: import, documents, fetch, dossier."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .options import Context, archive_option, fail, pass_context, reports_errors


@click.command("import")
@archive_option
# not readable=True: an unreadable file is one failure of the batch, not a usage error
@click.argument("pdfs", nargs=-1, required=True, type=click.Path(dir_okay=True, readable=False))
@click.option("--record", "record_id", metavar="ID", help="Link the documents to this record.")
@click.option("--password", metavar="PW", help="The password of encrypted PDFs.")
@pass_context
@reports_errors
def import_(obj: Context, pdfs: tuple[str, ...], record_id: str | None, password: str | None):
    """Import PDF files into the working archive: stored once, indexed page by page. A folder
    stands for every PDF inside it (its sub-folders too; hidden ones skipped).

    Exit status 0 if every file was imported or already in the archive; otherwise one line per
    failure on stderr ("FILE: reason") and exit status 1.
    """
    from ..core.documents.importer import expand_paths, import_files
    from ..core.text import printable

    failed = 0
    for given in pdfs:
        if Path(given).is_dir() and not expand_paths([given]):
            failed += 1
            click.echo(f"{printable(given)}: no PDF files in this folder", err=True)
    ws = obj.workspace()
    results = import_files(ws, pdfs, record_id=record_id, password=password)
    for result in results:
        if result.ok:
            click.echo(result.line())
        else:
            failed += 1
            click.echo(result.line(), err=True)
    _hint_ocr(ws, [r.document_id for r in results if r.status == "imported" and r.document_id])
    if failed:
        sys.exit(1)


def _hint_ocr(ws, document_ids: list[str]) -> None:
    """Say how scans among the imported documents become searchable (OCR is a step of its own
    on the command line; the window starts it by itself)."""
    if not document_ids:
        return
    from ..core.archive.connections import connect_readonly
    from ..core.ocr.store import pages_without_text

    conn = connect_readonly(ws)
    try:
        scans = pages_without_text(conn, document_ids)
    finally:
        conn.close()
    if scans:
        pages = sum(scans.values())
        noun = "page" if pages == 1 else "pages"
        ids = " ".join(scans)
        click.echo(f"{pages} {noun} without text: 'vlnl-desktop ocr {ids}' makes them searchable")


@click.command()
@archive_option
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list of objects.")
@pass_context
@reports_errors
def documents(obj: Context, as_json: bool) -> None:
    """List the documents in the archive: id, title, file, kind, date, pages, links."""
    from ..core.archive.connections import connect_readonly
    from ..core.documents.listing import list_documents

    rows = list_documents(connect_readonly(obj.workspace()))
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for row in rows:
        pages = f"{row['pages']} p." if row["pages"] else ("stored" if row["sha256"] else "no file")
        text = "" if row["has_text"] in (None, True) else ", no text layer"
        click.echo(f"{row['id']:<40} {row['date'] or '':<10} {pages}{text}  {row['title']}")
        if row["records"]:
            click.echo(f"{'':<40} linked to: {', '.join(row['records'])}")


@click.command()
@archive_option
@click.option("--timeout", default=30.0, show_default=True, type=click.FloatRange(0.1, 600),
              metavar="S", help="Give up on a download after S seconds.")  # fmt: skip
@click.option("--max-bytes", default=50 * 1024 * 1024, show_default=True,
              type=click.IntRange(1024), metavar="N", help="Refuse files larger than N bytes.")  # fmt: skip
@click.option("--again", is_flag=True,
              help="Also compare the documents that have their file with what is published now; "
              "a changed one is stored beside the earlier version.")  # fmt: skip
@pass_context
@reports_errors
def fetch(obj: Context, timeout: float, max_bytes: int, again: bool) -> None:
    """Download the official documents whose address the records know (once; what is stored is
    kept). A web page is stored as a PDF of its main text, with its address and date, if it names
    the document. Offline, one line says so at once."""
    from ..core.documents.fetch import fetch_documents

    results = fetch_documents(
        obj.workspace(), timeout=timeout, max_bytes=max_bytes, again=again, probe=True
    )
    if not results:
        click.echo("nothing to fetch: every document with a known address has its file")
    failed = 0
    for result in results:
        click.echo(result.line(), err=not result.ok)
        failed += not result.ok
    if failed:
        sys.exit(1)


@click.command()
@archive_option
@click.argument("record_id")
@click.argument("out", type=click.Path())  # checked below, in one line (not a usage error)
@pass_context
@reports_errors
def dossier(obj: Context, record_id: str, out: str) -> None:
    """Write a briefing (PDF) on a record or theme: its facts, decisions, themes, documents,
    related records and sources. Compiled by the archive, not an official text."""
    from ..core.archive.connections import connect_readonly
    from ..core.documents.sheets import export_dossier
    from ..core.text import printable

    try:
        target = Path(out).expanduser()
    except RuntimeError:  # ~nosuchuser/x.pdf
        fail(f"{printable(out)}: no such user's home folder")
    if not out.strip() or out == "-" or target.name in ("", ".", ".."):
        fail(f"{out!r}: give a file name for the PDF, e.g. dossier.pdf")
    target = target.resolve()  # through a symlink to the file it names
    if target.exists() and not target.is_file():
        fail(f"{out}: not a regular file; give a file name for the PDF")
    conn = connect_readonly(obj.workspace())
    try:
        path = export_dossier(conn, record_id, target)
    except OSError as exc:
        fail(f"{out}: cannot write: {exc.strerror or exc}")
    click.echo(f"{path}: dossier on {record_id}")


COMMANDS = [import_, documents, fetch, dossier]
