"""Citations of records, documents and highlights: what is cited (``source``) and how it is
written (``formats``: a Dutch APA 7 text, CSL-JSON, RIS, BibTeX)."""
