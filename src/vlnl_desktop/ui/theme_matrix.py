"""The theme × summit table: one row per theme, one column per summit, the relation in each cell.

Public API:

- ``ThemeMatrix(parent=None, *, data=None)``; ``set_data(data)`` (the table never reads the archive)
- signal ``record_activated(str)``: a double click or Enter on a cell — a relation cell gives its
  summit's id, the theme and group cells the theme's
- slot ``select_record(str)``: a theme selects its row, a summit its column; emits nothing
- ``copy_selection()`` (Ctrl+C): the selected cells as tab-separated text on the clipboard
- ``export_csv(path)``: the whole table in its current order (UTF-8 with BOM, comma-separated,
  header row "Thema", "Groep", "2011 · Hingene", …); raises OSError
- ``retranslate_ui()``

Sorting goes through ``ThemeSortProxy``: every cell carries a sort key, a tuple, so that a summit's
column sorts introduced < prioritised < discussed < empty, and equal cells keep the archive's order
of themes (by group, then the themes' own order).
"""

from __future__ import annotations

import csv
from pathlib import Path

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QColor, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QTableView, QWidget

from vlnl_desktop.core.timeline_data import TimelineData
from vlnl_desktop.core.vocabulary import RELATIONS
from vlnl_desktop.ui.labels import relation_label
from vlnl_desktop.ui.palette import is_dark, relation_colour

ROLE_RECORD = Qt.ItemDataRole.UserRole + 1
"""The record a cell opens: the summit for relation cells, the theme for the first two columns."""
ROLE_SORT = Qt.ItemDataRole.UserRole + 2
"""The cell's sort key: a tuple (see ``ThemeSortProxy``)."""
ROLE_RELATION = Qt.ItemDataRole.UserRole + 3
FIXED_COLUMNS = 2  # Thema, Groep

ThemePosition = tuple[
    int, int
]  # (rank of the theme's group, rank of the theme): the archive's order


def relation_rank(relation: str | None) -> int:
    """Strongest first, as ``vocabulary.RELATIONS`` orders them; no (or an unknown) relation last."""
    return RELATIONS.index(relation) if relation in RELATIONS else len(RELATIONS)


