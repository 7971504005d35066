"""OCR from the window: Bestand › Tekst herkennen in scans, a button under a document's details,
and by itself after an import that brought scans; progress and a stop button in the status bar.

``OcrStarter`` runs one OCR run at a time (``workers.ocr_worker.OcrClient``, made on first use);
documents asked for while one runs are read next. Without Tesseract the window says so once, in
the notice above the pane, with how to fix it; it never reports a page at a time.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStatusBar,
    QToolButton,
    QWidget,
)

from vlnl_desktop.ui.labels import page_count, problem_text


class OcrStarter(QObject):
    """Starts OCR runs on the session's archive and shows how they go."""

    changed = Signal()
    """OCR stored text: search and the shown record should be read again."""
    notice = Signal(str)
    """A message for the notice above the pane (Tesseract missing: said once)."""
    message = Signal(str)
    """A line for the status bar."""
    busy_changed = Signal(bool)
    """A run started (True) or ended (False)."""

    def __init__(self, session, status_bar: QStatusBar, detail_pane: QWidget, parent: QWidget):
        super().__init__(parent)
        self._session = session  # ui.archive_session.ArchiveSession
        self._client = None  # workers.ocr_worker.OcrClient
        self._waiting: list[str] | None = []  # documents to read next (None: every document)
        self._told_missing = False
        self._document: str | None = None  # the document whose details are shown
        self._last = None  # the last OcrProgress
        self._build_status(status_bar)
        self._build_bar(detail_pane)
        self.retranslate_ui()

    def _build_status(self, status_bar: QStatusBar) -> None:
        self.progress_bar = QProgressBar(status_bar)
        self.progress_bar.setMaximumWidth(220)
        self.progress_bar.setTextVisible(True)
        self.stop_button = QToolButton(status_bar)
        self.stop_button.clicked.connect(self.cancel)
        status_bar.addPermanentWidget(self.progress_bar)
        status_bar.addPermanentWidget(self.stop_button)
        self.progress_bar.hide()
        self.stop_button.hide()

    def _build_bar(self, detail_pane: QWidget) -> None:
        """The line under a document's details: its OCR state and the button."""
        self.document_bar = QWidget(detail_pane)
        layout = QHBoxLayout(self.document_bar)
        layout.setContentsMargins(18, 4, 18, 8)
        self.document_label = QLabel(self.document_bar)
        self.document_label.setWordWrap(True)
        self.document_button = QPushButton(self.document_bar)
        self.document_button.clicked.connect(self._on_document_button)
        layout.addWidget(self.document_label, 1)
        layout.addWidget(self.document_button)
        detail_pane.layout().addWidget(self.document_bar)
        self.document_bar.hide()

    @property
    def busy(self) -> bool:
        return self._client is not None and self._client.busy

    # --- starting ---

    def start_all(self) -> None:
        """Bestand › Tekst herkennen in scans: every page still to read."""
        self._told_missing = False  # asked for: say it again if it is missing
        self._start(None)

    def start_documents(self, document_ids: list[str]) -> None:
        self._start(list(document_ids))

    def after_import(self, results: list, _record_id: str | None = None) -> None:
        """Read the scans an import brought, once it has finished: which pages need it is found
        by the run, off this thread (a run with nothing to read ends at once, in silence)."""
        new = [r.document_id for r in results if r.status == "imported" and r.document_id]
        if new:
            self._start(new)

    def _start(self, document_ids: list[str] | None) -> None:
        if not self._session.is_open:
            return
        if self.busy:
            if document_ids is None or self._waiting is None:
                self._waiting = None
            else:
                self._waiting += [d for d in document_ids if d not in self._waiting]
            self.message.emit(self.tr("Tekstherkenning loopt al; dit komt daarna aan de beurt."))
            return
        if self._client is None:
            from vlnl_desktop.workers.ocr_worker import OcrClient

            self._client = OcrClient(self._session.workspace.root, self)
            self._client.progress.connect(self._on_progress)
            self._client.finished.connect(self._on_finished)
            self._client.failed.connect(self._on_failed)
        self._last = None
        self._client.run(document_ids)
        self.progress_bar.setRange(0, 0)
        self.progress_bar.show()
        self.stop_button.show()
        self.busy_changed.emit(True)
        self._update_bar()

    def cancel(self) -> None:
        """Stop after the page at hand (what was read is kept; the next run goes on from there)."""
        self._waiting = []
        if self._client is not None:
            self._client.cancel()

    def shutdown(self) -> None:
        if self._client is not None:
            self._waiting = []
            self._client.shutdown()

    # --- following a run ---

    def _on_progress(self, step) -> None:
        first_of_document = self._last is None or self._last.document_id != step.document_id
        self._last = step
        self.progress_bar.setRange(0, step.total)
        self.progress_bar.setValue(step.done)
        self.progress_bar.setFormat(
            self.tr("OCR: %1 van %2 pagina's").replace("%1", str(step.done))
            .replace("%2", str(step.total))
        )  # fmt: skip
        self.progress_bar.setToolTip(f"{step.title} · {self._time_left(step.seconds_left)}")
        if first_of_document or step.done == step.total:
            self.changed.emit()  # what the earlier pages gave is written and can be found
        self._update_bar()

    def _time_left(self, seconds: float | None) -> str:
        if seconds is None:
            return self.tr("tijd nog onbekend")
        if seconds < 90:
            return self.tr("nog ongeveer %1 s").replace("%1", str(max(1, round(seconds))))
        return self.tr("nog ongeveer %1 min").replace("%1", str(round(seconds / 60)))

    def _on_finished(self, report) -> None:
        self._end()
        if report.total:
            text = self.tr("Tekstherkenning: %1 gelezen.").replace("%1", page_count(report.pages))
            if report.cancelled:
                text = self.tr("Tekstherkenning gestopt: %1 gelezen; de rest volgt later.").replace(
                    "%1", page_count(report.pages)
                )
            if report.failed:
                text += " " + self.tr("%1 niet leesbaar.").replace(
                    "%1", page_count(len(report.failed))
                )
            self.message.emit(text)
            self.changed.emit()
        self._next()

    def _on_failed(self, code: str, detail: str) -> None:
        self._end()
        if code in ("no_tesseract", "no_language"):
            if not self._told_missing:
                self._told_missing = True
                self.notice.emit(problem_text(code, detail))
            self._waiting = []
            return
        self.message.emit(self.tr("Tekstherkenning mislukt: %1").replace("%1", detail or code))
        self._next()

    def _end(self) -> None:
        self.progress_bar.hide()
        self.stop_button.hide()
        self._last = None
        self.busy_changed.emit(False)
        self._update_bar()

    def _next(self) -> None:
        waiting, self._waiting = self._waiting, []
        if waiting is None or waiting:
            self._start(waiting)

    # --- the document bar ---

    def show_record(self, record_id: str | None) -> None:
        """The details of ``record_id`` are shown: the bar for it if it is a document with scans."""
        self._document = record_id
        self._update_bar()

    def _update_bar(self) -> None:
        state = self._session.ocr_state(self._document) if self._document else None
        if not state or state == (0, 0):
            self.document_bar.hide()
            return
        read, left = state
        running = self.busy
        if left and running:
            text = self.tr("Tekstherkenning loopt: %1 gelezen, nog %2 te gaan.")
        elif left:
            text = self.tr("%2 zonder tekstlaag: nog niet doorzoekbaar.")
        else:
            text = self.tr("%1 gelezen met tekstherkenning (OCR): doorzoekbaar.")
        self.document_label.setText(
            text.replace("%1", page_count(read)).replace("%2", page_count(left))
        )
        self.document_button.setVisible(bool(left))
        self.document_button.setText(self.tr("Stoppen") if running else self.tr("Tekst herkennen"))
        self.document_bar.show()

    def _on_document_button(self) -> None:
        if self.busy:
            self.cancel()
        elif self._document:
            self._told_missing = False
            self.start_documents([self._document])

    def retranslate_ui(self) -> None:
        self.stop_button.setText(self.tr("Stoppen"))
        self.stop_button.setToolTip(self.tr("Tekstherkenning stoppen (de rest volgt later)"))
        self.document_button.setToolTip(
            self.tr("De pagina's zonder tekst lezen met tekstherkenning (OCR), zodat ze "
                    "doorzoekbaar worden")
        )  # fmt: skip
        self._update_bar()
