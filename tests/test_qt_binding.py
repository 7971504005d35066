"""The Qt binding itself: PySide6 6.12.0 dropped a reference to True on every Signal.emit(), which
crashes a long session. pyproject.toml excludes it; this keeps any later version honest."""

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    fired = Signal()
    carried = Signal(str, int)


def test_emitting_signals_keeps_reference_counts_intact():
    emitter = _Emitter()
    before = sys.getrefcount(True)
    for _ in range(200):
        emitter.fired.emit()
        emitter.carried.emit("x", 1)
    assert sys.getrefcount(True) - before > -10  # the bug loses one per emit: -400
