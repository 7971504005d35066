"""The launch without a subcommand, as the menu entry and a terminal start the app: ``vlnl-desktop``
with at most ``--archive DIR`` and ``--lang nl|en`` goes straight to the window, without loading
click and the other commands (about 50 ms of imports that only the other subcommands need).
Anything else (a subcommand, ``--help``, a value it does not know) goes to the full command line,
``cli.main``, which also reports what is wrong.
"""

from __future__ import annotations

import sys

LANGUAGES = ("nl", "en")


def plain_launch(args: list[str]) -> tuple[str | None, str | None] | None:
    """(archive, language) if ``args`` only ask to open the window, else None."""
    archive = lang = None
    i = 0
    while i < len(args):
        name, eq, value = args[i].partition("=")
        if name not in ("--archive", "--lang"):
            return None
        if not eq:
            if i + 1 >= len(args):
                return None
            i += 1
            value = args[i]
        if name == "--archive":
            archive = value
        elif value in LANGUAGES:
            lang = value
        else:
            return None
        i += 1
    return archive, lang


def main() -> None:
    """The ``vlnl-desktop`` command."""
    from .output import escape_unencodable_output

    escape_unencodable_output()
    plain = plain_launch(sys.argv[1:])
    if plain is not None:
        try:
            from .window import open_window

            code = open_window(*plain)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:  # as every command: one line, exit code != 0
            from .options import report_error

            report_error(exc)
        else:
            if code is not None:
                raise SystemExit(code)
    from .search_run import quick

    if quick(sys.argv[1:]):
        return
    from .main import main as full_command_line

    full_command_line()
