"""The archive tree: a QAbstractItemModel over plain Python nodes built from ``Catalog.sections``.

Top nodes (Intentieverklaringen, Topontmoetingen, …, Personen) carry a count; documents are grouped
by kind and people by side, each grouping with its count; a theme that belongs to two groups appears
under both, so one record may have several nodes (``indexes_for`` returns them all).

Files and folders dropped on the tree are not inserted as rows: the model emits ``files_dropped``
with the record they were dropped on (documents dropped on a summit, theme, … are linked to it),
or ``dropped_on_document`` when they were dropped on a document (a copy attached to it).

A document's node is marked by what it is (an official document, filled when its file is in the
archive and a ring while it is missing; a fiche; the user's import), with the words in its tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from vlnl_desktop.core.catalog import Entry, Section
from vlnl_desktop.ui.labels import (
    document_kind_plural,
    document_role_label,
    format_date,
    section_label,
    side_label,
)

RECORD_ID_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2
_GROUPINGS = ("section", "doc-kind", "side")  # nodes that hold records but are none

_Index = QModelIndex | QPersistentModelIndex
_MARK_COLOURS = {"official": "#1a5fb4", "sheet": "#8b8f96", "user": "#2e7d32"}
_mark_icons: dict = {}


def _mark_text(mark: str | None) -> str:
    if not mark:
        return ""
    role, _, missing = mark.partition("-")
    text = document_role_label(role)
    if missing:
        text += " · " + QCoreApplication.translate("ArchiveTreeModel", "nog niet in het archief")
    return text


def _mark_icon(mark: str):
    """A dot in the colour of what the document is; a ring while its file is missing."""
    if mark not in _mark_icons:
        from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap

        role, _, missing = mark.partition("-")
        colour = QColor(_MARK_COLOURS.get(role, "#8b8f96"))
        pixmap = QPixmap(32, 32)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(colour, 4))
        if not missing:
            painter.setBrush(colour)
        painter.drawEllipse(7, 7, 18, 18)
        painter.end()
        _mark_icons[mark] = QIcon(pixmap)
    return _mark_icons[mark]


class TreeNode:
    """A plain node: a section, a grouping or a record."""

    __slots__ = (
        "parent", "children", "row", "kind", "record_id", "label", "date", "count", "mark",
    )  # fmt: skip

    def __init__(
        self,
        parent: TreeNode | None,
        row: int,
        kind: str,
        record_id: str | None,
        label: str,
        date: str | None = None,
        count: int | None = None,
    ):
        self.parent = parent
        self.row = row
        self.kind = kind  # "section", "doc-kind", "side", or a record kind
        self.record_id = record_id
        self.label = label
        self.date = date
        self.count = count
        self.mark: str | None = None  # a document's: Entry.mark
        self.children: list[TreeNode] = []

    def add_entry(self, entry: Entry) -> TreeNode:
        record_id = None if entry.kind in _GROUPINGS else entry.id
        node = TreeNode(self, len(self.children), entry.kind, record_id, entry.label, entry.date)
        node.mark = entry.mark
        if entry.kind in _GROUPINGS:
            node.label = entry.id  # translated in data()
            node.count = len(entry.children)
        self.children.append(node)
        for child in entry.children:
            node.add_entry(child)
        return node


class ArchiveTreeModel(QAbstractItemModel):
    """The tree of the archive, one column."""

    files_dropped = Signal(list, object)
    """Files or folders were dropped on the tree: their paths (``pathlib.Path``) and the id of the
    record to link them to (None: dropped on a heading or beside the rows)."""
    dropped_on_document = Signal(list, str)
    """Files were dropped on a document: their paths and the document's id."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._root = TreeNode(None, 0, "root", None, "")
        self._by_record: dict[str, list[TreeNode]] = {}

    def set_sections(self, sections: list[Section]) -> None:
        self.beginResetModel()
        self._root = TreeNode(None, 0, "root", None, "")
        self._by_record = {}
        for i, section in enumerate(sections):
            node = TreeNode(self._root, i, "section", None, section.key, count=section.count)
            self._root.children.append(node)
            for entry in section.entries:
                node.add_entry(entry)
        self._index_nodes(self._root)
        self.endResetModel()

    def set_section(self, section: Section) -> None:
        """Show ``section`` in place of the top node of its key (added last if there is none),
        leaving the rest of the tree, its selection and what is expanded, as it is."""
        top = next((n for n in self._root.children if n.label == section.key), None)
        if top is None:
            row = len(self._root.children)
            self.beginInsertRows(QModelIndex(), row, row)
            top = TreeNode(self._root, row, "section", None, section.key, count=section.count)
            self._root.children.append(top)
            self.endInsertRows()
        parent = self._index_of(top)
        if top.children:
            self.beginRemoveRows(parent, 0, len(top.children) - 1)
            top.children = []
            self.endRemoveRows()
        top.count = section.count
        if section.entries:
            self.beginInsertRows(parent, 0, len(section.entries) - 1)
            for entry in section.entries:
                top.add_entry(entry)
            self.endInsertRows()
        self._by_record = {}
        self._index_nodes(self._root)
        self.dataChanged.emit(parent, parent)

    def _index_nodes(self, node: TreeNode) -> None:
        for child in node.children:
            if child.record_id:
                self._by_record.setdefault(child.record_id, []).append(child)
            self._index_nodes(child)

    def retranslate(self) -> None:
        """Tell the views that labels changed (after a language switch)."""
        self._emit_changed(QModelIndex())

    def _emit_changed(self, parent: QModelIndex) -> None:
        rows = self.rowCount(parent)
        if rows:
            self.dataChanged.emit(self.index(0, 0, parent), self.index(rows - 1, 0, parent))
            for row in range(rows):
                child = self.index(row, 0, parent)
                if self._node(child).kind in _GROUPINGS:
                    self._emit_changed(child)

    # --- lookups ---

    def _node(self, index: _Index) -> TreeNode:
        if index.isValid():
            return index.internalPointer()  # type: ignore[return-value]
        return self._root

    def _index_of(self, node: TreeNode) -> QModelIndex:
        if node is self._root or node.parent is None:
            return QModelIndex()
        return self.createIndex(node.row, 0, node)

    def indexes_for(self, record_id: str) -> list[QModelIndex]:
        """Every node of the record (a theme in two groups has two)."""
        return [self._index_of(n) for n in self._by_record.get(record_id, [])]

    def index_for(self, record_id: str) -> QModelIndex:
        """The record's first node, or an invalid index."""
        found = self.indexes_for(record_id)
        return found[0] if found else QModelIndex()

    def section_index(self, key: str) -> QModelIndex:
        for node in self._root.children:
            if node.label == key:
                return self._index_of(node)
        return QModelIndex()

    def record_id(self, index: _Index) -> str | None:
        return self._node(index).record_id if index.isValid() else None

    # --- QAbstractItemModel ---

    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        node = self._node(parent)
        if row >= len(node.children):
            return QModelIndex()
        return self.createIndex(row, 0, node.children[row])

    def parent(self, index: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        node = self._node(index).parent
        return self._index_of(node) if node is not None else QModelIndex()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 1

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled  # dropped beside the rows: imported, not linked
        return (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDropEnabled
        )

    # --- dropping files ---

    def link_target(self, index: _Index) -> str | None:
        """The record that documents dropped on ``index`` are linked to (not a document)."""
        if not index.isValid():
            return None
        node = self._node(index)
        return node.record_id if node.kind not in ("document", "highlight") else None

    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt override
        return ["text/uri-list"]

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802 - Qt override
        return Qt.DropAction.CopyAction | Qt.DropAction.LinkAction

    def canDropMimeData(self, data: QMimeData, action, row, column, parent) -> bool:  # noqa: N802
        from vlnl_desktop.workers.import_worker import local_paths

        return bool(local_paths(data))

    def dropMimeData(self, data: QMimeData, action, row, column, parent) -> bool:  # noqa: N802
        from vlnl_desktop.workers.import_worker import local_paths

        paths = local_paths(data)
        if not paths:
            return False
        # the view drops on rows (overwrite mode): ``parent`` is the row dropped on
        node = self._node(parent) if parent.isValid() else None
        if node is not None and node.kind == "document" and node.record_id:
            self.dropped_on_document.emit(paths, node.record_id)
        else:
            self.files_dropped.emit(paths, self.link_target(parent))
        return True

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        node = self._node(index)
        if role == Qt.ItemDataRole.DisplayRole:
            if node.kind == "section":
                return f"{section_label(node.label)} ({node.count})"
            if node.kind == "doc-kind":
                return f"{document_kind_plural(node.label)} ({node.count})"
            if node.kind == "side":
                return f"{side_label(node.label)} ({node.count})"
            return node.label
        if role == Qt.ItemDataRole.ToolTipRole:
            if node.kind in _GROUPINGS:
                return None
            lines = [node.label, format_date(node.date), _mark_text(node.mark)]
            return "\n".join(line for line in lines if line)
        if role == Qt.ItemDataRole.DecorationRole and node.mark:
            return _mark_icon(node.mark)
        if role == RECORD_ID_ROLE:
            return node.record_id
        if role == KIND_ROLE:
            return node.kind
        if role == Qt.ItemDataRole.FontRole and node.kind == "section":
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0):  # noqa: N802
        if (
            section == 0
            and orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
        ):
            return QCoreApplication.translate("ArchiveTreeModel", "Archief")
        return None
