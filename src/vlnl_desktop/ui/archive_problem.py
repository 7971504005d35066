"""What the window shows instead of the archive when archive.db is missing or damaged."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget


class ArchiveProblem(QWidget):
    """A plain message with one action: rebuild the archive from the bundled one."""

    rebuild_requested = Signal()
    """The user asked to rebuild the archive."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self)
        self.title.setObjectName("problemTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.explanation = QLabel(self)
        self.explanation.setWordWrap(True)
        self.rebuild_button = QPushButton(self)
        self.rebuild_button.setDefault(True)
        self.rebuild_button.clicked.connect(self.rebuild_requested)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 48, 48, 48)
        layout.setSpacing(14)
        layout.addStretch(1)
        for widget in (self.title, self.message, self.explanation):
            widget.setMaximumWidth(720)
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.rebuild_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self._problem = ""
        self.retranslate_ui()

    def set_problem(self, problem: str) -> None:
        """Show ``problem`` (one line, from the core) as the reason."""
        self._problem = problem
        self.message.setText(problem)

    @property
    def problem(self) -> str:
        return self._problem

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Het archief kan niet worden geopend"))
        self.explanation.setText(
            self.tr(
                "U kunt het archief opnieuw opbouwen uit het archief dat met het programma is "
                "meegeleverd. Documenten die u zelf toevoegde, blijven behouden als het oude "
                "archief nog leesbaar is; een beschadigd bestand wordt eerst opzij gezet, zodat "
                "er niets verloren gaat."
            )
        )
        self.rebuild_button.setText(self.tr("Archief opnieuw opbouwen"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
