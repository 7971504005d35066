"""The viewer and the system: "Systeemviewer" says so when the system has no PDF viewer, and
printing names the job (and the file, when printing to one) after the document's title."""

from __future__ import annotations

from PySide6.QtGui import QDesktopServices

from fixtures_archive import add_document_file
from samples import SMALL
from vlnl_desktop.ui.viewer.printing import file_name_for


def _open(qtbot, window, workspace):
    sha = add_document_file(workspace, "doc-slotverklaring-2016", SMALL)
    window.load_archive()
    viewer = window.documents.ensure_viewer()
    with qtbot.waitSignal(viewer.document_opened, timeout=10000):
        window.documents.open_document("doc-slotverklaring-2016")
    return viewer, sha


def test_no_system_viewer_is_said_in_the_window(qtbot, main_window, workspace, monkeypatch):
    viewer, _sha = _open(qtbot, main_window, workspace)
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)
    viewer.toolbar.external_action.trigger()
    assert viewer.notice_label.isVisible()
    assert "geen programma om PDF-documenten te openen" in viewer.notice_label.text()


def test_print_names_the_file_after_the_documents_title(qtbot, main_window, workspace, monkeypatch):
    viewer, sha = _open(qtbot, main_window, workspace)
    asked = []
    monkeypatch.setattr(
        "vlnl_desktop.ui.viewer.viewer.ask_printer",
        lambda parent, name, pages: asked.append(name),
    )
    viewer.toolbar.print_action.trigger()
    title = main_window.session.catalog.document("doc-slotverklaring-2016").title
    assert asked == [file_name_for(title)]
    assert title in asked[0] or asked[0].startswith(title[:20])
    assert sha not in asked[0]


def test_a_title_becomes_a_file_name():
    assert file_name_for("Rapport 2.0: wat/waarom?") == "Rapport 2.0- wat-waarom.pdf"
    assert file_name_for("  ") == "document.pdf"
