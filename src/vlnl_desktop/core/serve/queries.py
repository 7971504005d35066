"""The canned queries of the published archive: the questions a policy adviser asks most.

Each is read-only SQL over the snapshot (``snapshot`` adds the Dutch word tables ``relations``,
``record_kinds``, ``document_kinds`` and the FTS5 index ``documents_fts`` they join). A column
named ``pdf`` holds the address of a stored PDF (``DOCUMENT_ROUTE`` + id, with ``#page=N`` for a
page); the plugin shows it as a link. Words typed into ``:zoek`` reach FTS5 only through the
plugin's SQL function ``vlnl_fts()``, which quotes every word (no input is a syntax error).
"""

from __future__ import annotations

DOCUMENT_ROUTE = "/-/documenten/"  # where the plugin serves a stored PDF: + document id
FTS_FUNCTION = "vlnl_fts"  # the plugin's SQL function: typed words -> a safe FTS5 query
MARK_OPEN, MARK_CLOSE = "<mark>", "</mark>"  # around matched words in a snippet


def _pdf(document: str, page: str | None = None) -> str:
    """SQL for the ``pdf`` column: the PDF's address if the file is stored, else NULL."""
    address = f"'{DOCUMENT_ROUTE}' || {document}.id"
    if page is not None:
        address += f" || '#page=' || {page}"
    return f"CASE WHEN {document}.sha256 IS NOT NULL THEN {address} END"


def _snippet(table: str, column: int) -> str:
    return f"snippet({table}, {column}, '{MARK_OPEN}', '{MARK_CLOSE}', '…', 14)"


SUMMIT_THEMES = """
SELECT s.date AS datum, s.place AS plaats, s.title AS topontmoeting, t.name AS thema,
       r.label AS relatie, st.note AS toelichting
FROM summit_themes st
JOIN summits s ON s.id = st.summit_id
JOIN themes t ON t.id = st.theme_id
LEFT JOIN relations r ON r.code = st.relation
ORDER BY s.date, st.position
"""

DOCUMENTS_PER_SUMMIT = f"""
SELECT s.date AS datum, s.place AS plaats, d.title AS document, k.label AS soort,
       d.date AS documentdatum, d.page_count AS paginas, {_pdf("d")} AS pdf
FROM summits s
JOIN documents d ON d.summit_id = s.id
  OR d.id IN (SELECT document_id FROM document_links WHERE record_id = s.id)
LEFT JOIN document_kinds k ON k.code = d.kind
ORDER BY s.date, d.kind = 'fiche', d.date, d.title
"""

ABOUT_A_THEME = f"""
WITH gekozen AS (
  SELECT id, name FROM themes
  WHERE id = :thema OR name LIKE '%' || :thema || '%'
), rijen AS (
  SELECT g.name AS thema, 'Topontmoeting' AS soort, s.title AS titel, s.date AS datum,
         r.label || coalesce(': ' || st.note, '') AS verband, NULL AS pdf
  FROM gekozen g
  JOIN summit_themes st ON st.theme_id = g.id
  JOIN summits s ON s.id = st.summit_id
  LEFT JOIN relations r ON r.code = st.relation
  UNION ALL
  SELECT g.name, k.label, rec.title, rec.date, 'gaat over het thema', NULL
  FROM gekozen g
  JOIN record_themes rt ON rt.theme_id = g.id
  JOIN records rec ON rec.id = rt.record_id
  LEFT JOIN record_kinds k ON k.code = rec.kind
  UNION ALL
  SELECT g.name, 'Document', d.title, d.date, 'hoort bij ' || rec.title, {_pdf("d")}
  FROM gekozen g
  JOIN record_themes rt ON rt.theme_id = g.id
  JOIN records rec ON rec.id = rt.record_id
  JOIN document_links dl ON dl.record_id = rec.id
  JOIN documents d ON d.id = dl.document_id
  UNION ALL
  SELECT g.name, 'Pagina', d.title || ', p. ' || p.page_no, d.date, 'noemt het thema',
         {_pdf("d", "p.page_no")}
  FROM gekozen g
  JOIN pages_fts ON pages_fts MATCH {FTS_FUNCTION}(g.name)
  JOIN pages p ON p.id = pages_fts.rowid
  JOIN documents d ON d.id = p.document_id
)
SELECT * FROM rijen ORDER BY thema, datum, soort
"""

SEARCH = f"""
SELECT soort, titel, datum, fragment, pdf FROM (
  SELECT k.label AS soort, si.title AS titel, si.date AS datum,
         {_snippet("search_items_fts", 1)} AS fragment, NULL AS pdf,
         bm25(search_items_fts, 10.0, 1.0) AS score
  FROM search_items_fts
  JOIN search_items si ON si.id = search_items_fts.rowid
  LEFT JOIN record_kinds k ON k.code = si.kind
  WHERE search_items_fts MATCH {FTS_FUNCTION}(:zoek)
  UNION ALL
  SELECT 'Pagina', d.title || ', p. ' || p.page_no, d.date, {_snippet("pages_fts", 0)},
         {_pdf("d", "p.page_no")}, bm25(pages_fts)
  FROM pages_fts
  JOIN pages p ON p.id = pages_fts.rowid
  JOIN documents d ON d.id = p.document_id
  WHERE pages_fts MATCH {FTS_FUNCTION}(:zoek)
)
ORDER BY score
LIMIT 50
"""

QUERIES = {
    "topontmoetingen_en_themas": {
        "title": "Topontmoetingen en hun thema's",
        "description": "Elke topontmoeting met de thema's die ze introduceerde, prioriteerde "
        "of besprak, en wat erover werd gezegd.",
        "sql": SUMMIT_THEMES,
    },
    "documenten_per_top": {
        "title": "Documenten per top",
        "description": "De documenten van elke topontmoeting: slotverklaringen, conclusies, "
        "agenda's en de fiche van het archief, met een link naar de PDF.",
        "sql": DOCUMENTS_PER_SUMMIT,
    },
    "alles_over_een_thema": {
        "title": "Alles over een thema",
        "description": "Geef een thema (een deel van de naam volstaat, bijvoorbeeld "
        "'waterstof'): de topontmoetingen die het behandelden, de records en documenten "
        "erover, en de pagina's die het noemen.",
        "sql": ABOUT_A_THEME,
    },
    "zoeken": {
        "title": "Zoeken in records en pagina's",
        "description": "Zoek woorden in alle records en in de tekst van alle documenten; de "
        "beste treffers eerst, de gevonden woorden gemarkeerd.",
        "sql": SEARCH,
    },
}
