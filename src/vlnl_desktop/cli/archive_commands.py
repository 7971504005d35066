"""Commands over the archive itself: build, search, check, and the overview."""

from __future__ import annotations

import click

from .options import Context, archive_option, fail, pass_context, reports_errors


def print_overview(obj: Context) -> None:
    """What is in the working archive and which commands there are."""
    from ..core.archive.connections import connect_readonly

    ws = obj.workspace()
    conn = connect_readonly(ws)
    counts = dict(conn.execute("SELECT kind, count(*) FROM records GROUP BY kind").fetchall())
    pages = conn.execute("SELECT count(*) FROM pages").fetchone()[0]
    stored = conn.execute("SELECT count(*) FROM documents WHERE sha256 IS NOT NULL").fetchone()[0]
    summits = conn.execute("SELECT date, place FROM summits ORDER BY date").fetchall()
    click.echo(f"vlnl-desktop archive: {ws.root}")
    click.echo(
        f"  {counts.get('declaration', 0)} declarations, {counts.get('summit', 0)} summits, "
        f"{counts.get('event', 0)} events, {counts.get('theme', 0)} themes, "
        f"{counts.get('document', 0)} documents ({stored} stored, {pages} pages indexed)"
    )
    click.echo("  summits: " + ", ".join(f"{d[:4]} {p}" for d, p in summits))
    click.echo("")
    click.echo("Commands: vlnl-desktop --help")


@click.command()
@archive_option
@pass_context
@reports_errors
def build(obj: Context) -> None:
    """(Re)build the working archive from the bundled records, keeping what the user added."""
    from ..core.archive.lifecycle import open_workspace, rebuild

    ws = open_workspace(obj.archive, initialise=False)
    if not ws.exists():  # an empty or missing folder is initialised; any other is refused
        ws = open_workspace(obj.archive)
        click.echo(f"built {ws.db_path} from the bundled records")
        return
    report = rebuild(ws.db_path)  # makes documents/ (the build stores its sheets there)
    click.echo(
        f"built {report.path}: {report.records} records, "
        f"{report.documents_kept} stored documents kept"
    )
    if report.damaged_copy:
        click.echo(f"the damaged archive was moved to {report.damaged_copy}", err=True)


SEARCH_HELP = (
    'Search records and document pages: words, "phrases", OR, -exclusion; soort:top, jaar:2018; '
    "the last word is a prefix. Question words need not match; misspelt words are found."
)


# "-hydrogen" excludes a word: only --help (or -h alone) asks for help here
@click.command(
    context_settings={"ignore_unknown_options": True, "help_option_names": ["--help"]},
    help=SEARCH_HELP,
)
@archive_option
@click.argument("query", nargs=-1)
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list of hits.")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 1000))
@click.pass_context
@reports_errors
def search(ctx: click.Context, query: tuple[str, ...], as_json: bool, limit: int) -> None:
    if query == ("-h",):
        click.echo(ctx.get_help())
        return
    from .search_run import run

    run(ctx.ensure_object(Context).archive, " ".join(query), as_json, limit)


@click.command()
@archive_option
@pass_context
@reports_errors
def check(obj: Context) -> None:
    """Check the working archive: SQLite integrity, links, search indexes, records, and every
    stored file (earlier versions kept aside too), read and compared with its sha256."""
    from ..core.archive.check import check_archive

    ws = obj.workspace(initialise=False)
    problems = check_archive(ws)
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        fail(problems[0] + more)
    click.echo(f"{ws.db_path}: ok")


COMMANDS = [build, search, check]
