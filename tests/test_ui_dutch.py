"""Dutch all the way: Qt's own dialogs speak Dutch (Qt's translations found and loaded, the
strings Qt's Dutch lacks supplied), counts take their plural form, the fiche footer is plain Dutch."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLibraryInfo
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel

from vlnl_desktop.ui.labels import page_count
from vlnl_desktop.ui.translations import Translations


@pytest.fixture
def dutch(qapp):
    translations = Translations(QApplication.instance())
    translations.install("nl")
    yield translations
    translations.install("nl")


def test_qts_own_translations_are_where_qt_says_and_load(dutch):
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    assert (folder / "qtbase_nl.qm").is_file()
    assert QCoreApplication.translate("QFileDialog", "File &name:") == "Bestands&naam:"


def test_the_file_dialog_is_dutch_all_the_way(qtbot, dutch):
    dialog = QFileDialog(None, "PDF openen", str(Path.home()), "PDF-documenten (*.pdf)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    texts = {label.text() for label in dialog.findChildren(QLabel)}
    assert {"&Zoeken in:", "Bestands&type:", "Bestands&naam:"} <= texts
    assert not any("Look in" in t or "Files of" in t for t in texts)


def test_counts_take_their_plural_form(dutch):
    assert page_count(1) == "1 pagina"
    assert page_count(4) == "4 pagina's"
    dutch.install("en")
    assert page_count(1) == "1 page"
    assert page_count(4) == "4 pages"


def test_the_fiche_footer_is_plain_dutch(readonly_workspace):
    import pymupdf

    from vlnl_desktop.core.archive.connections import connect_readonly

    conn = connect_readonly(readonly_workspace)
    sha = conn.execute("SELECT sha256 FROM documents WHERE id = 'fiche-top-2016'").fetchone()[0]
    conn.close()
    with pymupdf.open(readonly_workspace.document_path(sha)) as doc:
        text = " ".join(doc[0].get_text().split())
    assert "samengesteld uit de gegevens van het archief" in text
    assert "records" not in text


def test_the_file_dialogs_columns_show_sizes_and_dates_whole(qtbot, dutch, tmp_path):
    from PySide6.QtWidgets import QTreeView

    from vlnl_desktop.ui.file_dialogs import MIN_WIDTH, fit_file_dialogs

    for i in range(3):
        (tmp_path / f"verslag-{i}.pdf").write_bytes(b"%PDF-1.4\n" + b"x" * (12345 * (i + 1)))
    fit_file_dialogs(QApplication.instance())
    dialog = QFileDialog(None, "PDF openen", str(tmp_path), "PDF-documenten (*.pdf)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    tree = dialog.findChild(QTreeView, "treeView")
    tree.setFocus()
    qtbot.waitUntil(lambda: dialog.width() >= min(MIN_WIDTH, dialog.screen().size().width()))
    model = tree.model()
    root = tree.rootIndex()
    qtbot.waitUntil(lambda: model.rowCount(root) == 3)
    metrics = tree.fontMetrics()

    def whole():
        for column in (1, 3):  # size, date modified
            text = model.index(0, column, root).data()
            assert text and metrics.horizontalAdvance(text) < tree.header().sectionSize(column)

    qtbot.waitUntil(whole)
