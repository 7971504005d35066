"""The official documents in the window: fetched (with progress, cancel, a summary, offline said at
once), attached (menu, drop, replacement only after a confirmation), shown for what they are, and
`open DOCUMENT_ID` selecting its record. Downloads go to a local HTTP server on 127.0.0.1 only."""

from __future__ import annotations

import re
import socket
import sqlite3

from PySide6.QtCore import QMimeData, Qt, QUrl
from PySide6.QtWidgets import QFileDialog, QInputDialog

from samples import ENCRYPTED, MULTICOLUMN, SMALL
from vlnl_desktop.ui.app import open_target

COMMUNIQUE = "doc-communique-2016"
DECLARATION = "doc-verklaring-2018"


def point_at(workspace, addresses: dict[str, str]) -> None:
    """Only these documents have an address, on the local server: nothing leaves the machine."""
    conn = sqlite3.connect(workspace.db_path)
    with conn:
        conn.execute("UPDATE documents SET url = NULL")
        conn.executemany(
            "UPDATE documents SET url = ? WHERE id = ?", [(u, d) for d, u in addresses.items()]
        )
    conn.close()


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run_fetch(qtbot, dialog, again=False):
    dialog.again.setChecked(again)
    with qtbot.waitSignal(dialog.fetched, timeout=30000):
        dialog.start()
    return dialog


def test_fetch_from_the_menu_shows_progress_and_a_summary(qtbot, main_window, workspace, server):
    point_at(
        workspace,
        {COMMUNIQUE: f"{server}/good.pdf", DECLARATION: f"{server}/cookie-wall"},
    )
    main_window.load_archive()
    main_window.menus.fetch_action.trigger()
    dialog = main_window.official.dialog
    assert [d.id for d in dialog.documents] == [COMMUNIQUE, DECLARATION]
    assert dialog.table.item(0, 1).text() == "127.0.0.1"
    run_fetch(qtbot, dialog)
    assert dialog.table.item(0, 3).text() == "opgehaald"
    assert dialog.bars[0].value() == dialog.bars[0].maximum() == 1
    assert dialog.table.item(1, 3).text().startswith("de webpagina noemt titel noch datum")
    assert dialog.summary.text().split("\n") == [
        "Opgehaald: 1 · al aanwezig: 0 · mislukt: 1.",
        "Gezamenlijke verklaring Vlaams-Nederlandse top, 5 november 2018, Middelburg: "
        + dialog.table.item(1, 3).text(),
    ]
    qtbot.waitUntil(lambda: main_window.session.catalog.document(COMMUNIQUE).in_archive)
    # the details say where the file came from; the tree marks it as an official document
    main_window.select_record(COMMUNIQUE)
    text = main_window.detail.plain_text()
    assert "Officieel document · opgehaald van 127.0.0.1 op " in text
    index = main_window.tree_model.index_for(COMMUNIQUE)
    assert main_window.tree_model.data(index, Qt.ItemDataRole.ToolTipRole).endswith(
        "Officieel document"
    )
    # fetched again: present, and compared only when asked
    again = main_window.official.fetch_all()
    run_fetch(qtbot, again, again=True)
    assert again.table.item(0, 3).text() == "ongewijzigd"
    again.close()


def test_fetch_can_be_cancelled(qtbot, main_window, workspace, server):
    point_at(workspace, {COMMUNIQUE: f"{server}/slow.pdf", DECLARATION: f"{server}/good.pdf"})
    main_window.load_archive()
    dialog = main_window.official.fetch_all()
    with qtbot.waitSignal(dialog.fetched, timeout=30000):
        dialog.start()
        qtbot.waitUntil(lambda: dialog.table.item(0, 3).text() == "bezig…")
        assert dialog.cancel_button.isVisible() and not dialog.close_button.isVisible()
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.table.item(0, 3).text() == "afgebroken"
    assert dialog.table.item(1, 3).text() == ""  # never started
    assert dialog.summary.text().endswith("afgebroken; de rest is niet opgehaald.")
    assert not main_window.session.catalog.document(DECLARATION).in_archive
    assert dialog.close_button.isVisible()


def test_offline_is_said_at_once(qtbot, main_window, workspace):
    point_at(workspace, {COMMUNIQUE: f"http://127.0.0.1:{closed_port()}/x.pdf"})
    main_window.load_archive()
    dialog = run_fetch(qtbot, main_window.official.fetch_all())
    assert dialog.summary.text() == (
        "geen netwerk: 127.0.0.1 is niet bereikbaar; er is niets opgehaald"
    )
    assert dialog.table.item(0, 3).text() == ""


