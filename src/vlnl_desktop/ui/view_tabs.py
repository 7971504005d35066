"""The "Tijdlijn" and "Thema × topontmoeting" tabs beside the details, their actions and exports.

``ViewTabs`` adds the Tijdlijn tab at once as an empty page and builds the ``TimelineView`` in it
when the tab is first shown (start-up stays fast); the theme table gets its tab on first use. The
window passes itself in and uses: ``add_view_tab``, ``tabs``, ``select_record``, ``current_record``;
the views' data comes from the archive session (``ArchiveSession.timeline_data()``), never from a
connection. Both views send ``record_activated`` to ``window.select_record``; the window calls
``select_record`` here when its tree's selection changes.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget


class ViewTabs(QObject):
    """Owns the timeline and the theme table (both made on first use) and their actions."""

    def __init__(self, window, session) -> None:
        super().__init__(window)
        self._window = window
        self._session = session  # ui.archive_session.ArchiveSession
        self.timeline = None  # ui.timeline.view.TimelineView
        self.matrix = None  # ui.theme_matrix.ThemeMatrix
        self.timeline_page = QWidget(window)
        self.timeline_page.setObjectName("timelinePage")
        layout = QVBoxLayout(self.timeline_page)
        layout.setContentsMargins(0, 0, 0, 0)
        window.add_view_tab(self.timeline_page, lambda: self.tr("Tijdlijn"))
        self._export_dir: str | None = None

        def action(slot, shortcut: str | None = None) -> QAction:
            act = QAction(window)
            if shortcut:
                act.setShortcut(QKeySequence(shortcut))
            act.triggered.connect(slot)
            window.addAction(act)
            return act

        self.timeline_action = action(self.show_timeline, "Ctrl+T")
        self.matrix_action = action(self.show_matrix, "Ctrl+Shift+T")
        self.export_png_action = action(self.export_png)
        self.export_svg_action = action(self.export_svg)
        self.export_csv_action = action(self.export_csv)
        window.tabs.currentChanged.connect(self._on_tab_changed)
        self.retranslate_ui()

    def actions(self) -> list[QAction]:
        return [
            self.timeline_action,
            self.matrix_action,
            self.export_png_action,
            self.export_svg_action,
            self.export_csv_action,
        ]

    def retranslate_ui(self) -> None:
        self.timeline_action.setText(self.tr("T&ijdlijn"))
        self.matrix_action.setText(self.tr("The&ma × topontmoeting"))
        self.export_png_action.setText(self.tr("Tijdlijn exporteren als &PNG…"))
        self.export_svg_action.setText(self.tr("Tijdlijn exporteren als &SVG…"))
        self.export_csv_action.setText(self.tr("Tabel exporteren als &CSV…"))

    # --- the views ---

    def ensure_timeline(self):
        """The timeline view, built (and loaded from the window's archive) on first use."""
        if self.timeline is None:
            from vlnl_desktop.ui.timeline.view import TimelineView

            self.timeline = TimelineView(self.timeline_page)
            self.timeline.setObjectName("timelineView")
            # its long key hint would set the tab's minimum width and push the splitter aside
            # whenever the tab is shown: let the hint be cut off instead
            self.timeline.hint_label.setSizePolicy(
                QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred
            )
            self.timeline_page.layout().addWidget(self.timeline)
            self.timeline_page.setFocusProxy(self.timeline)
            self._load(self.timeline)
            self.timeline.record_activated.connect(self._window.select_record)
            self.timeline.select_record(self._window.current_record or "")
        return self.timeline

    def ensure_matrix(self):
        """The theme table, in a tab of its own, built on first use."""
        if self.matrix is None:
            from vlnl_desktop.ui.theme_matrix import ThemeMatrix

            self.matrix = ThemeMatrix(self._window)
            self.matrix.setObjectName("themeMatrix")
            self._load(self.matrix)
            self.matrix.record_activated.connect(self._window.select_record)
            self._window.add_view_tab(self.matrix, lambda: self.tr("Thema × topontmoeting"))
            self.matrix.select_record(self._window.current_record or "")
        return self.matrix

    def _load(self, view) -> None:
        if not self._session.is_open:
            return
        from vlnl_desktop.core.errors import VlnlError

        try:
            view.set_data(self._session.timeline_data())
        except VlnlError as exc:
            self._window.statusBar().showMessage(str(exc), 10000)

    def reload(self) -> None:
        """Read the views' data again (after the archive changed)."""
        for view in (self.timeline, self.matrix):
            if view is not None:
                self._load(view)
        self.select_record(self._window.current_record or "")

    def show_timeline(self) -> None:
        self.ensure_timeline()
        self._window.tabs.setCurrentWidget(self.timeline_page)
        self.timeline.setFocus()

    def show_matrix(self) -> None:
        self._window.tabs.setCurrentWidget(self.ensure_matrix())
        self.matrix.setFocus()

    def select_record(self, record_id: str) -> None:
        """Highlight the record in the views that exist ("" clears)."""
        if self.timeline is not None:
            self.timeline.select_record(record_id)
        if self.matrix is not None:
            self.matrix.select_record(record_id)

    def _on_tab_changed(self, _index: int) -> None:
        if self._window.tabs.currentWidget() is self.timeline_page:
            self.ensure_timeline()

    # --- exports ---

    def export_png(self) -> Path | None:
        self.show_timeline()
        return self._export(
            self.tr("Tijdlijn exporteren als PNG"),
            self.tr("tijdlijn.png"),
            self.tr("PNG-afbeeldingen (*.png)"),
            ".png",
            self.timeline.export_png,
        )

    def export_svg(self) -> Path | None:
        self.show_timeline()
        return self._export(
            self.tr("Tijdlijn exporteren als SVG"),
            self.tr("tijdlijn.svg"),
            self.tr("SVG-afbeeldingen (*.svg)"),
            ".svg",
            self.timeline.export_svg,
        )

    def export_csv(self) -> Path | None:
        matrix = self.ensure_matrix()
        return self._export(
            self.tr("Tabel exporteren als CSV"),
            self.tr("thema-per-topontmoeting.csv"),
            self.tr("CSV-bestanden (*.csv)"),
            ".csv",
            matrix.export_csv,
        )

    def _export(self, title: str, name: str, filter_: str, suffix: str, write) -> Path | None:
        # not on the start-up path (the enums of their classes are built when first imported)
        from PySide6.QtCore import QStandardPaths
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        folder = self._export_dir or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )

        chosen, _ = QFileDialog.getSaveFileName(
            self._window, title, str(Path(folder or Path.home()) / name), filter_
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        try:
            write(path)
        except OSError as exc:
            QMessageBox.warning(
                self._window,
                title,
                self.tr("Kon %1 niet opslaan: %2")
                .replace("%1", str(path))
                .replace("%2", exc.strerror or str(exc)),
            )
            return None
        self._export_dir = str(path.parent)
        self._window.statusBar().showMessage(
            self.tr("Opgeslagen als %1").replace("%1", str(path)), 8000
        )
        return path
