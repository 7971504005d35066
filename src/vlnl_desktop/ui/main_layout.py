"""The main window's widgets and how they sit: the search box over the archive tree on the left, a
notice over the tabs (the details first) on the right, side by side in a splitter, which is the first
page of a stack (the problem page is the other, when the archive cannot be read). Built here; the
window wires and drives them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from vlnl_desktop.ui.detail_pane import DetailPane
from vlnl_desktop.ui.search_panel import SearchPanel
from vlnl_desktop.ui.tree_model import ArchiveTreeModel


class MainLayout:
    """The widgets of ``window`` (their parent), searching the archive at ``db_path``."""

    def __init__(self, window: QWidget, db_path: Path) -> None:
        self.search = SearchPanel(db_path, window)
        self.tree_model = ArchiveTreeModel(window)
        self.tree = tree = QTreeView(window)
        tree.setObjectName("archiveTree")
        tree.setModel(self.tree_model)
        tree.setHeaderHidden(True)
        tree.setUniformRowHeights(True)
        tree.setAnimated(False)
        tree.setExpandsOnDoubleClick(True)
        tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        # files dropped on a record are imported and linked to it (the model says which record)
        tree.setDragDropMode(QTreeView.DragDropMode.DropOnly)
        tree.setDragDropOverwriteMode(True)
        tree.setDropIndicatorShown(True)
        tree.setDefaultDropAction(Qt.DropAction.CopyAction)

        left = QWidget(window)
        self._left_layout = left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(8, 8, 4, 8)
        left_layout.setSpacing(6)
        left_layout.addWidget(self.search, 0)
        left_layout.addWidget(tree, 1)

        self.detail = DetailPane(window)
        self.notice = notice = QLabel(window)
        notice.setObjectName("notice")
        notice.setWordWrap(True)
        notice.setStyleSheet(
            "QLabel#notice { background: #fff4d6; color: #5c4300; border: 1px solid #e8cf8a;"
            " border-radius: 4px; padding: 8px 10px; }"
        )
        notice.hide()
        self.tabs = QTabWidget(window)
        self.tabs.setObjectName("viewTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.detail, "")
        right = QWidget(window)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(4, 8, 8, 8)
        right_layout.setSpacing(6)
        right_layout.addWidget(notice)
        right_layout.addWidget(self.tabs, 1)

        self.splitter = splitter = QSplitter(Qt.Orientation.Horizontal, window)
        splitter.setObjectName("mainSplitter")
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([400, 1000])

        self.stack = QStackedWidget(window)
        self.stack.addWidget(splitter)

        QWidget.setTabOrder(self.search.edit, self.search.results)
        QWidget.setTabOrder(self.search.results, tree)
        QWidget.setTabOrder(tree, self.detail.browser)

    def set_results_shown(self, visible: bool) -> None:
        """Give the search results more of the left side while they are shown, the tree less."""
        self._left_layout.setStretch(0, 3 if visible else 0)
        self._left_layout.setStretch(1, 2 if visible else 1)
