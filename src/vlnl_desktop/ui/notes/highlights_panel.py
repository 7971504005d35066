"""The viewer's side panel of the document's highlights: each with its page and text, in page order;
choosing one shows it on its page (flashing); its note is edited below the list; it can be cited or
deleted."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from vlnl_desktop.core.notes.listing import highlight_label
from vlnl_desktop.core.notes.store import Highlight
from vlnl_desktop.ui.notes.note_editor import NoteEditor

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class HighlightsPanel(QWidget):
    """The highlights of the document shown in the viewer."""

    activated = Signal(int)
    """A highlight was chosen: show it (its id)."""
    delete_requested = Signal(int)
    cite_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        self.cite_button = QPushButton(self)
        self.delete_button = QPushButton(self)
        self.note_editor = NoteEditor(self)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.cite_button)
        buttons.addWidget(self.delete_button)
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.hint)
        top_layout.addWidget(self.list, 1)
        top_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(top)
        splitter.addWidget(self.note_editor)
        splitter.setSizes([300, 140])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(splitter)
        self.list.currentItemChanged.connect(self._on_current_changed)
        self.list.itemActivated.connect(self._on_item_activated)
        self.list.itemClicked.connect(self._on_item_activated)
        self.cite_button.clicked.connect(self._on_cite)
        self.delete_button.clicked.connect(self._on_delete)
        self._highlights: dict[int, Highlight] = {}
        self.retranslate_ui()
        self.set_highlights([], archived=False)

    def retranslate_ui(self) -> None:
        self.cite_button.setText(self.tr("Citeren"))
        self.cite_button.setToolTip(self.tr("De bron van deze markering naar het klembord"))
        self.delete_button.setText(self.tr("Verwijderen"))
        self.list.setAccessibleName(self.tr("Markeringen in dit document"))
        self._update_hint()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def set_highlights(self, highlights: list[Highlight], *, archived: bool = True) -> None:
        """Show ``highlights`` (the current one stays chosen if it is still there); ``archived``:
        whether the document shown is in the archive (only those can be marked)."""
        keep = self.current_id()
        self._archived = archived
        self._highlights = {h.id: h for h in highlights}
        self.list.blockSignals(True)
        self.list.clear()
        for mark in highlights:
            item = QListWidgetItem(highlight_label(mark) + ("  ✎" if mark.note else ""))
            item.setData(ID_ROLE, mark.id)
            item.setToolTip(mark.text)
            self.list.addItem(item)
            if mark.id == keep:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        if self.current_id() != keep:
            self._on_current_changed(self.list.currentItem(), None)
        self._update_hint()
        self._update_buttons()

    def current_id(self) -> int | None:
        item = self.list.currentItem()
        return item.data(ID_ROLE) if item is not None else None

    def select(self, highlight_id: int) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(ID_ROLE) == highlight_id:
                self.list.setCurrentRow(row)

    def _update_hint(self) -> None:
        if not getattr(self, "_archived", False):
            self.hint.setText(
                self.tr("Alleen documenten uit het archief kunnen gemarkeerd worden.")
            )
        elif not self._highlights:
            self.hint.setText(
                self.tr("Nog geen markeringen. Selecteer tekst en kies Markeren (Ctrl+M).")
            )
        else:
            self.hint.setText(self.tr("%1 markeringen").replace("%1", str(len(self._highlights))))

    def _update_buttons(self) -> None:
        chosen = self.current_id() is not None
        self.cite_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)
        self.note_editor.setEnabled(chosen)

    def _on_current_changed(self, current, _previous) -> None:
        mark = self._highlights.get(current.data(ID_ROLE)) if current is not None else None
        self.note_editor.set_target(mark.id if mark else None, (mark.note or "") if mark else "")
        self._update_buttons()

    def _on_item_activated(self, item: QListWidgetItem) -> None:
        self.activated.emit(item.data(ID_ROLE))

    def _on_cite(self) -> None:
        if self.current_id() is not None:
            self.cite_requested.emit(self.current_id())

    def _on_delete(self) -> None:
        if self.current_id() is not None:
            self.delete_requested.emit(self.current_id())