def test_fetch_from_the_missing_page_opens_the_document_in_place(
    qtbot, main_window, workspace, server
):
    point_at(workspace, {COMMUNIQUE: f"{server}/good.pdf"})
    main_window.load_archive()
    main_window.select_record("top-2016")
    main_window.documents.open_document(COMMUNIQUE)
    page = main_window.documents.missing
    assert page.fetch_button.text() == "Ophalen van 127.0.0.1"
    viewer = main_window.documents.ensure_viewer()
    with qtbot.waitSignal(viewer.document_opened, timeout=30000):
        qtbot.mouseClick(page.fetch_button, Qt.MouseButton.LeftButton)
    title = "Communiqué Vlaams-Nederlandse topontmoeting in Gent"
    assert main_window.tabs.currentWidget() is viewer
    assert main_window.tabs.tabText(main_window.tabs.indexOf(viewer)) == title
    assert main_window.windowTitle() == f"{title} — vlnl-desktop"
    assert main_window.tabs.indexOf(page) == -1  # the missing page made way
    main_window.tabs.setCurrentWidget(main_window.detail)
    assert main_window.windowTitle() == "vlnl-desktop — Vlaams-Nederlandse samenwerking"


def test_attach_by_menu_then_a_replacement_only_after_confirming(qtbot, main_window, monkeypatch):
    official = main_window.official
    main_window.select_record(DECLARATION)
    assert main_window.menus.attach_action.isEnabled()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(SMALL), ""))
    with qtbot.waitSignal(official.changed, timeout=30000):
        main_window.menus.attach_action.trigger()
    assert main_window.session.catalog.document(DECLARATION).page_count == 4
    assert "Officieel document · door u gekoppeld op " in main_window.detail.plain_text()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(MULTICOLUMN), ""))
    asked = []
    official.confirm_replace = lambda: asked.append(True) or False
    with qtbot.waitSignal(official.message, timeout=30000, check_params_cb=lambda m: "Niets" in m):
        main_window.menus.attach_action.trigger()
    assert asked and main_window.session.catalog.document(DECLARATION).page_count == 4
    official.confirm_replace = lambda: True
    with qtbot.waitSignal(official.changed, timeout=30000):
        main_window.menus.attach_action.trigger()
    main_window.select_record(DECLARATION)
    assert "Eerdere versies, bewaard:" in main_window.detail.plain_text()
    main_window.select_record("fiche-top-2018")
    assert not main_window.menus.attach_action.isEnabled()  # a fiche takes no file


def test_a_pdf_dropped_on_a_missing_document_in_the_tree_is_attached(qtbot, main_window):
    model = main_window.tree_model
    index = model.index_for("doc-slotverklaring-2020")
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(SMALL))])
    with qtbot.waitSignal(main_window.official.changed, timeout=30000):
        assert model.dropMimeData(data, Qt.DropAction.CopyAction, -1, -1, index)
    assert main_window.session.catalog.document("doc-slotverklaring-2020").in_archive
    assert main_window.documents.title == (
        "Slotverklaring van de Vlaams-Nederlandse topontmoeting van 4 november 2020"
    )  # and it opened in place


def test_the_tree_marks_official_documents_fiches_and_imports(main_window):
    model = main_window.tree_model
    tip = model.data(model.index_for(DECLARATION), Qt.ItemDataRole.ToolTipRole)
    assert tip.endswith("Officieel document · nog niet in het archief")
    tip = model.data(model.index_for("fiche-top-2018"), Qt.ItemDataRole.ToolTipRole)
    assert tip.endswith("Fiche, samengesteld door het archief")
    assert model.data(model.index_for(DECLARATION), Qt.ItemDataRole.DecorationRole) is not None


def test_open_a_document_id_selects_its_record(qtbot, main_window):
    main_window.select_record("top-2011")  # the place of the previous run
    open_target(main_window, "fiche-top-2018", None, None)
    assert main_window.current_record == "fiche-top-2018"
    assert main_window.tree_model.record_id(main_window.tree.currentIndex()) == "fiche-top-2018"
    viewer = main_window.documents.viewer
    qtbot.waitUntil(lambda: viewer.page_count > 0, timeout=10000)
    assert main_window.tabs.currentWidget() is viewer


def test_the_overview_says_how_to_get_the_missing_documents(main_window):
    main_window.show_overview()
    text = main_window.detail.plain_text()
    assert re.search(r"\d+ van de \d+ documenten staan als bestand", text)
    assert "Officiële documenten ophalen" in text and "Bestand koppelen" in text


def test_an_encrypted_copy_asks_its_password_and_is_attached(qtbot, main_window, monkeypatch):
    official = main_window.official
    main_window.select_record(DECLARATION)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(ENCRYPTED), ""))
    # the viewer, showing the attached file, asks for its password too
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("openpassword", True))
    asked = []
    answers = iter(["nope", "openpassword"])

    def ask(path, wrong):
        asked.append(wrong)
        return next(answers)

    official.ask_password = ask
    with qtbot.waitSignal(official.changed, timeout=30000):
        main_window.menus.attach_action.trigger()
    assert asked == [False, True]  # asked, then told the first one was wrong
    assert main_window.session.catalog.document(DECLARATION).in_archive


def test_no_password_attaches_nothing(qtbot, main_window, monkeypatch):
    official = main_window.official
    main_window.select_record(DECLARATION)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(ENCRYPTED), ""))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("", False))  # Annuleren
    with qtbot.waitSignal(official.message, timeout=30000, check_params_cb=lambda m: "Niets" in m):
        main_window.menus.attach_action.trigger()
    assert not main_window.session.catalog.document(DECLARATION).in_archive
