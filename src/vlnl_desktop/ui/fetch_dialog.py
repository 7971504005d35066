"""Fetching official documents from the window: one row per document with its site, a bar with
the bytes received and its status; Annuleren stops the download under way and the batch; then a
summary (fetched, already present, changed, failed with the reason in one line). Offline, one line
says so at once (the fetch probes the network before its first document).

The fetch (``core.documents.fetch.fetch_documents``) runs off the GUI thread in a
``workers.background_op.BackgroundOp`` of its own; its progress comes back through ``_Progress``'s
signals, which Qt queues to the GUI thread.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vlnl_desktop.core.catalog import DocumentRef
from vlnl_desktop.core.errors import Problem
from vlnl_desktop.ui.document_origin import host
from vlnl_desktop.ui.labels import problem_text
from vlnl_desktop.workers.background_op import BackgroundOp

COLUMNS = 4  # document, site, progress, status
BAR_WIDTH = 170
STATUS_WIDTH = 300


class _Progress(QObject):
    """Emitted from the fetch's thread, received in the GUI thread (queued by Qt)."""

    started = Signal(str)
    received = Signal(str, int, int)  # document id, bytes, bytes expected (-1: not said)
    done = Signal(object)  # core.documents.fetch.FetchResult


class FetchDialog(QDialog):
    """Fetches ``documents`` (those with an address) when started; ``fetched`` when it is over."""

    fetched = Signal(list)
    """The fetch ended: the ids of the documents that got a (new) file."""

    def __init__(self, root, documents: list[DocumentRef], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fetchDialog")
        self._root = root  # the working archive's folder
        self.documents = documents
        self.rows = {doc.id: i for i, doc in enumerate(documents)}
        self.results: list = []
        self.problem: str = ""  # the batch's own failure (offline, archive busy), worded
        self.running = False
        self._stop = threading.Event()
        self._op = BackgroundOp(self, name="fetch-op")
        self._progress = _Progress(self)
        self._build_ui()
        self._connect_signals()
        self.retranslate_ui()

    # --- construction ---

    def _build_ui(self) -> None:
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.table = QTableWidget(len(self.documents), COLUMNS, self)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(2, BAR_WIDTH)
        self.table.setColumnWidth(3, STATUS_WIDTH)
        self.bars: list[QProgressBar] = []
        for row, doc in enumerate(self.documents):
            self.table.setItem(row, 0, QTableWidgetItem(doc.title))
            self.table.setItem(row, 1, QTableWidgetItem(host(doc.url)))
            bar = QProgressBar(self.table)
            bar.setRange(0, 1)
            bar.setValue(1 if doc.in_archive else 0)
            bar.setFormat("")
            self.table.setCellWidget(row, 2, bar)
            self.bars.append(bar)
            self.table.setItem(row, 3, QTableWidgetItem())
        self.again = QCheckBox(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(self)
        self.start_button = QPushButton(self)
        self.cancel_button = QPushButton(self)
        self.close_button = QPushButton(self)
        self.start_button.setDefault(True)
        self.buttons.addButton(self.start_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.hide()
        layout = QVBoxLayout(self)
        for widget in (self.intro, self.table, self.again, self.summary, self.buttons):
            layout.addWidget(widget)
        self.resize(1000, 440)

    def _connect_signals(self) -> None:
        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.close)
        self._progress.started.connect(self._on_started)
        self._progress.received.connect(self._on_received)
        self._progress.done.connect(self._on_done)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Officiële documenten ophalen"))
        self.intro.setText(
            self.tr(
                "De officiële documenten waarvan het adres bekend is. Wat al in het archief staat, "
                "blijft zoals het is; een webpagina wordt bewaard als PDF van haar hoofdtekst, met "
                "het adres en de datum erop."
            )
        )
        self.table.setHorizontalHeaderLabels(
            [self.tr("Document"), self.tr("Van"), self.tr("Voortgang"), self.tr("Status")]
        )
        for row, doc in enumerate(self.documents):
            item = self.table.item(row, 3)
            if item is not None and not item.text() and doc.in_archive:
                item.setText(self.tr("al aanwezig"))
        self.again.setText(self.tr("Ook nagaan of de aanwezige documenten gewijzigd zijn"))
        self.start_button.setText(self.tr("&Ophalen"))
        self.cancel_button.setText(self.tr("&Annuleren"))
        self.close_button.setText(self.tr("&Sluiten"))

    # --- the fetch ---

    def start(self) -> None:
        """Fetch every document of the dialog in the background."""
        if self.running:
            return
        self.running = True
        self._stop.clear()
        self.results, self.problem = [], ""
        self.summary.setText(self.tr("Controleren of het netwerk bereikbaar is…"))
        self.start_button.hide()
        self.again.setEnabled(False)
        self.close_button.hide()
        self.cancel_button.show()
        self.cancel_button.setEnabled(True)
        self.cancel_button.setFocus()
        targets = [(doc.id, doc.url) for doc in self.documents]
        self._op.run(self._work(targets, self.again.isChecked()), self._on_finished, self._on_fail)

    def _work(self, targets, again: bool):
        root, progress, stop = self._root, self._progress, self._stop

        def work():
            from vlnl_desktop.core.archive.workspace import Workspace
            from vlnl_desktop.core.documents.fetch import FetchWatch, fetch_documents

            watch = FetchWatch(
                started=progress.started.emit,
                received=lambda d, n, total: progress.received.emit(d, n, -1 if total is None else total),
                done=progress.done.emit,
                cancelled=stop.is_set,
            )  # fmt: skip
            try:
                return fetch_documents(
                    Workspace(root), targets, again=again, watch=watch, probe=True
                )
            except Problem as exc:  # offline: said in the user's language, not the CLI's
                return exc

        return work

    def cancel(self) -> None:
        """Annuleren: the download under way stops, and the batch after it."""
        if self.running:
            self._stop.set()
            self.cancel_button.setEnabled(False)
            self.summary.setText(self.tr("Wordt afgebroken…"))

    def _status(self, row: int, text: str) -> None:
        item = self.table.item(row, 3)
        item.setText(text)
        item.setToolTip(text)

    def _on_started(self, document_id: str) -> None:
        row = self.rows.get(document_id)
        self.summary.setText(
            self.tr("Bezig: %1 van %2 documenten")
            .replace("%1", str(len(self.results) + 1))
            .replace("%2", str(len(self.documents)))
        )
        if row is not None:
            self.bars[row].setRange(0, 0)  # busy until the size is known
            self._status(row, self.tr("bezig…"))
            self.table.scrollToItem(self.table.item(row, 0))

    def _on_received(self, document_id: str, count: int, expected: int) -> None:
        row = self.rows.get(document_id)
        if row is None:
            return
        bar = self.bars[row]
        kb = max(count // 1024, 0)
        if expected > 0:
            bar.setRange(0, expected)
            bar.setValue(min(count, expected))
            bar.setFormat(
                self.tr("%1 van %2 kB").replace("%1", str(kb)).replace("%2", str(expected // 1024))
            )
        else:
            bar.setRange(0, 0)
            bar.setFormat(self.tr("%1 kB").replace("%1", str(kb)))

    def _on_done(self, result) -> None:
        self.results.append(result)
        row = self.rows.get(result.document_id)
        if row is None:
            return
        bar = self.bars[row]
        bar.setRange(0, 1)
        bar.setValue(1 if result.ok else 0)
        bar.setFormat("")
        self._status(row, self.status_text(result))

    def status_text(self, result) -> str:
        """A result in one line, in the user's language."""
        if result.status == "fetched":
            return self.tr("opgehaald")
        if result.status == "changed":
            return self.tr("gewijzigd: nieuwe versie bewaard, de vorige ook")
        if result.status == "unchanged":
            return self.tr("ongewijzigd")
        if result.status == "duplicate" and result.same_as:
            return self.tr("hetzelfde bestand als %1, al in het archief").replace(
                "%1", result.same_as
            )
        if result.status == "duplicate":
            return self.tr("al aanwezig")
        if result.code:
            return problem_text(result.code, result.detail)
        return result.reason

    def _on_finished(self, outcome) -> None:
        if isinstance(outcome, Problem):
            self.problem = problem_text(outcome.code, outcome.detail)
            outcome = []
        self._end(outcome)

    def _on_fail(self, message: str) -> None:
        self.problem = message
        self._end([])

    def _end(self, results: list) -> None:
        self.running = False
        self.cancel_button.hide()
        self.close_button.show()
        self.close_button.setFocus()
        self.summary.setText(self.summary_text())
        changed = [r.document_id for r in self.results if r.status in ("fetched", "changed")]
        self.fetched.emit(changed)

    def summary_text(self) -> str:
        """What the fetch did, counted: "Opgehaald: 2 · al aanwezig: 1 · mislukt: 1"."""
        if self.problem:
            return self.problem
        count = {s: sum(r.status == s for r in self.results) for s in
                 ("fetched", "duplicate", "unchanged", "changed", "failed")}  # fmt: skip
        count["duplicate"] += count["unchanged"]
        parts = [
            self.tr("Opgehaald: %1").replace("%1", str(count["fetched"])),
            self.tr("al aanwezig: %1").replace("%1", str(count["duplicate"])),
        ]
        if count["changed"]:
            parts.append(self.tr("gewijzigd: %1").replace("%1", str(count["changed"])))
        parts.append(self.tr("mislukt: %1").replace("%1", str(count["failed"])))
        text = " · ".join(parts)
        if self._stop.is_set():
            text += " · " + self.tr("afgebroken; de rest is niet opgehaald")
        titles = {doc.id: doc.title for doc in self.documents}
        failures = [
            f"{titles.get(r.document_id, r.document_id)}: {self.status_text(r)}"
            for r in self.results
            if r.status == "failed"
        ]
        return "\n".join([text + "."] + failures)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.activateWindow()  # keys reach it also where no window manager activates it
        (self.cancel_button if self.running else self.start_button).setFocus()

    def dispose(self) -> None:
        """Stop the fetch's thread (a running fetch is cancelled first) and delete the dialog."""
        self._stop.set()
        self._op.shutdown()
        self.deleteLater()

    def reject(self) -> None:  # Esc: as closing
        if self.running:
            self.cancel()
            return
        super().reject()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self.running:  # closing cancels; the dialog goes once the fetch has stopped
            self.cancel()
            event.ignore()
            return
        super().closeEvent(event)
