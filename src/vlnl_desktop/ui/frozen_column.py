"""A table's first column kept in place while the rest scrolls sideways: a second view of the same
model and selection laid over the table's first column (Qt's "Frozen Column" example), following the
table's scrolling, row heights, first column's width and sort order."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Slot
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView


class FrozenFirstColumn(QTableView):
    """Shows ``table``'s first column over it; clicking its header sorts ``table`` by that column."""

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self._table = table
        self.setObjectName("frozenColumn")
        self.setModel(table.model())
        self.setSelectionModel(table.selectionModel())
        self.setItemDelegate(table.itemDelegate())
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSelectionMode(table.selectionMode())
        self.setSelectionBehavior(table.selectionBehavior())
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.horizontalHeader().setHighlightSections(False)
        self.horizontalHeader().setSortIndicatorShown(True)
        self.horizontalHeader().setSectionsClickable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(table.verticalScrollMode())
        self.setFrameShape(QTableView.Shape.NoFrame)
        # a line on the right edge shows where the table scrolls under it
        self.setStyleSheet("QTableView#frozenColumn { border-right: 1px solid palette(mid); }")
        table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self._connect_signals()
        self.refresh()
        self.show()

    def _connect_signals(self) -> None:
        table, model = self._table, self.model()
        table.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)
        self.verticalScrollBar().valueChanged.connect(table.verticalScrollBar().setValue)
        table.horizontalHeader().sectionResized.connect(self._on_column_resized)
        table.verticalHeader().sectionResized.connect(self._on_row_resized)
        table.horizontalHeader().sortIndicatorChanged.connect(self._on_table_sorted)
        self.horizontalHeader().sectionClicked.connect(self._on_header_clicked)
        self.activated.connect(table.activated)
        self.doubleClicked.connect(table.doubleClicked)
        for signal in (model.modelReset, model.layoutChanged, model.columnsInserted):
            signal.connect(self.refresh)
        table.installEventFilter(self)

    @Slot()
    def refresh(self) -> None:
        """Show the first column only, as wide and high as the table's, where it is."""
        for column in range(1, self.model().columnCount()):
            self.setColumnHidden(column, True)
        self.setColumnWidth(0, self._table.columnWidth(0))
        for row in range(self.model().rowCount()):
            self.setRowHeight(row, self._table.rowHeight(row))
        header = self._table.horizontalHeader()
        self.horizontalHeader().setSortIndicator(
            header.sortIndicatorSection() if header.sortIndicatorSection() == 0 else -1,
            header.sortIndicatorOrder(),
        )
        self._place()

    def _place(self) -> None:
        table = self._table
        self.horizontalHeader().setFixedHeight(table.horizontalHeader().height())
        self.setGeometry(
            table.verticalHeader().width() + table.frameWidth(),
            table.frameWidth(),
            table.columnWidth(0) + 1,
            table.viewport().height() + table.horizontalHeader().height(),
        )
        self.verticalScrollBar().setValue(table.verticalScrollBar().value())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self._table and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self._place()
        return False

    @Slot(int, int, int)
    def _on_column_resized(self, column: int, _old: int, new: int) -> None:
        if column == 0:
            self.setColumnWidth(0, new)
            self._place()

    @Slot(int, int, int)
    def _on_row_resized(self, row: int, _old: int, new: int) -> None:
        self.setRowHeight(row, new)

    @Slot(int, Qt.SortOrder)
    def _on_table_sorted(self, column: int, order: Qt.SortOrder) -> None:
        self.horizontalHeader().setSortIndicator(column if column == 0 else -1, order)

    @Slot(int)
    def _on_header_clicked(self, _column: int) -> None:
        header = self._table.horizontalHeader()
        ascending = Qt.SortOrder.AscendingOrder
        if header.sortIndicatorSection() == 0 and header.sortIndicatorOrder() == ascending:
            order = Qt.SortOrder.DescendingOrder
        else:
            order = ascending
        self._table.sortByColumn(0, order)
