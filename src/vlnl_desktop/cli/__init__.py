"""The command line: a thin layer over core; the GUI is imported only when the GUI is launched."""

from .main import main

__all__ = ["main"]
