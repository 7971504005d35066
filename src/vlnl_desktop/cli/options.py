"""Options shared by every command, and the one way commands report failure."""

from __future__ import annotations

import functools
import json
import os
import sqlite3
import sys

import click

from ..core.errors import VlnlError


class Context:
    """What the group's options decided, handed to every command."""

    def __init__(self) -> None:
        self.archive: str | None = None

    def workspace(self, *, initialise: bool = True):
        from ..core.archive.lifecycle import open_workspace

        return open_workspace(self.archive, initialise=initialise)


def _store_archive(ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value is not None:
        ctx.ensure_object(Context).archive = value
    return value


archive_option = click.option(
    "--archive",
    metavar="DIR",
    expose_value=False,
    is_eager=True,
    callback=_store_archive,
    help="The working archive folder (default: $VLNL_ARCHIVE, else the user data folder).",
)


def fail(message: str, code: int = 1) -> None:
    """Print one line on stderr and exit with ``code``."""
    click.echo(f"vlnl-desktop: {message}", err=True)
    sys.exit(code)


def reports_errors(func):
    """Turn the core's user-facing errors (and I/O errors) into one line and exit code 1."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except VlnlError as exc:
            fail(str(exc))
        except (sqlite3.DatabaseError, json.JSONDecodeError) as exc:
            # read half-way, or a stored value that no longer reads: the archive is damaged there
            from ..core.archive.connections import REBUILD_HINT

            detail = " ".join(str(exc).split())[:160]
            fail(f"the archive is damaged ({detail}); {REBUILD_HINT}")
        except BrokenPipeError:  # `vlnl-desktop documents | head`: the reader has had enough
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(1)
        except OSError as exc:
            fail(f"{exc.filename or ''}: {exc.strerror or exc}".lstrip(": "))
        except KeyboardInterrupt:
            fail("interrupted", 130)
        except Exception as exc:  # a bug: still one line, the traceback only on request
            if os.environ.get("VLNL_DEBUG"):
                raise
            fail(f"internal error: {type(exc).__name__}: {exc} (set VLNL_DEBUG=1 for details)", 2)

    return wrapper


pass_context = click.make_pass_decorator(Context, ensure=True)
