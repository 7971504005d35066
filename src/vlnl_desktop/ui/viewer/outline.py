"""The document's outline (its table of contents) in the viewer's side panel: a tree of titles, each
going to its page when clicked or activated; long titles wrap, and the tooltip has the whole title."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt, Signal, Slot
from PySide6.QtWidgets import QStyledItemDelegate, QTreeWidget, QTreeWidgetItem, QWidget

FEW_ENTRIES = 15  # an outline with fewer top-level entries than this opens one level deep


class _WrappedTitles(QStyledItemDelegate):
    """Rows as high as their title wrapped to the width the tree gives it (QTreeView itself
    sizes rows for one line)."""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self._tree = tree

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 - Qt override
        depth, parent = 1, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        width = max(self._tree.viewport().width() - depth * self._tree.indentation() - 8, 40)
        text = index.data() or ""
        box = option.fontMetrics.boundingRect(
            QRect(0, 0, width, 100_000), Qt.TextFlag.TextWordWrap, text
        )
        return QSize(width, box.height() + 4)


class OutlineTree(QTreeWidget):
    """The outline of the open document, empty without one."""

    page_activated = Signal(int)
    """The user chose an entry that goes to this page (0-based)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setWordWrap(True)  # a long title in the narrow side panel wraps instead of being cut
        self.setUniformRowHeights(False)
        self.setItemDelegate(_WrappedTitles(self))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.itemActivated.connect(self._on_item_activated)
        self.itemClicked.connect(self._on_item_activated)

    def set_outline(self, outline: list) -> None:
        """Show ``outline``: its entries (title, level from 1, page or -1), in document order."""
        self.clear()
        parents: list[QTreeWidgetItem] = []
        for entry in outline:
            level = max(1, min(entry.level, len(parents) + 1))
            del parents[level - 1 :]
            parent = parents[-1] if parents else self.invisibleRootItem()
            item = QTreeWidgetItem(parent, [entry.title])
            item.setData(0, Qt.ItemDataRole.UserRole, entry.page)
            tip = entry.title
            if entry.page >= 0:
                tip += "\n" + self.tr("Pagina %1").replace("%1", str(entry.page + 1))
            item.setToolTip(0, tip)
            parents.append(item)
        if outline and self.topLevelItemCount() < FEW_ENTRIES:
            self.expandToDepth(0)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()  # wrapped titles take their height for the new width

    @Slot(QTreeWidgetItem)
    def _on_item_activated(self, item: QTreeWidgetItem) -> None:
        page = item.data(0, Qt.ItemDataRole.UserRole)
        if page is not None and page >= 0:
            self.page_activated.emit(page)
