"""The main window: search box and tree on the left, the record (and the viewer) on the right.

Pass in what it needs (the workspace, the settings, the translations); all wiring is in
``_connect_signals``. The PDF viewer is imported on the first document opened (it brings PyMuPDF).
Importing (menu, drag and drop) is ``ui.import_dialog.ImportFlow``; the Tijdlijn and theme table
tabs are ``ui.view_tabs.ViewTabs``; both are made on first use.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QModelIndex, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QGuiApplication,
    QIcon,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from vlnl_desktop.core.archive.connections import connect_readonly
from vlnl_desktop.core.archive.workspace import Workspace
from vlnl_desktop.core.catalog import Catalog, Counts, Detail, RecordRef
from vlnl_desktop.core.errors import VlnlError
from vlnl_desktop.ui.detail_html import missing_record_html
from vlnl_desktop.ui.detail_pane import DetailPane
from vlnl_desktop.ui.navigation_history import NavigationHistory
from vlnl_desktop.ui.search_panel import SearchPanel
from vlnl_desktop.ui.translations import Translations
from vlnl_desktop.ui.tree_model import KIND_ROLE, ArchiveTreeModel
from vlnl_desktop.ui.view_tabs import ViewTabs

VIEWPORT_FILTER_DELAY_MS = 200


def _log():
    import logging  # not on the start-up path

    return logging.getLogger(__name__)


OVERVIEW = ""  # the history's name for the overview page
_FTS_SYNTAX = re.compile(r'["()*]|\bOR\b|(?:^|\s)-\S+')


def find_text_for(query: str) -> str:
    """The words of a search to highlight in a document: without quotes, OR and exclusions."""
    return " ".join(_FTS_SYNTAX.sub(" ", query).split())


def _icon(name) -> QIcon | None:
    icon = QIcon.fromTheme(name)
    return None if icon.isNull() else icon


class MainWindow(QMainWindow):
    """The app's window over one working archive."""

    def __init__(
        self,
        workspace: Workspace,
        settings: QSettings,
        translations: Translations | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.settings = settings
        app = QApplication.instance()
        assert app is not None
        self.translations = translations or Translations(app)
        self.catalog: Catalog | None = None
        self._conn: sqlite3.Connection | None = None
        self.history = NavigationHistory()
        self._navigating = False
        self._current: str | None = None  # record id shown; OVERVIEW for the overview
        self.viewer = None  # ui.pdf_viewer.PdfViewer, created on first use
        self.import_flow = None  # ui.import_dialog.ImportFlow, created on first use
        self._export_dir: str | None = None
        self._tab_titles: dict[QWidget, Callable[[], str]] = {}
        self.setObjectName("mainWindow")
        self._build_ui()
        self._build_actions()
        self._build_menus()
        self._connect_signals()
        self.retranslate_ui()
        self.load_archive()
        self._restore_settings()

    # --- construction ---

    def _build_ui(self) -> None:
        self.search = SearchPanel(self.workspace.db_path, self)
        self.tree_model = ArchiveTreeModel(self)
        self.tree = QTreeView(self)
        self.tree.setObjectName("archiveTree")
        self.tree.setModel(self.tree_model)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setAnimated(False)
        self.tree.setExpandsOnDoubleClick(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        # files dropped on a record are imported and linked to it (the model says which record)
        self.tree.setDragDropMode(QTreeView.DragDropMode.DropOnly)
        self.tree.setDragDropOverwriteMode(True)
        self.tree.setDropIndicatorShown(True)
        self.tree.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.setAcceptDrops(True)  # dropped anywhere else: imported, not linked

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(8, 8, 4, 8)
        left_layout.setSpacing(6)
        left_layout.addWidget(self.search, 0)
        left_layout.addWidget(self.tree, 1)
        self._left_layout = left_layout

        self.detail = DetailPane(self)
        self.notice = QLabel(self)
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(
            "QLabel#notice { background: #fff4d6; color: #5c4300; border: 1px solid #e8cf8a;"
            " border-radius: 4px; padding: 8px 10px; }"
        )
        self.notice.hide()
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("viewTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.detail, "")
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(4, 8, 8, 8)
        right_layout.setSpacing(6)
        right_layout.addWidget(self.notice)
        right_layout.addWidget(self.tabs, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([400, 1000])

        self.problem = None  # ArchiveProblem, made when the archive cannot be read
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.splitter)
        self.setCentralWidget(self.stack)

        self.counts_label = QLabel(self)
        self.location_label = QLabel(self)
        self.location_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statusBar().addWidget(self.counts_label, 1)
        self.statusBar().addPermanentWidget(self.location_label)

        self.setTabOrder(self.search.edit, self.search.results)
        self.setTabOrder(self.search.results, self.tree)
        self.setTabOrder(self.tree, self.detail.browser)

    def _build_actions(self) -> None:

        def action(
            slot, shortcuts: list[QKeySequence] | None = None, icon: QIcon | None = None
        ) -> QAction:
            act = QAction(self)
            if shortcuts:
                act.setShortcuts(shortcuts)
            if icon is not None:
                act.setIcon(icon)
            act.triggered.connect(slot)
            self.addAction(act)  # shortcuts work even when the menu bar is hidden
            return act

        self.open_action = action(self.choose_file, [QKeySequence("Ctrl+O")])
        self.import_files_action = action(self.import_documents, [QKeySequence("Ctrl+I")])
        self.import_folder_action = action(self.import_folder, [QKeySequence("Ctrl+Shift+I")])
        self.export_dossier_action = action(self.export_dossier, [QKeySequence("Ctrl+E")])
        self.rebuild_action = action(self._on_rebuild_from_menu)
        self.quit_action = action(self.close, [QKeySequence("Ctrl+Q")])
        self.copy_action = action(self.copy_record, [QKeySequence("Ctrl+Shift+C")])
        self.find_action = action(
            self.search.focus_search, [QKeySequence("Ctrl+F"), QKeySequence("Ctrl+K")]
        )
        self.back_action = action(
            self.go_back,
            [QKeySequence("Alt+Left"), QKeySequence(Qt.Key.Key_Back)],
            _icon(QIcon.ThemeIcon.GoPrevious),
        )
        self.forward_action = action(
            self.go_forward,
            [QKeySequence("Alt+Right"), QKeySequence(Qt.Key.Key_Forward)],
            _icon(QIcon.ThemeIcon.GoNext),
        )
        self.overview_action = action(
            self.show_overview,
            [QKeySequence("Alt+Home")],
            _icon(QIcon.ThemeIcon.GoHome),
        )
        self.about_action = action(self.show_about)
        self.licences_action = action(self.show_licences)
        self.language_group = QActionGroup(self)
        self.language_actions: dict[str | None, QAction] = {}
        for code in (None, "nl", "en"):
            act = QAction(self)
            act.setCheckable(True)
            act.setData(code)
            self.language_group.addAction(act)
            self.language_actions[code] = act
        self.view_tabs = ViewTabs(self)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addAction(self.open_action)
        self.file_menu.addAction(self.import_files_action)
        self.file_menu.addAction(self.import_folder_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.export_dossier_action)
        for act in (
            self.view_tabs.export_png_action,
            self.view_tabs.export_svg_action,
            self.view_tabs.export_csv_action,
        ):
            self.file_menu.addAction(act)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.rebuild_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.edit_menu = bar.addMenu("")
        self.edit_menu.addAction(self.copy_action)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.find_action)
        self.view_menu = bar.addMenu("")
        self.view_menu.addAction(self.back_action)
        self.view_menu.addAction(self.forward_action)
        self.view_menu.addAction(self.overview_action)
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.view_tabs.timeline_action)
        self.view_menu.addAction(self.view_tabs.matrix_action)
        self.view_menu.addSeparator()
        self.language_menu = QMenu(self)
        for act in self.language_actions.values():
            self.language_menu.addAction(act)
        self.view_menu.addMenu(self.language_menu)
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.about_action)
        self.help_menu.addAction(self.licences_action)

        # back, forward and overview sit in the tab bar's corner
        corner = QWidget(self)
        corner_layout = QHBoxLayout(corner)
        corner_layout.setContentsMargins(0, 0, 0, 0)
        corner_layout.setSpacing(0)
        for act in (self.back_action, self.forward_action, self.overview_action):
            button = QToolButton(corner)
            button.setDefaultAction(act)
            button.setAutoRaise(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            corner_layout.addWidget(button)
        self.tabs.setCornerWidget(corner, Qt.Corner.TopRightCorner)

    def _filter_viewport_events(self) -> None:
        """The mouse's back/forward buttons work over the tree, the detail pane and the results."""
        for view in (self.tree, self.detail.browser, self.search.results):
            view.viewport().installEventFilter(self)
        self.mouse_navigation_ready = True

    def _connect_signals(self) -> None:
        self.tree.selectionModel().currentChanged.connect(self._on_tree_current_changed)
        self.tree.activated.connect(self._on_tree_activated)
        self.search.hit_activated.connect(self._on_hit_activated)
        self.search.results_shown.connect(self._on_results_shown)
        self.detail.record_requested.connect(self.select_record)
        self.detail.document_requested.connect(self.open_document)
        self.tree_model.files_dropped.connect(self._on_files_dropped)
        self.language_group.triggered.connect(self._on_language_chosen)
        self.installEventFilter(self)
        self.mouse_navigation_ready = False
        # after the first paint: asking for a viewport makes the binding resolve its widget type,
        # which builds the enums of every QWidget class (~40 ms, that the window need not wait for)
        QTimer.singleShot(VIEWPORT_FILTER_DELAY_MS, self._filter_viewport_events)

    # --- language ---

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("vlnl-desktop — Vlaams-Nederlandse samenwerking"))
        self.file_menu.setTitle(self.tr("&Bestand"))
        self.edit_menu.setTitle(self.tr("Be&werken"))
        self.view_menu.setTitle(self.tr("Beel&d"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.language_menu.setTitle(self.tr("&Taal"))
        self.open_action.setText(self.tr("PDF &openen…"))
        self.import_files_action.setText(self.tr("Documenten &importeren…"))
        self.import_folder_action.setText(self.tr("&Map importeren…"))
        self.export_dossier_action.setText(self.tr("&Dossier exporteren…"))
        self.rebuild_action.setText(self.tr("Archief opnieuw &opbouwen…"))
        self.quit_action.setText(self.tr("&Afsluiten"))
        self.copy_action.setText(self.tr("Record &kopiëren als tekst"))
        self.find_action.setText(self.tr("&Zoeken"))
        self.back_action.setText(self.tr("&Terug"))
        self.back_action.setToolTip(self.tr("Terug (Alt+Links)"))
        self.forward_action.setText(self.tr("&Vooruit"))
        self.forward_action.setToolTip(self.tr("Vooruit (Alt+Rechts)"))
        self.overview_action.setText(self.tr("&Overzicht"))
        self.overview_action.setToolTip(self.tr("Overzicht (Alt+Home)"))
        self.about_action.setText(self.tr("&Over vlnl-desktop"))
        self.licences_action.setText(self.tr("&Licenties"))
        self.language_actions[None].setText(self.tr("&Systeemtaal"))
        self.language_actions["nl"].setText("&Nederlands")
        self.language_actions["en"].setText("&English")
        self.tree.setAccessibleName(self.tr("Archief"))
        self.tabs.setTabText(self.tabs.indexOf(self.detail), self.tr("Details"))
        for widget, title in self._tab_titles.items():
            index = self.tabs.indexOf(widget)
            if index >= 0:
                self.tabs.setTabText(index, title())
        self.tree_model.retranslate()
        self.view_tabs.retranslate_ui()
        self._update_status()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def set_language(self, language: str | None) -> str:
        """Switch the language now (None: the system's), remember the choice; returns the code."""
        code = self.translations.install(language)
        self.settings.setValue("language", language or "system")
        self._check_language_action(language)
        return code

    def _check_language_action(self, language: str | None) -> None:
        act = self.language_actions.get(language)
        if act is not None:
            act.setChecked(True)

    def _on_language_chosen(self, action: QAction) -> None:
        self.set_language(action.data())

    # --- the archive ---

    def load_archive(self) -> bool:
        """(Re)read the archive; show the problem page if it cannot be read."""
        self._close_connection()
        try:
            conn = connect_readonly(self.workspace)
            catalog = Catalog(conn)
            sections = catalog.sections()
            counts = catalog.counts()
        except (VlnlError, sqlite3.Error) as exc:
            _log().warning("cannot open the archive: %s", exc)
            self.show_archive_problem(str(exc))
            return False
        self._conn, self.catalog = conn, catalog
        self._counts, self._sections = counts, sections
        self.tree_model.set_sections(sections)
        for row in range(self.tree_model.rowCount()):
            self.tree.expand(self.tree_model.index(row, 0))
        self.stack.setCurrentWidget(self.splitter)
        self._set_archive_actions(True)
        self._update_status()
        self.view_tabs.reload()
        return True

    @property
    def connection(self) -> sqlite3.Connection | None:
        """The window's read-only connection to the archive (None when it cannot be read)."""
        return self._conn

    def _close_connection(self) -> None:
        if self._conn is not None:
            self._conn.close()
        self._conn, self.catalog = None, None
        self._counts = None

    def _set_archive_actions(self, enabled: bool) -> None:
        for act in (self.copy_action, self.find_action, self.back_action, self.forward_action):
            act.setEnabled(enabled)
        self.overview_action.setEnabled(enabled)
        busy = self.import_flow is not None and self.import_flow.busy
        for act in (self.import_files_action, self.import_folder_action):
            act.setEnabled(enabled and not busy)
        for act in self.view_tabs.actions():
            act.setEnabled(enabled)
        self.export_dossier_action.setEnabled(enabled and bool(self._current))
        if enabled:
            self._update_navigation_actions()

    def show_archive_problem(self, message: str) -> None:
        self._close_connection()
        if self.problem is None:
            from vlnl_desktop.ui.archive_problem import ArchiveProblem

            self.problem = ArchiveProblem(self)
            self.problem.rebuild_requested.connect(self.rebuild_archive)
            self.stack.addWidget(self.problem)
        self.problem.set_problem(message)
        self.stack.setCurrentWidget(self.problem)
        self._set_archive_actions(False)
        self._update_status()
        self.problem.rebuild_button.setFocus()

    def rebuild_archive(self) -> bool:
        """Rebuild archive.db from the bundled archive (a damaged file is moved aside first)."""
        from vlnl_desktop.core.archive.lifecycle import rebuild

        self.search.client.reset()
        self._close_connection()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.workspace.documents_dir.mkdir(parents=True, exist_ok=True)
            moved = rebuild(self.workspace.db_path).damaged_copy
        except (VlnlError, OSError, sqlite3.Error) as exc:
            self.show_archive_problem(
                self.tr("Opnieuw opbouwen mislukt: %1").replace("%1", str(exc))
            )
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        if not self.load_archive():
            return False
        message = self.tr("Het archief is opnieuw opgebouwd.")
        if moved is not None:
            message += " " + self.tr("Het beschadigde bestand staat nu in %1.").replace(
                "%1", str(moved)
            )
        self.statusBar().showMessage(message, 15000)
        self.history.clear()
        self.show_overview()
        return True

    def _on_rebuild_from_menu(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self,
            self.tr("Archief opnieuw opbouwen"),
            self.tr(
                "Het archief opnieuw opbouwen uit het meegeleverde archief? "
                "Documenten die u zelf toevoegde, blijven behouden."
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.rebuild_archive()

    # --- showing records ---

    @property
    def current_record(self) -> str | None:
        """The id of the record shown, None for the overview."""
        return self._current or None

    def select_record(self, record_id: str) -> None:
        """Select the record in the tree (its first node) and show it."""
        if self.catalog is None:
            return
        self.tabs.setCurrentWidget(self.detail)
        current = self.tree.currentIndex()
        if self.tree_model.record_id(current) == record_id:
            self._show_record(record_id)
            return
        index = self.tree_model.index_for(record_id)
        if index.isValid():
            self._reveal(index)
            self.tree.setCurrentIndex(index)  # currentChanged shows it
        else:
            self.tree.clearSelection()
            self._show_record(record_id)

    def _reveal(self, index: QModelIndex) -> None:
        parent = index.parent()
        while parent.isValid():
            self.tree.expand(parent)
            parent = parent.parent()
        self.tree.scrollTo(index)

    def _show_record(self, record_id: str) -> None:
        assert self.catalog is not None
        self.notice.hide()
        try:
            detail = self.catalog.detail(record_id)
        except sqlite3.Error as exc:
            self.show_archive_problem(str(exc))
            return
        if detail is None:
            self.detail.show_html(missing_record_html(record_id))
        else:
            self.detail.show_detail(detail)
        self._current = record_id
        self.export_dossier_action.setEnabled(True)
        self.view_tabs.select_record(record_id)
        if not self._navigating:
            self.history.visit(record_id)
        self.settings.setValue("navigation/last_record", record_id)
        self._update_navigation_actions()

    def show_overview(self) -> None:
        if self.catalog is None or self._counts is None:
            return
        self.notice.hide()
        self.tabs.setCurrentWidget(self.detail)
        summits = self._section_refs("summits", "summit")
        declarations = self._section_refs("declarations", "declaration")
        self.detail.show_overview(self._counts, summits, declarations)
        self._current = OVERVIEW
        self.export_dossier_action.setEnabled(False)
        self.view_tabs.select_record("")
        self.tree.setCurrentIndex(QModelIndex())
        if not self._navigating:
            self.history.visit(OVERVIEW)
        self.settings.setValue("navigation/last_record", "")
        self._update_navigation_actions()

    def _section_refs(self, key: str, kind: str) -> list[RecordRef]:
        assert self.catalog is not None
        for section in self._sections:
            if section.key == key:
                return [RecordRef(e.id, kind, e.label, e.date) for e in section.entries]
        return []

    def shown_detail(self) -> Detail | None:
        return self.detail.detail

    def _on_tree_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        record_id = self.tree_model.record_id(current)
        if record_id:
            self.tabs.setCurrentWidget(self.detail)
            self._show_record(record_id)

    def _on_tree_activated(self, index: QModelIndex) -> None:
        if index.data(KIND_ROLE) == "document":
            record_id = self.tree_model.record_id(index)
            if record_id:
                self.open_document(record_id)

    # --- navigation ---

    def go_back(self) -> None:
        self._go(self.history.back())

    def go_forward(self) -> None:
        self._go(self.history.forward())

    def _go(self, place: str | None) -> None:
        if place is None:
            return
        self._navigating = True
        try:
            if place == OVERVIEW:
                self.show_overview()
            else:
                self.select_record(place)
        finally:
            self._navigating = False
        self._update_navigation_actions()

    def _update_navigation_actions(self) -> None:
        if self.catalog is None:
            return
        self.back_action.setEnabled(self.history.can_go_back())
        self.forward_action.setEnabled(self.history.can_go_forward())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.MouseButtonPress:
            button = event.button()  # type: ignore[attr-defined]
            if button == Qt.MouseButton.BackButton:
                self.go_back()
                return True
            if button == Qt.MouseButton.ForwardButton:
                self.go_forward()
                return True
        return super().eventFilter(watched, event)

    # --- search ---

    def _on_hit_activated(self, hit) -> None:
        if hit.kind == "page":
            self.select_record(hit.id)
            self.open_document(
                hit.id, page=(hit.page or 1) - 1, find=find_text_for(self.search.last_text)
            )
        else:
            self.select_record(hit.id)
            self.tree.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_results_shown(self, visible: bool) -> None:
        self._left_layout.setStretch(0, 3 if visible else 0)
        self._left_layout.setStretch(1, 2 if visible else 1)

    # --- documents and the viewer ---

    def add_view_tab(self, widget: QWidget, title: str | Callable[[], str]) -> int:
        """Add a view (e.g. the timeline) as a tab beside the details; ``title`` may be a callable
        that returns the translated title (it is called again when the language changes)."""
        title_of = title if callable(title) else (lambda: title)
        self._tab_titles[widget] = title_of
        return self.tabs.addTab(widget, title_of())

    def ensure_viewer(self):
        """The PDF viewer tab, created on first use; None if the viewer is not available."""
        if self.viewer is None:
            try:
                from vlnl_desktop.ui.viewer.viewer import PdfViewer
            except ImportError as exc:
                _log().warning("the PDF viewer is not available: %s", exc)
                return None
            self.viewer = PdfViewer(self)
            self.viewer.error.connect(self._on_viewer_error)
            self.add_view_tab(self.viewer, lambda: self.tr("Document"))
        return self.viewer

    def open_document(self, document_id: str, page: int = 0, find: str | None = None) -> bool:
        """Open the archive's document in the viewer; say so plainly if its file is missing."""
        if self.catalog is None:
            return False
        ref = self.catalog.document(document_id)
        if ref is None:
            self.show_notice(
                self.tr("Het archief bevat geen document %1.").replace("%1", document_id)
            )
            return False
        if not ref.in_archive:
            self.show_notice(
                self.tr(
                    "Het bestand van „%1” is nog niet in het archief. Voeg het toe met "
                    "'vlnl-desktop import' of haal het op met 'vlnl-desktop fetch'."
                ).replace("%1", ref.title)
            )
            return False
        path = self.workspace.document_path(ref.sha256 or "")
        if not path.is_file():
            self.show_notice(
                self.tr(
                    "Het bestand van „%1” ontbreekt in de map met documenten (%2). "
                    "'vlnl-desktop check' zoekt uit wat er mis is."
                )
                .replace("%1", ref.title)
                .replace("%2", str(path.parent))
            )
            return False
        return self.open_file(path, page, find)

    def open_file(self, path: str | Path, page: int = 0, find: str | None = None) -> bool:
        """Show a PDF file (in the archive or not) in the viewer, at ``page`` (0-based)."""
        viewer = self.ensure_viewer()
        if viewer is None:
            self.show_notice(self.tr("De PDF-viewer is niet beschikbaar in deze installatie."))
            return False
        self.notice.hide()
        viewer.open_file(str(path), page=page, find=find or None)
        self.tabs.setCurrentWidget(viewer)
        return True

    def choose_file(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("PDF openen"), str(Path.home()), self.tr("PDF-documenten (*.pdf)")
        )
        if path:
            self.open_file(path)

    # --- importing and exporting ---

    def import_documents(self) -> None:
        """Bestand › Documenten importeren…: choose PDFs, import them."""
        self.import_paths(self._ensure_import_flow().choose_files())

    def import_folder(self) -> None:
        """Bestand › Map importeren…: every PDF in a folder and its subfolders."""
        self.import_paths(self._ensure_import_flow().choose_folder())

    def _ensure_import_flow(self):
        if self.import_flow is None:
            from vlnl_desktop.ui.import_dialog import ImportFlow

            self.import_flow = ImportFlow(self.workspace.root, self.settings, self)
            self.import_flow.imported.connect(self._on_imported)
            self.import_flow.busy_changed.connect(self._on_import_busy)
        return self.import_flow

    def import_paths(self, paths: list, record_id: str | None = None) -> bool:
        """Import files and folders (off the GUI thread), linked to ``record_id``; False if an
        import is already running or the archive cannot be read."""
        if self.catalog is None or not paths:
            return False
        flow = self._ensure_import_flow()
        if flow.busy:
            self.statusBar().showMessage(
                self.tr("Er loopt al een import; wacht tot die klaar is."), 6000
            )
            return False
        return flow.start(list(paths), record_id)

    def _on_import_busy(self, busy: bool) -> None:
        self._set_archive_actions(self.catalog is not None)
        if not busy and self.import_flow is not None and self.import_flow.last_summary:
            self.statusBar().showMessage(self.import_flow.last_summary.split("\n")[0], 10000)

    def _on_imported(self, results: list, record_id: str | None) -> None:
        """Show what the import changed: tree, counts, search, and the new document."""
        shown = self._current
        self.search.refresh()
        if not self.load_archive():
            return
        new = [r.document_id for r in results if r.status == "imported" and r.document_id]
        self._navigating = True  # the place shown stays; it is not a new visit
        try:
            if shown:
                self.select_record(shown)
            elif shown == OVERVIEW:
                self.show_overview()
        finally:
            self._navigating = False
        if record_id is None and new:
            self.select_record(new[0])  # show the user where the document went
        elif new:
            for index in self.tree_model.indexes_for(new[0]):
                self._reveal(index)

    def _on_files_dropped(self, paths: list, record_id: str | None) -> None:
        self.import_paths(paths, record_id)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        from vlnl_desktop.workers.import_worker import local_paths

        if self.catalog is not None and local_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 - Qt override
        self.dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        from vlnl_desktop.workers.import_worker import local_paths

        paths = local_paths(event.mimeData())
        if paths and self.import_paths(paths):
            event.acceptProposedAction()
        else:
            event.ignore()

    def export_dossier(self) -> Path | None:
        """Bestand › Dossier exporteren…: the shown record's dossier as a PDF."""
        record_id = self.current_record
        if record_id is None or self._conn is None:
            return None
        from vlnl_desktop.ui.dossier_export import export_dossier_as

        detail = self.detail.detail
        title = detail.title if detail is not None else record_id
        path = export_dossier_as(self, self._conn, record_id, title, self._export_dir)
        if path is not None:
            self._export_dir = str(path.parent)
        return path

    def show_notice(self, text: str) -> None:
        """A plain message above the pane (e.g. a document whose file is missing)."""
        self.notice.setText(text)
        self.notice.show()
        self.statusBar().showMessage(text, 10000)

    def _on_viewer_error(self, message: str) -> None:
        self.statusBar().showMessage(message, 10000)

    # --- edit ---

    def copy_record(self) -> str:
        """Copy the shown record as plain text to the clipboard; returns the text."""
        from vlnl_desktop.ui.detail_text import detail_text

        detail = self.detail.detail
        text = detail_text(detail) if detail is not None else self.detail.plain_text()
        QGuiApplication.clipboard().setText(text)
        self.statusBar().showMessage(self.tr("Gekopieerd naar het klembord."), 4000)
        return text

    # --- help ---

    def show_about(self) -> None:
        from vlnl_desktop.ui.about_dialog import AboutDialog

        AboutDialog(self).exec()

    def show_licences(self) -> None:
        from vlnl_desktop.ui.about_dialog import AboutDialog

        AboutDialog(self, licences=True).exec()

    # --- status and settings ---

    def _update_status(self) -> None:
        counts: Counts | None = getattr(self, "_counts", None)
        if counts is None:
            self.counts_label.setText(self.tr("Geen archief geopend"))
        else:
            self.counts_label.setText(
                self.tr(
                    "%1 intentieverklaringen · %2 topontmoetingen · %3 gebeurtenissen · "
                    "%4 thema's · %5 documenten (%6 als bestand)"
                )
                .replace("%1", str(counts.declarations))
                .replace("%2", str(counts.summits))
                .replace("%3", str(counts.events))
                .replace("%4", str(counts.themes))
                .replace("%5", str(counts.documents))
                .replace("%6", str(counts.documents_in_archive))
            )
        self.location_label.setText(self.tr("Archief: %1").replace("%1", str(self.workspace.root)))

    def _restore_settings(self) -> None:
        geometry = self.settings.value("window/geometry")
        restored = geometry is not None and not isinstance(geometry, str)
        if restored:
            self.restoreGeometry(geometry)
        screen = QGuiApplication.primaryScreen()
        if screen is not None:
            available = screen.availableGeometry()
            default = (min(1400, available.width()), min(900, available.height()))
            # a layout saved on another screen or by a crash can be tiny or off-screen
            too_small = self.width() < min(800, default[0]) or self.height() < min(560, default[1])
            if not restored or too_small or not available.intersects(self.frameGeometry()):
                self.resize(*default)
                self.move(available.center() - self.rect().center())
        state = self.settings.value("window/state")
        if state is not None and not isinstance(state, str):
            self.restoreState(state)
        splitter = self.settings.value("window/splitter")
        if splitter is not None and not isinstance(splitter, str):
            self.splitter.restoreState(splitter)
        language = self.settings.value("language")
        self._check_language_action(None if language in (None, "system") else str(language))
        if self.catalog is None:
            return
        last = self.settings.value("navigation/last_record")
        if last and self.catalog.kind_of(str(last)):
            self.select_record(str(last))
        else:
            self.show_overview()

    def save_settings(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.sync()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.save_settings()
        self.search.shutdown()
        if self.import_flow is not None:
            self.import_flow.shutdown()
        if self.viewer is not None:
            self.viewer.close()
        self._close_connection()
        super().closeEvent(event)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self.stack.currentWidget() is self.splitter and not self.search.edit.text():
            QTimer.singleShot(0, self._focus_start)

    def _focus_start(self) -> None:
        self.activateWindow()  # without a window manager the window is never made active,
        # and window shortcuts (Ctrl+F, Alt+Left, …) only work in the active window
        if QApplication.focusWidget() is None:
            self.tree.setFocus()
