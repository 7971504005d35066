"""``vlnl-desktop install-desktop [--uninstall]``: the menu entry, the icon and the AppStream data that
ship inside the package, put in (or taken out of) the user's XDG folders, so the app appears in the
desktop's menu with its icon. Nothing outside the user's home is touched.

The installed entry starts the command that ran this one (an absolute path, so a virtual
environment's app starts from the menu too).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from .options import fail, reports_errors

DESKTOP_FILE = "vlnl-desktop.desktop"
ICON_FILE = "vlnl-desktop.svg"
METAINFO_FILE = "be.vlnl.Desktop.metainfo.xml"


def data_home(environ: dict[str, str] | None = None) -> Path:
    """``$XDG_DATA_HOME``, or ~/.local/share when it is unset or not absolute (as XDG says)."""
    env = os.environ if environ is None else environ
    value = env.get("XDG_DATA_HOME", "")
    return Path(value) if os.path.isabs(value) else Path.home() / ".local" / "share"


def targets(data: Path) -> dict[str, Path]:
    """Where each shipped file goes under ``data``."""
    return {
        DESKTOP_FILE: data / "applications" / DESKTOP_FILE,
        ICON_FILE: data / "icons" / "hicolor" / "scalable" / "apps" / ICON_FILE,
        METAINFO_FILE: data / "metainfo" / METAINFO_FILE,
    }


def launcher() -> str:
    """The command line the menu entry runs: this installation's ``vlnl-desktop-gui`` if it has
    one, else its Python running the package."""
    import shutil

    script = Path(sys.executable).parent / "vlnl-desktop-gui"
    if script.is_file():
        return _quoted(str(script))
    found = shutil.which("vlnl-desktop-gui")
    if found:
        return _quoted(found)
    return f"{_quoted(sys.executable)} -m vlnl_desktop"


def _quoted(arg: str) -> str:
    """``arg`` as the desktop entry spec wants an Exec argument: quoted if it needs to be."""
    if not any(c in arg for c in " \t\n\"'\\><~|&;$*?#()`"):
        return arg
    escaped = "".join("\\" + c if c in '"`$\\' else c for c in arg)
    return f'"{escaped}"'


def desktop_entry(text: str, command: str) -> str:
    """The shipped entry with ``command`` as what it runs."""
    lines = []
    for line in text.splitlines():
        if line.startswith("Exec="):
            line = f"Exec={command}"
        elif line.startswith("TryExec="):
            continue
        lines.append(line)
    return "\n".join(lines) + "\n"


def install(data: Path, resources: Path) -> list[Path]:
    """Write the three files under ``data``; returns their paths."""
    import shutil

    written = []
    for name, target in targets(data).items():
        source = resources / ("icons/" + name if name == ICON_FILE else name)
        target.parent.mkdir(parents=True, exist_ok=True)
        if name == DESKTOP_FILE:
            content = desktop_entry(source.read_text(encoding="utf-8"), launcher())
            target.write_text(content, encoding="utf-8")
        else:
            shutil.copyfile(source, target)
        written.append(target)
    _refresh_caches(data)
    return written


def uninstall(data: Path) -> list[Path]:
    """Remove the three files from under ``data``; returns those that were there."""
    removed = []
    for target in targets(data).values():
        if target.is_file():
            target.unlink()
            removed.append(target)
    _refresh_caches(data)
    return removed


def _refresh_caches(data: Path) -> None:
    """Tell the desktop's caches, where their tools are installed (no tool: the desktop looks by
    itself, later)."""
    import shutil
    import subprocess

    for tool, folder in (
        ("update-desktop-database", data / "applications"),
        ("gtk-update-icon-cache", data / "icons" / "hicolor"),
    ):
        path = shutil.which(tool)
        if path and folder.is_dir():
            subprocess.run(
                [path, "-q", str(folder)]
                if tool.startswith("update")
                else [path, "-q", "-t", "-f", str(folder)],
                capture_output=True,
                check=False,
            )


@click.command("install-desktop")
@click.option(
    "--uninstall",
    "remove",
    is_flag=True,
    help="Take the menu entry, icon and AppStream data away again.",
)
@reports_errors
def install_desktop(remove: bool) -> None:
    """Put the menu entry, the icon and the AppStream data in the user's XDG folders (Linux and
    other XDG desktops), so vlnl-desktop appears in the desktop's menu with its icon."""
    if sys.platform.startswith(("win", "darwin")):
        fail(
            "install-desktop is for Linux desktops (XDG); Windows and macOS find the app otherwise"
        )
    from ..core.locations import resources_dir

    data = data_home()
    if remove:
        for path in uninstall(data):
            click.echo(f"removed {path}")
        return
    for path in install(data, resources_dir()):
        click.echo(f"installed {path}")


COMMANDS = [install_desktop]
