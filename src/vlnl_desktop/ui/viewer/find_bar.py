"""The find bar above the pages: the field, previous/next buttons and the "3 van 17" count."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStyle,
    QToolButton,
    QWidget,
)


class FindBar(QWidget):
    """The find field with previous/next buttons and the "3 van 17" count."""

    find_requested = Signal(str)
    """The text to find changed (after a short pause in typing); empty means stop."""
    next_requested = Signal()
    """Go to the next hit (Enter, F3)."""
    previous_requested = Signal()
    """Go to the previous hit (Shift+Enter, Shift+F3)."""
    closed = Signal()
    """The bar was closed (Escape or its close button)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setClearButtonEnabled(True)
        self.count_label = QLabel(self)
        self.count_label.setMinimumWidth(110)
        self.previous_button = QToolButton(self)
        self.next_button = QToolButton(self)
        self.close_button = QToolButton(self)
        self.previous_button.setArrowType(Qt.ArrowType.UpArrow)
        self.next_button.setArrowType(Qt.ArrowType.DownArrow)
        self.close_button.setIcon(
            self.style().standardIcon(QStyle.StandardPixmap.SP_TitleBarCloseButton)
        )
        self.close_button.setAutoRaise(True)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        self.label = QLabel(self)
        layout.addWidget(self.label)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.count_label)
        layout.addWidget(self.close_button)
        self._connect_signals()
        self.retranslate_ui()

    def _connect_signals(self) -> None:
        self.edit.textChanged.connect(self._on_text_changed)
        self.edit.returnPressed.connect(self._on_return_pressed)
        self._timer.timeout.connect(self._on_timer)
        self.previous_button.clicked.connect(self.previous_requested)
        self.next_button.clicked.connect(self.next_requested)
        self.close_button.clicked.connect(self._on_close_clicked)

    def retranslate_ui(self) -> None:
        """Set every user-visible text."""
        self.label.setText(self.tr("Zoeken:"))
        self.edit.setPlaceholderText(self.tr("Zoeken in document"))
        self.previous_button.setToolTip(self.tr("Vorige (Shift+F3)"))
        self.next_button.setToolTip(self.tr("Volgende (F3)"))
        self.close_button.setToolTip(self.tr("Zoekbalk sluiten (Esc)"))

    def find_now(self, text: str) -> None:
        """Put ``text`` in the field and find it at once."""
        self.edit.blockSignals(True)
        self.edit.setText(text)
        self.edit.blockSignals(False)
        self._timer.stop()
        self.find_requested.emit(text)

    @Slot(str)
    def _on_text_changed(self, _text: str) -> None:
        self._timer.start()

    @Slot()
    def _on_timer(self) -> None:
        self.find_requested.emit(self.edit.text())

    @Slot()
    def _on_return_pressed(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self.find_requested.emit(self.edit.text())
        elif QApplication.keyboardModifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.previous_requested.emit()
        else:
            self.next_requested.emit()

    @Slot()
    def _on_close_clicked(self) -> None:
        self.hide()
        self.closed.emit()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape:
            self._on_close_clicked()
            return
        super().keyPressEvent(event)
