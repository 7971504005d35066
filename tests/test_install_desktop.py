"""`vlnl-desktop install-desktop`: the menu entry, icon and AppStream data into the user's XDG
folders (and out again with --uninstall), the entry starting this installation's app."""

from __future__ import annotations

import configparser
import sys

import pytest
from click.testing import CliRunner

from vlnl_desktop.cli.main import cli

pytestmark = pytest.mark.skipif(
    sys.platform.startswith(("win", "darwin")), reason="XDG desktops only"
)


def test_install_and_uninstall_in_the_users_xdg_folders(tmp_path, monkeypatch):
    data = tmp_path / "share"
    monkeypatch.setenv("XDG_DATA_HOME", str(data))
    result = CliRunner().invoke(cli, ["install-desktop"])
    assert result.exit_code == 0, result.output
    entry = data / "applications" / "vlnl-desktop.desktop"
    icon = data / "icons" / "hicolor" / "scalable" / "apps" / "vlnl-desktop.svg"
    metainfo = data / "metainfo" / "be.vlnl.Desktop.metainfo.xml"
    assert entry.is_file() and icon.is_file() and metainfo.is_file()
    assert len(result.output.strip().splitlines()) == 3
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read(entry, encoding="utf-8")
    desktop = parser["Desktop Entry"]
    assert desktop["Icon"] == "vlnl-desktop"
    command = desktop["Exec"].strip('"')
    assert command.startswith("/") and (
        "vlnl-desktop-gui" in command or "-m vlnl_desktop" in command
    )
    assert icon.read_bytes().lstrip().startswith(b"<")

    result = CliRunner().invoke(cli, ["install-desktop", "--uninstall"])
    assert result.exit_code == 0, result.output
    assert not entry.exists() and not icon.exists() and not metainfo.exists()
    again = CliRunner().invoke(cli, ["install-desktop", "--uninstall"])
    assert again.exit_code == 0 and again.output == ""


def test_install_desktop_has_help():
    result = CliRunner().invoke(cli, ["install-desktop", "--help"])
    assert result.exit_code == 0 and "--uninstall" in result.output
