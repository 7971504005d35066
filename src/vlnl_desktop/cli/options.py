"""Options shared by every command, and the one way commands report failure."""

from __future__ import annotations

import functools
import os
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


def _stored_value_of_wrong_type() -> str | None:
    """Where the current command's archive holds a value its column does not allow, if it does."""
    ctx = click.get_current_context(silent=True)
    obj = ctx.find_object(Context) if ctx is not None else None
    if obj is None:
        return None
    from ..core.archive.value_types import wrong_type_in
    from ..core.archive.workspace import Workspace, resolve_root

    return wrong_type_in(Workspace(resolve_root(obj.archive)).db_path)


def report_error(exc: BaseException) -> None:
    """Report ``exc`` as one line and exit: the core's user-facing errors and I/O errors with
    code 1, a bug with code 2 (its traceback only with VLNL_DEBUG=1)."""
    import json
    import sqlite3

    if isinstance(exc, VlnlError):
        fail(str(exc))
    if isinstance(exc, sqlite3.DatabaseError | json.JSONDecodeError):
        # read half-way, or a stored value that no longer reads: the archive is damaged there
        from ..core.archive.connections import REBUILD_HINT

        detail = " ".join(str(exc).split())[:160]
        fail(f"the archive is damaged ({detail}); {REBUILD_HINT}")
    if isinstance(
        exc, BrokenPipeError
    ):  # `vlnl-desktop documents | head`: the reader has had enough
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
    if isinstance(exc, OSError):
        fail(f"{exc.filename or ''}: {exc.strerror or exc}".lstrip(": "))
    if isinstance(exc, KeyboardInterrupt):
        fail("interrupted", 130)
    if isinstance(exc, TypeError | ValueError | AttributeError):
        stray = _stored_value_of_wrong_type()
        if stray:  # not a bug: a damaged byte made a stored text something else
            from ..core.archive.connections import REBUILD_HINT

            fail(f"the archive is damaged (a value of the wrong type in {stray}); {REBUILD_HINT}")
    if os.environ.get("VLNL_DEBUG"):
        raise exc
    fail(f"internal error: {type(exc).__name__}: {exc} (set VLNL_DEBUG=1 for details)", 2)


def reports_errors(func):
    """Turn the core's user-facing errors (and I/O errors) into one line and exit code 1."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except (SystemExit, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except (Exception, KeyboardInterrupt) as exc:
            report_error(exc)

    return wrapper


pass_context = click.make_pass_decorator(Context, ensure=True)
