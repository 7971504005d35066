"""``python -m vlnl_desktop``: the same as the ``vlnl-desktop`` command."""

from vlnl_desktop.cli import main

if __name__ == "__main__":  # guarded: worker processes (spawn) import this module again
    main()
