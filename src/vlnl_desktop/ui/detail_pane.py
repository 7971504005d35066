"""The detail pane: the selected record as a page with links (QTextBrowser, HTML from detail_html)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QSplitter, QTextBrowser, QVBoxLayout, QWidget

from vlnl_desktop.core.catalog import Counts, Detail, RecordRef
from vlnl_desktop.ui.detail_html import RECORD_SCHEME, detail_html, overview_html
from vlnl_desktop.ui.notes.note_editor import NoteEditor

TYPE_CHECKING = False  # QUrl and QMessageBox are not on the start-up path (their enums)
if TYPE_CHECKING:
    from PySide6.QtCore import QUrl


class DetailPane(QWidget):
    """Shows one record, or the overview; turns clicks on links into requests."""

    record_requested = Signal(str)
    """A link to a record (theme, summit, …) was followed: its id."""
    document_requested = Signal(str)
    """A link to a document's file was followed: the document id."""
    fetch_requested = Signal(str)
    """"Ophalen van …" was clicked on a missing document: the document id."""
    attach_requested = Signal(str)
    """"Bestand koppelen…" was clicked on an official document: the document id."""
    shown = Signal(object)
    """What is shown changed: the record's id, or None (the overview, a message)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.browser.document().setDocumentMargin(18)
        self.browser.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.browser.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.note_editor = NoteEditor(self)  # the user's note on the record, below it
        self.note_editor.hide()
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.browser)
        self.splitter.addWidget(self.note_editor)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.setFocusProxy(self.browser)
        self.detail: Detail | None = None
        self._overview: tuple[Counts, list[RecordRef], list[RecordRef]] | None = None
        self._message: str | None = None
        self.browser.anchorClicked.connect(self._on_anchor_clicked)
        self.retranslate_ui()

    # --- what is shown ---

    def show_detail(self, detail: Detail) -> None:
        self.detail, self._overview, self._message = detail, None, None
        self._render()

    def show_overview(
        self, counts: Counts, summits: list[RecordRef], declarations: list[RecordRef]
    ) -> None:
        self.detail, self._overview, self._message = None, (counts, summits, declarations), None
        self._render()

    def show_html(self, html: str) -> None:
        self.detail, self._overview, self._message = None, None, html
        self._render()

    def _render(self) -> None:
        self.shown.emit(self.detail.id if self.detail is not None else None)
        if self.detail is not None:
            html = detail_html(self.detail)
        elif self._overview is not None:
            html = overview_html(*self._overview)
        else:
            html = self._message or ""
        self.browser.setHtml(html)

    def plain_text(self) -> str:
        return self.browser.toPlainText()

    # --- links ---

    def _on_anchor_clicked(self, url: QUrl) -> None:
        if url.scheme() == RECORD_SCHEME:
            target = url.path().lstrip("/")
            if url.host() == "record":
                self.record_requested.emit(target)
            elif url.host() == "document":
                self.document_requested.emit(target)
            elif url.host() == "fetch":
                self.fetch_requested.emit(target)
            elif url.host() == "attach":
                self.attach_requested.emit(target)
            return
        if url.scheme() in ("http", "https") and self.confirm_open_url(url):
            QDesktopServices.openUrl(url)

    def confirm_open_url(self, url: QUrl) -> bool:
        """Ask before a web address is opened in the browser."""
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self,
            self.tr("Webpagina openen"),
            self.tr("Deze pagina openen in uw webbrowser?\n\n%1").replace("%1", url.toString()),
            QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Open

    # --- language ---

    def retranslate_ui(self) -> None:
        self.browser.setAccessibleName(self.tr("Details van het record"))
        self._render()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
