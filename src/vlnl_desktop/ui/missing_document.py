"""The viewer's page for an official document whose file is not in the archive yet: its title, one
sentence on what is missing, and the two ways to get it (fetch from its address, attach a copy),
instead of a blank page. A PDF dropped on the page is attached to the document.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from vlnl_desktop.core.catalog import DocumentRef
from vlnl_desktop.ui.document_origin import file_actions, missing_sentence, origin_text


def _pdf_paths(event) -> list[str]:
    from vlnl_desktop.workers.import_worker import local_paths

    return [p for p in local_paths(event.mimeData()) if str(p).lower().endswith(".pdf")]


class MissingDocumentPage(QWidget):
    """Shows one missing document (``show_document``) with its fetch and attach buttons."""

    fetch_requested = Signal(str)
    """"Ophalen van …" was pressed: the document id."""
    attach_requested = Signal(str)
    """"Bestand koppelen…" was pressed: the document id."""
    file_dropped = Signal(str, str)
    """A PDF was dropped on the page: the document id and the file's path."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("missingDocument")
        self.document: DocumentRef | None = None
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        self.origin = QLabel(self)
        self.origin.setWordWrap(True)
        self.origin.setTextFormat(Qt.TextFormat.PlainText)
        self.sentence = QLabel(self)
        self.sentence.setWordWrap(True)
        self.sentence.setTextFormat(Qt.TextFormat.PlainText)
        self.fetch_button = QPushButton(self)
        self.attach_button = QPushButton(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.fetch_button)
        buttons.addWidget(self.attach_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(36, 36, 36, 36)
        layout.setSpacing(12)
        for widget in (self.title, self.origin, self.sentence):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.setAcceptDrops(True)
        self.fetch_button.clicked.connect(self._on_fetch)
        self.attach_button.clicked.connect(self._on_attach)

    def show_document(self, document: DocumentRef) -> None:
        self.document = document
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        doc = self.document
        if doc is None:
            return
        self.title.setText(doc.title)
        self.origin.setText(origin_text(doc))
        self.sentence.setText(missing_sentence(doc))
        actions = dict(file_actions(doc))
        self.fetch_button.setVisible("fetch" in actions)
        self.fetch_button.setText(actions.get("fetch", ""))
        self.attach_button.setText(actions.get("attach", ""))
        (self.fetch_button if "fetch" in actions else self.attach_button).setDefault(True)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _on_fetch(self) -> None:
        if self.document is not None:
            self.fetch_requested.emit(self.document.id)

    def _on_attach(self) -> None:
        if self.document is not None:
            self.attach_requested.emit(self.document.id)

    # --- a PDF dropped on the page ---

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if self.document is not None and len(_pdf_paths(event)) == 1:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        paths = _pdf_paths(event)
        if self.document is None or len(paths) != 1:
            event.ignore()
            return
        event.acceptProposedAction()
        self.file_dropped.emit(self.document.id, str(paths[0]))
