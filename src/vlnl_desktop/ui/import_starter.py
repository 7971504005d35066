"""Every way an import starts from the window: Bestand › Documenten/Map importeren…, and files
dropped on the window or on a record in the tree.

``ImportStarter`` makes the ``ui.import_dialog.ImportFlow`` on first use (start-up does not pay for
it), lets one import run at a time, and only while the archive can be read; the flow reports back
(``imported``, ``busy_changed``) through it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QWidget


class ImportStarter(QObject):
    """Starts imports into the session's archive; ``flow`` is None until the first one."""

    imported = Signal(list, object)
    """The import changed the archive: its results and the record they were linked to (or None)."""
    busy_changed = Signal(bool)
    """An import started (True) or ended (False)."""
    message = Signal(str)
    """A line for the status bar (an import is already running; how the last one went)."""

    def __init__(self, session, settings: QSettings, parent: QWidget) -> None:
        super().__init__(parent)
        self._session = session  # ui.archive_session.ArchiveSession
        self._settings = settings
        self._parent = parent
        self.flow = None  # ui.import_dialog.ImportFlow

    @property
    def busy(self) -> bool:
        return self.flow is not None and self.flow.busy

    def import_files(self) -> None:
        """Bestand › Documenten importeren…: choose PDFs, import them."""
        self.import_paths(self._ensure_flow().choose_files())

    def import_folder(self) -> None:
        """Bestand › Map importeren…: every PDF in a folder and its subfolders."""
        self.import_paths(self._ensure_flow().choose_folder())

    def import_paths(self, paths: list, record_id: str | None = None) -> bool:
        """Import files and folders (off the GUI thread), linked to ``record_id``; False if an
        import is already running or the archive cannot be read."""
        if not self._session.is_open or not paths:
            return False
        flow = self._ensure_flow()
        if flow.busy:
            self.message.emit(self.tr("Er loopt al een import; wacht tot die klaar is."))
            return False
        return flow.start(list(paths), record_id)

    def shutdown(self) -> None:
        if self.flow is not None:
            self.flow.shutdown()

    def _ensure_flow(self):
        if self.flow is None:
            from vlnl_desktop.ui.import_dialog import ImportFlow

            self.flow = ImportFlow(self._session.workspace.root, self._settings, self._parent)
            self.flow.imported.connect(self.imported)
            self.flow.busy_changed.connect(self._on_busy)
        return self.flow

    def _on_busy(self, busy: bool) -> None:
        self.busy_changed.emit(busy)
        if not busy and self.flow is not None and self.flow.last_summary:
            self.message.emit(self.flow.last_summary.split("\n")[0])
