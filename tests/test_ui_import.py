"""Importing PDFs in the app: the Bestand menu, drag and drop on the window and on a record,
progress with Annuleren, passwords, the summary; and exporting a record's dossier."""

from __future__ import annotations

import re
import shutil
import sqlite3
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
)

from vlnl_desktop.ui.search_panel import HIT_ROLE

SAMPLES = Path(__file__).parent / "data" / "pdf-samples"
FOUR_PAGES = SAMPLES / "004-pdflatex-4-pages" / "pdflatex-4-pages.pdf"  # "gefburn" on page 2
MINIMAL = SAMPLES / "001-trivial" / "minimal-document.pdf"
WRITER = SAMPLES / "002-trivial-libre-office-writer" / "002-trivial-libre-office-writer.pdf"
OUTLINE = SAMPLES / "006-pdflatex-outline" / "pdflatex-outline.pdf"
ENCRYPTED = SAMPLES / "005-libreoffice-writer-password" / "libreoffice-writer-password.pdf"


@pytest.fixture
def broken(tmp_path) -> Path:
    path = tmp_path / "kapot.pdf"
    path.write_bytes(b"dit is geen PDF maar gewone tekst\n")
    return path


def documents_in_tree(window) -> int:
    text = window.tree_model.section_index("documents").data()
    return int(re.search(r"\((\d+)\)", text).group(1))


def wait_for_summary(qtbot, window):
    """Wait until the import has ended and its summary is shown; its text as the user sees it."""

    def done() -> bool:
        flow = window.imports.flow
        return flow is not None and not flow.busy and flow.summary_box is not None

    qtbot.waitUntil(done, timeout=60000)
    box = window.imports.flow.summary_box
    qtbot.waitUntil(box.isVisible)
    return box.text() + "\n" + box.informativeText()


def close_summary(qtbot, window):
    box = window.imports.flow.summary_box
    box.button(QMessageBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: window.imports.flow.summary_box is None)


def links_of(workspace, document_id) -> list[str]:
    conn = sqlite3.connect(f"file:{workspace.db_path}?mode=ro", uri=True)
    try:
        rows = conn.execute(
            "SELECT record_id FROM document_links WHERE document_id = ?", (document_id,)
        ).fetchall()
    finally:
        conn.close()
    return [r[0] for r in rows]


def document_id_for(workspace, file_name) -> str:
    conn = sqlite3.connect(f"file:{workspace.db_path}?mode=ro", uri=True)
    try:
        return conn.execute(
            "SELECT id FROM documents WHERE file_name = ?", (file_name,)
        ).fetchone()[0]
    finally:
        conn.close()


def file_mime(*paths: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def drag_and_drop(widget, mime: QMimeData, pos: QPoint) -> bool:
    """A drag entering ``widget``, moving to ``pos`` and dropping there; True if accepted."""
    action = Qt.DropAction.CopyAction
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(pos, action, mime, buttons, mods)
    QApplication.sendEvent(widget, enter)
    if not enter.isAccepted():
        return False
    move = QDragMoveEvent(pos, action, mime, buttons, mods)
    QApplication.sendEvent(widget, move)
    if not move.isAccepted():
        return False
    drop = QDropEvent(QPointF(pos), action, mime, buttons, mods)
    QApplication.sendEvent(widget, drop)
    return drop.isAccepted()


def type_search(qtbot, window, text):
    window.search.focus_search()
    qtbot.keyClicks(window.search.edit, text)
    qtbot.waitUntil(lambda: window.search.last_text == text)


def test_import_from_the_menu_shows_the_documents_in_tree_counts_and_search(
    qtbot, main_window, monkeypatch, broken
):
    window = main_window
    before = documents_in_tree(window)
    type_search(qtbot, window, "gefburn")
    assert window.search.results.count() == 0  # not in the archive yet

    chosen = [str(FOUR_PAGES), str(MINIMAL), str(broken), str(OUTLINE)]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (chosen, ""))
    assert window.menus.import_files_action in window.menus.file_menu.actions()
    window.menus.import_files_action.trigger()
    summary = wait_for_summary(qtbot, window)

    assert "3 documenten geïmporteerd." in summary
    assert "kapot.pdf: geen PDF" in summary
    assert window.imports.flow.summary_box.icon() == QMessageBox.Icon.Warning
    assert documents_in_tree(window) == before + 3
    assert f"{before + 3} documenten" in window.statusBar().counts_label.text()
    # the first new document is shown, and sits under "Documenten" in the tree
    new_id = document_id_for(window.workspace, FOUR_PAGES.name)
    assert window.current_record == new_id
    node = window.tree_model.index_for(new_id)
    assert node.isValid()
    while node.parent().isValid():
        node = node.parent()
    assert node == window.tree_model.section_index("documents")
    close_summary(qtbot, window)

    # the search that found nothing now finds the page, without retyping
    qtbot.waitUntil(lambda: window.search.results.count() > 0, timeout=10000)
    results = window.search.results
    hits = [results.item(i).data(HIT_ROLE) for i in range(results.count())]
    row = next(i for i, h in enumerate(hits) if h.kind == "page" and h.id == new_id)
    assert hits[row].page == 2
    results.setCurrentRow(row)
    viewer = window.documents.ensure_viewer()
    with qtbot.waitSignal(viewer.document_opened, timeout=10000):
        window.search.activate_current()
    assert window.tabs.currentWidget() is viewer
    qtbot.waitUntil(lambda: viewer.current_page == 1, timeout=10000)
    assert viewer.page_count == 4


