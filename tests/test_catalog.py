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
        "treaties",
        "institutions",
        "themes",
        "people",
        "documents",
    ]
    counts = {s.key: s.count for s in sections}
    total = catalog.counts()
    assert counts == {
        "declarations": total.declarations,
        "summits": total.summits,
        "events": total.events,
        "treaties": total.treaties,
        "institutions": total.institutions,
        "themes": total.themes,
        "people": total.people,
        "documents": total.documents,
    }
    assert counts["declarations"] == 2 and counts["summits"] == 7 and counts["themes"] == 36
    assert counts["treaties"] == 3 and counts["institutions"] == 3


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
    assert [t.id for t in d.themes][0] == "deltaregio"
    assert d.themes[0].relation == "introduced"
    assert d.venue == "Kasteel d'Ursel"
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
    assert d.uncertain and "slotverklaring" in d.uncertain[0].text


def test_a_disputed_fact_names_its_field_and_the_sources_that_disagree(catalog):
    """2020: "partly digital in Brasschaat" (EWI) against "fully virtual" (rijksoverheid.nl)."""
    d = catalog.detail("top-2020")
    doubt = next(u for u in d.uncertain if u.field == "format")
    hosts = " ".join(doubt.sources)
    assert "aivoorvlaanderen.be" in hosts and "rijksoverheid.nl" in hosts
    assert "volledig virtueel" in doubt.text and "deels digitaal" in doubt.text


def test_person_lists_offices_and_every_participation_with_the_office_then(catalog):
    d = catalog.detail("mona-keijzer")
    assert d.kind == "person" and d.side == "NL"
    assert [o.office for o in d.offices] == [
        "staatssecretaris van Economische Zaken en Klimaat",
        "minister van Volkshuisvesting en Ruimtelijke Ordening",
    ]
    taken = [(p.record_id, p.kind, p.role) for p in d.participations]
    assert taken == [
        ("top-2018", "summit", "staatssecretaris van Economische Zaken en Klimaat"),
        (
            "mou-gepersonaliseerde-geneeskunde-2018",
            "event",
            "staatssecretaris van Economische Zaken en Klimaat",
        ),
        ("top-2025", "summit", "minister van Volkshuisvesting en Ruimtelijke Ordening"),
    ]
    rutte = catalog.detail("mark-rutte")
    summits = [p.record_id for p in rutte.participations if p.kind == "summit"]
    assert summits == ["top-2011", "top-2013", "top-2016", "top-2018", "top-2020", "top-2023"]
    assert {"handelsmissie-texas-2013", "handelsmissie-atlanta-2015"} <= {
        p.record_id for p in rutte.participations
    }


def test_treaty_detail(catalog):
    d = catalog.detail("verdrag-nieuwe-sluis-terneuzen-2015")
    assert d.kind == "treaty" and d.date == "2015-02-05" and d.in_force == "2016-03-01"
    assert d.place == "Terneuzen"
    assert {p.person_id for p in d.participants} == {"ben-weyts", "melanie-schultz-van-haegen"}


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
