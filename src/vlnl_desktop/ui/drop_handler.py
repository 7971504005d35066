"""Files and folders dropped on the window are imported (dropped on a record in the tree, the tree
model links them to it and says so by its own signal).

``DropHandler`` watches the window's drag and drop events as an event filter: a drag of local files
is accepted while the archive can take them, and the drop is handed to ``import_paths``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject


class DropHandler(QObject):
    """Accepts drags of local files on the widget it watches and imports what is dropped."""

    def __init__(
        self,
        widget: QObject,
        can_import: Callable[[], bool],
        import_paths: Callable[[list], bool],
    ) -> None:
        super().__init__(widget)
        self._can_import = can_import
        self._import_paths = import_paths
        widget.setAcceptDrops(True)  # dropped anywhere but on a record: imported, not linked
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            from vlnl_desktop.workers.import_worker import local_paths

            if self._can_import() and local_paths(event.mimeData()):  # type: ignore[attr-defined]
                event.acceptProposedAction()  # type: ignore[attr-defined]
            else:
                event.ignore()
            return True
        if kind == QEvent.Type.Drop:
            from vlnl_desktop.workers.import_worker import local_paths

            paths = local_paths(event.mimeData())  # type: ignore[attr-defined]
            if paths and self._import_paths(paths):
                event.acceptProposedAction()  # type: ignore[attr-defined]
            else:
                event.ignore()
            return True
        return super().eventFilter(watched, event)
