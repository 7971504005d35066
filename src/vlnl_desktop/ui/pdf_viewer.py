"""The PDF viewer the main window embeds: toolbar, find bar, side panel (thumbnails, outline) and page view.

The document is opened, rendered and searched by a ``RenderClient``'s worker thread; this widget never
touches PyMuPDF. Public API: ``open_file``, ``close_document``, ``document_opened``, ``error``.

Run ``python -m vlnl_desktop.ui.pdf_viewer FILE [--page N] [--find TEXT]`` to look at it on its own.
"""

from __future__ import annotations

import bisect
import dataclasses
from pathlib import Path

from PySide6.QtCore import QObject, QRect, QSize, Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import (
    QAction,
    QDesktopServices,
    QIcon,
    QImage,
    QIntValidator,
    QKeySequence,
    QPainter,
    QPixmap,
)
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTabWidget,
    QToolBar,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vlnl_desktop.ui.pdf_view import PdfView
from vlnl_desktop.workers.image_cache import CacheKey, ImageCache
from vlnl_desktop.workers.render_client import RenderClient
from vlnl_desktop.workers.render_protocol import DocumentInfo, RenderJob

THUMB_WIDTH = 96
FILL_DELAY_MS = 300
HOLD_PAINT_MS = (
    150  # while a document opens, the view keeps the old picture until its page is there
)
PRINT_DPI = 300


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


class ThumbnailList(QListWidget):
    """Page thumbnails, rendered only for the rows in view, on the renderer's "thumbs" channel.

    The rows are filled shortly after the first page in view has been rendered (or after ``FILL_DELAY_MS``
    at the latest), not when the document opens: for a long document filling them takes tens of
    milliseconds, which would otherwise delay the page the user asked for.
    """

    page_activated = Signal(int)
    """The user picked a page (0-based)."""

    def __init__(self, client: RenderClient, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._client = client
        self._info: DocumentInfo | None = None
        self._done: set[int] = set()
        self._filled = True
        self._current = -1
        self.setViewMode(QListWidget.ViewMode.IconMode)
        self.setFlow(QListWidget.Flow.TopToBottom)
        self.setWrapping(False)
        self.setMovement(QListWidget.Movement.Static)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setUniformItemSizes(True)
        self.setSpacing(6)
        self.setIconSize(QSize(THUMB_WIDTH, round(THUMB_WIDTH * 1.42)))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(50)
        self._fill_timer = QTimer(self)
        self._fill_timer.setSingleShot(True)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self._timer.timeout.connect(self._on_timer)
        self._fill_timer.timeout.connect(self._fill)
        self.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        self.itemClicked.connect(self._on_item_activated)
        self.itemActivated.connect(self._on_item_activated)
        self._client.page_rendered.connect(self._on_page_rendered)

    def set_document(self, info: DocumentInfo | None, keep_rows: bool = False) -> None:
        """List the pages of ``info`` with blank icons (soon); thumbnails come as rows scroll into view.

        With ``keep_rows`` (and no ``info``) the old rows stay, hidden, until the next document fills
        the list: removing a thousand rows takes milliseconds the page being opened should not wait for.
        """
        self._done.clear()
        self._info = info
        if info is None:
            self._fill_timer.stop()
            self._filled = not keep_rows
            if keep_rows:
                self.setUpdatesEnabled(False)
            else:
                self._clear_rows()
            return
        self._filled = False
        self._fill_timer.start(FILL_DELAY_MS)

    def _clear_rows(self) -> None:
        self.clear()
        self.setUpdatesEnabled(True)

    def set_page_sizes(self, sizes: list[tuple[float, float]]) -> None:
        """Use the exact page sizes (for the thumbnails' heights) instead of the estimate."""
        if self._info is not None and len(sizes) == len(self._info.page_sizes):
            self._info = dataclasses.replace(self._info, page_sizes=list(sizes), sizes_exact=True)

    @property
    def filled(self) -> bool:
        """Whether the rows of the document's pages are there."""
        return self._filled

    @Slot()
    def _fill(self) -> None:
        if self._filled or self._info is None:
            return
        self._filled = True
        self._clear_rows()
        blank = QPixmap(self.iconSize())
        blank.fill(Qt.GlobalColor.white)
        icon = QIcon(blank)
        for i in range(len(self._info.page_sizes)):
            item = QListWidgetItem(icon, str(i + 1))
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter)
            self.addItem(item)
        if self._current >= 0:
            self.set_current_page(self._current)
        self._timer.start()

    def set_current_page(self, page: int) -> None:
        """Mark ``page`` as the current one and scroll it into view."""
        self._current = page
        item = self.item(page) if self._filled else None  # (old rows may still be there)
        if item is not None:
            self.blockSignals(True)
            self.setCurrentItem(item)
            self.blockSignals(False)
            self.scrollToItem(item)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self._timer.start()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._timer.start()

    @Slot()
    def _on_scrolled(self) -> None:
        self._timer.start()

    @Slot()
    def _on_timer(self) -> None:
        if self._info is None or not self._filled or not self.isVisible():
            return
        dpr = self.devicePixelRatioF()
        area = self.viewport().rect()
        jobs = []
        for row in range(self.count()):
            if row in self._done:
                continue
            if not self.visualItemRect(self.item(row)).intersects(area):
                continue
            w, h = self._info.page_sizes[row]
            width = round(THUMB_WIDTH * dpr)
            height = round(THUMB_WIDTH * h / w * dpr) if w else width
            jobs.append(RenderJob(CacheKey(self._client.doc_id, row, 0, width, height)))
        self._client.set_jobs("thumbs", jobs)

    @Slot(str, object, QImage)
    def _on_page_rendered(self, channel: str, key: CacheKey, image: QImage) -> None:
        if channel == "view" and not self._filled and self._fill_timer.remainingTime() > 30:
            self._fill_timer.start(30)  # after the view has painted it
            return
        if channel != "thumbs" or image.isNull() or self.item(key.page) is None:
            return
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(self.devicePixelRatioF())
        self.item(key.page).setIcon(QIcon(pixmap))
        self._done.add(key.page)

    @Slot(QListWidgetItem)
    def _on_item_activated(self, item: QListWidgetItem) -> None:
        if self._filled:
            self.page_activated.emit(self.row(item))


