"""The command line: a thin layer over core; the GUI is imported only when the GUI is launched, and
a plain launch (``cli.launch``) loads neither click nor the other commands."""

from .launch import main

__all__ = ["main"]
