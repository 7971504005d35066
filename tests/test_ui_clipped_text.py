"""No text cut off where a user needs to read it: the timeline's hint wraps in a narrow tab, the
viewer's outline wraps long titles and names them whole in its tooltip, a long label in the archive
tree has the whole title in its tooltip."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt

from vlnl_desktop.core.pdf.document import OutlineEntry
from vlnl_desktop.core.timeline_data import load_timeline
from vlnl_desktop.ui.timeline.view import TimelineView
from vlnl_desktop.ui.viewer.outline import OutlineTree


def _fits(label) -> bool:
    """Whether all of ``label``'s text is drawn inside it."""
    flags = Qt.TextFlag.TextWordWrap if label.wordWrap() else 0
    needed = label.fontMetrics().boundingRect(
        QRect(0, 0, label.width(), 10_000), flags, label.text()
    )
    return needed.width() <= label.width() and needed.height() <= label.height()


def test_the_timeline_hint_is_never_cut_off(qtbot, readonly_conn):
    view = TimelineView(data=load_timeline(readonly_conn))
    qtbot.addWidget(view)
    view.resize(620, 500)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: _fits(view.hint_label))
    assert "klik: openen" in view.hint_label.text()


def test_outline_titles_wrap_and_are_whole_in_their_tooltip(qtbot):
    tree = OutlineTree()
    qtbot.addWidget(tree)
    title = "Hoofdstuk 3: de Vlaams-Nederlandse samenwerking in wetenschap en innovatie na 2016"
    tree.set_outline([OutlineEntry(1, title, 4)])
    tree.resize(160, 300)
    tree.show()
    qtbot.waitExposed(tree)
    item = tree.topLevelItem(0)
    assert tree.wordWrap()
    assert title in item.toolTip(0) and "Pagina 5" in item.toolTip(0)
    qtbot.waitUntil(lambda: tree.visualItemRect(item).height() > 2 * tree.fontMetrics().height())


def test_a_long_tree_label_has_the_whole_title_in_its_tooltip(main_window):
    model = main_window.tree_model
    events = model.section_index("events")
    longest = max(
        (model.index(row, 0, events) for row in range(model.rowCount(events))),
        key=lambda index: len(index.data()),
    )
    assert len(longest.data()) > 60
    assert longest.data() in longest.data(Qt.ItemDataRole.ToolTipRole)


def test_event_labels_take_the_free_room_on_their_row(readonly_conn):
    from datetime import date

    from vlnl_desktop.ui.labels import kind_labels, relation_labels
    from vlnl_desktop.ui.timeline.layout import LABEL_GAP, SceneTexts, lay_out

    class Metrics:  # every character 6 px wide
        def width(self, text, style):
            return 6.0 * len(text)

        def height(self, style):
            return 13.0

        def elide(self, text, style, width):
            return text if self.width(text, style) <= width else text[: int(width // 6) - 1] + "…"

    data = load_timeline(readonly_conn)
    texts = SceneTexts(kinds=kind_labels(), relations=relation_labels())
    layout = lay_out(data, texts, Metrics(), px_per_year=50, today=date(2026, 1, 15))
    events = [p for p in layout.marks if not p.above]
    rows = {}
    for place in events:
        rows.setdefault(place.level, []).append(place)
    whole = 0
    for row in rows.values():
        row.sort(key=lambda p: p.label.box.left)
        for place, after in zip(row, row[1:], strict=False):
            assert place.label.box.right + LABEL_GAP <= after.label.box.left + 0.01  # no overlap
        for place, after in zip(row, row[1:] + [None], strict=True):
            cut = place.label.text.endswith("…")
            room = after.label.box.left - LABEL_GAP if after else layout.width
            if cut and place.label.box.left < place.x:  # hangs left of its stem, at the axis end
                continue
            if cut:  # cut only where the whole label would not fit before the next one
                assert place.label.box.left + 6.0 * len(place.mark.label) > room - 20
            elif 6.0 * len(place.mark.label) > 4 * 50:  # longer than the staggering allowed
                whole += 1
    assert whole >= 2
