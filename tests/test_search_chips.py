"""The filter chips under the search box: counts per kind and year that narrow the search when
chosen, from the keyboard too, in Dutch and in English."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest


def _search(qtbot, window, text):
    panel = window.search
    panel.focus_search()
    panel.edit.setText(text)
    qtbot.waitUntil(lambda: panel.last_text == text and panel.answer is not None, timeout=10000)
    qtbot.waitUntil(lambda: panel.chips.isVisible(), timeout=10000)
    return panel


def _chip_shows(panel, key, text):
    chip = panel.chips.chips.get(key)
    return chip is not None and chip.text() == text


def test_a_kind_chip_counts_and_narrows_and_widens_again(qtbot, main_window):
    panel = _search(qtbot, main_window, "waterstof")
    chip = panel.chips.chips[("kind", "summit")]
    assert chip.text().startswith("Topontmoetingen ") and not chip.isChecked()
    count = int(chip.text().split()[-1])
    with qtbot.waitSignal(panel.client.counted, timeout=10000):
        chip.click()
    assert panel.edit.text() == panel.last_text == "waterstof soort:top "
    assert len(panel.hits) == count and {h.kind for h in panel.hits} == {"summit"}
    chosen = panel.chips.chips[("kind", "summit")]
    qtbot.waitUntil(lambda: chosen.toolTip() == "Toon alles weer", timeout=10000)
    assert chosen.isChecked()
    assert ("kind", "theme") in panel.chips.chips  # the other kinds can still be chosen
    panel.chips.chips[("kind", "summit")].click()
    qtbot.waitUntil(lambda: panel.last_text == "waterstof ", timeout=10000)
    assert {h.kind for h in panel.hits} != {"summit"}


def test_chips_are_reached_and_chosen_by_keyboard(qtbot, main_window):
    panel = _search(qtbot, main_window, "waterstof")
    qtbot.waitUntil(lambda: ("year", 2020) in panel.chips.chips, timeout=10000)
    first = next(iter(panel.chips.chips.values()))
    panel.edit.setFocus()
    QTest.keyClick(panel.edit, Qt.Key.Key_Tab)
    assert first.hasFocus()
    chip = panel.chips.chips[("year", 2020)]
    chip.setFocus()
    with qtbot.waitSignal(panel.client.counted, timeout=10000):
        QTest.keyClick(chip, Qt.Key.Key_Space)
    assert panel.last_text == "waterstof jaar:2020 "
    assert panel.hits and all(h.date.startswith("2020") for h in panel.hits)
    chip = panel.chips.chips[("year", 2020)]
    qtbot.waitUntil(lambda: chip.toolTip() == "Toon alles weer", timeout=10000)
    assert chip.isChecked() and chip.hasFocus()  # the focus stays where it was


def test_no_chips_without_a_search(qtbot, main_window):
    panel = _search(qtbot, main_window, "waterstof")
    panel.clear()
    qtbot.waitUntil(lambda: not panel.chips.isVisible(), timeout=10000)
    panel.edit.setText("zzqxv wwqpt")
    qtbot.waitUntil(lambda: panel.last_text == "zzqxv wwqpt", timeout=10000)
    qtbot.wait(50)
    assert not panel.chips.isVisible()


def test_chips_speak_english(qtbot, main_window):
    main_window.set_language("en")
    try:
        panel = _search(qtbot, main_window, "waterstof")
        qtbot.waitUntil(
            lambda: panel.chips.chips[("kind", "summit")].text().startswith("Summits "),
            timeout=10000,
        )
        assert panel.chips.chips[("kind", "page")].text().startswith("Document pages ")
    finally:
        main_window.set_language("nl")