class PrintJob(QObject):
    """Prints pages on a ``QPrinter``, asking the worker for one page at a time on the "print" channel."""

    finished = Signal(int)
    """Printing ended: 1 if it went well, else 0."""

    def __init__(
        self, client: RenderClient, printer, sizes, pages: list[int], parent: QObject | None = None
    ):
        super().__init__(parent)
        self._client = client
        self._printer = printer
        self._sizes = sizes
        self._pages = list(pages)
        self._painter = QPainter()
        self._first = True
        self._key: CacheKey | None = None

    def start(self) -> None:
        """Begin printing."""
        if not self._pages or not self._painter.begin(self._printer):
            self.finished.emit(0)
            return
        self._client.page_rendered.connect(self._on_page_rendered)
        self._request_next()

    def _request_next(self) -> None:
        page = self._pages[0]
        w, h = self._sizes[page]
        dpi = min(self._printer.resolution(), PRINT_DPI)
        self._key = CacheKey(self._client.doc_id, page, 0, round(w / 72 * dpi), round(h / 72 * dpi))
        self._client.set_jobs("print", [RenderJob(self._key)])

    @Slot(str, object, QImage)
    def _on_page_rendered(self, channel: str, key: CacheKey, image: QImage) -> None:
        if channel != "print" or key != self._key:
            return
        if not self._first:
            self._printer.newPage()
        self._first = False
        if not image.isNull():
            area = self._printer.pageLayout().paintRectPixels(self._printer.resolution())
            size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(0, 0, size.width(), size.height())
            target.moveCenter(QRect(0, 0, area.width(), area.height()).center())
            self._painter.drawImage(target, image)
        self._pages.pop(0)
        if self._pages:
            self._request_next()
        else:
            self._client.page_rendered.disconnect(self._on_page_rendered)
            self._painter.end()
            self.finished.emit(1)


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
        self._pending: tuple[str, int, str | None] | None = None
        # The document on screen is being replaced: it is cleared when the answer comes, or when the
        # view stops holding its picture, whichever is first.
        self._stale = False
        self._stale_timer = QTimer(self)
        self._stale_timer.setSingleShot(True)
        self._stale_timer.setInterval(HOLD_PAINT_MS)
        self._asking_password = False
        self._find_id = 0
        self._find_start = 0
        self._hits: list = []
        self._hit_keys: list[tuple[int, int]] = []
        self._hit_index = -1
        self._find_done = False
        self._print_job: PrintJob | None = None
        self._build_ui()
        self._connect_signals()
        self.retranslate_ui()
        self._update_actions()

    # --- construction ---

    def _build_ui(self) -> None:
        self.view = PdfView(self._client, self._cache, self)
        self.toolbar = QToolBar(self)
        self.toolbar.setIconSize(QSize(18, 18))
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        style = self.style()

        def action(shortcuts=(), icon=None) -> QAction:
            act = QAction(self)
            if icon is not None:
                act.setIcon(style.standardIcon(icon))
            keys: dict[str, QKeySequence] = {}
            for s in shortcuts:
                for seq in (
                    QKeySequence.keyBindings(s)
                    if isinstance(s, QKeySequence.StandardKey)
                    else [QKeySequence(s)]
                ):
                    keys.setdefault(seq.toString(), seq)
            act.setShortcuts(list(keys.values()))
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(act)
            return act

        sp = QStyle.StandardPixmap
        self.sidebar_action = action(["F9"])
        self.sidebar_action.setCheckable(True)
        self.sidebar_action.setChecked(True)
        self.back_action = action([QKeySequence.StandardKey.Back, "Alt+Left"], sp.SP_ArrowBack)
        self.forward_action = action(
            [QKeySequence.StandardKey.Forward, "Alt+Right"], sp.SP_ArrowForward
        )
        self.zoom_out_action = action(["Ctrl+-", QKeySequence.StandardKey.ZoomOut])
        self.zoom_in_action = action(["Ctrl++", "Ctrl+=", QKeySequence.StandardKey.ZoomIn])
        self.fit_width_action = action(["Ctrl+2"])
        self.fit_page_action = action(["Ctrl+1"])
        self.rotate_action = action(["Ctrl+R"])
        self.find_action = action([QKeySequence.StandardKey.Find])
        self.find_next_action = action([QKeySequence.StandardKey.FindNext, "F3"])
        self.find_previous_action = action([QKeySequence.StandardKey.FindPrevious, "Shift+F3"])
        self.copy_action = action([QKeySequence.StandardKey.Copy])
        self.print_action = action([QKeySequence.StandardKey.Print])
        self.external_action = action([], sp.SP_DesktopIcon)
        for act in (self.back_action, self.forward_action):
            act.setIconText("")
        self.page_edit = QLineEdit(self)
        self.page_edit.setFixedWidth(52)
        self.page_edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.page_validator = QIntValidator(1, 1, self.page_edit)
        self.page_edit.setValidator(self.page_validator)
        self.page_label = QLabel(self)
        self.page_count_label = QLabel(self)
        self.zoom_label = QLabel(self)
        self.zoom_label.setMinimumWidth(48)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        tb = self.toolbar
        tb.addAction(self.sidebar_action)
        tb.addSeparator()
        tb.addAction(self.back_action)
        tb.addAction(self.forward_action)
        tb.addSeparator()
        tb.addWidget(self.page_label)
        tb.addWidget(self.page_edit)
        tb.addWidget(self.page_count_label)
        tb.addSeparator()
        tb.addAction(self.zoom_out_action)
        tb.addWidget(self.zoom_label)
        tb.addAction(self.zoom_in_action)
        tb.addAction(self.fit_width_action)
        tb.addAction(self.fit_page_action)
        tb.addAction(self.rotate_action)
        tb.addSeparator()
        tb.addAction(self.find_action)
        tb.addAction(self.print_action)
        tb.addAction(self.external_action)

        self.find_bar = FindBar(self)
        self.find_bar.hide()
        self.notice_label = QLabel(self)
        self.notice_label.setWordWrap(True)
        self.notice_label.setStyleSheet(
            "QLabel { background: #fff4c2; color: #3d3000; padding: 4px 8px; }"
        )
        self.notice_label.hide()

        self.thumbnails = ThumbnailList(self._client, self)
        self.outline_tree = QTreeWidget(self)
        self.outline_tree.setHeaderHidden(True)
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
        c = self._client
        c.opened.connect(self._on_opened)
        self._stale_timer.timeout.connect(self._clear_stale)
        c.open_failed.connect(self._on_open_failed)
        c.sizes_ready.connect(self._on_sizes_ready)
        c.outline_ready.connect(self._on_outline_ready)
        c.find_hits.connect(self._on_find_hits)
        c.find_finished.connect(self._on_find_finished)
        v = self.view
        v.current_page_changed.connect(self._on_current_page_changed)
        v.zoom_changed.connect(self._on_zoom_changed)
        v.history_changed.connect(self._on_history_changed)
        v.notice.connect(self.show_notice)
        self.sidebar_action.toggled.connect(self.side_tabs.setVisible)
        self.back_action.triggered.connect(v.go_back)
        self.forward_action.triggered.connect(v.go_forward)
        self.zoom_in_action.triggered.connect(v.zoom_in)
        self.zoom_out_action.triggered.connect(v.zoom_out)
        self.fit_width_action.triggered.connect(v.fit_width)
        self.fit_page_action.triggered.connect(v.fit_page)
        self.rotate_action.triggered.connect(self._on_rotate)
        self.find_action.triggered.connect(self.show_find_bar)
        self.find_next_action.triggered.connect(self.find_next)
        self.find_previous_action.triggered.connect(self.find_previous)
        self.copy_action.triggered.connect(v.copy_selection)
        self.print_action.triggered.connect(self.print_document)
        self.external_action.triggered.connect(self.open_in_system_viewer)
        self.page_edit.returnPressed.connect(self._on_page_entered)
        self.find_bar.find_requested.connect(self._on_find_requested)
        self.find_bar.next_requested.connect(self.find_next)
        self.find_bar.previous_requested.connect(self.find_previous)
        self.find_bar.closed.connect(self._on_find_closed)
        self.thumbnails.page_activated.connect(self._on_thumbnail_activated)
        self.outline_tree.itemActivated.connect(self._on_outline_activated)
        self.outline_tree.itemClicked.connect(self._on_outline_activated)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._client.shutdown)

    def retranslate_ui(self) -> None:
        """Set every user-visible text."""
        self.sidebar_action.setText(self.tr("Zijpaneel"))
        self.sidebar_action.setToolTip(self.tr("Miniaturen en inhoud tonen of verbergen (F9)"))
        self.back_action.setText(self.tr("Terug"))
        self.back_action.setToolTip(self.tr("Terug (Alt+Links)"))
        self.forward_action.setText(self.tr("Vooruit"))
        self.forward_action.setToolTip(self.tr("Vooruit (Alt+Rechts)"))
        self.zoom_out_action.setText("\u2212")
        self.zoom_out_action.setToolTip(self.tr("Uitzoomen (Ctrl+-)"))
        self.zoom_in_action.setText("+")
        self.zoom_in_action.setToolTip(self.tr("Inzoomen (Ctrl++)"))
        self.fit_width_action.setText(self.tr("Paginabreedte"))
        self.fit_width_action.setToolTip(self.tr("Passend in de breedte (Ctrl+2)"))
        self.fit_page_action.setText(self.tr("Hele pagina"))
        self.fit_page_action.setToolTip(self.tr("Hele pagina tonen (Ctrl+1)"))
        self.rotate_action.setText(self.tr("Draaien"))
        self.rotate_action.setToolTip(self.tr("Pagina's een kwartslag rechtsom draaien (Ctrl+R)"))
        self.find_action.setText(self.tr("Zoeken"))
        self.find_action.setToolTip(self.tr("Zoeken in document (Ctrl+F)"))
        self.find_next_action.setText(self.tr("Volgende treffer"))
        self.find_previous_action.setText(self.tr("Vorige treffer"))
        self.copy_action.setText(self.tr("Kopiëren"))
        self.print_action.setText(self.tr("Afdrukken"))
        self.print_action.setToolTip(self.tr("Document afdrukken (Ctrl+P)"))
        self.external_action.setText(self.tr("Systeemviewer"))
        self.external_action.setToolTip(
            self.tr("Openen in de standaard PDF-viewer van het systeem")
        )
        self.page_label.setText(self.tr("Pagina") + " ")
        self.page_edit.setToolTip(self.tr("Ga naar pagina"))
        self.side_tabs.setTabText(0, self.tr("Miniaturen"))
        self.side_tabs.setTabText(1, self.tr("Inhoud"))
        self.find_bar.retranslate_ui()
        self.view.retranslate_ui()
        self._update_page_count()
        self._update_find_count()
        self._on_zoom_changed(self.view.zoom)

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
        self, path: str | Path, page: int = 0, find: str | None = None, password: str | None = None
    ) -> None:
        """Open ``path`` at ``page`` (0-based), finding and highlighting ``find`` if given.

        Opening happens in the renderer's thread: ``document_opened`` or ``error`` tells how it went.
        An encrypted file without (the right) ``password`` asks the user for it.
        """
        path = str(Path(path).expanduser().resolve())
        self._client.open(path, password, page, self.view.first_page_key())
        # Then as little as can be: the renderer needs the GIL to open the file and render the page,
        # and any Python work in this thread meanwhile (clearing the old document, the repaints that
        # follow) would make it wait. The old document stays on screen, unpainted, and is cleared
        # when the answer comes, just before the new one is laid out.
        self._path = None
        self._pending = (path, page, find)
        self._stale = True
        self._stale_timer.start()
        self.view.hold_painting(HOLD_PAINT_MS)

    def close_document(self) -> None:
        """Close the document and show an empty pane."""
        self._client.close()
        self._clear_document()
        self._pending = None

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
        self._step_hit(1)

    def find_previous(self) -> None:
        """Go to the previous find hit, wrapping round."""
        self._step_hit(-1)

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

    def open_in_system_viewer(self) -> None:
        """Open the document in the system's own PDF viewer."""
        if self._path:
            QDesktopServices.openUrl(QUrl.fromLocalFile(self._path))

    def print_document(self) -> None:
        """Ask for a printer and print the document (pages rendered by the worker at print resolution)."""
        if self._path is None or self._print_job is not None:
            return
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(Path(self._path).name)
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, self.page_count)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        first, last = printer.fromPage(), printer.toPage()
        pages = list(range(first - 1, last)) if first > 0 else list(range(self.page_count))
        self.start_print(printer, pages)

    def start_print(self, printer, pages: list[int]) -> None:
        """Print ``pages`` (0-based) on ``printer``, one page rendered at a time by the worker."""
        self._print_job = PrintJob(self._client, printer, self.view.page_sizes(), pages, self)
        self._print_job.finished.connect(self._on_print_finished)
        self._print_job.start()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self._client.shutdown()
        super().closeEvent(event)

    # --- opening ---

    def _clear_document(self, opening: bool = False, replacing: bool = False) -> None:
        """Show no document; ``opening``: another one is on its way, and the thumbnail rows (slow to
        remove for a long document) are replaced only after its first page is shown; ``replacing``: it
        is here and is shown next, which sets the view, the page field and the actions anew (setting
        them twice would lay out and repaint the toolbar for nothing)."""
        self._stale = False
        self._stale_timer.stop()
        self._path = None
        self._cache.clear()
        if not replacing:
            self.view.set_document(None)
        self.thumbnails.set_document(None, keep_rows=opening or replacing)
        self.outline_tree.clear()
        self._reset_find()
        self.show_notice("")
        if not replacing:
            self.stack.setCurrentWidget(self.view)
            self._update_page_count()
            self._update_actions()

    @Slot()
    def _clear_stale(self) -> None:
        """Clear the document being replaced, if that has not been done yet."""
        if self._stale:
            self._clear_document(opening=True)

    @Slot(object)
    def _on_opened(self, info: DocumentInfo) -> None:
        if self._stale:
            self._clear_document(replacing=True)
        path, page, find = self._pending or (info.path, 0, None)
        self._pending = None
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

    @Slot(str, str, str)
    def _on_open_failed(self, reason: str, message: str, path: str) -> None:
        self._clear_stale()
        if reason in ("password_required", "wrong_password") and not self._asking_password:
            # the dialog may stay up a while: the panes must paint (not stay held) behind it
            self.view.hold_painting(0)
            self.thumbnails.set_document(None)
            password = self._ask_password(path, wrong=reason == "wrong_password")
            if password is not None:
                page = self._pending[1] if self._pending else 0
                self._client.open(path, password, page, self.view.first_page_key())
                return
            self._show_message(path, self.tr("Dit document is beveiligd met een wachtwoord."))
            return
        texts = {
            "not_pdf": self.tr("Dit bestand is geen PDF-document."),
            "broken": self.tr("Dit PDF-document is beschadigd en kan niet worden gelezen."),
            "zero_pages": self.tr("Dit PDF-document heeft geen pagina's."),
            "unreadable": self.tr("Het bestand kan niet worden gelezen."),
        }
        self._show_message(path, texts.get(reason, message))

    def _ask_password(self, path: str, wrong: bool) -> str | None:
        prompt = self.tr("Wachtwoord voor %1:").replace("%1", Path(path).name)
        if wrong:
            prompt = self.tr("Het wachtwoord is onjuist.") + "\n" + prompt
        self._asking_password = True
        try:
            text, ok = QInputDialog.getText(
                self, self.tr("Beveiligd document"), prompt, QLineEdit.EchoMode.Password
            )
        finally:
            self._asking_password = False
        return text if ok else None

    def _show_message(self, path: str, text: str) -> None:
        self._pending = None
        self.view.hold_painting(0)
        self.thumbnails.set_document(None)
        self.message_label.setText(f"{text}\n\n{Path(path).name}")
        self.stack.setCurrentWidget(self.message_label)
        self.error.emit(text)

    @Slot(object)
    def _on_sizes_ready(self, sizes: list[tuple[float, float]]) -> None:
        self.view.set_page_sizes(sizes)
        self.thumbnails.set_page_sizes(sizes)

    @Slot(object)
    def _on_outline_ready(self, outline: list) -> None:
        self.outline_tree.clear()
        parents: list[QTreeWidgetItem] = []
        for entry in outline:
            level = max(1, min(entry.level, len(parents) + 1))
            del parents[level - 1 :]
            parent = parents[-1] if parents else self.outline_tree.invisibleRootItem()
            item = QTreeWidgetItem(parent, [entry.title])
            item.setData(0, Qt.ItemDataRole.UserRole, entry.page)
            if entry.page >= 0:
                item.setToolTip(0, self.tr("Pagina %1").replace("%1", str(entry.page + 1)))
            parents.append(item)
        self.side_tabs.setTabEnabled(1, bool(outline))
        if outline and self.outline_tree.topLevelItemCount() < 15:
            self.outline_tree.expandToDepth(0)

    # --- find ---

    def _reset_find(self) -> None:
        self._find_id = 0
        self._hits = []
        self._hit_keys = []
        self._hit_index = -1
        self._find_done = False
        self.view.set_hits({})
        self.view.set_current_hit(None)
        self._update_find_count()

    @Slot(str)
    def _on_find_requested(self, text: str) -> None:
        self._reset_find()
        self.show_notice("")
        if not text.strip() or self._path is None:
            self._client.find("")
            return
        self._find_start = max(self.view.current_page, 0)
        self._find_id = self._client.find(text, self._find_start)
        self._update_find_count()

    @Slot(int, int, object)
    def _on_find_hits(self, find_id: int, page: int, hits: list) -> None:
        if find_id != self._find_id:
            return
        at = bisect.bisect_left(self._hit_keys, (page, 0))
        self._hit_keys[at:at] = [(page, i) for i in range(len(hits))]
        self._hits[at:at] = hits
        if self._hit_index >= at:
            self._hit_index += len(hits)
        by_page: dict[int, list] = {}
        for hit in self._hits:
            by_page.setdefault(hit.page, []).append(hit)
        self.view.set_hits(by_page)
        if self._hit_index < 0:
            self._hit_index = at  # the first page with hits from where the find started
            self.view.set_current_hit(self._hits[at])
        self._update_find_count()

    @Slot(int, int, object)
    def _on_find_finished(self, find_id: int, total: int, without_text: list) -> None:
        if find_id != self._find_id:
            return
        self._find_done = True
        self._update_find_count()
        if total == 0 and self.view.current_page in without_text:
            self.show_notice(self.tr("Deze pagina heeft geen tekstlaag."))

    def _step_hit(self, step: int) -> None:
        if not self._hits:
            if self.find_bar.edit.text().strip() and self._find_id == 0:
                self._on_find_requested(self.find_bar.edit.text())
            return
        self._hit_index = (self._hit_index + step) % len(self._hits)
        self.view.set_current_hit(self._hits[self._hit_index])
        self._update_find_count()

    def _update_find_count(self) -> None:
        label = self.find_bar.count_label
        if self._find_id == 0:
            label.setText("")
        elif not self._hits:
            label.setText(self.tr("Niet gevonden") if self._find_done else self.tr("Zoeken…"))
        else:
            text = (
                self.tr("%1 van %2")
                .replace("%1", str(self._hit_index + 1))
                .replace("%2", str(len(self._hits)))
            )
            label.setText(text if self._find_done else text + "…")

    @property
    def find_hit_count(self) -> int:
        """Hits found so far for the current find."""
        return len(self._hits)

    @property
    def find_finished(self) -> bool:
        """Whether the current find has been through every page."""
        return self._find_done

    @Slot()
    def _on_find_closed(self) -> None:
        self._client.find("")
        self._reset_find()
        self.view.setFocus()

    # --- toolbar and panels ---

    @Slot(int)
    def _on_current_page_changed(self, page: int) -> None:
        text = str(page + 1) if page >= 0 else ""
        if text != self.page_edit.text():  # (the same text would still repaint the toolbar)
            self.page_edit.setText(text)
        if page >= 0:
            self.thumbnails.set_current_page(page)

    def _update_page_count(self) -> None:
        n = self.view.page_count
        if self.page_validator.top() != max(n, 1):  # (setting it anew repaints the page field)
            self.page_validator.setTop(max(n, 1))
        self.page_count_label.setText(
            " " + self.tr("van %1").replace("%1", str(n)) + " " if n else ""
        )
        if not n:
            self.page_edit.clear()

    @Slot()
    def _on_page_entered(self) -> None:
        text = self.page_edit.text().strip()
        if text.isdigit():
            self.view.go_to_page(int(text) - 1)
            self.view.setFocus()

    @Slot(float)
    def _on_zoom_changed(self, zoom: float) -> None:
        self.zoom_label.setText(f"{round(zoom * 100)} %")

    @Slot(int, int)
    def _on_history_changed(self, can_back: int, can_forward: int) -> None:
        self.back_action.setEnabled(bool(can_back))
        self.forward_action.setEnabled(bool(can_forward))

    @Slot()
    def _on_rotate(self) -> None:
        self.view.rotate(90)

    @Slot(int)
    def _on_thumbnail_activated(self, page: int) -> None:
        self.view.go_to_page(page)

    @Slot(QTreeWidgetItem)
    def _on_outline_activated(self, item: QTreeWidgetItem) -> None:
        page = item.data(0, Qt.ItemDataRole.UserRole)
        if page is not None and page >= 0:
            self.view.go_to_page(page)

    @Slot(int)
    def _on_print_finished(self, ok: int) -> None:
        self._print_job = None
        if not ok:
            self.show_notice(self.tr("Afdrukken is mislukt."))

    def _update_actions(self) -> None:
        has_doc = self._path is not None
        for act in (
            self.zoom_in_action,
            self.zoom_out_action,
            self.fit_width_action,
            self.fit_page_action,
            self.rotate_action,
            self.find_action,
            self.find_next_action,
            self.find_previous_action,
            self.print_action,
            self.external_action,
        ):
            act.setEnabled(has_doc)
        self.page_edit.setEnabled(has_doc)
        if not has_doc:
            self.back_action.setEnabled(False)
            self.forward_action.setEnabled(False)


def main(argv: list[str] | None = None) -> int:
    """Show the viewer on its own: ``python -m vlnl_desktop.ui.pdf_viewer FILE [--page N] [--find TEXT]``."""
    import argparse
    import logging
    import sys

    parser = argparse.ArgumentParser(
        prog="python -m vlnl_desktop.ui.pdf_viewer", description=main.__doc__
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
