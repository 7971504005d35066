"""Getting the official documents' files from the window: fetching (Bestand › Officiële documenten
ophalen…, and "Ophalen van …" on a missing document) and attaching the user's copy (Bestand ›
Bestand koppelen…, the link on a document's details, the button on its missing page, a PDF dropped
on it in the tree or on that page).

``OfficialDocuments`` opens the ``ui.fetch_dialog.FetchDialog`` and runs an attach off the GUI
thread (PyMuPDF reads the file, in the sandbox) through a ``BackgroundOp`` of its own; a file that
would replace the one a document has is attached only after the user confirms (the old one is
kept as an earlier version). ``changed`` tells the window to read the archive again and, for one
document, to open it in place.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from vlnl_desktop.core.vocabulary import DOCUMENT_ROLE_OFFICIAL
from vlnl_desktop.ui.labels import problem_text
from vlnl_desktop.ui.password_prompt import PASSWORD_CODES, ask_password
from vlnl_desktop.workers.background_op import BackgroundOp


class OfficialDocuments(QObject):
    """Fetch and attach for the session's archive; the window shows what changed."""

    changed = Signal(str)
    """Files were fetched or attached: the document to open in place ("" for a batch)."""
    message = Signal(str)
    """A line for the status bar."""

    def __init__(self, session, parent: QWidget) -> None:
        super().__init__(parent)
        self._session = session  # ui.archive_session.ArchiveSession
        self._parent = parent
        self.op = BackgroundOp(self, name="attach-op")
        self.dialog = None  # ui.fetch_dialog.FetchDialog, the last one opened
        self.confirm_replace = self._ask_replace  # tests answer in their place
        self.ask_password = lambda path, wrong: ask_password(self._parent, path, wrong)
        self.warning = None  # QMessageBox: the last refusal shown

    def is_official(self, document_id: str | None) -> bool:
        catalog = self._session.catalog
        ref = catalog.document(document_id) if catalog and document_id else None
        return ref is not None and ref.role == DOCUMENT_ROLE_OFFICIAL

    # --- fetch ---

    def fetch_all(self):
        """Bestand › Officiële documenten ophalen…: every document whose address is known."""
        catalog = self._session.catalog
        if catalog is None:
            return None
        return self._open_dialog(catalog.fetchable(), "")

    def fetch(self, document_id: str):
        """ "Ophalen van …": this document, started at once; it opens when it has come."""
        catalog = self._session.catalog
        ref = catalog.document(document_id) if catalog is not None else None
        if ref is None or not ref.url:
            return None
        dialog = self._open_dialog([ref], document_id)
        dialog.start()
        return dialog

    def _open_dialog(self, documents, document_id: str):
        from vlnl_desktop.ui.fetch_dialog import FetchDialog

        if self.dialog is not None and self.dialog.running:
            self.dialog.raise_()
            return self.dialog
        if self.dialog is not None:
            self.dialog.dispose()
        self.dialog = FetchDialog(self._session.workspace.root, documents, self._parent)
        self.dialog.fetched.connect(lambda ids: self._on_fetched(ids, document_id))
        self.dialog.show()
        return self.dialog

    def _on_fetched(self, ids: list, document_id: str) -> None:
        if ids:
            self.changed.emit(document_id if document_id in ids else "")

    # --- attach ---

    def attach(self, document_id: str, path: str | None = None) -> bool:
        """Attach ``path`` (asked for when None) to the official document; False if nothing was
        started."""
        if not self.is_official(document_id) or self.op.busy:
            return False
        if path is None:
            from PySide6.QtWidgets import QFileDialog

            path, _ = QFileDialog.getOpenFileName(
                self._parent,
                self.tr("Bestand koppelen"),
                str(Path.home()),
                self.tr("PDF-documenten (*.pdf)"),
            )
            if not path:
                return False
        self._run_attach(document_id, str(path), replace=False)
        return True

    def attach_dropped(self, paths: list, document_id: str) -> bool:
        """Files dropped on a document in the tree: one PDF is attached to an official document
        (True); anything else is not for attaching (False: the window imports it)."""
        pdfs = [p for p in paths if str(p).lower().endswith(".pdf")]
        return len(paths) == 1 == len(pdfs) and self.attach(document_id, str(pdfs[0]))

    def _run_attach(
        self, document_id: str, path: str, replace: bool, password: str | None = None
    ) -> None:
        root = self._session.workspace.root

        def work():
            from vlnl_desktop.core.archive.workspace import Workspace
            from vlnl_desktop.core.documents.attach import attach_copy

            return attach_copy(
                Workspace(root), document_id, path, replace=replace, password=password
            )

        self.message.emit(self.tr("Het bestand wordt gekoppeld…"))
        self.op.run(work, lambda result: self._on_attached(result, path, password), self._on_failed)

    def _on_attached(self, result, path: str, password: str | None = None) -> None:
        if result.code == "has_file":
            if self.confirm_replace():
                self._run_attach(result.document_id, path, replace=True, password=password)
            else:
                self.message.emit(self.tr("Niets gekoppeld: het document houdt zijn bestand."))
            return
        if result.code in PASSWORD_CODES:
            typed = self.ask_password(path, result.code == "wrong_password")
            if typed is not None:
                self._run_attach(result.document_id, path, replace=False, password=typed)
            else:
                self.message.emit(self.tr("Niets gekoppeld: geen wachtwoord gegeven."))
            return
        if not result.ok:
            self._on_failed(problem_text(result.code, result.detail))
            return
        if result.status == "same":
            self.message.emit(self.tr("Dit bestand is al het bestand van het document."))
        else:
            self.message.emit(self.tr("Het bestand is gekoppeld."))
        self.changed.emit(result.document_id)

    def _on_failed(self, message: str) -> None:
        text = self.tr("Koppelen mislukt: %1").replace("%1", message)
        self.message.emit(text)
        from PySide6.QtWidgets import QMessageBox  # not on the start-up path (its enums)

        box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("Bestand koppelen"), text, parent=self._parent
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()  # not modal to the event loop: the window goes on
        self.warning = box

    def _ask_replace(self) -> bool:
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self._parent,
            self.tr("Bestand vervangen"),
            self.tr(
                "Dit document heeft al een ander bestand. Vervangen door het gekozen bestand? "
                "Het huidige bestand blijft bewaard als eerdere versie."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def shutdown(self) -> None:
        self.op.shutdown()
        if self.dialog is not None:
            self.dialog.dispose()
            self.dialog = None