def test_the_same_file_again_is_a_duplicate(qtbot, main_window):
    main_window.imports.import_paths([MINIMAL])
    wait_for_summary(qtbot, main_window)
    close_summary(qtbot, main_window)
    before = documents_in_tree(main_window)
    main_window.imports.import_paths([MINIMAL])
    summary = wait_for_summary(qtbot, main_window)
    assert "0 documenten geïmporteerd." in summary
    assert "minimal-document.pdf: al in het archief als doc-minimal-document" in summary
    assert documents_in_tree(main_window) == before


def test_folder_from_the_menu_imports_every_pdf_inside(qtbot, main_window, monkeypatch, tmp_path):
    folder = tmp_path / "map"
    (folder / "sub" / "diep").mkdir(parents=True)
    shutil.copy(MINIMAL, folder / "a.pdf")
    shutil.copy(FOUR_PAGES, folder / "sub" / "diep" / "B.PDF")
    (folder / "notities.txt").write_text("geen pdf")
    before = documents_in_tree(main_window)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    main_window.menus.import_folder_action.trigger()
    summary = wait_for_summary(qtbot, main_window)
    assert "2 documenten geïmporteerd." in summary
    assert "notities" not in summary
    assert documents_in_tree(main_window) == before + 2


def test_a_big_folder_is_read_in_worker_processes_that_end_with_the_import(
    qtbot, main_window, tmp_path, monkeypatch
):
    import multiprocessing

    # the scans among the samples would be read by OCR after the import, in processes of its
    # own (test_ui_ocr.py): here only the import's
    monkeypatch.setenv("VLNL_TESSERACT", "")
    folder = tmp_path / "groot"
    folder.mkdir()
    skip = {ENCRYPTED.name, "unreadablemetadata.pdf"}
    pdfs = [p for p in sorted(SAMPLES.rglob("*.pdf")) if p.name not in skip][:9]
    for number, pdf in enumerate(pdfs):
        shutil.copy(pdf, folder / f"{number:02d}-{pdf.name}")
    before = documents_in_tree(main_window)
    main_window.imports.import_paths([folder])
    summary = wait_for_summary(qtbot, main_window)
    assert "9 documenten geïmporteerd." in summary
    assert documents_in_tree(main_window) == before + 9
    qtbot.waitUntil(lambda: multiprocessing.active_children() == [], timeout=10000)


def test_cancel_stops_between_files_and_keeps_what_was_imported(qtbot, main_window, monkeypatch):
    from vlnl_desktop.core.documents import importer

    gate = threading.Event()
    real_prepared_in_order = importer._prepared_in_order

    def held(*args):
        for path, prepared in real_prepared_in_order(*args):
            if Path(path).name == WRITER.name:
                gate.wait(20)  # the second file is handed over only once Annuleren was pressed
            yield path, prepared

    monkeypatch.setattr(importer, "_prepared_in_order", held)
    before = documents_in_tree(main_window)
    assert main_window.imports.import_paths([MINIMAL, WRITER, OUTLINE])
    progress = main_window.imports.flow.progress
    qtbot.waitUntil(lambda: f"2 van 3: {WRITER.name}" in progress.labelText())
    qtbot.waitUntil(progress.isVisible, timeout=5000)
    [cancel] = [b for b in progress.findChildren(QPushButton) if b.text() == "Annuleren"]
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert progress.isVisible() and "Annuleren…" in progress.labelText()
    gate.set()
    summary = wait_for_summary(qtbot, main_window)
    assert "1 document geïmporteerd." in summary
    assert "Geannuleerd: 2 bestanden niet verwerkt." in summary
    assert documents_in_tree(main_window) == before + 1
    assert main_window.menus.import_files_action.isEnabled()


