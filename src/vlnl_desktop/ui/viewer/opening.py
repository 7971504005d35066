"""Opening a document in the viewer, one at a time: the request to the render thread, the old document
held on screen meanwhile, the password prompt for an encrypted file, and the words for a file that
cannot be opened. The viewer shows what comes out (``opened``, ``failed``)."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QWidget

from vlnl_desktop.ui.password_prompt import PASSWORD_CODES, ask_password
from vlnl_desktop.ui.viewer.view import PdfView
from vlnl_desktop.workers.render_client import RenderClient
from vlnl_desktop.workers.render_protocol import DocumentInfo

HOLD_PAINT_MS = (
    150  # while a document opens, the view keeps the old picture until its page is there
)


class DocumentOpening(QObject):
    """Opens documents in ``client`` for ``view``; ``parent`` is the viewer, over which the password
    prompt shows."""

    clear_old = Signal(bool)
    """Clear the document on screen: True when the new one is here and is shown next (the view, the
    page field and the actions are set then), False when it is still on its way or failed."""
    opened = Signal(object, int, object)
    """Show this ``DocumentInfo`` at this page (0-based), finding this text (None: no find)."""
    failed = Signal(str, str)
    """The document at this path cannot be shown: the message for the user."""
    asking = Signal()
    """The user is about to be asked for a password: the panes must paint (not stay held) behind
    the dialog, which may stay up a while."""

    def __init__(self, client: RenderClient, view: PdfView, parent: QWidget) -> None:
        super().__init__(parent)
        self._client = client
        self._view = view
        self._parent = parent
        self._pending: tuple[str, int, str | None] | None = None
        # The document on screen is being replaced: it is cleared when the answer comes, or when the
        # view stops holding its picture, whichever is first.
        self._stale = False
        self._stale_timer = QTimer(self)
        self._stale_timer.setSingleShot(True)
        self._stale_timer.setInterval(HOLD_PAINT_MS)
        self._asking_password = False
        self._stale_timer.timeout.connect(self._clear_stale)
        client.opened.connect(self._on_opened)
        client.open_failed.connect(self._on_open_failed)

    def start(self, path: str, page: int, find: str | None, password: str | None) -> None:
        """Open ``path`` at ``page``, then find ``find`` (if not None)."""
        self._client.open(path, password, page, self._view.first_page_key())
        # Then as little as can be: the renderer needs the GIL to open the file and render the page,
        # and any Python work in this thread meanwhile (clearing the old document, the repaints that
        # follow) would make it wait. The old document stays on screen, unpainted, and is cleared
        # when the answer comes, just before the new one is laid out.
        self._pending = (path, page, find)
        self._stale = True
        self._stale_timer.start()
        self._view.hold_painting(HOLD_PAINT_MS)

    def cancel(self) -> None:
        """Forget the document being opened (the viewer was cleared)."""
        self._stale = False
        self._stale_timer.stop()
        self._pending = None

    @Slot()
    def _clear_stale(self) -> None:
        """Clear the document being replaced, if that has not been done yet."""
        if self._stale:
            self._stale = False
            self._stale_timer.stop()
            self.clear_old.emit(False)

    @Slot(object)
    def _on_opened(self, info: DocumentInfo) -> None:
        if self._stale:
            self._stale = False
            self._stale_timer.stop()
            self.clear_old.emit(True)
        _path, page, find = self._pending or (info.path, 0, None)
        self._pending = None
        self.opened.emit(info, page, find)

    @Slot(str, str, str)
    def _on_open_failed(self, reason: str, message: str, path: str) -> None:
        self._clear_stale()
        if reason in PASSWORD_CODES and not self._asking_password:
            self.asking.emit()
            password = self._ask_password(path, wrong=reason == "wrong_password")
            if password is not None:
                page = self._pending[1] if self._pending else 0
                self._client.open(path, password, page, self._view.first_page_key())
                return
            self._fail(path, self.tr("Dit document is beveiligd met een wachtwoord."))
            return
        texts = {
            "empty": self.tr("Dit bestand is leeg: het is geen PDF-document."),
            "not_pdf": self.tr("Dit bestand is geen PDF-document."),
            "damaged": self.tr("Dit PDF-document is beschadigd en kan niet worden gelezen."),
            "no_pages": self.tr("Dit PDF-document heeft geen pagina's."),
            "unreadable": self.tr("Het bestand kan niet worden gelezen."),
            "over_budget": self.tr(
                "Dit PDF-document vraagt te veel geheugen of tijd om te openen."
            ),
        }
        self._fail(path, texts.get(reason, message))

    def _ask_password(self, path: str, wrong: bool) -> str | None:
        self._asking_password = True
        try:
            return ask_password(self._parent, path, wrong)
        finally:
            self._asking_password = False

    def _fail(self, path: str, text: str) -> None:
        self._pending = None
        self.failed.emit(path, text)
