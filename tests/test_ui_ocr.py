"""OCR in the window: a scan imported becomes searchable by itself, its hit opens the viewer at
the page with the word found; a document's OCR bar; without Tesseract one clear notice, once."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from scans import A6, make_scan
from vlnl_desktop.core.ocr import tesseract
from vlnl_desktop.ui.search_panel import HIT_ROLE

TEXT = (
    "Slotverklaring. De minister-presidenten ondertekenden in Gent een gezamenlijke verklaring "
    "over waterstof, fotonica en de coöperatie van havens tussen Vlaanderen en Nederland."
)


def _import(qtbot, window, path):
    window.imports.import_paths([path])
    qtbot.waitUntil(lambda: window.imports.flow.summary_box is not None, timeout=30000)
    box = window.imports.flow.summary_box
    box.button(QMessageBox.StandardButton.Ok).click()


@pytest.mark.skipif(tesseract.program() is None, reason="Tesseract is not installed")
def test_a_scan_imported_in_the_window_becomes_searchable_and_opens_at_the_word(
    qtbot, main_window, tmp_path
):
    window = main_window
    scan = make_scan(tmp_path / "slotverklaring-scan.pdf", [TEXT], 200, size=A6)
    _import(qtbot, window, scan.path)
    doc_id = "doc-slotverklaring-scan"
    qtbot.waitUntil(lambda: window.session.ocr_state(doc_id) == (1, 0), timeout=60000)
    qtbot.waitUntil(lambda: not window.ocr.busy)
    window.select_record(doc_id)
    assert "gelezen met tekstherkenning" in window.ocr.document_label.text()
    assert window.ocr.document_bar.isVisible()

    window.search.focus_search()
    qtbot.keyClicks(window.search.edit, "waterstof")
    results = window.search.results
    qtbot.waitUntil(lambda: window.search.last_text == "waterstof" and results.count() > 0)
    rows = [
        i for i in range(results.count())
        if results.item(i).data(HIT_ROLE).document == doc_id
        and results.item(i).data(HIT_ROLE).kind == "page"
    ]  # fmt: skip
    assert rows, [results.item(i).data(HIT_ROLE) for i in range(results.count())]
    results.setCurrentRow(rows[0])
    viewer = window.documents.ensure_viewer()
    with qtbot.waitSignal(viewer.document_opened, timeout=10000):
        window.search.activate_current()
    qtbot.waitUntil(lambda: viewer.find_finished, timeout=10000)
    assert viewer.find_count_text == "1 van 1"  # the word on the scan is highlighted
    assert viewer.current_page == 0


def test_without_tesseract_the_window_says_so_once(qtbot, main_window, tmp_path, monkeypatch):
    monkeypatch.setenv("VLNL_TESSERACT", "")  # as on a machine without it
    window = main_window
    first = make_scan(tmp_path / "scan-een.pdf", ["Een gescande brief."], 72, size=A6)
    _import(qtbot, window, first.path)
    qtbot.waitUntil(lambda: window.notice.isVisible(), timeout=20000)
    assert "Tesseract is niet geïnstalleerd" in window.notice.text()
    assert "README" in window.notice.text()
    window.show_overview()  # the notice goes with the record it was shown over
    assert not window.notice.isVisible()
    second = make_scan(tmp_path / "scan-twee.pdf", ["Nog een gescande brief."], 72, size=A6)
    _import(qtbot, window, second.path)
    qtbot.waitUntil(lambda: not window.ocr.busy, timeout=20000)
    qtbot.wait(200)
    assert not window.notice.isVisible()  # said once, not again for each scan
    window.select_record("doc-scan-twee")
    assert "zonder tekstlaag" in window.ocr.document_label.text()
    assert window.ocr.document_button.isVisible()
