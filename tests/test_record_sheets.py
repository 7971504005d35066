"""Record sheets made by the build, and dossiers exported on demand."""

from __future__ import annotations

import sqlite3
import unicodedata

import pymupdf
import pytest

from vlnl_desktop.core.archive.build import build_archive
from vlnl_desktop.core.archive.check import check_archive
from vlnl_desktop.core.archive.connections import connect_readonly
from vlnl_desktop.core.documents.sheets import LABEL, RecordNotFound, export_dossier


def sheets(db_path):
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute(
            "SELECT d.id, d.sha256, d.kind, l.record_id FROM documents d "
            "JOIN document_links l ON l.document_id = d.id WHERE d.origin = 'sheet' ORDER BY d.id"
        ).fetchall()
    finally:
        conn.close()


def pdf_text(path) -> str:
    doc = pymupdf.open(path)
    try:
        text = "".join(page.get_text() for page in doc)  # the typesetter sets ligatures: fold them
        return " ".join(unicodedata.normalize("NFKC", text).split())
    finally:
        doc.close()


def test_every_summit_declaration_and_theme_has_a_sheet(readonly_workspace):
    conn = connect_readonly(readonly_workspace)
    wanted = {
        r[0]
        for r in conn.execute(
            "SELECT id FROM records WHERE kind IN ('summit', 'declaration', 'theme')"
        )
    }
    made = sheets(readonly_workspace.db_path)
    assert {record for _, _, _, record in made} == wanted
    assert all(doc_id == f"fiche-{record}" and kind == "fiche" for doc_id, _, kind, record in made)
    assert check_archive(readonly_workspace) == []


def test_a_summit_sheet_reads_well_and_says_it_is_not_official(readonly_workspace):
    sha256 = dict((r[0], r[1]) for r in sheets(readonly_workspace.db_path))["fiche-top-2016"]
    path = readonly_workspace.document_path(sha256)
    doc = pymupdf.open(path)
    assert doc[0].rect.width == pytest.approx(595, abs=1)  # A4
    assert doc.metadata["title"] == "Fiche: Vlaams-Nederlandse topontmoeting 2016 in Gent"
    doc.close()
    text = pdf_text(path)
    assert LABEL in text
    for words in ("7 november 2016", "Gent", "Deelnemers", "Geert Bourgeois", "Besluiten",
                  "Thema's", "Fotonica", "Documenten", "Bronnen", "https://"):  # fmt: skip
        assert words in text, words


def test_the_same_records_give_the_same_sheets_and_tables(tmp_path, built_archive):
    a, b = tmp_path / "a" / "archive.db", built_archive / "archive.db"
    build_archive(a)
    assert sheets(a) == sheets(b)
    for _, sha256, _, _ in sheets(a):
        assert (a.parent / "documents" / f"{sha256}.pdf").read_bytes() == (
            b.parent / "documents" / f"{sha256}.pdf"
        ).read_bytes()
    build_archive(a)  # a rebuild regenerates the sheets instead of carrying them over twice
    assert sheets(a) == sheets(b)


@pytest.mark.parametrize(
    "record_id", ["waterstoftechnologie", "top-2020", "intentieverklaring-2004"]
)
def test_a_dossier_is_exported_for_any_record(readonly_workspace, tmp_path, record_id):
    out = export_dossier(connect_readonly(readonly_workspace), record_id, tmp_path / "dossier.pdf")
    text = pdf_text(out)
    assert LABEL in text and "Bronnen" in text
    title = (
        connect_readonly(readonly_workspace)
        .execute("SELECT title FROM records WHERE id = ?", (record_id,))
        .fetchone()[0]
    )
    assert " ".join(title.split()) in text


def test_a_theme_dossier_names_the_summits_where_it_came_up(readonly_workspace, tmp_path):
    out = export_dossier(
        connect_readonly(readonly_workspace), "waterstoftechnologie", tmp_path / "w.pdf"
    )
    text = pdf_text(out)
    assert "Vlaams-Nederlandse topontmoeting 2020" in text
    assert "Samenhang" in text


def test_an_unknown_record_has_no_dossier(readonly_workspace, tmp_path):
    with pytest.raises(RecordNotFound, match="no record with id 'nope'"):
        export_dossier(connect_readonly(readonly_workspace), "nope", tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()
