"""The command line: a thin layer over core; the GUI is imported only when the GUI is launched.

A plain ``search`` is answered before click is imported (``search_run.quick``): its start-up is
most of its time.
"""

import sys


def main() -> None:
    from .search_run import quick

    if quick(sys.argv[1:]):
        return
    from .main import main as click_main

    click_main()


__all__ = ["main"]