class ThemeSortProxy(QSortFilterProxyModel):
    """Sorts rows by the sort keys (``ROLE_SORT``) of the clicked column: tuples, compared as such.

    Theme column: the name, case-folded. Group column: the theme's position in the archive's
    order. A summit's column: (rank of the relation, position), so the strongest relations come
    first and equal ones keep the archive's order.
    """

    def lessThan(  # noqa: N802 (Qt override)
        self,
        left: QModelIndex | QPersistentModelIndex,
        right: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        return left.data(ROLE_SORT) < right.data(ROLE_SORT)


class ThemeMatrix(QTableView):
    """Which summit introduced, prioritised or discussed which theme."""

    record_activated = Signal(str)
    """Double click or Enter on a cell: the summit of a relation cell, else the row's theme."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        data: TimelineData | None = None,
    ) -> None:
        super().__init__(parent)
        self._data = TimelineData()
        self._sorted_by_user = False  # until then: by group, in the archive's own order
        self.source_model = QStandardItemModel(self)
        self.matrix_model = ThemeSortProxy(self)
        """The model the table shows: the cells in their sorted order."""
        self.matrix_model.setSourceModel(self.source_model)
        self.setModel(self.matrix_model)
        self.setSortingEnabled(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setHighlightSections(False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.copy_action = QAction(self)
        self.copy_action.setShortcut(QKeySequence.StandardKey.Copy)
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.addAction(self.copy_action)
        self.retranslate_ui()
        self._connect_signals()
        if data is not None:
            self.set_data(data)

    def _connect_signals(self) -> None:
        self.copy_action.triggered.connect(self.copy_selection)
        self.activated.connect(self._on_activated)
        self.horizontalHeader().sectionClicked.connect(self._on_header_clicked)

    @Slot(int)
    def _on_header_clicked(self, _column: int) -> None:
        self._sorted_by_user = True

    # -- texts ---------------------------------------------------------------------------------

    def relation_text(self, relation: str) -> str:
        return relation_label(relation)

    def retranslate_ui(self) -> None:
        self.copy_action.setText(self.tr("&Kopiëren"))
        self.setAccessibleName(self.tr("Thema's per topontmoeting"))
        self._fill()

    # -- data ----------------------------------------------------------------------------------

    def set_data(self, data: TimelineData) -> None:
        self._data = data
        self._fill()

    @property
    def data(self) -> TimelineData:
        return self._data

    def _fill(self) -> None:
        """(Re)build the model; keeps the user's sort column and order."""
        model = self.source_model
        header = self.horizontalHeader()
        sort_column, sort_order = header.sortIndicatorSection(), header.sortIndicatorOrder()
        model.clear()
        summits = self._data.summits
        labels = [self.tr("Thema"), self.tr("Groep")] + [s.label for s in summits]
        model.setHorizontalHeaderLabels(labels)
        for column, summit in enumerate(summits, FIXED_COLUMNS):
            model.horizontalHeaderItem(column).setToolTip(summit.title)
        group_rank = {g.group_id: i for i, g in enumerate(self._data.groups)}
        dark = is_dark(self.palette())
        for row, lane in enumerate(self._data.lanes):
            group = self._data.group(lane.group_id)
            position: ThemePosition = (group_rank.get(lane.group_id, len(group_rank)), row)
            theme_item = QStandardItem(lane.name)
            theme_item.setData((lane.name.casefold(),), ROLE_SORT)
            theme_item.setToolTip(lane.summary)
            group_item = QStandardItem(group.name if group else "")
            group_item.setData(position, ROLE_SORT)
            cells = [theme_item, group_item]
            for item in cells:
                item.setData(lane.theme_id, ROLE_RECORD)
            for summit in summits:
                link = next((k for k in lane.links if k.summit_id == summit.record_id), None)
                item = QStandardItem(self.relation_text(link.relation) if link else "")
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                item.setData(summit.record_id, ROLE_RECORD)
                relation = link.relation if link else None
                item.setData((relation_rank(relation), *position), ROLE_SORT)
                if link:
                    item.setData(link.relation, ROLE_RELATION)
                    colour = relation_colour(link.relation, dark)
                    item.setForeground(colour)
                    tint = QColor(colour)
                    tint.setAlphaF(0.16)
                    item.setBackground(tint)
                    font = item.font()
                    font.setBold(link.relation != "discussed")
                    item.setFont(font)
                    item.setToolTip(f"{lane.name} — {summit.label}\n{link.note}".strip())
                cells.append(item)
            model.appendRow(cells)
        self.resizeColumnsToContents()
        for column in range(FIXED_COLUMNS, model.columnCount()):
            self.setColumnWidth(column, max(self.columnWidth(column), 96))
        self.setColumnWidth(1, min(self.columnWidth(1), 260))
        if self._sorted_by_user and 0 <= sort_column < model.columnCount():
            self.sortByColumn(sort_column, sort_order)
        elif model.columnCount() > 1:
            self.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # groups, in their own order

    # -- reading the table ---------------------------------------------------------------------

    def header_labels(self) -> list[str]:
        model = self.matrix_model
        return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]

    def rows(self) -> list[list[str]]:
        """The table's texts in the order shown."""
        model = self.matrix_model
        return [
            [model.index(r, c).data() or "" for c in range(model.columnCount())]
            for r in range(model.rowCount())
        ]

    def selected_text(self) -> str:
        """The selected cells as tab-separated lines (the bounding rectangle; gaps left empty)."""
        indexes = self.selectionModel().selectedIndexes()
        if not indexes:
            return ""
        rows = sorted({i.row() for i in indexes})
        columns = sorted({i.column() for i in indexes})
        chosen = {(i.row(), i.column()) for i in indexes}
        lines = []
        for row in rows:
            cells = []
            for column in columns:
                text = (
                    self.matrix_model.index(row, column).data() if (row, column) in chosen else ""
                )
                cells.append((text or "").replace("\t", " ").replace("\n", " "))
            lines.append("\t".join(cells))
        return "\n".join(lines) + "\n"

    @Slot()
    def copy_selection(self) -> None:
        text = self.selected_text()
        if text:
            QApplication.clipboard().setText(text)

    def export_csv(self, path: str | Path) -> None:
        """The whole table, in its current order, as CSV (UTF-8 with BOM for spreadsheets)."""
        with open(path, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(self.header_labels())
            writer.writerows(self.rows())

    # -- selection and activation --------------------------------------------------------------

    @Slot(str)
    def select_record(self, record_id: str) -> None:
        """Select a theme's row or a summit's column; other records clear the selection."""
        model = self.matrix_model
        selection = self.selectionModel()
        last_column = model.columnCount() - 1
        for row in range(model.rowCount()):
            if model.index(row, 0).data(ROLE_RECORD) == record_id:
                sel = QItemSelection(model.index(row, 0), model.index(row, last_column))
                selection.select(sel, QItemSelectionModel.SelectionFlag.ClearAndSelect)
                self.scrollTo(model.index(row, 0))
                return
        for column in range(FIXED_COLUMNS, model.columnCount()):
            if model.rowCount() and model.index(0, column).data(ROLE_RECORD) == record_id:
                sel = QItemSelection(
                    model.index(0, column), model.index(model.rowCount() - 1, column)
                )
                selection.select(sel, QItemSelectionModel.SelectionFlag.ClearAndSelect)
                self.scrollTo(model.index(0, column))
                return
        selection.clearSelection()

    @Slot(QModelIndex)
    def _on_activated(self, index: QModelIndex) -> None:
        record_id = index.data(ROLE_RECORD)
        if record_id:
            self.record_activated.emit(str(record_id))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        elif event.type() == QEvent.Type.PaletteChange:
            self._fill()
        super().changeEvent(event)
