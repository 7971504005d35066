"""Starting the app: QApplication, translators, icon, the main window.

Kept light on purpose: PyMuPDF and sqlite-utils are not imported here (the viewer and the build
import them when they are first needed). With ``VLNL_BENCH_STARTUP=1`` the app prints
``BENCH_FIRST_EXPOSE`` when its window is first exposed and quits (bench/bench_startup.py).
"""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from vlnl_desktop.core.archive.lifecycle import open_workspace
from vlnl_desktop.core.archive.workspace import Workspace, resolve_root
from vlnl_desktop.core.errors import VlnlError
from vlnl_desktop.core.locations import resources_dir
from vlnl_desktop.ui.main_window import AFTER_FIRST_PAINT_MS, MainWindow
from vlnl_desktop.ui.translations import LANGUAGES, Translations

APP_ID = "vlnl-desktop"
BENCH_ENV = "VLNL_BENCH_STARTUP"
BENCH_MARKER = "BENCH_FIRST_EXPOSE"


def icon_path() -> Path:
    return resources_dir() / "icons" / "vlnl-desktop.svg"


def app_icon() -> QIcon:
    path = icon_path()
    return QIcon(str(path)) if path.is_file() else QIcon()


def make_settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, APP_ID, APP_ID)


def chosen_language(lang: str | None, settings: QSettings) -> str | None:
    """``--lang`` first, then the choice made in the Beeld menu; None means the system's."""
    if lang in LANGUAGES:
        return lang
    saved = settings.value("language")
    return str(saved) if saved in LANGUAGES else None


class _FirstExpose(QObject):
    """Prints the bench marker at the window's first expose event, then quits the app."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self._done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if not self._done and event.type() == QEvent.Type.Expose:
            self._done = True
            print(BENCH_MARKER, flush=True)
            QTimer.singleShot(0, self._app.quit)
        return False


def _damaged_value(window: MainWindow | None, exc_type) -> str | None:
    """Where the window's archive holds a stored value of the wrong type, when ``exc_type`` is
    what code expecting text meets there (None: not that, or no window)."""
    if window is None or not issubclass(exc_type, TypeError | ValueError | AttributeError):
        return None
    from vlnl_desktop.core.archive.value_types import wrong_type_in

    return wrong_type_in(window.workspace.db_path)


def _excepthook(window_ref: list[MainWindow]):
    def hook(exc_type, exc, tb) -> None:
        import logging
        import traceback

        logging.getLogger(__name__).error(
            "unexpected error:\n%s", "".join(traceback.format_exception(exc_type, exc, tb))
        )
        if os.environ.get("VLNL_DEBUG"):
            sys.__excepthook__(exc_type, exc, tb)
        parent = window_ref[0] if window_ref else None
        try:
            parent.isVisible() if parent is not None else None
        except RuntimeError:  # the window is gone (shutting down)
            return
        stray = _damaged_value(parent, exc_type)
        if stray:  # not a bug: a damaged byte made a stored text something else
            parent.show_archive_problem(
                QApplication.translate(
                    "App", "Het archief is beschadigd: een waarde van het verkeerde type in %1."
                ).replace("%1", stray)
            )
            return
        from PySide6.QtWidgets import QMessageBox  # not on the start-up path (its enums)

        QMessageBox.critical(
            parent,
            QApplication.translate("App", "Onverwachte fout"),
            QApplication.translate("App", "Er ging iets mis: %1").replace(
                "%1", f"{exc_type.__name__}: {exc}"
            ),
        )

    return hook


def open_target(window: MainWindow, target: str, page: int | None, find: str | None) -> None:
    """``vlnl-desktop open``: a PDF file is shown; a document of the archive is shown with its
    record selected in the tree and the details (not the place of the previous run)."""
    zero_based = max((page or 1) - 1, 0)
    path = Path(target).expanduser()
    if path.is_file():
        window.documents.open_file(path, zero_based, find)
        return
    window.select_record(target)
    window.documents.open_document(target, zero_based, find)


SANDBOX_WARM_UP_MS = 1500


def _warm_up_sandbox() -> None:
    from vlnl_desktop.core.pdf.sandbox import start_fork_server

    try:
        start_fork_server()
    except OSError as exc:  # the first document then starts it (and says what went wrong)
        import logging

        logging.getLogger(__name__).warning(
            "the document sandbox could not be started yet: %s", exc
        )


def run(
    archive: str | None,
    lang: str | None,
    open_path: str | None = None,
    page: int | None = None,
    find: str | None = None,
) -> int:
    """Show the window on the working archive; returns the exit code.

    ``open_path`` is a PDF file or a document id to show in the viewer, at ``page`` (1-based) with
    ``find`` highlighted.
    """
    bench = os.environ.get(BENCH_ENV) == "1"
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else APP_ID])
    assert isinstance(app, QApplication)
    app.setOrganizationName(APP_ID)
    app.setApplicationName(APP_ID)
    app.setDesktopFileName("vlnl-desktop")
    app.setWindowIcon(app_icon())
    settings = make_settings()
    translations = Translations(app)
    translations.install(chosen_language(lang, settings))

    problem = None
    paused = not gc.isenabled()  # the launch pauses the collector (cli.window)
    if paused:
        gc.enable()  # opening may rebuild a whole archive: collect as usual meanwhile
    try:
        workspace = open_workspace(archive)
    except (VlnlError, OSError) as exc:
        workspace = Workspace(resolve_root(archive))
        problem = str(exc)
    finally:
        if paused:
            gc.disable()

    window = MainWindow(workspace, settings, translations)
    window_ref = [window]
    sys.excepthook = _excepthook(window_ref)
    if problem:
        window.show_archive_problem(problem)
    window.show()
    if bench:
        handle = window.windowHandle()
        if handle is not None:
            handle.installEventFilter(_FirstExpose(app))
    if open_path:
        open_target(window, open_path, page, find)
    # the viewer's sandbox (a fresh interpreter loading PyMuPDF, ~0.5 s) is started once the window
    # is up, so the first document opened does not wait for it and the launch does not share a core
    QTimer.singleShot(SANDBOX_WARM_UP_MS, _warm_up_sandbox)
    # the launch pauses the garbage collector while the window is built (cli/window.py)
    QTimer.singleShot(AFTER_FIRST_PAINT_MS, gc.enable)
    try:
        return app.exec()
    finally:
        sys.excepthook = sys.__excepthook__
