"""Commands that publish the archive for a team, read-only, with Datasette: serve and publish."""

from __future__ import annotations

from pathlib import Path

import click

from .options import Context, archive_option, pass_context, reports_errors

DEFAULT_PORT = 8001
with_notes_option = click.option(
    "--with-notes",
    is_flag=True,
    help="Include your notes and highlights (left out unless you say so).",
)


@click.command()
@archive_option
@click.option(
    "--port",
    default=DEFAULT_PORT,
    show_default=True,
    type=click.IntRange(0, 65535),
    help="Port to listen on (0: any free port).",
)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; anything but loopback lets other machines in.",
)
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Server processes on the same snapshot (one per core serves the most).",
)
@with_notes_option
@pass_context
@reports_errors
def serve(obj: Context, port: int, host: str, workers: int, with_notes: bool) -> None:
    """Serve a read-only snapshot of the archive with Datasette, until Ctrl+C (needs the
    optional extra: pip install 'vlnl-desktop[serve]')."""
    import tempfile

    from ..core.serve.site import write_site
    from ..serve.server import listen, require_datasette, serve_forever, url_of

    require_datasette()  # before anything is read, written or bound
    sock = listen(host, port)
    try:
        ws = obj.workspace()
        with tempfile.TemporaryDirectory(prefix="vlnl-serve-") as folder:
            site = write_site(ws, Path(folder), with_notes=with_notes)
            private = "with your notes and highlights" if with_notes else "without notes"
            click.echo(f"serving {ws.root} read-only ({private}) at {url_of(sock)}archief")
            click.echo("Ctrl+C stops the server", nl=True)
            serve_forever(site.folder, sock, workers)
    finally:
        sock.close()


@click.command()
@archive_option
@click.argument("folder", metavar="DIR", type=click.Path(path_type=Path))
@with_notes_option
@pass_context
@reports_errors
def publish(obj: Context, folder: Path, with_notes: bool) -> None:
    """Write what a team needs to serve the archive with Datasette elsewhere into DIR: the
    snapshot, its metadata, the plugin, the stored PDFs and a README."""
    from ..serve.publish import publish as write

    site = write(obj.workspace(), folder, with_notes=with_notes)
    click.echo(
        f"published {site.snapshot.path} with {site.documents_copied} documents; "
        f"see {folder / 'README.md'}"
    )
    if site.snapshot.left_out:
        click.echo(f"left out (private): {', '.join(site.snapshot.left_out)}")


COMMANDS = [serve, publish]
