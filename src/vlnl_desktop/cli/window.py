"""Starting the window from the command line (the plain launch, the group without a subcommand, and
``open``): first the check that Qt can show it (``display_libraries``), then the GUI, imported only
now.

The cyclic garbage collector is paused from here until the window is up (``ui.app.run`` turns it on
again after the first paint): the start-up makes some 30,000 objects (Qt's classes and enums, our
modules) that live as long as the app, and looking for cycles among them while they are made costs
~12 ms of the launch. Reference counting frees everything else as usual.
"""

from __future__ import annotations

import gc
import sys


def open_window(archive: str | None, lang: str | None, **opening) -> int | None:
    """Start the window; the exit code, or None if this installation has no GUI. Fails with one
    line (``SystemExit``) if the libraries Qt needs to show it are missing."""
    from .display_libraries import missing_message

    message = missing_message()
    if message:
        print(f"vlnl-desktop: {message}", file=sys.stderr)
        raise SystemExit(1)
    if opening.get("open_path"):  # the viewer's sandbox loads PyMuPDF while the window is built
        from ..core.pdf.sandbox import start_fork_server

        start_fork_server()
    gc.disable()
    try:
        try:
            from ..ui.app import run
        except ModuleNotFoundError as exc:
            if not (exc.name or "").startswith("vlnl_desktop.ui"):
                raise
            return None
        return run(archive=archive, lang=lang, **opening)
    finally:
        gc.enable()
