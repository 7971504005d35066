"""A note edited in place: shown as simple Markdown, edited as plain text where it is shown (a click,
or the keyboard's focus, starts editing), saved as it is typed.

Saving is the owner's: ``save_requested`` comes ``SAVE_DELAY_MS`` after the last keystroke, and at
once when the editor loses focus or is given another note (``flush``), so no change waits long and
none is lost by moving on. The owner reports back with ``show_saved`` or ``show_unsaved``.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTime, QTimer, Signal
from PySide6.QtWidgets import (
    QLabel,
    QPlainTextEdit,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

SAVE_DELAY_MS = 600


class _NoteView(QTextBrowser):
    """The note as shown. A press on its page starts editing when there is a note to edit: a
    scroll area hands its viewport's mouse events to these handlers, so no filter on
    ``viewport()`` is needed (asking for it builds the enums of every QWidget class, ~10 ms
    that the window's first paint would wait for)."""

    def __init__(self, editor: NoteEditor) -> None:
        super().__init__(editor)
        self._editor = editor

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self._editor.target is not None:
            self._editor.start_editing()
            return
        super().mousePressEvent(event)


class NoteEditor(QWidget):
    """One note at a time (its ``target``: a record id, or a highlight's id)."""

    save_requested = Signal(object, str)
    """The note of ``target`` should now read ``text`` (an empty text: no note)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.target: object = None
        self._loading = False
        self.heading = QLabel(self)
        self.heading.setStyleSheet("QLabel { font-weight: bold; }")
        self.state = QLabel(self)
        self.state.setStyleSheet("QLabel { color: palette(placeholder-text); }")
        self.view = _NoteView(self)
        self.view.setOpenLinks(False)
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.edit = QPlainTextEdit(self)
        self.edit.setTabChangesFocus(True)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.edit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(2)
        layout.addWidget(self.heading)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.state)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self._save_now)
        self.edit.textChanged.connect(self._on_text_changed)
        self.view.installEventFilter(self)
        self.edit.installEventFilter(self)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("Mijn notitie"))
        self.view.setAccessibleName(self.tr("Notitie (klik of Tab om te bewerken)"))
        self.edit.setAccessibleName(self.tr("Notitie bewerken"))
        self.edit.setPlaceholderText(
            self.tr("Schrijf hier uw notitie (eenvoudige Markdown: **vet**, *schuin*, - lijst)")
        )
        self._render()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # --- the note shown ---

    def set_target(self, target: object, text: str) -> None:
        """Show the note of ``target`` (saving the one shown first, if it changed)."""
        self.flush()
        self.target = target
        self._loading = True
        self.edit.setPlainText(text)
        self._loading = False
        self.state.clear()
        self.stack.setCurrentWidget(self.view)
        self._render()

    def text(self) -> str:
        return self.edit.toPlainText()

    def start_editing(self) -> None:
        """Show the plain text to edit, with the cursor at its end."""
        self.stack.setCurrentWidget(self.edit)
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.edit.moveCursor(self.edit.textCursor().MoveOperation.End)

    def _render(self) -> None:
        text = self.text()
        if text.strip():
            self.view.setMarkdown(text)
        else:
            hint = self.tr("Nog geen notitie. Klik hier (of Tab) om er een te schrijven.")
            self.view.setHtml(f"<p style='color: gray'><i>{hint}</i></p>")

    # --- saving ---

    def _on_text_changed(self) -> None:
        if not self._loading and self.target is not None:
            self.state.setText(self.tr("Wordt opgeslagen…"))
            self._timer.start()

    def flush(self) -> None:
        """Ask at once for the save that is waiting, if any."""
        if self._timer.isActive():
            self._timer.stop()
            self._save_now()

    def _save_now(self) -> None:
        self.save_requested.emit(self.target, self.text())

    @property
    def pending(self) -> bool:
        """Whether a change waits to be saved."""
        return self._timer.isActive()

    def show_saved(self) -> None:
        self.state.setText(
            self.tr("Opgeslagen om %1").replace("%1", QTime.currentTime().toString("HH:mm:ss"))
        )

    def show_unsaved(self, reason: str) -> None:
        self.state.setText(self.tr("Niet opgeslagen: %1").replace("%1", reason))

    # --- in place: a click (``_NoteView``) or the focus starts editing, leaving shows it ---

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if watched is self.view and kind == QEvent.Type.FocusIn and self.target is not None:
            self.start_editing()
            return False
        if watched is self.edit and kind == QEvent.Type.FocusOut:
            self.flush()
            self._render()
            self.stack.setCurrentWidget(self.view)
        return super().eventFilter(watched, event)
