"""The filter chips under the search box: what the search found per kind and per year, with counts.

A chip is a checkable button ("Topontmoetingen 3", "2018 5"); choosing one narrows the search to
that kind or year, choosing it again widens it. The chips do not filter by themselves: they ask
for ``soort:top`` / ``jaar:2018`` in the search text (``toggled``), so the box always says what is
searched and the command line can repeat it. The counts come from ``Searcher.facets``: each kind
counted without the kind filter, each year without the year filter, so a chip shows what choosing
it gives. A chip that filters stays shown (checked), even when nothing is left to count for it.

Keyboard: the chips are in the tab order after the search box; Space toggles the focused one, and
the focus stays on that chip when the new counts arrive (a chip is kept while its kind or year is
still counted).
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtWidgets import QLayout, QLayoutItem, QToolButton, QWidget

from vlnl_desktop.ui.labels import kind_plural_label

MAX_YEARS = 8  # the years with the most hits; chosen ones are always shown
CHIP_STYLE = """
QToolButton#searchChip {
    border: 1px solid palette(mid); border-radius: 9px; padding: 1px 8px;
    background: palette(base);
}
QToolButton#searchChip:checked {
    background: palette(highlight); color: palette(highlighted-text);
    border-color: palette(highlight);
}
QToolButton#searchChip:focus { border: 2px solid palette(highlight); padding: 0px 7px; }
"""


class FlowLayout(QLayout):
    """Lays its widgets out in rows, wrapping to the next row when one is full."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 4) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.breaks: set[int] = set()  # the items that start a new row
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt override
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt override
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt override
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt override
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt override
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self.minimumSize()

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt override
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _place(self, rect: QRect, move: bool) -> int:
        """Place the items in rows within ``rect`` (only measure unless ``move``); the height."""
        x, y, row_height = rect.x(), rect.y(), 0
        for index, item in enumerate(self._items):
            hint = item.sizeHint()
            full = x + hint.width() > rect.right() + 1
            if x > rect.x() and (full or index in self.breaks):
                x, y, row_height = rect.x(), y + row_height + self.spacing(), 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self.spacing()
            row_height = max(row_height, hint.height())
        return y + row_height - rect.y()


class SearchChips(QWidget):
    """The chips of one answer; hidden when there is nothing to show."""

    toggled = Signal(object, object)
    """A chip was chosen: (kind, None) or (None, year), to be added to or taken from the search."""

    def __init__(self, after: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._after = after  # the chips come after this widget (the search box) in tab order
        self.setObjectName("searchChips")
        self.setStyleSheet(CHIP_STYLE)
        self._layout = FlowLayout(self)
        self.chips: dict[tuple, QToolButton] = {}  # ("kind", code) / ("year", year) -> chip
        self._facets = None
        self._kinds: set[str] = set()
        self._years: set[int] = set()
        self.setVisible(False)

    def set_facets(self, facets, kinds: set[str], years: set[int]) -> None:
        """Show the counts of ``facets`` (``core.search.hits.Facets``, or None: no chips); the
        ``kinds`` and ``years`` the search filters on now are checked. Chips of the same kind or
        year are kept (a new count, not a new button: cheap while the user types, and the focus
        stays on its chip)."""
        self._facets, self._kinds, self._years = facets, set(kinds), set(years)
        entries = self._entries(facets) if facets is not None else []
        wanted = {key for key, _text, _count in entries}
        for key in [k for k in self.chips if k not in wanted]:
            chip = self.chips.pop(key)
            if chip.hasFocus():
                self._after.setFocus(Qt.FocusReason.OtherFocusReason)
            chip.deleteLater()
        while self._layout.takeAt(0) is not None:  # laid out again below, in the new order
            pass
        previous = self._after
        self._layout.breaks = set()
        for position, (key, text, count) in enumerate(entries):
            if key[0] == "year" and (position == 0 or entries[position - 1][0][0] != "year"):
                self._layout.breaks.add(position)  # the years on rows of their own
            chip = self.chips.get(key) or self._new_chip(key)
            self._label(chip, key, text, count)
            self._layout.addWidget(chip)
            QWidget.setTabOrder(previous, chip)
            previous = chip
        self.setVisible(bool(self.chips))
        self._layout.invalidate()

    def retranslate_ui(self) -> None:
        self.set_facets(self._facets, self._kinds, self._years)

    def _entries(self, facets) -> list[tuple[tuple, str, int]]:
        kinds = dict(facets.kinds)
        for kind in self._kinds:
            kinds.setdefault(kind, 0)
        best = sorted(facets.years, key=lambda yc: -yc[1])[:MAX_YEARS]
        years = dict(best)
        counted = dict(facets.years)
        for year in self._years:
            years.setdefault(year, counted.get(year, 0))
        out = [(("kind", k), kind_plural_label(k), n) for k, n in kinds.items()]
        out += [(("year", y), str(y), years[y]) for y in sorted(years, reverse=True)]
        return out

    def _new_chip(self, key: tuple) -> QToolButton:
        chip = QToolButton(self)
        chip.setObjectName("searchChip")
        chip.setCheckable(True)
        chip.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        kind, year = (key[1], None) if key[0] == "kind" else (None, key[1])
        chip.clicked.connect(lambda _checked=False, k=kind, y=year: self.toggled.emit(k, y))
        chip.show()  # now, not queued: it may be given the focus at once
        self.chips[key] = chip
        return chip

    def _label(self, chip: QToolButton, key: tuple, text: str, count: int) -> None:
        chosen = key[1] in (self._kinds if key[0] == "kind" else self._years)
        chip.setChecked(chosen)
        chip.setText(f"{text} {count}")
        chip.setAccessibleName(
            self.tr("Filter %1: %2 resultaten").replace("%1", text).replace("%2", str(count))
        )
        if key[0] == "kind":
            tip = self.tr("Alleen %1 tonen").replace("%1", text.lower())
        else:
            tip = self.tr("Alleen resultaten uit %1 tonen").replace("%1", text)
        chip.setToolTip(self.tr("Toon alles weer") if chosen else tip)
