"""The archive tree model: checked by Qt's model tester, and what the tree shows."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from vlnl_desktop.core.archive.connections import connect_readonly
from vlnl_desktop.core.catalog import Catalog
from vlnl_desktop.ui.tree_model import KIND_ROLE, RECORD_ID_ROLE, ArchiveTreeModel


@pytest.fixture
def model(qapp, readonly_workspace):
    conn = connect_readonly(readonly_workspace)
    model = ArchiveTreeModel()
    model.set_sections(Catalog(conn).sections())
    yield model
    conn.close()


def _texts(model, parent):
    return [model.index(r, 0, parent).data() for r in range(model.rowCount(parent))]


def test_model_passes_qt_model_tester(qtmodeltester, model):
    qtmodeltester.check(model)


def test_model_tester_survives_a_reset(qtmodeltester, model, readonly_workspace):
    qtmodeltester.check(model, force_py=True)
    conn = connect_readonly(readonly_workspace)
    model.set_sections(Catalog(conn).sections())
    conn.close()
    qtmodeltester.check(model, force_py=True)


def test_top_nodes_with_counts(model):
    top = _texts(model, model.index(-1, 0))
    assert top[0] == "Intentieverklaringen (2)"
    assert top[1] == "Topontmoetingen (7)"
    assert top[2].startswith("Gebeurtenissen (")
    assert top[3] == "Verdragen (3)"
    assert top[4] == "Instellingen (3)"
    assert top[5] == "Thema's (36)"
    assert top[6].startswith("Personen (")
    assert top[7].startswith("Documenten (")


def test_people_grouped_by_side_and_sorted_by_surname(model):
    people = model.section_index("people")
    sides = _texts(model, people)
    assert [s.split(" (")[0] for s in sides] == ["Vlaanderen", "Nederland"]
    flemish = _texts(model, model.index(0, 0, people))
    assert flemish.index("Geert Bourgeois") < flemish.index("Hilde Crevits")
    dutch = _texts(model, model.index(1, 0, people))
    assert dutch.index("Martijn van Dam") < dutch.index("Sander Dekker")  # "van" aside
    first = model.index(0, 0, model.index(0, 0, people))
    assert model.data(first, RECORD_ID_ROLE) and model.data(first, KIND_ROLE) == "person"


def test_summits_labelled_and_in_time_order(model):
    summits = model.section_index("summits")
    labels = _texts(model, summits)
    assert labels[:3] == ["2011 · Hingene", "2013 · Maastricht", "2016 · Gent"]
    first = model.index(0, 0, summits)
    assert first.data(RECORD_ID_ROLE) == "top-2011"
    assert first.data(KIND_ROLE) == "summit"


def test_themes_as_a_hierarchy_with_a_theme_under_two_groups(model):
    themes = model.section_index("themes")
    groups = _texts(model, themes)
    assert "Focusthema's 2013" in groups
    nodes = model.indexes_for("artificiele-intelligentie")
    assert len(nodes) == 2
    assert {n.parent().data(RECORD_ID_ROLE) for n in nodes} == {
        "high-tech-agenda",
        "opkomende-domeinen",
    }
    assert all(n.data() == "Artificiële Intelligentie" for n in nodes)


def test_documents_grouped_by_kind(model):
    documents = model.section_index("documents")
    kinds = _texts(model, documents)
    assert any(k.startswith("Slotverklaringen (") for k in kinds)
    assert model.index(0, 0, documents).data(RECORD_ID_ROLE) is None


def test_section_font_is_bold(model):
    font = model.section_index("summits").data(Qt.ItemDataRole.FontRole)
    assert font.bold()
