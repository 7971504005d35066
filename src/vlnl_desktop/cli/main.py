"""The ``vlnl-desktop`` command group: with no subcommand it launches the app."""

from __future__ import annotations

import click

from .. import __version__
from . import (
    app_commands,
    archive_commands,
    desktop_integration,
    document_commands,
    notes_commands,
    ocr_command,
    serve_commands,
)
from .options import Context, archive_option, pass_context, reports_errors
from .output import escape_unencodable_output
from .window import open_window


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@archive_option
@click.option("--lang", type=click.Choice(["nl", "en"]), help="Language of the window.")
@click.version_option(__version__, prog_name="vlnl-desktop")
@click.pass_context
def cli(ctx: click.Context, lang: str | None) -> None:
    """vlnl-desktop: the archive of the Flemish-Dutch cooperation on economy, science and
    innovation. Without a command, it opens the app on the working archive."""
    escape_unencodable_output()  # also where the command runs without cli.launch (tests, -m)
    ctx.ensure_object(Context)
    if ctx.invoked_subcommand is None:
        _launch(ctx.obj, lang)


@reports_errors
def _launch(obj: Context, lang: str | None) -> None:
    code = open_window(obj.archive, lang)
    if code is None:  # an installation without the GUI
        archive_commands.print_overview(obj)
        return
    raise SystemExit(code)


for module in (
    archive_commands,
    document_commands,
    app_commands,
    desktop_integration,
    serve_commands,
    notes_commands,
    ocr_command,
):
    for command in module.COMMANDS:
        cli.add_command(command)


def main() -> None:
    cli(prog_name="vlnl-desktop")


__all__ = ["cli", "main", "pass_context"]
