"""The user's own layer on the command line: ``notes`` (list, JSON, Markdown export) and ``cite``."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .options import Context, archive_option, pass_context, reports_errors


@click.command()
@archive_option
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list of notes and highlights.")
@click.option(
    "--markdown", "as_markdown", is_flag=True, help="Print all of them as Markdown, by record."
)
@click.option(
    "--export",
    "export_to",
    metavar="FILE",
    type=click.Path(dir_okay=False, writable=True),
    help="Write the Markdown export (with citations) to FILE.",
)
@pass_context
@reports_errors
def notes(obj: Context, as_json: bool, as_markdown: bool, export_to: str | None) -> None:
    """List your notes and highlights: the note on each record, the highlighted passages of each
    document (with page and note). --json, --markdown or --export FILE for the whole of them."""
    from ..core.archive.connections import connect_readonly
    from ..core.notes.export import grouped, notes_markdown, notes_objects

    conn = connect_readonly(obj.workspace())
    try:
        if as_json:
            click.echo(json.dumps(notes_objects(conn), ensure_ascii=False, indent=2))
        elif as_markdown or export_to:
            text = notes_markdown(conn)
            if export_to:
                from ..core.atomic_write import write_atomically

                target = Path(export_to)
                write_atomically(target, text.encode("utf-8"), prefix=f".{target.name}.")
                click.echo(f"{target}: notes written")
            else:
                click.echo(text, nl=False)
        else:
            for group in grouped(conn):
                click.echo(f"{group.record_id or '-':<40} {group.title}")
                if group.note is not None:
                    first = group.note.text.strip().splitlines()[0]
                    click.echo(f"{'':<40} note: {first[:100]}")
                for mark in group.highlights:
                    text = " ".join(mark.text.split())[:100]
                    click.echo(f"{'':<40} highlight:{mark.id} p. {mark.page_no}: {text}")
    finally:
        conn.close()


@click.command()
@archive_option
@click.argument("ids", nargs=-1, required=True, metavar="ID...")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "csl", "ris", "bibtex"]),
    default="text",
    show_default=True,
    help="text: a Dutch APA 7 reference; csl: CSL-JSON; ris: RIS; bibtex: BibTeX.",
)
@pass_context
@reports_errors
def cite(obj: Context, ids: tuple[str, ...], fmt: str) -> None:
    """Print the citation of records, documents or highlights (ID, or highlight:N as listed by
    'vlnl-desktop notes'), in a format Zotero imports."""
    from ..core.archive.connections import connect_readonly
    from ..core.citations.formats import render
    from ..core.citations.source import cite_source

    conn = connect_readonly(obj.workspace())
    try:
        sources = [cite_source(conn, key) for key in ids]
    finally:
        conn.close()
    click.echo(render(sources, fmt), nl=False)


COMMANDS = [notes, cite]
