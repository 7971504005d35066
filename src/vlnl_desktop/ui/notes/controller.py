"""The user's layer in the window: stores what the note editors and "Markeren" change, and shows it
— the note of the record shown, the highlights on the document in the viewer and in its side panel,
the tree's branch "Mijn notities", a highlight opened from a hit or the tree (flashing) — and
"Citeren" and "Notities exporteren…".

Writes go through one ``core.notes.layer.UserLayer`` (each change committed at once; the search
index is brought up to date after it in the background, then ``changed`` lets the search box
search again); reads through a read-only connection of its own. Both are closed while a
rebuild replaces the archive (a note waiting to be saved is saved first).
"""

from __future__ import annotations

import logging
import re
import sqlite3
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from vlnl_desktop.core.archive.connections import connect_readonly
from vlnl_desktop.core.errors import ArchiveError
from vlnl_desktop.core.notes import store
from vlnl_desktop.core.notes.store import HIGHLIGHT_PREFIX
from vlnl_desktop.ui.notes.note_editor import NoteEditor

log = logging.getLogger(__name__)
_SHA256 = re.compile(r"[0-9a-f]{64}")


class NotesController(QObject):
    """Wires the user's layer into the window's parts, each passed in."""

    message = Signal(str)
    """A line for the status bar (saved, cited, not possible and why)."""
    changed = Signal()
    """A note or highlight was written: what search finds changed."""

    def __init__(self, session, editor: NoteEditor, tree_model, documents, menus, parent: QWidget):
        super().__init__(parent)
        self._session = session  # ui.archive_session.ArchiveSession
        self._editor = editor
        self._tree_model = tree_model
        self._documents = documents  # ui.document_opener.DocumentOpener
        self._parent = parent
        self._layer = None  # core.notes.layer.UserLayer, made on the first write
        self._reader: sqlite3.Connection | None = None
        self.panel = None  # ui.notes.highlights_panel.HighlightsPanel, made with the viewer
        self._viewer = None
        self._sha256: str | None = None  # the file shown in the viewer, if it is in the archive
        self._pending_flash: int | None = None
        self._record_id: str | None = None
        self._has_selection = False
        self.colour = store.DEFAULT_COLOUR  # of the next highlight
        self._colour_menu = None  # the highlight action's menu of colours, made with the viewer
        self.cite_action = QAction(parent)
        self.cite_action.setShortcut(QKeySequence("Ctrl+Alt+C"))
        self.export_action = QAction(parent)
        parent.addAction(self.cite_action)
        menus.edit_menu.insertAction(menus.find_action, self.cite_action)
        menus.file_menu.insertAction(menus.rebuild_action, self.export_action)
        menus.file_menu.insertSeparator(menus.rebuild_action)
        self._connect_signals()
        self.retranslate_ui()

    def _connect_signals(self) -> None:
        self._editor.save_requested.connect(self._on_save_record_note)
        self._session.rebuild_started.connect(self._on_rebuild_started)
        self._session.changed.connect(self._on_archive_changed)
        self._documents.viewer_created.connect(self._on_viewer_created)
        self.cite_action.triggered.connect(self.cite_shown)
        self.export_action.triggered.connect(self.export_notes)

    def retranslate_ui(self) -> None:
        self.cite_action.setText(self.tr("&Citeren"))
        self.cite_action.setToolTip(self.tr("De bron van wat getoond wordt naar het klembord"))
        self.export_action.setText(self.tr("&Notities exporteren…"))
        if self._colour_menu is not None:
            from vlnl_desktop.ui.labels import colour_labels

            labels = colour_labels()
            for act in self._colour_menu.actions():
                act.setText(labels[act.data()])
        if self._viewer is not None and self.panel is not None:
            tabs = self._viewer.side_tabs
            tabs.setTabText(tabs.indexOf(self.panel), self.tr("Markeringen"))
            self._viewer.fit_side_tabs()

    # --- the archive ---

    @property
    def layer(self):
        """The writer of the user's layer (``core.notes.layer.UserLayer``), made on first use."""
        if self._layer is None:
            from vlnl_desktop.core.notes.layer import UserLayer

            self._layer = UserLayer(self._session.workspace, index=False)
        return self._layer

    @property
    def reader(self) -> sqlite3.Connection:
        if self._reader is None:
            self._reader = connect_readonly(self._session.workspace)
        return self._reader

    def _close(self) -> None:
        if self._reader is not None:
            self._reader.close()
            self._reader = None
        if self._layer is not None:
            self._layer.close()

    def _on_rebuild_started(self) -> None:
        self.flush()
        self._close()

    def _on_archive_changed(self) -> None:
        self._close()  # another file may be in place (a rebuild): read it anew
        if self._sha256 is not None:
            self._show_marks()

    def flush(self) -> None:
        """Save every note that waits to be saved (before closing, before a rebuild)."""
        self._editor.flush()
        if self.panel is not None:
            self.panel.note_editor.flush()

    def shutdown(self) -> None:
        self.flush()
        self._close()

    def _written(self) -> None:
        """A note or highlight was written: the search index follows in the background."""
        if not self._session.rebuilding:
            self._session.update_search_index(lambda _index: self.changed.emit())

    def _refresh_tree(self) -> None:
        from vlnl_desktop.core.notes.listing import notes_section

        try:
            self._tree_model.set_section(notes_section(self.reader))
        except (ArchiveError, sqlite3.Error) as exc:
            log.warning("the notes branch cannot be read: %s", exc)

    # --- the note of the record shown ---

    def show_record(self, record_id: str | None) -> None:
        """The detail pane shows ``record_id`` (None: the overview or a message): its note."""
        self._record_id = record_id
        self._editor.setVisible(record_id is not None)
        if record_id is None:
            self._editor.set_target(None, "")
            return
        try:
            note = store.note_of(self.reader, record_id=record_id)
        except (ArchiveError, sqlite3.Error) as exc:
            log.warning("cannot read the note: %s", exc)
            note = None
        self._editor.set_target(record_id, note.text if note else "")

    def _on_save_record_note(self, record_id: object, text: str) -> None:
        if record_id is None:
            return
        self._save(self._editor, lambda: self.layer.set_record_note(str(record_id), text))

    def _on_save_highlight_note(self, highlight_id: object, text: str) -> None:
        if highlight_id is None or self.panel is None:
            return
        self._save(
            self.panel.note_editor, lambda: self.layer.set_highlight_note(int(highlight_id), text)
        )
        self._show_marks()

    def _save(self, editor: NoteEditor, write) -> None:
        before = self._branch_state()
        try:
            write()
        except (ArchiveError, sqlite3.Error) as exc:
            editor.show_unsaved(str(exc))
            self.message.emit(self.tr("Notitie niet opgeslagen: %1").replace("%1", str(exc)))
            return
        editor.show_saved()
        self._written()
        if self._branch_state() != before:  # a note made or emptied: the branch changes
            self._refresh_tree()

    def _branch_state(self) -> tuple:
        try:
            rows = self.reader.execute(
                "SELECT record_id, highlight_id IS NOT NULL FROM notes ORDER BY id"
            )
            return tuple(rows.fetchall())
        except (ArchiveError, sqlite3.Error):
            return ()

    # --- the viewer ---

    def _on_viewer_created(self, viewer) -> None:
        from vlnl_desktop.ui.notes.highlights_panel import HighlightsPanel

        self._viewer = viewer
        self.panel = HighlightsPanel(viewer)
        viewer.side_tabs.addTab(self.panel, "")
        self.retranslate_ui()
        viewer.document_opened.connect(self._on_document_opened)
        viewer.view.selection_changed.connect(self._on_selection_changed)
        viewer.toolbar.highlight_action.triggered.connect(self.mark_selection)
        self._add_colour_menu(viewer.toolbar.highlight_action)
        self.panel.activated.connect(self.flash)
        self.panel.delete_requested.connect(self.delete_highlight)
        self.panel.cite_requested.connect(lambda hid: self.cite(f"{HIGHLIGHT_PREFIX}{hid}"))
        self.panel.note_editor.save_requested.connect(self._on_save_highlight_note)

    def _add_colour_menu(self, action: QAction) -> None:
        """The highlight action's menu: the colour of the next highlights (a click on the
        action's own button marks in the colour chosen last)."""
        from PySide6.QtGui import QActionGroup, QColor, QIcon, QPixmap
        from PySide6.QtWidgets import QMenu, QToolButton

        from vlnl_desktop.core.vocabulary import HIGHLIGHT_COLOURS
        from vlnl_desktop.ui.viewer.painting import MARK_COLOURS

        self._colour_menu = QMenu(self._viewer)
        group = QActionGroup(self._colour_menu)
        for colour in HIGHLIGHT_COLOURS:
            swatch = QPixmap(14, 14)
            swatch.fill(QColor(MARK_COLOURS[colour].rgb()))  # opaque: the swatch, not the glaze
            act = self._colour_menu.addAction(QIcon(swatch), "")
            act.setData(colour)
            act.setCheckable(True)
            act.setChecked(colour == self.colour)
            group.addAction(act)
        group.triggered.connect(self._on_colour_chosen)
        action.setMenu(self._colour_menu)
        button = self._viewer.toolbar.widgetForAction(action)
        if isinstance(button, QToolButton):  # the arrow beside it opens the colours
            button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.retranslate_ui()

    def _on_colour_chosen(self, act: QAction) -> None:
        self.colour = act.data()
        if self._has_selection:
            self.mark_selection()

    def _on_document_opened(self, path: str, _pages: int) -> None:
        self._sha256 = self._archived_sha256(path)
        self._show_marks()
        if self._pending_flash is not None:
            self.flash(self._pending_flash)
            self._pending_flash = None

    def _archived_sha256(self, path: str) -> str | None:
        """The sha256 of the file at ``path`` if it is one of the archive's stored files."""
        file = Path(path)
        try:
            stored = file.parent.resolve() == self._session.workspace.documents_dir.resolve()
        except OSError:
            return None
        return file.stem if stored and _SHA256.fullmatch(file.stem) else None

    def _show_marks(self) -> None:
        if self._viewer is None or self.panel is None:
            return
        from vlnl_desktop.ui.viewer.marks import Mark

        marks: list[store.Highlight] = []
        if self._sha256 is not None:
            try:
                marks = store.highlights_of(self.reader, self._sha256)
            except (ArchiveError, sqlite3.Error) as exc:
                log.warning("cannot read the highlights: %s", exc)
        self._viewer.view.marks.set([Mark(m.id, m.page_no - 1, m.rects, m.colour) for m in marks])
        self.panel.set_highlights(marks, archived=self._sha256 is not None)
        self._update_mark_action()

    def _on_selection_changed(self, has_selection: int) -> None:
        self._has_selection = bool(has_selection)
        self._update_mark_action()

    def _update_mark_action(self) -> None:
        if self._viewer is not None:
            able = self._sha256 is not None and self._has_selection
            self._viewer.toolbar.highlight_action.setEnabled(able)

    def mark_selection(self) -> list[int]:
        """Markeren: store the viewer's selection as highlights, one per page; their ids."""
        if self._viewer is None:
            return []
        if self._sha256 is None:
            self.message.emit(
                self.tr("Alleen documenten uit het archief kunnen gemarkeerd worden.")
            )
            return []
        pieces = self._viewer.view.selection_pieces()
        if not pieces:
            self.message.emit(self.tr("Selecteer eerst tekst om te markeren."))
            return []
        ids = []
        try:
            for page, boxes, text in pieces:
                ids.append(
                    self.layer.add_highlight(self._sha256, page + 1, list(boxes), text, self.colour)
                )
        except (ArchiveError, sqlite3.Error) as exc:
            self.message.emit(self.tr("Markering niet opgeslagen: %1").replace("%1", str(exc)))
        self._viewer.view.clear_selection()
        self._show_marks()
        if ids:
            self.panel.select(ids[-1])
            self._refresh_tree()
            self._written()
            self.message.emit(self.tr("Gemarkeerd."))
        return ids

    def delete_highlight(self, highlight_id: int) -> None:
        try:
            self.layer.delete_highlight(highlight_id)
        except (ArchiveError, sqlite3.Error) as exc:
            self.message.emit(str(exc))
            return
        self._show_marks()
        self._refresh_tree()
        self._written()

    def flash(self, highlight_id: int) -> None:
        if self._viewer is not None:
            self._documents.show_viewer()
            self._viewer.view.flash_mark(highlight_id)
            if self.panel is not None:
                self.panel.select(highlight_id)
                self._viewer.side_tabs.setCurrentWidget(self.panel)

    def open_highlight(self, highlight_id: int) -> bool:
        """Open the page of the highlight in the viewer, the highlight flashing."""
        try:
            mark = store.highlight(self.reader, highlight_id)
            document = store.document_of(self.reader, mark.sha256) if mark else None
        except (ArchiveError, sqlite3.Error):
            document = None
        if mark is None or document is None:
            self.message.emit(self.tr("Deze markering hoort bij geen document in het archief."))
            return False
        if self._sha256 == mark.sha256 and self._viewer is not None:
            self.flash(highlight_id)
            return True
        self._pending_flash = highlight_id
        return self._documents.open_document(document[0], mark.page_no - 1)

    # --- citing and exporting ---

    def cite_shown(self) -> str | None:
        """Citeren: what is shown — the highlight chosen in the viewer, the document in the
        viewer, else the record shown — as a Dutch APA reference on the clipboard."""
        viewer_shown = self._viewer is not None and self._viewer.isVisible()
        if viewer_shown and self.panel is not None and self.panel.current_id() is not None:
            return self.cite(f"{HIGHLIGHT_PREFIX}{self.panel.current_id()}")
        if viewer_shown and self._sha256 is not None:
            document = store.document_of(self.reader, self._sha256)
            if document is not None:
                return self.cite(document[0])
        if self._record_id is not None:
            return self.cite(self._record_id)
        self.message.emit(self.tr("Kies eerst een record, document of markering om te citeren."))
        return None

    def cite(self, key: str) -> str | None:
        """Put the citation of ``key`` on the clipboard (plain text and rich text); the text."""
        from PySide6.QtCore import QMimeData
        from PySide6.QtGui import QGuiApplication

        from vlnl_desktop.core.citations.formats import apa_html, apa_text
        from vlnl_desktop.core.citations.source import cite_source

        try:
            source = cite_source(self.reader, key)
        except (ArchiveError, sqlite3.Error) as exc:
            self.message.emit(str(exc))
            return None
        data = QMimeData()
        text = apa_text(source)
        data.setText(text)
        data.setHtml(apa_html(source))
        QGuiApplication.clipboard().setMimeData(data)
        self.message.emit(self.tr("Bronvermelding gekopieerd naar het klembord."))
        return text

    def export_notes(self, path: str | None = None) -> Path | None:
        """Notities exporteren…: all notes and highlights as Markdown, by record, with their
        citations; ``path`` or the file the user chooses. The path written, None if none."""
        from vlnl_desktop.core.atomic_write import write_atomically
        from vlnl_desktop.core.notes.export import notes_markdown

        self.flush()
        if path is None:
            from PySide6.QtWidgets import QFileDialog

            path, _ = QFileDialog.getSaveFileName(
                self._parent,
                self.tr("Notities exporteren"),
                str(Path.home() / "notities.md"),
                self.tr("Markdown (*.md)"),
            )
            if not path:
                return None
        target = Path(path)
        try:
            text = notes_markdown(self.reader)
            write_atomically(target, text.encode("utf-8"), prefix=f".{target.name}.")
        except (ArchiveError, sqlite3.Error, OSError) as exc:
            self.message.emit(self.tr("Exporteren mislukt: %1").replace("%1", str(exc)))
            return None
        self.message.emit(self.tr("Notities geëxporteerd naar %1.").replace("%1", str(target)))
        return target
