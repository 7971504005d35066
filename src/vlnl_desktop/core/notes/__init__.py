"""The user's own layer: notes on records and highlights, highlights on pages (tables ``notes``
and ``highlights``), kept in the working archive and carried over by every build."""
