"""Search over the records and the document pages: one ranked list of hits.

``Searcher`` parses the user's text (``query.parse``, with the archive's aliases), plans it against
the search index (``plan.Planner``) and runs the steps in turn while hits are few: every word,
then with typos, then some of the words; hits of a later step come after and are marked
(``Hit.match``). The hits' rows are read from SQLite, the one source of truth, and their snippets
cut from the text there. Without a readable index (being built), the archive's FTS5 tables answer
(``fts.FtsSearch``).
"""

from __future__ import annotations

import sqlite3

import tantivy

from vlnl_desktop.core.notes.markdown import markdown_plain
from vlnl_desktop.core.search.analysis import edit_distance, without_urls
from vlnl_desktop.core.search.hits import (
    MARK_CLOSE,
    MARK_OPEN,
    MATCH_ALL,
    MATCH_PARTIAL,
    MATCH_TYPO,
    Facets,
    Hit,
    Results,
)
from vlnl_desktop.core.search.index import (
    NS_DOCUMENT,
    NS_HIGHLIGHT,
    NS_ITEM,
    NS_NOTE,
    NS_PAGE,
    SRC_SHEET,
    STRIDE,
    SearchIndex,
)
from vlnl_desktop.core.search.plan import Plan, Planner
from vlnl_desktop.core.search.query import Phrase, Query, alias_table, parse
from vlnl_desktop.core.search.snippets import cores, focus, mark_window

__all__ = ["MARK_CLOSE", "MARK_OPEN", "Hit", "Results", "Searcher"]

SNIPPET_TOKENS = 16
FEW = 3  # fewer hits than this: look further (typos, then some of the words)
FILL = 10  # most of the words matching: shown up to this many (one word of many: only to FEW)
CANDIDATES = 200  # a phrase is checked on this many of its words' best pages first

ITEM_ROWS_SQL = "SELECT id, record_id, kind, title, date, body FROM search_items WHERE id IN ({})"
PAGE_ROWS_SQL = (
    "SELECT p.id, p.document_id, p.page_no, d.title, d.date, p.text FROM pages p "
    "JOIN documents d ON d.id = p.document_id WHERE p.id IN ({})"
)
DOCUMENT_ROWS_SQL = "SELECT rowid, id, title, date, summary FROM documents WHERE rowid IN ({})"
NOTE_ROWS_SQL = (
    "SELECT n.id, n.record_id, coalesce(r.title, n.record_id), r.date, n.text FROM notes n "
    "LEFT JOIN records r ON r.id = n.record_id WHERE n.id IN ({})"
)
HIGHLIGHT_ROWS_SQL = (
    "SELECT h.id, d.id, d.title, d.date, h.page_no, h.text, n.text FROM highlights h "
    "JOIN documents d ON d.id = (SELECT id FROM documents WHERE sha256 = h.sha256 "
    "ORDER BY id LIMIT 1) LEFT JOIN notes n ON n.highlight_id = h.id WHERE h.id IN ({})"
)


KIND_COUNTS = {"kind": {"terms": {"field": "kind", "size": 50}}}
YEAR_COUNTS = {"year": {"terms": {"field": "year", "size": 1000}}}


def _buckets(answer: dict, name: str) -> list[tuple]:
    """(key, count) of one terms aggregation's answer (tantivy's JSON as a dict)."""
    return [(b["key"], b["doc_count"]) for b in answer.get(name, {}).get("buckets", [])]


def _database_path(conn: sqlite3.Connection) -> str | None:
    for _seq, name, file in conn.execute("PRAGMA database_list"):
        if name == "main" and file:
            return file
    return None


