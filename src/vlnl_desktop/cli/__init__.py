"""The command line: a thin layer over core; the GUI is imported only when the GUI is launched.

Two paths skip click (whose import is most of a short command's time): a plain launch
(``cli.launch``) and a plain ``search`` (``cli.search_run.quick``).
"""

from .launch import main

__all__ = ["main"]
