"""The main window: search box and tree on the left, the record (and the viewer) on the right.

Pass in what it needs (the workspace, the settings, the translations); all wiring is in
``_connect_signals``. The window shows records; its parts, each passed what it needs in its
constructor, do the rest:
- ``ui.main_layout.MainLayout``: the widgets and how they sit (search, tree, tabs, problem stack);
- ``ui.archive_session.ArchiveSession``: the connection and catalog; rebuild and dossier export run
  off the GUI thread through its background operation;
- ``ui.archive_view.ArchiveView``: the archive, its problem page or a rebuild, as the session says;
- ``ui.navigation.Navigation``: the record shown, back/forward, the mouse's back/forward buttons;
- ``ui.main_actions.MainActions``: actions, shortcuts and menus; ``ui.status_bar``: the status bar;
- ``ui.import_starter.ImportStarter`` and ``ui.drop_handler.DropHandler``: importing (menu, drops);
- ``ui.official_documents.OfficialDocuments``: fetching and attaching the official documents' files;
- ``ui.document_opener.DocumentOpener``: the viewer tab (PyMuPDF is imported on first use);
- ``ui.view_tabs.ViewTabs``: the Tijdlijn and theme table tabs, made on first use;
- ``ui.window_layout``: the window's layout remembered between runs.
What the first paint does not need (the viewports' mouse filters, the focus frame, the search box's
clear button and hit painter) is finished in ``_after_first_paint``, a moment after the window is built.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QModelIndex, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QWidget,
)

from vlnl_desktop.core.archive.workspace import Workspace
from vlnl_desktop.core.errors import ArchiveError
from vlnl_desktop.ui.archive_session import ArchiveSession
from vlnl_desktop.ui.archive_view import ArchiveView
from vlnl_desktop.ui.detail_html import missing_record_html
from vlnl_desktop.ui.document_opener import DocumentOpener
from vlnl_desktop.ui.drop_handler import DropHandler
from vlnl_desktop.ui.import_starter import ImportStarter
from vlnl_desktop.ui.main_actions import MainActions
from vlnl_desktop.ui.main_layout import MainLayout
from vlnl_desktop.ui.navigation import OVERVIEW, Navigation
from vlnl_desktop.ui.notes.controller import NotesController
from vlnl_desktop.ui.ocr_starter import OcrStarter
from vlnl_desktop.ui.official_documents import OfficialDocuments
from vlnl_desktop.ui.status_bar import ArchiveStatusBar
from vlnl_desktop.ui.translations import Translations
from vlnl_desktop.ui.tree_model import KIND_ROLE
from vlnl_desktop.ui.view_tabs import ViewTabs
from vlnl_desktop.ui.window_layout import restore_layout, save_layout

AFTER_FIRST_PAINT_MS = 200


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
        self.session = ArchiveSession(workspace, self)
        self.navigation = Navigation(settings, self)
        self.imports = ImportStarter(self.session, settings, self)
        self.official = OfficialDocuments(self.session, self)
        self.dossier_export = None  # ui.dossier_export.DossierExport, created on first use
        self._tab_titles: dict[QWidget, Callable[[], str]] = {}
        self.setObjectName("mainWindow")
        self._build_ui()
        self.view_tabs = ViewTabs(self, self.session)
        self.archive_view = ArchiveView(
            self.session, self.widgets, self.statusBar(), self.view_tabs, self
        )
        self.documents = DocumentOpener(self.session, self.tabs, self.add_view_tab, self)
        self.menus = MainActions(self, self.tabs, self.view_tabs)
        self.notes = NotesController(
            self.session, self.detail.note_editor, self.tree_model, self.documents, self.menus, self
        )
        self.ocr = OcrStarter(self.session, self.statusBar(), self.detail, self)
        self.drops = DropHandler(self, lambda: self.session.is_open, self.imports.import_paths)
        self._connect_signals()
        self.retranslate_ui()
        self.load_archive()
        self._restore_settings()

    # --- construction ---

    def _build_ui(self) -> None:
        self.widgets = ui = MainLayout(self, self.workspace.db_path)
        self.search, self.tree_model, self.tree = ui.search, ui.tree_model, ui.tree
        self.detail, self.notice, self.tabs = ui.detail, ui.notice, ui.tabs
        self.splitter, self.stack = ui.splitter, ui.stack
        self.setCentralWidget(self.stack)
        self.setStatusBar(ArchiveStatusBar(self.session, self))

    def _connect_signals(self) -> None:
        menus = self.menus
        for act, slot in (
            (menus.open_action, self.documents.choose_file),
            (menus.import_files_action, self.imports.import_files),
            (menus.import_folder_action, self.imports.import_folder),
            (menus.fetch_action, self.official.fetch_all),
            (menus.attach_action, lambda: self.official.attach(self.current_record or "")),
            (menus.ocr_action, self.ocr.start_all),
            (menus.export_dossier_action, self.export_dossier),
            (menus.rebuild_action, self.archive_view.confirm_rebuild),
            (menus.quit_action, self.close),
            (menus.copy_action, self.copy_record),
            (menus.find_action, self.search.focus_search),
            (menus.back_action, self.navigation.back),
            (menus.forward_action, self.navigation.forward),
            (menus.overview_action, self.show_overview),
            (menus.about_action, self.show_about),
            (menus.licences_action, self.show_licences),
        ):
            act.triggered.connect(slot)
        menus.language_group.triggered.connect(self._on_language_chosen)
        view = self.archive_view
        self.session.changed.connect(view.show_archive)
        self.session.problem_found.connect(view.show_problem)
        self.session.rebuild_started.connect(view.on_rebuild_started)
        self.session.rebuilt.connect(view.on_rebuilt)
        self.session.rebuild_failed.connect(view.on_rebuild_failed)
        view.state_changed.connect(self._update_actions)
        view.rebuilt.connect(self._on_rebuilt)
        self.navigation.place_requested.connect(self._show_place)
        self.navigation.history_changed.connect(self._update_actions)
        self.tree.selectionModel().currentChanged.connect(self._on_tree_current_changed)
        self.tree.activated.connect(self._on_tree_activated)
        self.search.hit_activated.connect(self._on_hit_activated)
        self.search.results_shown.connect(self.widgets.set_results_shown)
        self.detail.record_requested.connect(self.select_record)
        self.detail.document_requested.connect(self.documents.open_document)
        for source in (self.detail, self.documents):
            source.fetch_requested.connect(self.official.fetch)
            source.attach_requested.connect(self.official.attach)
        self.documents.file_dropped.connect(self.official.attach)
        self.documents.notice.connect(self.show_notice)
        self.documents.message.connect(self._show_message)
        self.documents.title_changed.connect(self._update_title)
        self.official.changed.connect(self._on_files_changed)
        self.official.message.connect(self._show_message)
        self.detail.shown.connect(self.notes.show_record)
        self.notes.message.connect(self._show_message)
        self.notes.changed.connect(self.search.refresh)
        self.tree_model.files_dropped.connect(self.imports.import_paths)
        self.tree_model.dropped_on_document.connect(  # one PDF: attached; else imported
            lambda paths, doc: (
                self.official.attach_dropped(paths, doc) or self.imports.import_paths(paths, None)
            )
        )
        self.imports.imported.connect(self._on_imported)
        self.imports.busy_changed.connect(self._update_actions)
        self.imports.message.connect(self._show_message)
        self.imports.imported.connect(self.ocr.after_import)  # after _on_imported: scans read
        self.ocr.changed.connect(self.search.refresh)
        self.ocr.notice.connect(self.show_notice)
        self.ocr.message.connect(self._show_message)
        self.navigation.watch([self])
        self.after_first_paint_done = False  # what the first paint need not wait for
        QTimer.singleShot(AFTER_FIRST_PAINT_MS, self._after_first_paint)

    def _after_first_paint(self) -> None:
        """What the first paint need not wait for:
        - the mouse's back/forward buttons over the tree, the detail pane and the results (asking
          for a viewport makes the binding resolve its widget type, which builds the enums of
          every QWidget class, ~40 ms);
        - a clear frame around the widget with the keyboard focus, and Qt's own file dialog (where
          the desktop has none) with room for Dutch sizes and dates (their imports);
        - the search box's clear button and the painter of its hits (``SearchPanel.finish_setup``)."""
        from vlnl_desktop.ui.file_dialogs import fit_file_dialogs
        from vlnl_desktop.ui.focus_frame import follow_focus

        views = (self.tree, self.detail.browser, self.search.results)
        self.navigation.watch(view.viewport() for view in views)
        app = QApplication.instance()
        follow_focus(app).frame(QApplication.focusWidget())
        fit_file_dialogs(app)
        self.search.finish_setup()
        self.after_first_paint_done = True

    # --- language ---

    def retranslate_ui(self) -> None:
        self._update_title()
        self.menus.retranslate_ui()
        self.notes.retranslate_ui()
        self.tree.setAccessibleName(self.tr("Archief"))
        self.tabs.setTabText(self.tabs.indexOf(self.detail), self.tr("Details"))
        for widget, title in self._tab_titles.items():
            index = self.tabs.indexOf(widget)
            if index >= 0:
                self.tabs.setTabText(index, title())
        self.tree_model.retranslate()
        self.view_tabs.retranslate_ui()
        self.ocr.retranslate_ui()

    def _update_title(self) -> None:
        """The window's title names the document whose tab is shown."""
        shown = self.documents.shown_title()
        base = self.tr("vlnl-desktop — Vlaams-Nederlandse samenwerking")
        self.setWindowTitle(f"{shown} — vlnl-desktop" if shown else base)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def set_language(self, language: str | None) -> str:
        """Switch the language now (None: the system's), remember the choice; returns the code."""
        code = self.translations.install(language)
        self.settings.setValue("language", language or "system")
        self.menus.check_language(language)
        return code

    def _on_language_chosen(self, action: QAction) -> None:
        self.set_language(action.data())

    # --- the archive ---

    def load_archive(self) -> bool:
        """(Re)read the archive; show the problem page if it cannot be read."""
        return self.session.load()

    def show_archive_problem(self, message: str) -> None:
        """Show ``message`` on the problem page instead of the archive, with a rebuild button."""
        self.session.report_problem(message)

    def rebuild_archive(self) -> bool:
        """Rebuild archive.db from the bundled archive, off the GUI thread (``ArchiveView``);
        False if a rebuild is running."""
        return self.archive_view.rebuild()

    def _on_rebuilt(self) -> None:
        self.navigation.clear()
        self.show_overview()

    def _update_actions(self) -> None:
        readable = self.session.is_open
        self.menus.set_archive_state(readable, self.imports.busy, bool(self.current_record))
        self.menus.rebuild_action.setEnabled(not self.session.rebuilding)
        self.menus.ocr_action.setEnabled(readable and not self.session.rebuilding)
        if readable:
            nav = self.navigation
            self.menus.set_history_state(nav.can_go_back(), nav.can_go_forward())

    # --- showing records ---

    @property
    def current_record(self) -> str | None:
        """The id of the record shown, None for the overview."""
        return self.navigation.current_record

    def select_record(self, record_id: str) -> None:
        """Select the record in the tree (its first node) and show it."""
        if not self.session.is_open:
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
        self.notice.hide()
        try:
            detail = self.session.detail(record_id)
        except ArchiveError:
            return  # the session reported it: the problem page is shown
        if detail is None:
            self.detail.show_html(missing_record_html(record_id))
        else:
            self.detail.show_detail(detail)
        self.ocr.show_record(record_id)
        self.view_tabs.select_record(record_id)
        self.navigation.arrive(record_id)
        self.menus.set_attach_state(self.official.is_official(record_id))

    def show_overview(self) -> None:
        counts = self.session.counts
        if counts is None:
            return
        self.notice.hide()
        self.tabs.setCurrentWidget(self.detail)
        summits = self.session.section_refs("summits", "summit")
        declarations = self.session.section_refs("declarations", "declaration")
        self.detail.show_overview(counts, summits, declarations)
        self.ocr.show_record(None)
        self.view_tabs.select_record("")
        self.tree.setCurrentIndex(QModelIndex())
        self.navigation.arrive(OVERVIEW)

    def _show_place(self, place: str) -> None:
        """Back or forward: show ``place`` (a record, or the overview)."""
        if place == OVERVIEW:
            self.show_overview()
        else:
            self.select_record(place)

    def _on_tree_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        record_id = self.tree_model.record_id(current)
        if record_id and current.data(KIND_ROLE) == "highlight":
            self.notes.open_highlight(int(record_id.partition(":")[2]))
        elif record_id:
            self.tabs.setCurrentWidget(self.detail)
            self._show_record(record_id)

    def _on_tree_activated(self, index: QModelIndex) -> None:
        if index.data(KIND_ROLE) == "document":
            record_id = self.tree_model.record_id(index)
            if record_id:
                self.documents.open_document(record_id)

    # --- search ---

    def _on_hit_activated(self, hit) -> None:
        if hit.kind == "highlight" and hit.highlight is not None:
            self.select_record(hit.id)
            self.notes.open_highlight(hit.highlight)
            return
        self.select_record(hit.id)
        if hit.kind == "page":
            page = (hit.page or 1) - 1
            self.documents.open_document(hit.id, page, self.search.find_text())
        else:
            self.tree.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- documents and the viewer ---

    def add_view_tab(self, widget: QWidget, title: str | Callable[[], str]) -> int:
        """Add a view (e.g. the timeline) as a tab beside the details; ``title`` may be a callable
        that returns the translated title (it is called again when the language changes)."""
        title_of = title if callable(title) else (lambda: title)
        self._tab_titles[widget] = title_of
        return self.tabs.addTab(widget, title_of())

    def show_notice(self, text: str) -> None:
        """A plain message above the pane (e.g. a document whose file is missing); "" hides it."""
        self.notice.setText(text)
        self.notice.setVisible(bool(text))
        if text:
            self.statusBar().showMessage(text, 10000)

    def _show_message(self, message: str) -> None:
        self.statusBar().showMessage(message, 10000)

    # --- importing and exporting ---

    def _on_imported(self, results: list, record_id: str | None) -> None:
        """Show what the import changed: tree, counts, search, and the new document."""
        shown = self.navigation.current
        self.search.refresh()
        if not self.load_archive():
            return
        new = [r.document_id for r in results if r.status == "imported" and r.document_id]
        with self.navigation.revisiting():  # the place shown stays; it is not a new visit
            if shown:
                self.select_record(shown)
            elif shown == OVERVIEW:
                self.show_overview()
        if record_id is None and new:
            self.select_record(new[0])  # show the user where the document went
        elif new:
            for index in self.tree_model.indexes_for(new[0]):
                self._reveal(index)

    def _on_files_changed(self, document_id: str) -> None:
        """A fetch or attach gave documents their files: read the archive again, stay where the
        user was, and open the one document asked for in place."""
        self._on_imported([], None)
        if document_id:
            self.documents.open_document(document_id)

    def export_dossier(self) -> Path | None:
        """Bestand › Dossier exporteren…: the shown record's dossier as a PDF, written in the
        background; the path it is being written to, or None if the user cancelled."""
        record_id = self.current_record
        if record_id is None or not self.session.is_open:
            return None
        if self.dossier_export is None:
            from vlnl_desktop.ui.dossier_export import DossierExport

            self.dossier_export = DossierExport(self.session, self)
        detail = self.detail.detail
        title = detail.title if detail is not None else record_id
        return self.dossier_export.start(record_id, title)

    # --- edit and help ---

    def copy_record(self) -> str:
        """Copy the shown record as plain text to the clipboard; returns the text."""
        from vlnl_desktop.ui.detail_text import detail_text

        detail = self.detail.detail
        text = detail_text(detail) if detail is not None else self.detail.plain_text()
        QGuiApplication.clipboard().setText(text)
        self.statusBar().showMessage(self.tr("Gekopieerd naar het klembord."), 4000)
        return text

    def show_about(self) -> None:
        from vlnl_desktop.ui.about_dialog import AboutDialog

        AboutDialog(self).exec()

    def show_licences(self) -> None:
        from vlnl_desktop.ui.about_dialog import AboutDialog

        AboutDialog(self, licences=True).exec()

    # --- status and settings ---

    def _restore_settings(self) -> None:
        restore_layout(self, self.splitter, self.settings)
        language = self.settings.value("language")
        self.menus.check_language(None if language in (None, "system") else str(language))
        catalog = self.session.catalog
        if catalog is None:
            return
        last = self.navigation.last_place()
        if last and catalog.kind_of(last):
            self.select_record(last)
        else:
            self.show_overview()

    def save_settings(self) -> None:
        save_layout(self, self.splitter, self.settings)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.save_settings()
        self.notes.shutdown()
        self.search.shutdown()
        self.imports.shutdown()
        self.official.shutdown()
        self.ocr.shutdown()
        self.documents.close()
        self.session.shutdown()
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
