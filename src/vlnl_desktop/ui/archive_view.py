"""What the window shows for the state of its archive: the archive itself (the tree filled, the
splitter shown) when it can be read, the problem page (made when first needed) when it cannot,
nothing to click while a rebuild runs; and the rebuild, asked for from the menu or from the problem
page, with what came of it in the status bar.

``ArchiveView`` follows the ``ArchiveSession``'s signals (the window wires them in its
``_connect_signals``) and tells the window by ``state_changed`` (its actions follow) and
``rebuilt`` (it shows the overview of the new archive).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QStatusBar, QWidget

from vlnl_desktop.ui.document_titles import tell_apart


class ArchiveView(QObject):
    """The archive, the problem page or a rebuild, in ``widgets`` (the window's ``MainLayout``)."""

    state_changed = Signal()
    """The archive became readable or unreadable, or a rebuild started: the actions follow."""
    rebuilt = Signal()
    """A rebuild finished and the new archive is shown."""

    def __init__(
        self, session, widgets, status_bar: QStatusBar, view_tabs, window: QWidget
    ) -> None:
        super().__init__(window)
        self._session = session  # ui.archive_session.ArchiveSession
        self._widgets = widgets  # ui.main_layout.MainLayout
        self._status = status_bar
        self._view_tabs = view_tabs  # ui.view_tabs.ViewTabs
        self._window = window
        self.problem = None  # ui.archive_problem.ArchiveProblem, made when first needed

    def show_archive(self) -> None:
        """The session read the archive: fill the tree and show it."""
        ui = self._widgets
        ui.tree_model.set_sections(tell_apart(self._session.sections, self._page_count_of))
        for row in range(ui.tree_model.rowCount()):
            ui.tree.expand(ui.tree_model.index(row, 0))
        ui.stack.setCurrentWidget(ui.splitter)
        ui.stack.setEnabled(True)
        self.state_changed.emit()
        self._view_tabs.reload()

    def _page_count_of(self, document_id: str) -> int | None:
        catalog = self._session.catalog
        ref = catalog.document(document_id) if catalog is not None else None
        return ref.page_count if ref is not None else None

    def show_problem(self, message: str) -> None:
        """Show ``message`` on the problem page instead of the archive, with a rebuild button."""
        ui = self._widgets
        if self.problem is None:
            from vlnl_desktop.ui.archive_problem import ArchiveProblem

            self.problem = ArchiveProblem(self._window)
            self.problem.rebuild_requested.connect(self.rebuild)
            ui.stack.addWidget(self.problem)
        self.problem.set_problem(message)
        ui.stack.setCurrentWidget(self.problem)
        ui.stack.setEnabled(True)
        self.state_changed.emit()
        self.problem.rebuild_button.setFocus()

    # --- rebuilding ---

    def rebuild(self) -> bool:
        """Rebuild archive.db from the bundled archive (a damaged file is moved aside first), off
        the GUI thread; the window stays usable and shows the archive again when it is done. False
        if a rebuild is running."""
        self._widgets.search.client.reset()
        return self._session.rebuild()

    def confirm_rebuild(self) -> None:
        """Bestand › Archief opnieuw opbouwen…: rebuild once the user agrees."""
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self._window,
            self.tr("Archief opnieuw opbouwen"),
            self.tr(
                "Het archief opnieuw opbouwen uit het meegeleverde archief? "
                "Documenten die u zelf toevoegde, blijven behouden."
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.rebuild()

    def on_rebuild_started(self) -> None:
        self._widgets.stack.setEnabled(False)  # nothing to read until the new archive is there
        self.state_changed.emit()
        self._status.showMessage(self.tr("Het archief wordt opnieuw opgebouwd…"))

    def on_rebuild_failed(self, message: str) -> None:
        self._status.clearMessage()
        self._session.report_problem(self.tr("Opnieuw opbouwen mislukt: %1").replace("%1", message))

    def on_rebuilt(self, moved: Path | None) -> None:
        message = self.tr("Het archief is opnieuw opgebouwd.")
        if moved is not None:
            message += " " + self.tr("Het beschadigde bestand staat nu in %1.").replace(
                "%1", str(moved)
            )
        self._status.showMessage(message, 15000)
        self.rebuilt.emit()
