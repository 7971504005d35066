"""``python -m vlnl_desktop``: the same as the ``vlnl-desktop`` command."""

from vlnl_desktop.cli import main

main()
