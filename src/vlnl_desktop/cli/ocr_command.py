"""The ``ocr`` command: text for scanned pages, with Tesseract, resumable."""

from __future__ import annotations

import sys

import click

from .options import archive_option, fail, pass_context, reports_errors


@click.command()
@archive_option
@click.argument("document_ids", nargs=-1, metavar="[DOCUMENT_ID]...")
@click.option("--all", "all_documents", is_flag=True, help="Every document with pages to read.")
@click.option("--lang", "languages", default="nld+eng", show_default=True, metavar="LANGS",
              help="Tesseract's languages, joined by '+'.")  # fmt: skip
@click.option("--retry", is_flag=True, help="Read again the pages whose OCR failed before.")
@click.option("--jobs", type=click.IntRange(1, 64), metavar="N",
              help="Pages read at once (default: one per core).")  # fmt: skip
@pass_context
@reports_errors
def ocr(obj, document_ids: tuple[str, ...], all_documents: bool, languages: str, retry: bool,
        jobs: int | None) -> None:  # fmt: skip
    """Make scanned pages searchable: read the pages without a text layer (or with one that is
    not words) with Tesseract, and store their text, marked as OCR, with its words' places.

    The original files are not changed. A run stopped half-way resumes where it stopped. Exit
    status 1 if a page could not be read (one line each on stderr) or Tesseract is missing.
    """
    from ..core.ocr.run import run_ocr

    if not document_ids and not all_documents:
        fail("name the documents to read (ids: 'vlnl-desktop documents'), or give --all")
    if document_ids and all_documents:
        fail("give document ids or --all, not both")

    def progress(step) -> None:
        if sys.stderr.isatty():
            left = f", about {step.seconds_left:.0f} s left" if step.seconds_left else ""
            click.echo(f"\r{step.done}/{step.total} pages{left}   ", err=True, nl=False)

    report = run_ocr(
        obj.workspace(),
        list(document_ids) or None,
        languages=languages,
        retry=retry,
        workers=jobs,
        progress=progress,
    )
    if sys.stderr.isatty() and report.total:
        click.echo("", err=True)
    if not report.total:
        click.echo("nothing to read: every page has text or has been read")
        return
    click.echo(
        f"{report.pages} of {report.total} pages read by OCR"
        + (f" in {', '.join(report.documents)}" if report.documents else "")
    )
    for line in report.failed:
        click.echo(line, err=True)
    if report.failed:
        sys.exit(1)


COMMANDS = [ocr]
