"""Desktop integration files: icon, .desktop entry, AppStream metadata."""

from __future__ import annotations

import configparser
import xml.etree.ElementTree as ET

from PySide6.QtSvg import QSvgRenderer

from vlnl_desktop.core.locations import resources_dir


def test_icon_is_a_valid_svg(qapp):
    renderer = QSvgRenderer(str(resources_dir() / "icons" / "vlnl-desktop.svg"))
    assert renderer.isValid()


def test_desktop_entry():
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read(resources_dir() / "vlnl-desktop.desktop", encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Exec"].startswith("vlnl-desktop")
    assert entry["Icon"] == "vlnl-desktop"
    assert entry["Categories"].endswith(";")


def test_appstream_metadata():
    root = ET.parse(resources_dir() / "be.vlnl.Desktop.metainfo.xml").getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == "be.vlnl.Desktop"
    assert root.findtext("project_license") == "AGPL-3.0-or-later"
    assert root.findtext("launchable") == "vlnl-desktop.desktop"
    assert root.find("description") is not None
