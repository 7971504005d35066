"""The document's outline (its table of contents) in the viewer's side panel: a tree of titles, each
going to its page when clicked or activated."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

FEW_ENTRIES = 15  # an outline with fewer top-level entries than this opens one level deep


class OutlineTree(QTreeWidget):
    """The outline of the open document, empty without one."""

    page_activated = Signal(int)
    """The user chose an entry that goes to this page (0-based)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
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
            if entry.page >= 0:
                item.setToolTip(0, self.tr("Pagina %1").replace("%1", str(entry.page + 1)))
            parents.append(item)
        if outline and self.topLevelItemCount() < FEW_ENTRIES:
            self.expandToDepth(0)

    @Slot(QTreeWidgetItem)
    def _on_item_activated(self, item: QTreeWidgetItem) -> None:
        page = item.data(0, Qt.ItemDataRole.UserRole)
        if page is not None and page >= 0:
            self.page_activated.emit(page)
