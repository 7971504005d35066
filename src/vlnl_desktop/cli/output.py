"""How the command line writes: one setting for both of its entry points (``cli.launch`` and the
click group), without importing click."""

from __future__ import annotations

import sys


def escape_unencodable_output() -> None:
    """What cannot be encoded (a file name's or an argument's bytes that were not UTF-8, kept as
    surrogates) is written as a backslash escape, never an error in the middle of a line."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
