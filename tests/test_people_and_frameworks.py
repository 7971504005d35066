"""People, treaties and institutions: searchable by name (a minister's name finds the person
first), and shown in the detail pane — a person with every summit and event and the office held then,
a disputed fact with a marker whose tooltip names the conflicting sources."""

import json

import pytest
from click.testing import CliRunner
from PySide6.QtCore import QEvent
from PySide6.QtGui import QHelpEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QToolTip

from vlnl_desktop.cli.main import cli
from vlnl_desktop.core.archive.connections import connect_readonly
from vlnl_desktop.core.catalog import Catalog


def _hits(root, text):
    result = CliRunner().invoke(cli, ["--archive", str(root), "search", text, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


@pytest.mark.parametrize(
    ("query", "kind", "record_id"),
    [
        ("Jambon", "person", "jan-jambon"),
        ("Mona Keijzer", "person", "mona-keijzer"),
        ("Rutte", "person", "mark-rutte"),
        ("Scheldeverdragen", "treaty", "scheldeverdragen-2005"),
        ("Nieuwe Sluis Terneuzen", "treaty", "verdrag-nieuwe-sluis-terneuzen-2015"),
        ("Taalunie", "institution", "nederlandse-taalunie"),
    ],
)
def test_a_name_finds_its_record_first(readonly_workspace, query, kind, record_id):
    hits = _hits(readonly_workspace.root, query)
    assert (hits[0]["kind"], hits[0]["id"]) == (kind, record_id)


def test_an_office_finds_the_people_who_held_it(readonly_workspace):
    ids = [h["id"] for h in _hits(readonly_workspace.root, "staatssecretaris Economische Zaken")]
    assert "mona-keijzer" in ids


@pytest.fixture
def catalog(readonly_workspace):
    conn = connect_readonly(readonly_workspace)
    yield Catalog(conn)
    conn.close()


@pytest.fixture
def pane(qtbot):
    from vlnl_desktop.ui.detail_pane import DetailPane

    widget = DetailPane()
    qtbot.add_widget(widget)
    widget.resize(900, 700)
    widget.show()
    return widget


def _cursor_at(pane, text) -> QTextCursor:
    found = pane.browser.document().find(text)
    assert not found.isNull(), text
    return found


@pytest.mark.qt_log_ignore(r"^This plugin does not support raise\(\)$")  # the tooltip, offscreen
def test_a_disputed_fact_is_marked_with_its_sources_on_hover(qtbot, pane, catalog):
    pane.show_detail(catalog.detail("top-2020"))
    marked = _cursor_at(pane, "deels digitaal, deels op locatie ⚠")
    tip = marked.charFormat().toolTip()
    assert "aivoorvlaanderen.be" in tip and "rijksoverheid.nl" in tip
    # hovering the marked value shows that tooltip
    inside = QTextCursor(pane.browser.document())
    inside.setPosition(marked.selectionStart() + 3)
    rect = pane.browser.cursorRect(inside)
    viewport = pane.browser.viewport()
    event = QHelpEvent(QEvent.Type.ToolTip, rect.center(), viewport.mapToGlobal(rect.center()))
    QToolTip.hideText()
    QApplication.sendEvent(viewport, event)
    qtbot.waitUntil(QToolTip.isVisible, timeout=2000)
    assert "rijksoverheid.nl" in QToolTip.text()
    # an undisputed value is plain
    place = _cursor_at(pane, "Brasschaat")
    assert place.charFormat().toolTip() == ""
    # and the box on top names the sources too
    assert "Bronnen die elkaar tegenspreken" in pane.plain_text()
    QToolTip.hideText()


def test_a_person_lists_every_summit_and_event_with_the_office_then(pane, catalog):
    pane.show_detail(catalog.detail("mona-keijzer"))
    text = pane.plain_text()
    assert "Ambten" in text
    assert "Deelname aan topontmoetingen en gebeurtenissen" in text
    summit_2018 = text.index("Vlaams-Nederlandse topontmoeting 2018 in Middelburg")
    summit_2025 = text.index("Vlaams-Nederlandse topontmoeting 2025 in Gent")
    assert summit_2018 < summit_2025
    office_2018 = text.index("staatssecretaris van Economische Zaken en Klimaat", summit_2018)
    assert office_2018 < summit_2025
    assert text.index("minister van Volkshuisvesting en Ruimtelijke Ordening", summit_2025)


def test_copied_text_keeps_the_doubt_and_the_offices(qapp, catalog):
    from vlnl_desktop.ui.detail_text import detail_text

    text = detail_text(catalog.detail("top-2020"))
    assert "Onzeker:" in text and "rijksoverheid.nl" in text
    person = detail_text(catalog.detail("jan-jambon"))
    assert "minister-president van de Vlaamse Regering" in person
    assert "Vlaams-Nederlandse topontmoeting 2023 in 's-Hertogenbosch" in person
