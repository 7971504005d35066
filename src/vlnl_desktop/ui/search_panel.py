"""The search box and its results: searched as you type (off the GUI thread), shown with highlights.

Down moves from the box into the results; Enter (or a click) activates a result; Esc clears.
Hits on only some of the words, or on a word spelt differently, are marked as such; a misspelt query
gets "Bedoelde u: …?" (a link that searches the suggestion); a query without hits gets a short help.
Under the box, filter chips count the hits per kind and year (``search_chips``); choosing one adds
``soort:…`` / ``jaar:…`` to the text (choosing it again takes it out). Each hit is drawn as rich
text by ``search_hit_delegate``, set up after the window's first paint (``finish_setup``).
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from vlnl_desktop.ui.labels import format_date, kind_label
from vlnl_desktop.ui.search_chips import SearchChips
from vlnl_desktop.workers.search_worker import SearchClient

HIT_ROLE = Qt.ItemDataRole.UserRole + 1
COUNTS_DELAY_MS = 25  # the chips' new counts wait until the new results are painted


class SearchPanel(QWidget):
    """The search box with its list of results; results are hidden while the box is empty."""

    hit_activated = Signal(object)
    """The user chose a result: the ``core.search.Hit``."""
    results_shown = Signal(bool)
    """The list of results appeared (True) or went away (False)."""

    def __init__(self, db_path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setObjectName("searchEdit")
        self.status = QLabel(self)
        self.status.setObjectName("searchStatus")
        self.status.setContentsMargins(4, 2, 4, 2)
        self.status.setWordWrap(True)
        self.help = QLabel(self)  # the suggestion, or the help when nothing was found
        self.help.setObjectName("searchHelp")
        self.help.setContentsMargins(4, 2, 4, 2)
        self.help.setWordWrap(True)
        self.help.setTextFormat(Qt.TextFormat.RichText)
        self.help.setVisible(False)
        self.chips = SearchChips(self.edit, self)
        self.results = QListWidget(self)
        self.results.setWordWrap(True)
        self.results.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.results.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.results.setUniformItemSizes(False)
        self.results.setAlternatingRowColors(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.edit)
        layout.addWidget(self.chips)
        layout.addWidget(self.status)
        layout.addWidget(self.help)
        layout.addWidget(self.results, 1)
        layout.addStretch(0)  # holds the notes at the top while the list is hidden
        for label in (self.status, self.help):
            label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.client = SearchClient(db_path, self)
        self.last_text = ""
        self.hits: list = []
        self.answer = None  # core.search.hits.Results of the last search
        self.index_busy = False
        self._finished = False  # finish_setup() has run
        self._connect_signals()
        self._show_results(False)
        self.retranslate_ui()

    def _connect_signals(self) -> None:
        self.edit.textChanged.connect(self._on_text_changed)
        self.edit.returnPressed.connect(self.activate_current)
        self.edit.installEventFilter(self)
        self.results.installEventFilter(self)
        self.results.itemActivated.connect(self._on_item_activated)
        self.results.itemClicked.connect(self._on_item_activated)
        self.client.answered.connect(self._on_answered)
        self.client.counted.connect(self._on_counted)
        self.chips.toggled.connect(self._on_chip_toggled)
        self.client.failed.connect(self._on_failed)
        self.client.index_busy.connect(self._on_index_busy)
        self.help.linkActivated.connect(self._on_link)

    def retranslate_ui(self) -> None:
        self.edit.setPlaceholderText(
            self.tr("Zoeken in het archief en de documenten (Ctrl+F)"),
        )
        self.edit.setAccessibleName(self.tr("Zoeken"))
        self.results.setAccessibleName(self.tr("Zoekresultaten"))
        if self.last_text.strip():
            self._on_answered(self.last_text, self.answer)
        self.chips.retranslate_ui()

    def finish_setup(self) -> None:
        """What the first paint need not wait for: the box's clear button (an icon to load, ~5 ms;
        it shows only once there is text) and the painter of rich-text hits (its module, Qt
        classes and their enums). The window calls this once it is up; the first results call
        it too, if they come first."""
        if self._finished:
            return
        from vlnl_desktop.ui.search_hit_delegate import RichTextDelegate

        self._finished = True
        self.edit.setClearButtonEnabled(True)
        self.results.setItemDelegate(RichTextDelegate(HIT_ROLE, self.results))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # --- public ---

    def focus_search(self) -> None:
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()

    def clear(self) -> None:
        self.edit.clear()  # textChanged clears the results

    def shutdown(self) -> None:
        self.client.shutdown()

    def find_text(self) -> str:
        """The words of the last search to highlight in a document: its positive words, as the
        query language parses them (no quotes, OR or exclusions); when the chosen hit's snippet
        does not hold them as typed (a question, a stem, a compound part, a typo matched), every
        word its snippet marks, as the page spells it, as alternatives ("top | waterstof")."""
        from vlnl_desktop.core.pdf.find import ALTERNATIVE
        from vlnl_desktop.core.search.hits import MARK_CLOSE, MARK_OPEN
        from vlnl_desktop.core.search.query import parse
        from vlnl_desktop.core.text import fold

        whole, prefixes = parse(self.last_text).highlight_terms()
        typed = " ".join(whole + prefixes)
        item = self.results.currentItem()
        hit = item.data(HIT_ROLE) if item is not None else None
        if hit is None or MARK_OPEN not in hit.snippet or not typed:
            return typed
        snippet = fold(hit.snippet.replace(MARK_OPEN, "").replace(MARK_CLOSE, ""))
        if " ".join(snippet.split()).find(typed) >= 0:
            return typed
        marked: dict[str, str] = {}  # folded -> as the page spells it, the first seen
        for piece in hit.snippet.split(MARK_OPEN)[1:]:
            word = piece.split(MARK_CLOSE, 1)[0].strip()
            if word:
                marked.setdefault(fold(word), word)
        return ALTERNATIVE.join(marked.values()) or typed

    def refresh(self) -> None:
        """The archive changed (e.g. an import): search again on a fresh connection."""
        self.client.reset()
        if self.edit.text().strip():
            self.client.search_now(self.edit.text())

    def activate_current(self) -> None:
        """Activate the selected result, or the first one."""
        item = self.results.currentItem() or self.results.item(0)
        if item is not None:
            self._on_item_activated(item)

    # --- internals ---

    def _show_results(self, visible: bool, hits: bool = True) -> None:
        changed = visible != self.status.isVisibleTo(self)
        self.results.setVisible(visible and hits)  # never a large empty list
        self.status.setVisible(visible)
        if not visible:
            self.help.setVisible(False)
        if changed:
            self.results_shown.emit(visible)

    def _on_text_changed(self, text: str) -> None:
        self.client.search(text)

    def _on_answered(self, text: str, answer) -> None:
        hits = answer.hits if answer is not None else []
        self.last_text, self.hits, self.answer = text, hits, answer
        self.results.clear()
        if not text.strip():
            self.chips.set_facets(None, set(), set())
            self._show_results(False)
            return
        self.finish_setup()
        for hit in hits:
            item = QListWidgetItem()
            meta = ", ".join(x for x in (kind_label(hit.kind), format_date(hit.date)) if x)
            item.setText(f"{hit.title} ({meta})")
            item.setData(HIT_ROLE, hit)
            item.setToolTip(hit.snippet_marked("", "").replace("\n", " "))
            self.results.addItem(item)
        notes = []
        if hits:
            if len(hits) == 1:
                notes.append(self.tr("1 resultaat"))
            else:
                notes.append(self.tr("%1 resultaten").replace("%1", str(len(hits))))
            if answer.partial and not any(h.match == "all" for h in hits):
                notes.append(self.tr("treffers op een deel van de woorden"))
            elif answer.typo and not any(h.match == "all" for h in hits):
                notes.append(self.tr("treffers met een andere spelling"))
            self.results.setCurrentRow(0)
        else:
            notes.append(self.tr("Niets gevonden voor „%1”.").replace("%1", text.strip()))
        if answer is not None and answer.truncated:
            notes.append(
                self.tr("De zoekvraag was te lang: alleen de eerste woorden zijn gezocht.")
            )
        if answer is not None and answer.engine == "fts":  # records only, from their FTS5 index
            notes.append(
                self.tr("De zoekindex wordt opgebouwd: documentpagina's volgen zodra hij klaar is.")
            )
        elif self.index_busy:
            notes.append(self.tr("De zoekindex wordt bijgewerkt…"))
        self.status.setText(" · ".join(notes))
        self._show_help(answer, bool(hits))
        self._show_results(True, bool(hits))

    def _show_help(self, answer, found: bool) -> None:
        """ "Bedoelde u …?" for a misspelt query; the query language when nothing was found."""
        if answer is not None and answer.suggestion:
            link = f'<a href="suggest">{escape(answer.suggestion)}</a>'
            self.help.setText(self.tr("Bedoelde u: %1?").replace("%1", link))
        elif not found:
            self.help.setText(
                escape(
                    self.tr(
                        'Zoek op woorden (alle woorden moeten voorkomen), een "vaste zin", '
                        "a OR b voor het een of het ander, -woord om uit te sluiten, soort:top of "
                        "jaar:2018 om te filteren."
                    )
                )
                + "<br>"
                + escape(self.tr("Bijvoorbeeld: waterstof soort:top jaar:2020"))
            )
        else:
            self.help.setText("")
        self.help.setVisible(bool(self.help.text()))

    def _on_counted(self, text: str, facets) -> None:
        # the new results are painted first (a few ms): relabelling the chips (style sheet
        # metrics for each) must not delay the list, and counts a moment later are not missed
        QTimer.singleShot(COUNTS_DELAY_MS, self, lambda: self._show_counts(text, facets))

    def _show_counts(self, text: str, facets) -> None:
        from vlnl_desktop.core.search.query import parse

        if text != self.last_text:
            return  # the box changed meanwhile: its own counts follow
        query = parse(text)
        self.chips.set_facets(facets, query.kinds, query.years)

    def _on_chip_toggled(self, kind: str | None, year: int | None) -> None:
        from vlnl_desktop.core.search.query import toggle_filter

        self.edit.setText(toggle_filter(self.edit.text(), kind, year))  # searched as if typed

    def _on_link(self, _link: str) -> None:
        if self.answer is not None and self.answer.suggestion:
            self.edit.setText(self.answer.suggestion)  # searched as if typed

    def _on_index_busy(self, busy: bool) -> None:
        self.index_busy = busy
        if busy and self.last_text.strip():
            self._on_answered(self.last_text, self.answer)

    def _on_failed(self, message: str) -> None:
        self.status.setText(self.tr("Zoeken mislukt: %1").replace("%1", message))
        self.help.setVisible(False)
        self._show_results(True, False)

    def _on_item_activated(self, item: QListWidgetItem) -> None:
        hit = item.data(HIT_ROLE)
        if hit is not None:
            self.hit_activated.emit(hit)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        key = event.key()
        if key == Qt.Key.Key_Escape and (watched is self.edit or watched is self.results):
            if self.edit.text():
                self.clear()
                self.edit.setFocus()
                return True
            return False
        down = key in (Qt.Key.Key_Down, Qt.Key.Key_PageDown)
        if watched is self.edit and down and self.results.count():
            self.results.setFocus()
            if self.results.currentRow() < 0:
                self.results.setCurrentRow(0)
            return True
        if watched is self.results and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.activate_current()
            return True
        if watched is self.results and key == Qt.Key.Key_Up and self.results.currentRow() <= 0:
            self.edit.setFocus()
            return True
        return False
