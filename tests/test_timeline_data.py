"""The timeline's data: read from a working archive with plain sqlite3, no Qt."""

import subprocess
import sys

import pytest

from vlnl_desktop.core.timeline_data import decimal_year, load_timeline


@pytest.fixture
def conn(readonly_conn):
    return readonly_conn


def test_one_mark_per_dated_declaration_summit_and_event(conn):
    data = load_timeline(conn)
    dated = {
        row[0]
        for row in conn.execute(
            "SELECT id FROM records WHERE kind IN ('declaration', 'summit', 'event') "
            "AND date IS NOT NULL AND date != ''"
        )
    }
    assert [m.record_id for m in data.marks if m.record_id in dated] == [
        m.record_id for m in data.marks
    ]
    assert {m.record_id for m in data.marks} == dated
    assert len(data.marks) == len(dated)
    # In date order, starting with the declaration of 2004.
    positions = [m.position for m in data.marks]
    assert positions == sorted(positions)
    assert data.marks[0].record_id == "intentieverklaring-2004"


def test_marks_are_labelled_year_and_place(conn):
    data = load_timeline(conn)
    assert [s.label for s in data.summits] == [
        "2011 · Hingene",
        "2013 · Maastricht",
        "2016 · Gent",
        "2018 · Middelburg",
        "2020 · Brasschaat",
        "2023 · 's-Hertogenbosch",
        "2025 · Gent",
    ]
    declaration = data.mark("intentieverklaring-2008")
    assert declaration.kind == "declaration"
    assert declaration.label.startswith("2008 · ")
    event = data.mark("wi-dag-2019")
    assert event.kind == "event" and event.event_kind == "evenement"
    assert event.summary  # the tooltip has something to say


def test_one_lane_per_theme_with_summit_links_in_group_order(conn):
    data = load_timeline(conn)
    linked = {row[0] for row in conn.execute("SELECT DISTINCT theme_id FROM summit_themes")}
    assert {lane.theme_id for lane in data.lanes} == linked
    assert len(data.lanes) == len(linked)
    group_order = [g.group_id for g in data.groups]
    ranks = [group_order.index(lane.group_id) for lane in data.lanes]
    assert ranks == sorted(ranks)
    assert [g.group_id for g in data.groups_with_lanes()] == [
        "focusthemas-2013",
        "high-tech-agenda",
        "aandachtspunten-2020",
        "opkomende-domeinen",
        "overige-themas",
    ]


def test_lanes_carry_the_relations_of_the_records(conn):
    data = load_timeline(conn)
    lanes = {lane.theme_id: lane for lane in data.lanes}
    fotonica = lanes["fotonica"]
    assert [(k.summit_id, k.relation) for k in fotonica.links] == [
        ("top-2016", "introduced"),
        ("top-2020", "prioritised"),
    ]
    assert fotonica.relation_at("top-2020") == "prioritised"
    assert fotonica.relation_at("top-2011") is None
    # The high tech agenda grows: six themes in 2016, hydrogen and AI in 2020.
    agenda = data.lanes_in("high-tech-agenda")
    introduced = {
        year: sorted(
            lane.theme_id
            for lane in agenda
            for k in lane.links
            if k.relation == "introduced" and k.date.startswith(year)
        )
        for year in ("2016", "2020")
    }
    assert len(introduced["2016"]) == 6
    assert introduced["2020"] == ["artificiele-intelligentie", "waterstoftechnologie"]


def test_a_theme_lives_in_its_primary_group(conn):
    data = load_timeline(conn, include_unlinked=True)
    lanes = {lane.theme_id: lane for lane in data.lanes}
    assert len(lanes) == conn.execute("SELECT count(*) FROM themes").fetchone()[0]
    assert lanes["artificiele-intelligentie"].group_id == "high-tech-agenda"
    assert lanes["gepersonaliseerde-geneeskunde"].group_id == "opkomende-domeinen"
    assert lanes["interreg"].links == ()


def test_decimal_years_put_a_date_in_the_middle_of_its_span():
    assert decimal_year("2016") == 2016.5
    assert 2016.0 < decimal_year("2016-01") < 2016.1
    assert 2016.84 < decimal_year("2016-11-07") < 2016.86
    assert decimal_year("2016-12-31") < 2017.0


def test_the_data_layer_loads_neither_qt_nor_sqlite_utils():
    code = (
        "import sys, vlnl_desktop.core.timeline_data; "
        "print('PySide6' in sys.modules, 'sqlite_utils' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
