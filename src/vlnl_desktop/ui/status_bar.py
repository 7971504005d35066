"""The window's status bar: what the archive holds, where it is, and whether work runs behind.

``ArchiveStatusBar`` follows the archive session by itself: the counts when the archive is read (or
"Geen archief geopend"), the archive's folder, and a busy bar while a background operation (rebuild,
dossier export) runs; messages are shown with ``showMessage`` as on any status bar.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QProgressBar, QSizePolicy, QStatusBar, QWidget


class ArchiveStatusBar(QStatusBar):
    """Counts on the left; the busy bar and the archive's folder on the right."""

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session  # ui.archive_session.ArchiveSession
        self.counts_label = QLabel(self)
        # the counts give way to the window (cut at its end, whole in the tooltip): a long line
        # must never make the window wider than the screen
        self.counts_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.location_label = QLabel(self)
        self.location_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.busy_bar = QProgressBar(self)  # no known end: it shows that work runs
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setMaximumWidth(160)
        self.busy_bar.hide()
        self.addWidget(self.counts_label, 1)
        self.addPermanentWidget(self.busy_bar)
        self.addPermanentWidget(self.location_label)
        session.changed.connect(self.retranslate_ui)
        session.problem_found.connect(self.retranslate_ui)
        session.rebuild_started.connect(self.retranslate_ui)
        session.op.busy_changed.connect(self._on_busy)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        counts = self._session.counts
        if counts is None:
            self.counts_label.setText(self.tr("Geen archief geopend"))
        else:
            self.counts_label.setText(
                self.tr(
                    "%1 intentieverklaringen · %2 topontmoetingen · %3 gebeurtenissen · "
                    "%4 verdragen · %5 instellingen · %6 thema's · %7 personen · "
                    "%8 documenten (%9 als bestand)"
                )
                .replace("%1", str(counts.declarations))
                .replace("%2", str(counts.summits))
                .replace("%3", str(counts.events))
                .replace("%4", str(counts.treaties))
                .replace("%5", str(counts.institutions))
                .replace("%6", str(counts.themes))
                .replace("%7", str(counts.people))
                .replace("%8", str(counts.documents))
                .replace("%9", str(counts.documents_in_archive))
            )
        self.counts_label.setToolTip(self.counts_label.text())
        root = str(self._session.workspace.root)
        self.location_label.setText(self.tr("Archief: %1").replace("%1", root))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _on_busy(self, busy: bool) -> None:
        """A rebuild or an export runs in the background: show it, and a busy (not a wait) cursor,
        since the window stays usable."""
        self.busy_bar.setVisible(busy)
        if busy:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        else:
            QGuiApplication.restoreOverrideCursor()
