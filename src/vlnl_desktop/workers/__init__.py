"""Background work for the UI (page rendering, importing, indexing): QtCore/QtGui only."""
