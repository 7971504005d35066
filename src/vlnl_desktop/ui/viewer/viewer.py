"""The PDF viewer the main window embeds: it assembles toolbar, find bar, side panel (thumbnails,
outline) and page view, and drives opening, finding and printing.

The document is opened, rendered and searched by a ``RenderClient``'s worker thread; this widget never
touches PyMuPDF. Public API: ``open_file``, ``close_document``, ``document_opened``, ``error``.

Opening (the old document held meanwhile, the password prompt, the words for a failure) is
``opening.DocumentOpening``'s; this widget shows what comes of it. Finding in the document (hits
highlighted as they come, next/previous, the count) is ``finding.DocumentFind``'s.

Run ``python -m vlnl_desktop.ui.viewer.viewer FILE [--page N] [--find TEXT]`` to look at it on its own.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from vlnl_desktop.ui.viewer.find_bar import FindBar
from vlnl_desktop.ui.viewer.finding import DocumentFind
from vlnl_desktop.ui.viewer.opening import DocumentOpening
from vlnl_desktop.ui.viewer.outline import OutlineTree
from vlnl_desktop.ui.viewer.printing import PrintJob, ask_printer, file_name_for
from vlnl_desktop.ui.viewer.thumbnails import ThumbnailList
from vlnl_desktop.ui.viewer.toolbar import ViewerToolbar
from vlnl_desktop.ui.viewer.view import PdfView
from vlnl_desktop.workers.image_cache import ImageCache
from vlnl_desktop.workers.render_client import RenderClient
from vlnl_desktop.workers.render_protocol import DocumentInfo


class PdfViewer(QWidget):
    """A PDF viewer: open a file, read, find, follow links, print."""

    document_opened = Signal(str, int)
    """A document is shown: its path and page count."""
    error = Signal(str)
    """A document could not be shown: the message, as shown in the pane."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._client = RenderClient(self)
        self._cache = ImageCache(96 * 1024 * 1024)
        self._path: str | None = None
        self._title = ""  # the document's name for printing: its title, or its file name
        self._print_job: PrintJob | None = None
        self._build_ui()
        self._opening = DocumentOpening(self._client, self.view, self)
        self._find = DocumentFind(
            self._client, self.view, self.find_bar, self.show_notice, self._has_document, self
        )
        self._connect_signals()
        self.retranslate_ui()
        self._update_actions()

    # --- construction ---

    def _build_ui(self) -> None:
        self.view = PdfView(self._client, self._cache, self)
        self.toolbar = ViewerToolbar(self)
        self.find_bar = FindBar(self)
        self.find_bar.hide()
        self.notice_label = QLabel(self)
        self.notice_label.setWordWrap(True)
        self.notice_label.setStyleSheet(
            "QLabel { background: #fff4c2; color: #3d3000; padding: 4px 8px; }"
        )
        self.notice_label.hide()

        self.thumbnails = ThumbnailList(self._client, self)
        self.outline_tree = OutlineTree(self)
        self.side_tabs = QTabWidget(self)
        self.side_tabs.addTab(self.thumbnails, "")
        self.side_tabs.addTab(self.outline_tree, "")
        self.side_tabs.setMinimumWidth(140)

        self.message_label = QLabel(self)
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label.setStyleSheet("QLabel { font-size: 13pt; padding: 24px; }")
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.message_label)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.side_tabs)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([170, 800])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.find_bar)
        layout.addWidget(self.notice_label)
        layout.addWidget(self.splitter, 1)
        self.setFocusProxy(self.view)

    def _connect_signals(self) -> None:
        o = self._opening
        o.clear_old.connect(self._on_clear_old)
        o.opened.connect(self._on_opened)
        o.failed.connect(self._show_message)
        o.asking.connect(self._release_panes)
        c = self._client
        c.sizes_ready.connect(self._on_sizes_ready)
        c.outline_ready.connect(self._on_outline_ready)
        c.page_refused.connect(self._on_page_refused)
        c.find_hits.connect(self._find.on_find_hits)
        c.find_finished.connect(self._find.on_find_finished)
        v = self.view
        v.current_page_changed.connect(self._on_current_page_changed)
        v.zoom_changed.connect(self._on_zoom_changed)
        v.history_changed.connect(self._on_history_changed)
        v.notice.connect(self.show_notice)
        self.toolbar.sidebar_action.toggled.connect(self.side_tabs.setVisible)
        self.toolbar.back_action.triggered.connect(v.go_back)
        self.toolbar.forward_action.triggered.connect(v.go_forward)
        self.toolbar.zoom_in_action.triggered.connect(v.zoom_in)
        self.toolbar.zoom_out_action.triggered.connect(v.zoom_out)
        self.toolbar.fit_width_action.triggered.connect(v.fit_width)
        self.toolbar.fit_page_action.triggered.connect(v.fit_page)
        self.toolbar.rotate_action.triggered.connect(self._on_rotate)
        self.toolbar.find_action.triggered.connect(self.show_find_bar)
        self.toolbar.find_next_action.triggered.connect(self.find_next)
        self.toolbar.find_previous_action.triggered.connect(self.find_previous)
        self.toolbar.copy_action.triggered.connect(v.copy_selection)
        self.toolbar.print_action.triggered.connect(self.print_document)
        self.toolbar.external_action.triggered.connect(self.open_in_system_viewer)
        self.toolbar.page_edit.returnPressed.connect(self._on_page_entered)
        self.find_bar.find_requested.connect(self._find.on_find_requested)
        self.find_bar.next_requested.connect(self.find_next)
        self.find_bar.previous_requested.connect(self.find_previous)
        self.find_bar.closed.connect(self._find.on_closed)
        self.thumbnails.page_activated.connect(self._on_page_chosen)
        self.outline_tree.page_activated.connect(self._on_page_chosen)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._client.shutdown)

    def retranslate_ui(self) -> None:
        """Set every user-visible text."""
        self.toolbar.retranslate_ui()
        self.side_tabs.setTabText(0, self.tr("Miniaturen"))
        self.side_tabs.setTabText(1, self.tr("Inhoud"))
        self.fit_side_tabs()
        self.find_bar.retranslate_ui()
        self.view.retranslate_ui()
        self._update_page_count()
        self._find.update_count()
        self._on_zoom_changed(self.view.zoom)
        self.setMinimumWidth(self.toolbar.essential_width())  # find, page and zoom always shown

    def fit_side_tabs(self) -> None:
        """The side panel at least as wide as its tab titles (no scroll arrows hiding a tab)."""
        self.side_tabs.setMinimumWidth(max(140, self.side_tabs.tabBar().sizeHint().width()))

    # --- public API ---

    @property
    def path(self) -> str | None:
        """The path of the document shown, None if none."""
        return self._path

    @property
    def page_count(self) -> int:
        """Pages in the document shown."""
        return self.view.page_count

    @property
    def current_page(self) -> int:
        """The page in view (0-based), -1 without a document."""
        return self.view.current_page

    def open_file(
        self,
        path: str | Path,
        page: int = 0,
        find: str | None = None,
        password: str | None = None,
        title: str | None = None,
    ) -> None:
        """Open ``path`` at ``page`` (0-based), finding and highlighting ``find`` if given;
        ``title`` names the document where a name is needed (printing), else its file name.

        Opening happens in the renderer's thread: ``document_opened`` or ``error`` tells how it went.
        An encrypted file without (the right) ``password`` asks the user for it.
        """
        self._opening.start(str(Path(path).expanduser().resolve()), page, find, password)
        self._path = None
        self._title = title or Path(path).stem

    def close_document(self) -> None:
        """Close the document and show an empty pane."""
        self._client.close()
        self._clear_document()
        self._opening.cancel()

    def show_find_bar(self) -> None:
        """Show the find bar and put the cursor in it, text selected."""
        self.find_bar.show()
        self.find_bar.edit.setFocus()
        self.find_bar.edit.selectAll()

    def find(self, text: str) -> None:
        """Find ``text`` in the document, starting at the current page."""
        self.find_bar.show()
        self.find_bar.find_now(text)

    def find_next(self) -> None:
        """Go to the next find hit, wrapping round."""
        self._find.step(1)

    def find_previous(self) -> None:
        """Go to the previous find hit, wrapping round."""
        self._find.step(-1)

    @property
    def find_hit_count(self) -> int:
        """Hits found so far for the current find."""
        return self._find.hit_count

    @property
    def find_finished(self) -> bool:
        """Whether the current find has been through every page."""
        return self._find.finished

    @property
    def find_count_text(self) -> str:
        """The count shown in the find bar, e.g. "3 van 17"."""
        return self.find_bar.count_label.text()

    @property
    def message_text(self) -> str:
        """The message shown in place of a document, empty while a document is shown."""
        return self.message_label.text() if self.stack.currentWidget() is self.message_label else ""

    def show_notice(self, text: str) -> None:
        """Show a short notice above the pages until the next action that replaces it."""
        self.notice_label.setText(text)
        self.notice_label.setVisible(bool(text))

    def open_in_system_viewer(self) -> bool:
        """Open the document in the system's own PDF viewer; if the system has none, say so."""
        if not self._path:
            return False
        if QDesktopServices.openUrl(QUrl.fromLocalFile(self._path)):
            return True
        self.show_notice(
            self.tr(
                "Het systeem heeft geen programma om PDF-documenten te openen. Installeer een "
                "PDF-viewer of open het bestand zelf: %1"
            ).replace("%1", self._path)
        )
        return False

    def print_document(self) -> None:
        """Ask for a printer and print the document (pages rendered by the worker at print resolution)."""
        if self._path is None or self._print_job is not None:
            return
        chosen = ask_printer(self, file_name_for(self._title), self.page_count)
        if chosen is not None:
            self.start_print(*chosen)

    def start_print(self, printer, pages: list[int]) -> None:
        """Print ``pages`` (0-based) on ``printer``, one page rendered at a time by the worker."""
        self._print_job = PrintJob(self._client, printer, self.view.page_sizes(), pages, self)
        self._print_job.finished.connect(self._on_print_finished)
        self._print_job.start()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self._client.shutdown()
        super().closeEvent(event)

    def event(self, event) -> bool:
        # Ctrl+F inside the viewer is the viewer's: claimed before any shortcut (the window's Ctrl+F
        # goes to the archive search) and then handled in ``keyPressEvent``.
        if event.type() == QEvent.Type.ShortcutOverride and event.matches(
            QKeySequence.StandardKey.Find
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.matches(QKeySequence.StandardKey.Find):
            if self.toolbar.find_action.isEnabled():
                self.show_find_bar()
            return
        super().keyPressEvent(event)

    # --- opening ---

    def _clear_document(self, opening: bool = False, replacing: bool = False) -> None:
        """Show no document; ``opening``: another one is on its way, and the thumbnail rows (slow to
        remove for a long document) are replaced only after its first page is shown; ``replacing``: it
        is here and is shown next, which sets the view, the page field and the actions anew (setting
        them twice would lay out and repaint the toolbar for nothing)."""
        self._path = None
        self._cache.clear()
        if not replacing:
            self.view.set_document(None)
        self.thumbnails.set_document(None, keep_rows=opening or replacing)
        self.outline_tree.clear()
        self._find.reset()
        self.show_notice("")
        if not replacing:
            self.stack.setCurrentWidget(self.view)
            self._update_page_count()
            self._update_actions()

    @Slot(bool)
    def _on_clear_old(self, replacing: bool) -> None:
        self._clear_document(opening=not replacing, replacing=replacing)

    @Slot(object, int, object)
    def _on_opened(self, info: DocumentInfo, page: int, find: str | None) -> None:
        self._path = info.path
        self.stack.setCurrentWidget(self.view)
        self.view.set_document(info, page)
        self.view.request_pages_now()
        self.thumbnails.set_document(info)
        self._update_page_count()
        self._update_actions()
        self.view.setFocus()
        if find:
            self.find(find)
        self.document_opened.emit(info.path, len(info.page_sizes))

    @Slot()
    def _release_panes(self) -> None:
        """Let the panes paint again, empty, before a dialog or a message takes the place."""
        self.view.hold_painting(0)
        self.thumbnails.set_document(None)

    @Slot(str, str)
    def _show_message(self, path: str, text: str) -> None:
        self._release_panes()
        self.message_label.setText(f"{text}\n\n{Path(path).name}")
        self.stack.setCurrentWidget(self.message_label)
        self.error.emit(text)

    @Slot(int, str, str)
    def _on_page_refused(self, page: int, code: str, _message: str) -> None:
        """A page cannot be drawn (a decompression bomb, or damaged): it stays blank, and one line
        says why."""
        if code == "over_budget":
            text = self.tr("Pagina %1 vraagt te veel geheugen of tijd en wordt niet getoond.")
        else:
            text = self.tr("Pagina %1 is beschadigd en wordt niet getoond.")
        self.show_notice(text.replace("%1", str(page + 1)))

    @Slot(object)
    def _on_sizes_ready(self, sizes: list[tuple[float, float]]) -> None:
        self.view.set_page_sizes(sizes)
        self.thumbnails.set_page_sizes(sizes)

    @Slot(object)
    def _on_outline_ready(self, outline: list) -> None:
        self.outline_tree.set_outline(outline)
        self.side_tabs.setTabEnabled(1, bool(outline))

    # --- toolbar and panels ---

    @Slot(int)
    def _on_current_page_changed(self, page: int) -> None:
        self.toolbar.show_page(page)
        if page >= 0:
            self.thumbnails.set_current_page(page)

    def _update_page_count(self) -> None:
        self.toolbar.show_page_count(self.view.page_count)

    @Slot()
    def _on_page_entered(self) -> None:
        text = self.toolbar.page_edit.text().strip()
        if text.isdigit():
            self.view.go_to_page(int(text) - 1)
            self.view.setFocus()

    @Slot(float)
    def _on_zoom_changed(self, zoom: float) -> None:
        self.toolbar.show_zoom(zoom)

    @Slot(int, int)
    def _on_history_changed(self, can_back: int, can_forward: int) -> None:
        self.toolbar.set_history(bool(can_back), bool(can_forward))

    @Slot()
    def _on_rotate(self) -> None:
        self.view.rotate(90)

    @Slot(int)
    def _on_page_chosen(self, page: int) -> None:
        """A thumbnail or an outline entry was chosen: jump to its page."""
        self.view.go_to_page(page)

    @Slot(int)
    def _on_print_finished(self, ok: int) -> None:
        self._print_job = None
        if not ok:
            self.show_notice(self.tr("Afdrukken is mislukt."))

    def _has_document(self) -> bool:
        return self._path is not None

    def _update_actions(self) -> None:
        self.toolbar.set_has_document(self._has_document())


def main(argv: list[str] | None = None) -> int:
    """Show the viewer on its own: ``python -m vlnl_desktop.ui.viewer.viewer FILE [--page N] [--find TEXT]``."""
    import argparse
    import logging
    import sys

    parser = argparse.ArgumentParser(
        prog="python -m vlnl_desktop.ui.viewer.viewer", description=main.__doc__
    )
    parser.add_argument("file")
    parser.add_argument("--page", type=int, default=1, help="page to open at (1-based)")
    parser.add_argument("--find", default=None, help="text to find and highlight")
    parser.add_argument("--password", default=None)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    viewer = PdfViewer()
    viewer.setWindowTitle(Path(args.file).name)
    viewer.resize(1200, 860)
    viewer.show()
    viewer.open_file(args.file, page=max(args.page - 1, 0), find=args.find, password=args.password)
    code = app.exec()
    viewer.close()
    return code


if __name__ == "__main__":
    raise SystemExit(main())
