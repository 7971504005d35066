"""Commands over the archive itself: build, search, check, and the overview."""

from __future__ import annotations

import json

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
    ws.documents_dir.mkdir(exist_ok=True)
    report = rebuild(ws.db_path)
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
NO_HITS = (
    'no hits; try fewer or other words, a "phrase", a OR b, -word to exclude, soort:top or '
    "jaar:2018 to filter (e.g. 'vlnl-desktop search waterstof soort:top')"
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
    from ..core.archive.connections import connect_readonly
    from ..core.search.searcher import Searcher
    from ..core.search.upkeep import MISSING, index_state, usable_index

    ws = ctx.ensure_object(Context).workspace()
    conn = connect_readonly(ws)
    if index_state(ws, conn) == MISSING:
        click.echo("building the search index (once)…", err=True)
    results = Searcher(conn, usable_index(ws, conn)).results(" ".join(query), limit)
    if results.truncated:
        click.echo("the query was too long: only its first words were searched", err=True)
    if results.suggestion:
        click.echo(f"did you mean: {results.suggestion}?", err=True)
    hits = results.hits
    if as_json:
        objects = [{**h.as_json(), "suggestion": results.suggestion} for h in hits]
        click.echo(json.dumps(objects, ensure_ascii=False, indent=2))
        return
    if not hits:
        click.echo(NO_HITS, err=True)
        return
    for hit in hits:
        where = f" p.{hit.page}" if hit.page else ""
        mark = {"partial": "  (some words)", "typo": "  (spelling)"}.get(hit.match, "")
        click.echo(f"{hit.kind:<11} {hit.date or '':<10}  {hit.title}{where}  [{hit.id}]{mark}")
        snippet = " ".join(hit.snippet_marked("[", "]").split())
        if snippet:
            click.echo(f"{'':<23}{snippet}")


@click.command()
@archive_option
@pass_context
@reports_errors
def check(obj: Context) -> None:
    """Check the working archive: SQLite integrity, links, search indexes, records, files."""
    from ..core.archive.check import check_archive

    ws = obj.workspace(initialise=False)
    problems = check_archive(ws)
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        fail(problems[0] + more)
    click.echo(f"{ws.db_path}: ok")


COMMANDS = [build, search, check]
