"""``python -m vlnl_desktop.ui.timeline [--archive DIR]``: the timeline (or, with ``--matrix``, the
theme × summit table) in a window of its own, for looking at it while working on it."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget


def main(argv: list[str] | None = None) -> int:
    from vlnl_desktop.core.archive.connections import connect_readonly
    from vlnl_desktop.core.archive.lifecycle import open_workspace
    from vlnl_desktop.core.timeline_data import load_timeline
    from vlnl_desktop.ui.palette import dark_palette
    from vlnl_desktop.ui.theme_matrix import ThemeMatrix
    from vlnl_desktop.ui.timeline.view import TimelineView

    parser = argparse.ArgumentParser(description="De tijdlijn op zichzelf bekijken.")
    parser.add_argument(
        "--archive", help="werkarchief (standaard: een nieuw in een tijdelijke map)"
    )
    parser.add_argument("--dark", action="store_true", help="donker palet")
    parser.add_argument("--group", help="alleen deze themagroep")
    parser.add_argument("--select", help="dit record markeren")
    parser.add_argument("--zoom", type=float, help="pixels per jaar")
    parser.add_argument("--matrix", action="store_true", help="de tabel thema × topontmoeting")
    parser.add_argument("--maximized", action="store_true")
    args = parser.parse_args(argv)

    app = QApplication(sys.argv[:1])
    if args.dark:
        app.setStyle("Fusion")
        app.setPalette(dark_palette())
    with tempfile.TemporaryDirectory(prefix="vlnl-timeline-") as tmp:
        conn = connect_readonly(open_workspace(args.archive or Path(tmp) / "ws"))
        try:
            data = load_timeline(conn)
        finally:
            conn.close()
        widget: QWidget
        widget = ThemeMatrix(data=data) if args.matrix else TimelineView(data=data)
        widget.record_activated.connect(lambda rid: print("record_activated", rid))
        widget.setWindowTitle("Tijdlijn — vlnl-desktop")
        widget.resize(1400, 900)
        if args.maximized:
            widget.showMaximized()
        else:
            widget.show()
        widget.setFocus()
        if isinstance(widget, TimelineView):
            if args.group:
                widget.set_group_filter(args.group)
            if args.zoom:
                widget.set_zoom(args.zoom)
            if args.select:
                widget.select_record(args.select)
        return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
