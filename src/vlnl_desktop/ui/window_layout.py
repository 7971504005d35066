"""The window's layout remembered between runs: geometry, docks and toolbars, and the splitter.

``restore_layout`` also repairs a layout that would hide the window: one saved on another screen or
by a crash can be tiny or off-screen, and then the window opens at a usable size, centred.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow, QSplitter


def _saved(settings: QSettings, key: str):
    value = settings.value(key)
    return None if value is None or isinstance(value, str) else value


def restore_layout(window: QMainWindow, splitter: QSplitter, settings: QSettings) -> None:
    geometry = _saved(settings, "window/geometry")
    if geometry is not None:
        window.restoreGeometry(geometry)
    screen = QGuiApplication.primaryScreen()
    if screen is not None:
        available = screen.availableGeometry()
        default = (min(1400, available.width()), min(900, available.height()))
        too_small = window.width() < min(800, default[0]) or window.height() < min(560, default[1])
        if geometry is None or too_small or not available.intersects(window.frameGeometry()):
            window.resize(*default)
            window.move(available.center() - window.rect().center())
    state = _saved(settings, "window/state")
    if state is not None:
        window.restoreState(state)
    sizes = _saved(settings, "window/splitter")
    if sizes is not None:
        splitter.restoreState(sizes)


def save_layout(window: QMainWindow, splitter: QSplitter, settings: QSettings) -> None:
    settings.setValue("window/geometry", window.saveGeometry())
    settings.setValue("window/state", window.saveState())
    settings.setValue("window/splitter", splitter.saveState())
    settings.sync()