def test_dropping_files_and_folders_on_the_window_imports_them(qtbot, main_window, tmp_path):
    folder = tmp_path / "gesleept"
    folder.mkdir()
    shutil.copy(OUTLINE, folder / "overzicht.pdf")
    before = documents_in_tree(main_window)
    pos = main_window.detail.geometry().center()
    assert drag_and_drop(main_window, file_mime(MINIMAL, folder), pos)
    summary = wait_for_summary(qtbot, main_window)
    assert "2 documenten geïmporteerd." in summary
    assert documents_in_tree(main_window) == before + 2
    doc_id = document_id_for(main_window.workspace, "overzicht.pdf")
    assert links_of(main_window.workspace, doc_id) == []


def test_dragging_something_else_is_refused(main_window):
    mime = QMimeData()
    mime.setText("gewoon tekst")
    assert not drag_and_drop(main_window, mime, main_window.detail.geometry().center())
    assert main_window.imports.flow is None


def test_dropping_on_a_record_in_the_tree_links_the_documents_to_it(qtbot, main_window):
    window = main_window
    window.select_record("top-2016")
    index = window.tree_model.index_for("top-2016")
    window.tree.scrollTo(index)
    pos = window.tree.visualRect(index).center()
    assert drag_and_drop(window.tree.viewport(), file_mime(FOUR_PAGES), pos)
    summary = wait_for_summary(qtbot, window)
    assert "1 document geïmporteerd." in summary
    doc_id = document_id_for(window.workspace, FOUR_PAGES.name)
    assert links_of(window.workspace, doc_id) == ["top-2016"]
    # the record stays in view and now lists its new document
    assert window.current_record == "top-2016"
    assert "pdflatex-4-pages" in window.detail.plain_text()


def test_dropping_on_a_heading_imports_without_a_link(qtbot, main_window):
    window = main_window
    index = window.tree_model.section_index("themes")
    pos = window.tree.visualRect(index).center()
    assert drag_and_drop(window.tree.viewport(), file_mime(MINIMAL), pos)
    wait_for_summary(qtbot, window)
    doc_id = document_id_for(window.workspace, MINIMAL.name)
    assert links_of(window.workspace, doc_id) == []


def test_an_encrypted_file_asks_for_its_password_until_it_is_right(qtbot, main_window, monkeypatch):
    asked = []
    answers = [("fout", True), ("openpassword", True)]

    def get_text(parent, title, label, echo=None, *args, **kwargs):
        asked.append((label, echo))
        return answers.pop(0)

    monkeypatch.setattr(QInputDialog, "getText", get_text)
    before = documents_in_tree(main_window)
    main_window.imports.import_paths([ENCRYPTED, MINIMAL])
    summary = wait_for_summary(qtbot, main_window)
    assert len(asked) == 2
    assert "libreoffice-writer-password.pdf" in asked[0][0]
    assert "klopt niet" in asked[1][0]
    assert all(echo == QLineEdit.EchoMode.Password for _, echo in asked)
    assert "2 documenten geïmporteerd." in summary
    assert "Niet geïmporteerd" not in summary
    assert documents_in_tree(main_window) == before + 2


def test_no_password_given_leaves_the_file_out_and_says_why(qtbot, main_window, monkeypatch):
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("", False))
    main_window.imports.import_paths([ENCRYPTED])
    summary = wait_for_summary(qtbot, main_window)
    assert "libreoffice-writer-password.pdf: beveiligd met een wachtwoord" in summary


# --- Bestand › Dossier exporteren… --------------------------------------------------------------


def test_dossier_export_writes_the_pdf_and_says_where(qtbot, main_window, monkeypatch, tmp_path):
    target = tmp_path / "dossier hingene"  # the .pdf is added
    messages = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: messages.append(a[2]))
    main_window.show_overview()
    assert not main_window.menus.export_dossier_action.isEnabled()  # nothing selected
    main_window.select_record("top-2011")
    assert main_window.menus.export_dossier_action.isEnabled()
    main_window.menus.export_dossier_action.trigger()
    qtbot.waitUntil(lambda: bool(messages), timeout=30000)  # written in the background
    written = tmp_path / "dossier hingene.pdf"
    assert written.read_bytes().startswith(b"%PDF")
    assert len(messages) == 1 and str(written) in messages[0]


def test_dossier_export_failure_is_a_message(qtbot, main_window, monkeypatch, tmp_path):
    target = tmp_path / "bestaat-niet" / "dossier.pdf"
    warnings = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    main_window.select_record("fotonica")
    main_window.menus.export_dossier_action.trigger()
    qtbot.waitUntil(lambda: bool(warnings), timeout=30000)  # tried in the background
    assert not target.exists()
    assert len(warnings) == 1 and str(target) in warnings[0]
    assert "Traceback" not in warnings[0]
