"""Imported titles show no boxes: control, unassigned and invisible characters are cleaned out on
import; two documents with the same title are told apart in the tree (page count beside it)."""

from __future__ import annotations

import pymupdf
import pytest

from samples import SAMPLES, SMALL
from vlnl_desktop.core.catalog import Entry, Section
from vlnl_desktop.core.documents.importer import import_files
from vlnl_desktop.ui.document_titles import tell_apart

ASCII85 = SAMPLES / "007-imagemagick-images" / "imagemagick-ASCII85Decode.pdf"


def _title_of(workspace, document_id):
    import sqlite3

    conn = sqlite3.connect(workspace.db_path)
    try:
        return conn.execute("SELECT title FROM documents WHERE id = ?", (document_id,)).fetchone()[
            0
        ]
    finally:
        conn.close()


def test_a_title_with_a_nul_is_cleaned_on_import(workspace):
    [result] = import_files(workspace, [ASCII85], workers=0)
    assert _title_of(workspace, result.document_id) == "imagemagick-ASCII85Decode"


def test_unassigned_private_and_invisible_characters_are_left_out(workspace, tmp_path):
    path = tmp_path / "odd.pdf"
    with pymupdf.open(SMALL) as doc:
        doc.set_metadata({"title": "Verslag\u0378 top\ue000 2016\u200b\x07 \ufffd(definitief)"})
        doc.save(path)
    [result] = import_files(workspace, [path], workers=0)
    assert _title_of(workspace, result.document_id) == "Verslag top 2016 (definitief)"


@pytest.fixture
def dutch(qapp):
    """Dutch as the app installs it at start (its plural forms are in a translation file)."""
    from vlnl_desktop.ui.translations import Translations

    Translations(qapp).install("nl")


def test_documents_with_the_same_title_are_told_apart(dutch):
    def doc(doc_id, title, date=None):
        return Entry("document", doc_id, title, date)

    sections = [
        Section(
            "documents",
            4,
            (
                Entry(
                    "doc-kind",
                    "rapport",
                    "rapport",
                    None,
                    (
                        doc("a", "Verslag", "2016-01-01"),
                        doc("b", "Verslag", "2017-01-01"),
                        doc("c", "Verslag", "2018-01-01"),
                        doc("d", "Anders"),
                    ),
                ),
            ),
        )
    ]
    pages = {"a": 1, "b": 12, "c": 12, "d": 3}
    [section] = tell_apart(sections, pages.get)
    labels = [e.label for e in section.entries[0].children]
    assert labels == [
        "Verslag (1 pagina)",
        "Verslag (12 pagina's, 1 januari 2017)",
        "Verslag (12 pagina's, 1 januari 2018)",
        "Anders",
    ]


def test_the_tree_tells_two_imports_with_one_title_apart(
    qtbot, dutch, main_window, workspace, tmp_path
):
    paths = []
    for i, pages in enumerate((1, 2)):
        path = tmp_path / f"kopie-{i}.pdf"
        with pymupdf.open(SMALL) as doc:
            doc.select(list(range(pages)))
            doc.set_metadata({"title": "Gezamenlijke verklaring"})
            doc.save(path)
        paths.append(path)
    import_files(workspace, paths, workers=0)
    main_window.load_archive()
    model = main_window.tree_model
    found = []

    def walk(parent):
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            if (index.data() or "").startswith("Gezamenlijke verklaring ("):
                found.append(index.data())
            walk(index)

    walk(model.index(-1, -1))
    assert sorted(found) == [
        "Gezamenlijke verklaring (1 pagina)",
        "Gezamenlijke verklaring (2 pagina's)",
    ]
