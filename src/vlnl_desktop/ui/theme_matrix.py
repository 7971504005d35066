"""The theme × summit table: one row per theme, one column per summit, the relation in each cell.

Made to fit a laptop's width: the theme names stay put while the summits scroll sideways (a frozen
first column, ``ui.frozen_column``), each summit is a compact column headed by its year (the place
and title in its tooltip) whose cells show a short word for the relation (the full word in copies,
the CSV and the tooltip), and the themes' groups are section rows between the themes while the
table is in the archive's order (the "Groep" column stays in the model, hidden, for sorting and CSV).

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
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QFontMetrics,
    QKeySequence,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QStyledItemDelegate,
    QTableView,
    QWidget,
)

from vlnl_desktop.core.timeline_data import TimelineData
from vlnl_desktop.core.vocabulary import RELATIONS
from vlnl_desktop.ui.frozen_column import FrozenFirstColumn
from vlnl_desktop.ui.labels import relation_label, relation_short_label
from vlnl_desktop.ui.palette import is_dark, relation_colour

ROLE_RECORD = Qt.ItemDataRole.UserRole + 1
"""The record a cell opens: the summit for relation cells, the theme for the first two columns."""
ROLE_SORT = Qt.ItemDataRole.UserRole + 2
"""The cell's sort key: a tuple (see ``ThemeSortProxy``)."""
ROLE_RELATION = Qt.ItemDataRole.UserRole + 3
ROLE_SECTION = Qt.ItemDataRole.UserRole + 4
"""True on the cells of a group's section row."""
ROLE_SHORT = Qt.ItemDataRole.UserRole + 5
"""What a relation cell shows: a short word for the relation (its text is the full word)."""
ROLE_LABEL = Qt.ItemDataRole.UserRole + 6
"""A summit column's full label ("2011 · Hingene"), where its header shows the year."""
FIXED_COLUMNS = 2  # Thema, Groep (hidden: its groups are section rows)
THEME_COLUMN_MAX = 400  # pixels; a longer theme name is cut short, whole in its tooltip
SUMMIT_COLUMN_MIN = 56

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

    grouped = True
    """Whether the groups' section rows are shown: only in the archive's order (group column
    ascending, or no sort), where they head their themes."""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        grouped = column < 0 or (column == 1 and order == Qt.SortOrder.AscendingOrder)
        super().sort(column, order)
        if grouped != self.grouped:
            if hasattr(self, "beginFilterChange"):  # Qt 6.9 on; invalidateFilter is deprecated
                self.beginFilterChange()
                self.grouped = grouped
                self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
            else:
                self.grouped = grouped
                self.invalidateRowsFilter()

    def filterAcceptsRow(self, row: int, parent) -> bool:  # noqa: N802 (Qt override)
        if self.grouped:
            return True
        return not self.sourceModel().index(row, 0, parent).data(ROLE_SECTION)

    def lessThan(  # noqa: N802 (Qt override)
        self,
        left: QModelIndex | QPersistentModelIndex,
        right: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        return left.data(ROLE_SORT) < right.data(ROLE_SORT)


class _CompactCells(QStyledItemDelegate):
    """Shows a relation cell's short word (``ROLE_SHORT``), and section rows in bold."""

    def initStyleOption(self, option, index) -> None:  # noqa: N802 (Qt override)
        super().initStyleOption(option, index)
        short = index.data(ROLE_SHORT)
        if short:
            option.text = short
        if index.data(ROLE_SECTION):
            option.font.setBold(True)


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
        self.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setItemDelegate(_CompactCells(self))
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.copy_action = QAction(self)
        self.copy_action.setShortcut(QKeySequence.StandardKey.Copy)
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.addAction(self.copy_action)
        self.frozen = FrozenFirstColumn(self)
        """The theme names, kept in place over the first column."""
        self.retranslate_ui()
        self._connect_signals()
        if data is not None:
            self.set_data(data)

    def _connect_signals(self) -> None:
        self.copy_action.triggered.connect(self.copy_selection)
        self.activated.connect(self._on_activated)
        self.horizontalHeader().sectionClicked.connect(self._on_header_clicked)
        self.frozen.horizontalHeader().sectionClicked.connect(self._on_header_clicked)

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
            item = model.horizontalHeaderItem(column)
            item.setData(summit.label, ROLE_LABEL)
            item.setText(summit.date[:4] if summit.date else summit.label)
            item.setToolTip(f"{summit.label}\n{summit.title}" if summit.title else summit.label)
        group_rank = {g.group_id: i for i, g in enumerate(self._data.groups)}
        dark = is_dark(self.palette())
        section_background = self.palette().alternateBase()
        for group in self._data.groups:
            if any(lane.group_id == group.group_id for lane in self._data.lanes):
                rank = group_rank[group.group_id]
                model.appendRow(
                    self._section_row(group.name, rank, len(summits), section_background)
                )
        for row, lane in enumerate(self._data.lanes):
            group = self._data.group(lane.group_id)
            position: ThemePosition = (group_rank.get(lane.group_id, len(group_rank)), row)
            theme_item = QStandardItem(lane.name)
            theme_item.setData((lane.name.casefold(),), ROLE_SORT)
            theme_item.setToolTip(
                f"{lane.name}\n{lane.summary}".strip() if lane.summary else lane.name
            )
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
                    item.setData(relation_short_label(link.relation), ROLE_SHORT)
                    colour = relation_colour(link.relation, dark)
                    item.setForeground(colour)
                    tint = QColor(colour)
                    tint.setAlphaF(0.16)
                    item.setBackground(tint)
                    font = item.font()
                    font.setBold(link.relation != "discussed")
                    item.setFont(font)
                    words = f"{lane.name} — {summit.label}: {self.relation_text(link.relation)}"
                    item.setToolTip(f"{words}\n{link.note}".strip())
                cells.append(item)
            model.appendRow(cells)
        self.setColumnHidden(1, True)
        self.resizeColumnsToContents()
        bold = QFont(self.font())
        bold.setBold(True)
        sections = max(
            (QFontMetrics(bold).horizontalAdvance(g.name) for g in self._data.groups), default=0
        )
        width = max(self.columnWidth(0), sections + 16)
        self.setColumnWidth(0, min(width, THEME_COLUMN_MAX))
        for column in range(FIXED_COLUMNS, model.columnCount()):
            self.setColumnWidth(column, max(self.columnWidth(column), SUMMIT_COLUMN_MIN))
        if self._sorted_by_user and 0 <= sort_column < model.columnCount():
            self.sortByColumn(sort_column, sort_order)
        elif model.columnCount() > 1:
            self.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # groups, in their own order
        self.frozen.refresh()

    @staticmethod
    def _section_row(name: str, rank: int, summits: int, background) -> list[QStandardItem]:
        """A group's section row: its name in bold, sorted before the group's themes."""
        cells = []
        for column in range(FIXED_COLUMNS + summits):
            item = QStandardItem(name if column == 0 else "")
            item.setData(True, ROLE_SECTION)
            # keys of the same types as the themes' (a section sorts first in its group)
            if column == 0:
                key: tuple = ("",)
            elif column == 1:
                key = (rank, -1)
            else:
                key = (-1, rank, -1)
            item.setData(key, ROLE_SORT)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            item.setBackground(background)
            if column == 0:
                item.setToolTip(name)
            cells.append(item)
        return cells

    # -- reading the table ---------------------------------------------------------------------

    def header_labels(self) -> list[str]:
        """The columns' full labels: "Thema", "Groep" and each summit's "2011 · Hingene"."""
        model = self.matrix_model
        horizontal = Qt.Orientation.Horizontal
        return [
            model.headerData(c, horizontal, ROLE_LABEL) or model.headerData(c, horizontal)
            for c in range(model.columnCount())
        ]

    def rows(self) -> list[list[str]]:
        """The themes' texts in the order shown (the section rows left out)."""
        model = self.matrix_model
        return [
            [model.index(r, c).data() or "" for c in range(model.columnCount())]
            for r in range(model.rowCount())
            if not model.index(r, 0).data(ROLE_SECTION)
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