class Searcher:
    """Runs searches on one connection and the index beside its database.

    ``index``: the index to search; by default the one beside the connection's archive (None
    when there is none fit to read: FTS5 answers)."""

    _DEFAULT = object()

    def __init__(self, conn: sqlite3.Connection, index: SearchIndex | None | object = _DEFAULT):
        self._conn = conn
        self._aliases: dict[Phrase, list[Phrase]] | None = None
        if index is Searcher._DEFAULT:
            path = _database_path(conn)
            index = SearchIndex.open(path) if path is not None else None
        self.index: SearchIndex | None = index  # type: ignore[assignment]
        self._planned: tuple[str, Plan, tantivy.Searcher] | None = None  # the last text's plan

    @property
    def aliases(self) -> dict[Phrase, list[Phrase]]:
        if self._aliases is None:
            rows = self._conn.execute(
                "SELECT group_id, folded FROM aliases ORDER BY group_id, term"
            )  # folded by the build: only cut into words here
            self._aliases = alias_table(((r[0], r[1]) for r in rows), folded=True)
        return self._aliases

    def parse(self, text: str) -> Query:
        return parse(text, self.aliases)

    def search(self, text: str, limit: int = 50) -> list[Hit]:
        """The best ``limit`` hits for the user's text; an empty list for a query of nothing."""
        return self.results(text, limit).hits

    def results(self, text: str, limit: int = 50) -> Results:
        """The hits for the user's text with the suggestion and notices that go with them."""
        query = self.parse(text)
        whole, prefixes = query.highlight_terms()
        results = Results(truncated=query.truncated, words=whole + prefixes)
        if limit <= 0:
            return results
        if self.index is not None:
            try:
                return self._index_results(text, query, limit, results)
            except ValueError as exc:  # tantivy: the index broke under us; FTS5 answers
                import logging

                logging.getLogger(__name__).warning("search index failed (%s): FTS5 answers", exc)
                self.index = None
        from vlnl_desktop.core.search.fts import FtsSearch  # only while the index is built

        results.engine = "fts"
        results.hits = FtsSearch(self._conn).search(query, limit)
        return results

    def _index_results(self, text: str, query: Query, limit: int, results: Results) -> Results:
        assert self.index is not None
        searcher = self.index.searcher()
        planner = Planner(self.index, searcher)
        plan = planner.plan(query)
        self._planned = (text, plan, searcher)
        found: list[tuple[str, float, int, int]] = []  # match, score, key, src
        seen: set[int] = set()
        if plan.strict is not None and (
            plan.loose is None or not self._run_within(searcher, plan, limit, found, seen)
        ):
            self._run(searcher, plan.strict, limit, MATCH_ALL, found, seen)
        if plan.aliased is not None and len(found) < limit:  # pages found by aliases: after
            self._run(searcher, plan.aliased, limit, MATCH_ALL, found, seen)
        if plan.forms is not None and len(found) < min(FEW, limit):  # "tekende": "ondertekend"
            plan.terms.update((t, n) for t, n in plan.form_terms.items() if t not in plan.terms)
            self._run(searcher, plan.forms, limit, MATCH_ALL, found, seen)
        steps = [(plan.typo, MATCH_TYPO)] + [(step, MATCH_PARTIAL) for step in plan.partial]
        for number, (step, match) in enumerate(steps):
            wanted = FEW if match != MATCH_PARTIAL or number == len(steps) - 1 else FILL
            if step is not None and len(found) < min(wanted, limit):
                self._run(searcher, step, limit, match, found, seen)
        order = {MATCH_ALL: 0, MATCH_TYPO: 1, MATCH_PARTIAL: 2}
        found.sort(key=lambda f: (order[f[0]], f[3] == SRC_SHEET))  # stable: by score within
        results.hits = self._hits(found[:limit], plan)
        if plan.misspelt and any(h.match != MATCH_ALL for h in results.hits):
            from vlnl_desktop.core.search.suggest import corrections, suggestion

            texts = [h.title + " " + h.snippet for h in results.hits if h.match != MATCH_ALL]
            known = lambda word: any(planner.known(t) for _p, t in planner.terms(word))  # noqa: E731
            results.suggestion = suggestion(text, corrections(plan.misspelt, texts, known))
        return results

    def facets(self, text: str) -> Facets | None:
        """What the user's text finds, counted per kind and per year (see ``Facets``): the hits
        on every word, or if there are none those of the first step that has some. None without
        an index (FTS5 answers) or when the text asks for nothing."""
        if self.index is None:
            return None
        if self._planned is not None and self._planned[0] == text:
            _text, plan, searcher = self._planned  # just searched: planned already
        else:
            searcher = self.index.searcher()
            plan = Planner(self.index, searcher).plan(self.parse(text))
        try:
            for by_kind, by_year in plan.counting():
                if by_year is by_kind:  # no filter set: one pass counts both
                    answer = searcher.aggregate(by_kind, {**KIND_COUNTS, **YEAR_COUNTS})
                    kinds, years = _buckets(answer, "kind"), _buckets(answer, "year")
                else:
                    kinds = _buckets(searcher.aggregate(by_kind, KIND_COUNTS), "kind")
                    years = _buckets(searcher.aggregate(by_year, YEAR_COUNTS), "year")
                if not kinds and not years:
                    continue  # nothing found in this step: count the next
                kinds.sort(key=lambda kc: (-kc[1], kc[0]))
                years.sort(reverse=True)
                return Facets(kinds=kinds, years=[(int(y), n) for y, n in years])
        except ValueError as exc:  # tantivy: the index broke under us
            import logging

            logging.getLogger(__name__).warning("counting per kind and year failed: %s", exc)
        return None

    def _run_within(self, searcher: tantivy.Searcher, plan: Plan, limit, found, seen) -> bool:
        """The phrase query checked only on the best candidates of its loose form; False if
        those held too few to be sure of the best (then the phrase query runs on every page)."""
        assert self.index is not None
        wanted = max(CANDIDATES, 10 * limit)
        hits = searcher.search(plan.loose, wanted, count=False).hits
        if not hits:
            return True
        keys = searcher.fast_field_values("key", [address for _score, address in hits])
        within = tantivy.Query.boolean_query(
            [
                (tantivy.Occur.Must, plan.strict),
                (
                    tantivy.Occur.Must,
                    tantivy.Query.const_score_query(
                        tantivy.Query.term_set_query(self.index.schema, "key", keys), 0.0
                    ),
                ),
            ]
        )
        before = len(found)
        self._run(searcher, within, limit, MATCH_ALL, found, seen)
        if len(found) - before >= min(limit, FEW) or len(hits) < wanted:
            return True
        del found[before:]
        seen.difference_update(keys)
        return False

    @staticmethod
    def _run(searcher: tantivy.Searcher, query, limit, match, found, seen) -> None:
        # more than asked: the record sheets' pages, ranked last, must not crowd out the rest
        hits = searcher.search(query, 2 * limit + FEW, count=False).hits
        if not hits:
            return
        addresses = [address for _score, address in hits]
        keys = searcher.fast_field_values("key", addresses)
        sources = searcher.fast_field_values("src", addresses)
        for (score, _address), key, src in zip(hits, keys, sources, strict=True):
            if key not in seen:
                seen.add(key)
                found.append((match, score, key, src))

    # --- rows and snippets ---

    def _rows(self, sql: str, ids: list[int]) -> dict[int, tuple]:
        if not ids:
            return {}
        return {
            row[0]: tuple(row)
            for row in self._conn.execute(sql.format(", ".join("?" * len(ids))), ids)
        }

    def _hits(self, found: list[tuple[str, float, int, int]], plan: Plan) -> list[Hit]:
        by_ns: dict[int, list[int]] = {n: [] for n in range(STRIDE)}
        for _match, _score, key, _src in found:
            by_ns[key % STRIDE].append(key // STRIDE)
        items = self._rows(ITEM_ROWS_SQL, by_ns[NS_ITEM])
        pages = self._rows(PAGE_ROWS_SQL, by_ns[NS_PAGE])
        documents = self._rows(DOCUMENT_ROWS_SQL, by_ns[NS_DOCUMENT])
        notes = self._rows(NOTE_ROWS_SQL, by_ns[NS_NOTE])
        highlights = self._rows(HIGHLIGHT_ROWS_SQL, by_ns[NS_HIGHLIGHT])
        snippet = _Snippets(self.index, plan, any(f[0] != MATCH_ALL for f in found))
        hits = []
        for match, score, key, src in found:
            ns, rowid = key % STRIDE, key // STRIDE
            if ns == NS_ITEM and rowid in items:
                _, record_id, kind, title, date, body = items[rowid]
                hits.append(Hit(
                    kind=kind, id=record_id, title=title, date=date,
                    document=record_id if kind == "document" else None, page=None,
                    snippet=snippet(without_urls(body or "")), score=-score, match=match,
                ))  # fmt: skip
            elif ns == NS_PAGE and rowid in pages:
                _, document_id, page_no, title, date, text = pages[rowid]
                hits.append(Hit(
                    kind="page", id=document_id, title=title, date=date, document=document_id,
                    page=page_no, snippet=snippet(without_urls(text or "")), score=-score,
                    generated=src == SRC_SHEET, match=match,
                ))  # fmt: skip
            elif ns == NS_DOCUMENT and rowid in documents:
                _, document_id, title, date, summary = documents[rowid]
                hits.append(Hit(
                    kind="document", id=document_id, title=title, date=date,
                    document=document_id, page=None, snippet=snippet(summary or ""),
                    score=-score, generated=src == SRC_SHEET, match=match,
                ))  # fmt: skip
            elif ns == NS_NOTE and rowid in notes:
                _, record_id, title, date, text = notes[rowid]
                hits.append(Hit(
                    kind="note", id=record_id, title=title, date=date, document=None, page=None,
                    snippet=snippet(markdown_plain(text or "")), score=-score, match=match,
                ))  # fmt: skip
            elif ns == NS_HIGHLIGHT and rowid in highlights:
                _, document_id, title, date, page_no, text, note = highlights[rowid]
                hits.append(Hit(
                    kind="highlight", id=document_id, title=title, date=date,
                    document=document_id, page=page_no,
                    snippet=snippet(f"{text or ''}\n{markdown_plain(note or '')}".strip()),
                    score=-score,
                    match=match, highlight=rowid,
                ))  # fmt: skip
            # a row gone from SQLite since the index was written: left out
        return hits


_UNSET = object()


class _Snippets:
    """Cuts snippets marking the words the plan matched: by their analyzed terms (stems and
    compound parts), the prefix being typed, and words within the typo distance."""

    def __init__(self, index: SearchIndex, plan: Plan, typos: bool):
        self._analyze = index.analyze_word
        self._plan = plan
        self._misspelt = plan.misspelt if typos else {}
        self._cache: dict[str, str | None] = {}
        self._pattern: object = _UNSET

    def _match(self, token: str) -> str | None:
        if token in self._cache:
            return self._cache[token]
        found = None
        terms = self._analyze(token)
        for term in terms:
            if term in self._plan.terms:
                found = str(self._plan.terms[term])
                break
        if found is None:  # the word being typed: the token's start, or a compound part's
            found = next(
                (
                    str(n)
                    for p, n in self._plan.prefixes.items()
                    if token.startswith(p) or any(term.startswith(p) for term in terms)
                ),
                None,
            )
        if found is None:
            for word, edits in self._misspelt.items():
                if (
                    abs(len(word) - len(token)) <= edits
                    and (word[0] == token[:1] or word[1:2] == token[1:2])  # not both wrong
                    and edit_distance(word, token, edits) <= edits
                ):
                    found = word
                    break
        self._cache[token] = found
        return found

    def __call__(self, text: str) -> str:
        if self._pattern is _UNSET:
            words = {**self._plan.terms, **self._plan.prefixes}
            words.update((word[:3], len(words) + n) for n, word in enumerate(self._misspelt))
            self._pattern = cores(words)
        first, last = focus(text, self._pattern)  # type: ignore[arg-type]
        snippet = mark_window(
            text[first:last],
            self._match,
            size=SNIPPET_TOKENS,
            mark_open=MARK_OPEN,
            mark_close=MARK_CLOSE,
        )
        if first > 0 and snippet and not snippet.startswith("…"):
            snippet = "…" + snippet
        if last < len(text) and snippet and not snippet.endswith("…"):
            snippet += "…"
        return snippet
