"""Importing PDFs from the window: progress with Annuleren, a password prompt for encrypted files,
then one summary of what was imported, what was already there and what failed (and why).

``ImportFlow`` drives a ``workers.import_worker.ImportClient``; the window calls ``start(paths,
record_id)`` and reloads the archive on ``imported``. The import itself runs in the worker's thread.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QWidget,
)

from vlnl_desktop.ui.labels import problem_text
from vlnl_desktop.ui.password_prompt import ask_password
from vlnl_desktop.workers.import_worker import ImportClient

SHOWN_LINES = 12  # failures (and duplicates) listed in the summary; all of them under "details"
PROGRESS_DELAY_MS = 400  # a quick import shows no progress dialog


def needs_password(result) -> bool:
    return result.status == "failed" and result.code == "password_required"


class ImportFlow(QObject):
    """One import at a time, from the window: progress, passwords, summary."""

    imported = Signal(list, object)
    """The import changed the archive: its results (``ImportResult``) and the record they were
    linked to (or None)."""
    busy_changed = Signal(bool)
    """An import started (True) or ended (False)."""

    def __init__(self, archive_root: str | Path, settings: QSettings, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent
        self._settings = settings  # remembers the folder last imported from
        self.client = ImportClient(archive_root, self)
        self.progress: QProgressDialog | None = None
        self.summary_box: QMessageBox | None = None
        self.last_summary = ""  # the summary's text, plain (for the status bar and tests)
        self._results: dict[str, object] = {}  # path -> ImportResult, in the order imported
        self._record_id: str | None = None
        self._total = 0
        self._files: list[str] = []  # of the job running
        self._cancelled = False
        self._failure: str | None = None
        self._passwords: list[str] = []
        self._asking: str | None = None  # the encrypted file being retried
        self._active = False  # from start() until the summary
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.client.started.connect(self._on_started)
        self.client.file_done.connect(self._on_file_done)
        self.client.finished.connect(self._on_finished)
        self.client.failed.connect(self._on_failed)

    @property
    def busy(self) -> bool:
        return self._active

    # --- public ---

    def choose_files(self) -> list[str]:
        """Ask for PDFs to import (none if the user cancels)."""
        paths, _ = QFileDialog.getOpenFileNames(
            self._parent,
            self.tr("Documenten importeren"),
            self._last_dir(),
            self.tr("PDF-documenten (*.pdf);;Alle bestanden (*)"),
        )
        return paths

    def choose_folder(self) -> list[str]:
        """Ask for a folder to import every PDF from (none if the user cancels)."""
        folder = QFileDialog.getExistingDirectory(
            self._parent, self.tr("Map importeren"), self._last_dir()
        )
        return [folder] if folder else []

    def _last_dir(self) -> str:
        return str(self._settings.value("import/last_dir") or Path.home())

    def start(self, paths: list, record_id: str | None = None) -> bool:
        """Import files and folders (every PDF inside), linked to ``record_id``; False if busy."""
        if self.busy or not paths:
            return False
        first = Path(paths[0])
        self._settings.setValue("import/last_dir", str(first if first.is_dir() else first.parent))
        self._results = {}
        self._record_id = record_id
        self._total = 0
        self._cancelled = False
        self._failure = None
        self._passwords = []
        self._asking = None
        self._active = True
        if self.summary_box is not None:
            self.summary_box.close()
        self._run(paths, None)
        self.busy_changed.emit(True)
        return True

    def cancel(self) -> None:
        self.client.cancel()

    def shutdown(self) -> None:
        self._close_progress()
        self.client.shutdown()

    # --- one job ---

    def _run(self, paths: list, password: str | None) -> None:
        self._open_progress()
        self.client.run(paths, self._record_id, password)

    def _open_progress(self) -> None:
        self._close_progress()
        dialog = QProgressDialog(self._parent)
        dialog.setObjectName("importProgress")
        dialog.setWindowTitle(self.tr("Documenten importeren"))
        dialog.setLabelText(self.tr("Bestanden zoeken…"))
        dialog.setCancelButtonText(self.tr("Annuleren"))
        # not modal: the window stays usable while the import runs in its thread (and a modal
        # dialog's setValue would process events re-entrantly)
        dialog.setWindowModality(Qt.WindowModality.NonModal)
        dialog.setMinimumDuration(PROGRESS_DELAY_MS)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumWidth(420)
        dialog.setRange(0, 0)
        dialog.setValue(0)
        dialog.canceled.connect(self._on_cancel_clicked)
        self.progress = dialog

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.canceled.disconnect(self._on_cancel_clicked)
            self.progress.reset()
            self.progress.hide()
            self.progress.deleteLater()
            self.progress = None

    def _on_cancel_clicked(self) -> None:
        self.client.cancel()
        dialog = self.progress
        if dialog is not None and self.client.busy:
            # the dialog hid itself; it stays up, without a button, until the file being read ends
            dialog.setLabelText(self.tr("Annuleren… het huidige bestand wordt afgemaakt."))
            for button in dialog.findChildren(QPushButton):
                button.setEnabled(False)
            dialog.show()

    def _on_started(self, files: list) -> None:
        self._files = files
        if self._asking is None:
            self._total = len(files)
        if self.progress is not None:
            self.progress.setRange(0, max(len(files), 1))
            self._show_file(0)

    def _on_file_done(self, index: int, result) -> None:
        self._results[result.path] = result
        self._show_file(index + 1)

    def _show_file(self, index: int) -> None:
        """Progress: ``index`` files are done, the next one is being read."""
        if self.progress is None:
            return
        if index < len(self._files) and not self.progress.wasCanceled():
            self.progress.setLabelText(
                self.tr("Importeren… %1 van %2: %3")
                .replace("%1", str(index + 1))
                .replace("%2", str(len(self._files)))
                .replace("%3", Path(self._files[index]).name)
            )
        self.progress.setValue(index)

    def _on_failed(self, message: str) -> None:
        self._close_progress()
        self._failure = message
        self._asking = None
        self._finish()

    def _on_finished(self, results: list, cancelled: bool) -> None:
        self._close_progress()
        for result in results:
            self._results[result.path] = result
        if self._asking is None:  # the first job: every file
            self._cancelled = cancelled
            if not cancelled:
                self._passwords = [r.path for r in results if needs_password(r)]
        else:
            retried = self._results.get(self._asking)
            if retried is not None and retried.code == "wrong_password":
                self._ask_password(self._asking, wrong=True)
                return
        self._asking = None
        self._next_password()

    # --- passwords ---

    def _next_password(self) -> None:
        if self._passwords:
            self._ask_password(self._passwords.pop(0), wrong=False)
        else:
            self._finish()

    def _ask_password(self, path: str, wrong: bool) -> None:
        password = ask_password(self._parent, path, wrong)
        if password is None:
            self._asking = None
            self._next_password()
            return
        self._asking = path
        self._run([path], password)

    # --- the end ---

    def _finish(self) -> None:
        results = list(self._results.values())
        self.last_summary = self.summary(results)
        if any(r.status != "failed" for r in results):
            self.imported.emit(results, self._record_id)
        self._active = False
        self.busy_changed.emit(False)
        self._show_summary(results)

    def summary(self, results: list) -> str:
        """What happened, in plain lines: counts, then each duplicate and each failure."""
        return "\n".join(self._summary_parts(results, limit=None)[0:2])

    def _summary_parts(self, results: list, limit: int | None) -> tuple[str, str]:
        imported = [r for r in results if r.status == "imported"]
        duplicates = [r for r in results if r.status == "duplicate"]
        failures = [r for r in results if r.status == "failed"]
        head: list[str] = []
        if self._failure is not None:
            head.append(self.tr("Het importeren is mislukt: %1").replace("%1", self._failure))
        if len(imported) == 1:
            head.append(self.tr("1 document geïmporteerd."))
        elif imported or self._failure is None:
            head.append(self.tr("%1 documenten geïmporteerd.").replace("%1", str(len(imported))))
        if self._total == 0 and not results and self._failure is None:
            head.append(self.tr("Geen PDF-bestanden gevonden."))
        if self._cancelled:
            rest = max(self._total - len(results), 0)
            head.append(
                self.tr("Geannuleerd: %1 bestanden niet verwerkt.").replace("%1", str(rest))
            )
        failed_items = [f"{Path(r.path).name}: {problem_text(r.code, r.detail)}" for r in failures]
        duplicate_items = [
            self.tr("%1: al in het archief als %2")
            .replace("%1", Path(r.path).name)
            .replace("%2", r.document_id or "")
            for r in duplicates
        ]
        blocks = []
        for title, items in (
            (self.tr("Niet geïmporteerd:"), failed_items),
            (self.tr("Al in het archief:"), duplicate_items),
        ):
            if not items:
                continue
            shown = items if limit is None else items[:limit]
            block = [title] + [f"• {item}" for item in shown]
            if len(shown) < len(items):
                block.append(
                    self.tr("… en nog %1 (zie de details)").replace(
                        "%1", str(len(items) - len(shown))
                    )
                )
            blocks.append("\n".join(block))
        return " ".join(head), "\n\n".join(blocks)

    def _show_summary(self, results: list) -> None:
        head, body = self._summary_parts(results, limit=SHOWN_LINES)
        failed = self._failure is not None or any(r.status == "failed" for r in results)
        box = QMessageBox(self._parent)
        box.setObjectName("importSummary")
        box.setWindowTitle(self.tr("Documenten importeren"))
        box.setIcon(QMessageBox.Icon.Warning if failed else QMessageBox.Icon.Information)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(head)
        box.setInformativeText(body)
        label = box.findChild(QLabel, "qt_msgbox_informativelabel")
        if label is not None:  # file names are text, never markup; one line per file if it fits
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setMinimumWidth(440)
        _, full = self._summary_parts(results, limit=None)
        if full != body:
            box.setDetailedText(full)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.destroyed.connect(self._on_summary_closed)
        self.summary_box = box
        box.open()

    def _on_summary_closed(self) -> None:
        self.summary_box = None
