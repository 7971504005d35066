"""English is complete, the compiled .qm matches the .ts, and the language switches at run time."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from vlnl_desktop.ui.translations import translations_dir

TS = translations_dir() / "vlnl_desktop_en.ts"
QM = translations_dir() / "vlnl_desktop_en.qm"
SRC = Path(__file__).resolve().parents[1] / "src" / "vlnl_desktop"
BIN = Path(sys.executable).parent


def _messages(ts: Path) -> dict[tuple[str, str], str | None]:
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            done = translation is not None and translation.get("type") not in (
                "unfinished",
                "obsolete",
                "vanished",
            )
            found[(name, message.findtext("source"))] = translation.text if done else None
    return found


def _tool(name: str) -> str:
    path = BIN / name
    if not path.exists():
        found = shutil.which(name)
        if not found:
            pytest.skip(f"{name} is not installed")
        return found
    return str(path)


def test_every_string_in_the_sources_has_an_english_translation(tmp_path):
    sources = sorted(str(p) for d in ("ui", "workers") for p in (SRC / d).glob("*.py"))
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [_tool("pyside6-lupdate"), "-locations", "none", *sources, "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    committed = _messages(TS)
    missing = [key for key in _messages(fresh) if not committed.get(key)]
    assert missing == [], "run scripts/update_translations.sh and translate these"


def test_compiled_qm_is_up_to_date(tmp_path):
    rebuilt = tmp_path / "en.qm"
    subprocess.run(
        [_tool("pyside6-lrelease"), str(TS), "-qm", str(rebuilt)], check=True, capture_output=True
    )
    assert QM.read_bytes() == rebuilt.read_bytes(), "run scripts/update_translations.sh"


def test_switching_to_english_changes_the_window_without_a_restart(qtbot, main_window):
    main_window.select_record("top-2011")
    assert main_window.menus.file_menu.title() == "&Bestand"
    main_window.set_language("en")
    qtbot.waitUntil(lambda: "Participants" in main_window.detail.plain_text())
    assert main_window.menus.file_menu.title() == "&File"
    assert main_window.menus.edit_menu.title() == "&Edit"
    assert main_window.tabs.tabText(0) == "Details"
    assert main_window.tree_model.section_index("summits").data() == "Summits (7)"
    text = main_window.detail.plain_text()
    assert "Participants" in text and "4 July 2011" in text
    assert "Search the archive" in main_window.search.edit.placeholderText()
    assert main_window.settings.value("language") == "en"
    main_window.set_language("nl")
    qtbot.waitUntil(lambda: "Deelnemers" in main_window.detail.plain_text())
    assert main_window.menus.file_menu.title() == "&Bestand"


def test_language_menu_switches(qtbot, main_window):
    main_window.menus.language_actions["en"].trigger()
    qtbot.waitUntil(lambda: main_window.menus.view_menu.title() == "&View")
    assert main_window.menus.language_actions["en"].isChecked()
    main_window.menus.language_actions["nl"].trigger()
    qtbot.waitUntil(lambda: main_window.menus.view_menu.title() == "Beel&d")


def test_the_system_language_decides_and_dutch_comes_first():
    from vlnl_desktop.ui.translations import system_language

    assert system_language(["en-GB", "en"]) == "en"
    assert system_language(["fr-FR", "nl-BE", "nl"]) == "nl"
    assert system_language(["C"]) == "nl"
    assert system_language(["fr-FR", "fr"]) == "nl"
