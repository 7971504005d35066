"""The catalog: the tree's contents and record details, read with plain sqlite3."""

from __future__ import annotations

import subprocess
import sys

import pytest

from vlnl_desktop.core.archive.connections import connect_readonly
from vlnl_desktop.core.catalog import Catalog


@pytest.fixture
def catalog(readonly_workspace):
    conn = connect_readonly(readonly_workspace)
    yield Catalog(conn)
    conn.close()


def _section(catalog, key):
    return next(s for s in catalog.sections() if s.key == key)


def test_sections_in_order_with_counts(catalog):
    sections = catalog.sections()
    assert [s.key for s in sections] == [
        "declarations",
        "summits",
        "events",
        "themes",
        "documents",
    ]
    counts = {s.key: s.count for s in sections}
    total = catalog.counts()
    assert counts == {
        "declarations": total.declarations,
        "summits": total.summits,
        "events": total.events,
        "themes": total.themes,
        "documents": total.documents,
    }
    assert counts["declarations"] == 2 and counts["summits"] == 7 and counts["themes"] == 33


def test_summits_in_time_order_labelled_by_year_and_place(catalog):
    labels = [e.label for e in _section(catalog, "summits").entries]
    assert labels[0] == "2011 · Hingene"
    assert labels[2] == "2016 · Gent"
    assert labels[-1] == "2025 · Gent"
    dates = [e.date for e in _section(catalog, "summits").entries]
    assert dates == sorted(dates)


def test_theme_in_two_groups_appears_under_both(catalog):
    groups = _section(catalog, "themes").entries
    holding = [g.id for g in groups if any(c.id == "artificiele-intelligentie" for c in g.children)]
    assert holding == ["high-tech-agenda", "opkomende-domeinen"]


def test_documents_by_kind_then_date(catalog):
    kinds = {e.id: e for e in _section(catalog, "documents").entries}
    assert set(kinds) >= {"slotverklaring", "rapport", "agenda"}
    dates = [c.date for c in kinds["slotverklaring"].children]
    assert dates == sorted(dates)
    assert sum(len(k.children) for k in kinds.values()) == catalog.counts().documents


def test_summit_detail(catalog):
    d = catalog.detail("top-2011")
    assert d.kind == "summit"
    assert d.place == "Hingene" and d.municipality == "Bornem"
    people = {(p.name, p.side) for p in d.participants}
    assert ("Kris Peeters", "VL") in people and ("Mark Rutte", "NL") in people
    assert any("Deltaregio" in x for x in d.decisions)
    assert [t.id for t in d.themes] == ["deltaregio"]
    assert d.themes[0].relation == "introduced"
    assert d.sources


def test_theme_history_in_time_order(catalog):
    history = catalog.theme_history("fotonica")
    assert [(m.summit_id, m.relation) for m in history] == [
        ("top-2016", "introduced"),
        ("top-2020", "prioritised"),
    ]
    assert catalog.detail("fotonica").history == history


def test_uncertain_facts_are_kept_apart(catalog):
    d = catalog.detail("top-2023")
    assert d.uncertain and "nieuwsberichten" in d.uncertain[0]


def test_document_without_file(catalog):
    d = catalog.detail("doc-slotverklaring-2016")  # an official PDF with no known address
    assert d.document is not None and not d.document.in_archive
    assert d.summit is not None and d.summit.id == "top-2016"


def test_group_event_declaration_details(catalog):
    group = catalog.detail("high-tech-agenda")
    assert "fotonica" in [m.id for m in group.members]
    event = catalog.detail("fusie-havens-north-sea-port")
    assert event.summit.id == "top-2016"
    declaration = catalog.detail("intentieverklaring-2004")
    assert declaration.kind == "declaration" and declaration.date == "2004-04-07"


def test_unknown_record(catalog):
    assert catalog.detail("no-such-record") is None
    assert catalog.kind_of("no-such-record") is None


def test_window_start_up_path_stays_light():
    """The window's modules load neither PyMuPDF nor sqlite-utils (both are costly to import)."""
    code = (
        "import sys, vlnl_desktop.ui.app, vlnl_desktop.core.catalog;"
        "heavy = [m for m in ('pymupdf', 'fitz', 'sqlite_utils') if m in sys.modules];"
        "print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_catalog_imports_no_qt():
    code = "import sys, vlnl_desktop.core.catalog; print('PySide6' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
