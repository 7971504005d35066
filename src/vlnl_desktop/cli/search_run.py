"""The ``search`` command's work, shared by the click command and the lean start-up path.

``vlnl-desktop search`` is answered in a fraction of a second, so its start-up is most of its time:
``quick(argv)`` reads the plain forms of the command (``[--archive DIR] search [--json]
[--limit N] WORDS…``) without importing click (~30 ms); anything else (``--help``, a bad
``--limit``, other commands) goes to the click command, which calls ``run`` the same way.

A plain search first asks the archive's resident search server (``search_client``), which has
everything loaded and answers with the bytes this process would print; when none answers, it
searches here (``answer``: the same code the server runs) and then starts one for the next call.
"""

from __future__ import annotations

import os
import sys

NO_HITS = (
    'no hits; try fewer or other words, a "phrase", a OR b, -word to exclude, soort:top or '
    "jaar:2018 to filter (e.g. 'vlnl-desktop search waterstof soort:top')"
)
MAX_LIMIT = 1000


def search(archive: str | None, text: str, limit: int):
    """The results of one search of the working archive, opened for it (and closed again)."""
    from vlnl_desktop.core.archive.connections import connect_readonly
    from vlnl_desktop.core.archive.lifecycle import open_workspace
    from vlnl_desktop.core.search.searcher import Searcher
    from vlnl_desktop.core.search.upkeep import usable_index

    def building() -> None:
        print("building the search index (once)…", file=sys.stderr, flush=True)

    ws = open_workspace(archive)
    conn = connect_readonly(ws)
    try:
        return Searcher(conn, usable_index(ws, conn, building=building)).results(text, limit)
    finally:
        conn.close()


def run(archive: str | None, text: str, as_json: bool, limit: int, searched=search) -> None:
    """Search the working archive and print the hits (notices on stderr). ``searched``: what
    gives the results (the resident server passes its own, which keeps the archive open)."""
    results = searched(archive, text, limit)
    if results.truncated:
        print("the query was too long: only its first words were searched", file=sys.stderr)
    if results.suggestion:
        print(f"did you mean: {results.suggestion}?", file=sys.stderr)
    out = []
    if as_json:
        import json

        objects = [{**h.as_json(), "suggestion": results.suggestion} for h in results.hits]
        out.append(json.dumps(objects, ensure_ascii=False, indent=2))
    elif not results.hits:
        print(NO_HITS, file=sys.stderr)
    for hit in [] if as_json else results.hits:
        where = f" p.{hit.page}" if hit.page else ""
        mark = {"partial": "  (some words)", "typo": "  (spelling)"}.get(hit.match, "")
        out.append(f"{hit.kind:<11} {hit.date or '':<10}  {hit.title}{where}  [{hit.id}]{mark}")
        snippet = " ".join(hit.snippet_marked("[", "]").split())
        if snippet:
            out.append(f"{'':<23}{snippet}")
    if out:
        print("\n".join(out))


def parse_plain(argv: list[str]) -> tuple[str | None, list[str], bool, int] | None:
    """(archive, words, as_json, limit) for a plain search command line, else None."""
    archive = None
    index = 0
    while index < len(argv) and argv[index] != "search":
        if argv[index] == "--archive" and index + 1 < len(argv):
            archive, index = argv[index + 1], index + 2
        elif argv[index].startswith("--archive="):
            archive, index = argv[index].split("=", 1)[1], index + 1
        else:
            return None
    if index == len(argv):
        return None
    words: list[str] = []
    as_json, limit = False, 20
    rest = argv[index + 1 :]
    at = 0
    while at < len(rest):
        arg = rest[at]
        if arg == "--json":
            as_json = True
        elif arg in ("--limit", "--archive") and at + 1 < len(rest):
            value, at = rest[at + 1], at + 1
            if arg == "--archive":
                archive = value
            elif value.isdigit() and 1 <= int(value) <= MAX_LIMIT:
                limit = int(value)
            else:
                return None  # click says what is wrong with it
        elif arg.startswith("--"):
            return None  # --help, --limit=…, an unknown option: click's
        else:
            words.append(arg)
        at += 1
    if words == ["-h"]:
        return None
    return archive, words, as_json, limit


def answer(parsed: tuple[str | None, list[str], bool, int], searched=search) -> int:
    """Run a parsed plain search command line and print what it prints; its exit code."""
    archive, words, as_json, limit = parsed
    from vlnl_desktop.core.errors import VlnlError

    try:
        run(archive, " ".join(words), as_json, limit, searched)
    except VlnlError as exc:
        print(f"vlnl-desktop: {exc}", file=sys.stderr)
        return 1
    return 0


def quick(argv: list[str]) -> bool:
    """Run a plain search command line without click; False if it is not one (click runs it)."""
    parsed = parse_plain(argv)
    if parsed is None:
        return False
    from . import search_client

    resident = search_client.Resident.find(parsed[0])
    try:
        if resident is not None:
            answered = resident.ask(argv)
            if answered is not None:
                code, out, err = answered
                sys.stderr.buffer.write(err)
                sys.stderr.flush()
                sys.stdout.buffer.write(out)
                sys.stdout.flush()
                if code:
                    raise SystemExit(code)
                return True
        code = answer(parsed)
        sys.stdout.flush()
        searched = code == 0
    except BrokenPipeError:  # `vlnl-desktop search x | head`
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code, searched = 1, True
    if searched and resident is not None and resident.absent:
        resident.start()  # for the next call
    if code:
        raise SystemExit(code)
    return True
