"""First start on a minimal Linux: before Qt would abort, the command says in one line which of Qt's
xcb libraries are missing and how to install them; the table it uses and the README's install line
are what Qt's xcb plugin really links to."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from vlnl_desktop.cli import display_libraries
from vlnl_desktop.cli.display_libraries import LIBRARIES, missing_message, uses_xcb
from vlnl_desktop.cli.main import cli

README = Path(__file__).resolve().parents[1] / "README.md"
X11 = {"DISPLAY": ":0"}


def _needed(library: Path) -> set[str]:
    readelf = shutil.which("readelf")
    if readelf is None:
        pytest.skip("readelf is not installed")
    out = subprocess.run([readelf, "-d", str(library)], capture_output=True, text=True).stdout
    return set(re.findall(r"\(NEEDED\)\s+Shared library: \[(.+?)\]", out))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Qt's xcb plugin is Linux's")
def test_the_table_and_the_readme_name_what_qts_xcb_plugin_needs():
    from PySide6.QtCore import QLibraryInfo

    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    libs = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.LibrariesPath))
    needed = _needed(plugins / "platforms" / "libqxcb.so") | _needed(libs / "libQt6XcbQpa.so.6")
    x11 = {n for n in needed if re.match(r"lib(xcb|X11|xkbcommon)", n)}
    assert x11 == set(LIBRARIES)
    line = re.search(r"`sudo apt install ([^`]+)`", README.read_text()).group(1)
    assert set(line.split()) == {packages[0] for packages in LIBRARIES.values()}


def test_missing_libraries_are_named_with_the_install_command(tmp_path, monkeypatch):
    missing = {"libxcb-icccm.so.4", "libxcb-keysyms.so.1"}
    monkeypatch.setattr(display_libraries, "_found_as_file", lambda name, _f: name not in missing)
    monkeypatch.setattr(display_libraries, "_loads", lambda name: name not in missing)
    os_release = tmp_path / "os-release"
    os_release.write_text('ID=debian\nPRETTY_NAME="Debian GNU/Linux 12"\n')
    message = missing_message(X11, os_release)
    assert message is not None and "\n" not in message
    assert "libxcb-icccm.so.4, libxcb-keysyms.so.1" in message
    assert message.endswith("sudo apt install libxcb-icccm4 libxcb-keysyms1")
    assert "cursor" not in message
    os_release.write_text("ID=fedora\n")
    assert missing_message(X11, os_release).endswith(
        "sudo dnf install xcb-util-wm xcb-util-keysyms"
    )


def test_nothing_is_said_when_all_are_there_or_qt_does_not_use_x11(monkeypatch):
    assert missing_message(X11) is None or not sys.platform.startswith("linux")
    monkeypatch.setattr(display_libraries, "_found_as_file", lambda name, _f: False)
    monkeypatch.setattr(display_libraries, "_loads", lambda name: False)
    assert missing_message({"QT_QPA_PLATFORM": "offscreen"}) is None
    assert missing_message({"WAYLAND_DISPLAY": "wayland-0"}) is None
    assert not uses_xcb({"QT_QPA_PLATFORM": "wayland"})


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 is Linux's here")
def test_the_launch_stops_with_one_line_before_qt_aborts(monkeypatch, tmp_path):
    monkeypatch.setattr(display_libraries, "_found_as_file", lambda name, _f: "icccm" not in name)
    monkeypatch.setattr(display_libraries, "_loads", lambda name: "icccm" not in name)
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("XDG_SESSION_TYPE", raising=False)
    result = CliRunner().invoke(cli, ["--archive", str(tmp_path / "ws")])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "libxcb-icccm.so.4" in lines[0]
    assert "Traceback" not in result.output
