"""Qt's own file dialog (used where the desktop offers none) made roomy enough for Dutch: at its
default size its columns cut sizes and dates short ("12....KiB", "29 11 2...6").

``fit_file_dialogs(app)`` watches where the keyboard focus goes (a signal, not an event filter, so
nothing else pays for it); when it enters a widget-based ``QFileDialog`` for the first time, the
dialog is made larger and its size, type and date columns as wide as what they show, once the
folder has been read. Native dialogs are the desktop's own and left alone.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QApplication, QWidget

MIN_WIDTH = 900
MIN_HEIGHT = 540
_FITTED = "vlnlFitted"


class FileDialogFitter(QObject):
    """Fits each widget-based file dialog the focus enters; see the module docstring."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        app.focusChanged.connect(self._on_focus_changed)

    @Slot(QWidget, QWidget)
    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        window = new.window() if new is not None else None
        if window is not None and window.inherits("QFileDialog") and not window.property(_FITTED):
            fit_file_dialog(window)


def fit_file_dialog(dialog) -> None:
    """Make ``dialog`` (a ``QFileDialog``) roomy and its detail columns as wide as their contents."""
    from PySide6.QtWidgets import QHeaderView, QTreeView

    dialog.setProperty(_FITTED, True)
    screen = dialog.screen().availableGeometry() if dialog.screen() else None
    width, height = MIN_WIDTH, MIN_HEIGHT
    if screen is not None:
        width, height = min(width, screen.width()), min(height, screen.height())
    dialog.resize(max(dialog.width(), width), max(dialog.height(), height))
    tree = dialog.findChild(QTreeView, "treeView")
    if tree is None:
        return

    def fit_columns(*_args) -> None:
        header = tree.header()
        for column in range(1, header.count()):
            width = max(tree.sizeHintForColumn(column), header.sectionSizeHint(column))
            header.resizeSection(column, width)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    model = tree.model()
    if hasattr(model, "directoryLoaded"):
        model.directoryLoaded.connect(fit_columns)
    fit_columns()


def fit_file_dialogs(app: QApplication) -> FileDialogFitter:
    """Fit every widget-based file dialog of ``app`` as the focus first enters it."""
    existing = app.findChild(FileDialogFitter)
    return existing if existing is not None else FileDialogFitter(app)
