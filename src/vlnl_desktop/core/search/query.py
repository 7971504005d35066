"""The search box's small, safe query language, compiled to an FTS5 MATCH expression.

    words            all must occur (AND)
    "a phrase"       the words in this order
    a OR b           either
    -word, -"a b"    must not occur
    soort:top        only records of that kind (top, verklaring, gebeurtenis, thema, document,
                     pagina, …; English codes too); jaar:2018 or jaar:2016-2018 only those years
    the last word    matches as a prefix while the user types ("waterst" finds Waterstoftechnologie)

The user's text never reaches FTS5 as it is: it is cut into tokens the way FTS5's unicode61 tokenizer
cuts text (runs of letters and digits), and every token is quoted. Any other character (``* ( ) : ^``,
stray quotes, SQL) only separates words. A query that means nothing compiles to ``None``.
Aliases (Den Bosch / 's-Hertogenbosch, AI / Artificiële Intelligentie) widen a clause to an OR of the
alias terms (``Clause.typed`` says which alternatives the user typed).

A pasted page of text is cut: at most ``MAX_CLAUSES`` conditions, ``MAX_ALTERNATIVES`` words or
phrases in all and ``MAX_CHARS`` characters are read; ``Query.truncated`` says so.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence

from vlnl_desktop.core.text import fold

Phrase = tuple[str, ...]
MAX_CLAUSES = 32
MAX_ALTERNATIVES = 64
MAX_CHARS = 1000

# the word each kind is filtered with (``soort:top``), as the filter chips write it
FILTER_WORDS = {
    "declaration": "verklaring", "summit": "top", "event": "gebeurtenis", "treaty": "verdrag",
    "institution": "instelling", "group": "themagroep", "theme": "thema", "person": "persoon",
    "document": "document", "page": "pagina", "note": "notitie", "highlight": "markering",
}  # fmt: skip
# soort: words (folded) -> the kinds they filter on
KIND_WORDS = {
    **{word: kind for kind, word in FILTER_WORDS.items()},
    "topontmoeting": "summit", "topontmoetingen": "summit", "summit": "summit",
    "intentieverklaring": "declaration", "declaration": "declaration",
    "gebeurtenissen": "event", "event": "event", "themas": "theme", "theme": "theme",
    "groep": "group", "group": "group", "documenten": "document", "paginas": "page",
    "page": "page", "verdragen": "treaty", "treaty": "treaty", "instellingen": "institution",
    "institution": "institution", "personen": "person", "person": "person",
    "notities": "note", "note": "note", "notes": "note", "markeringen": "highlight",
    "highlight": "highlight", "highlights": "highlight",
}  # fmt: skip
_FILTER = re.compile(r"(?i)^(soort|kind|jaar|year):(.+)$")
_YEARS = re.compile(r"^(\d{4})(?:(?:-|\.\.)(\d{4}))?$")


class Clause:
    """One condition: any of ``alternatives`` (phrases) must occur, or none if ``negated``.

    ``prefix``: the first alternative's last token is a prefix; ``quoted``: typed between quotes
    (matched as typed, never loosened); ``typed``: the first ``typed`` alternatives were typed,
    the rest are aliases (None: all typed). A plain class: no dataclasses on the start-up path."""

    __slots__ = ("alternatives", "negated", "prefix", "quoted", "typed")

    def __init__(
        self,
        alternatives: list[Phrase],
        negated: bool = False,
        prefix: bool = False,
        quoted: bool = False,
        typed: int | None = None,
    ):
        self.alternatives = alternatives
        self.negated = negated
        self.prefix = prefix
        self.quoted = quoted
        self.typed = typed

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"Clause({fields})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Clause):
            return NotImplemented
        return all(getattr(self, n) == getattr(other, n) for n in self.__slots__)

    __hash__ = None  # type: ignore[assignment]  # mutable

    @property
    def typed_alternatives(self) -> list[Phrase]:
        return self.alternatives if self.typed is None else self.alternatives[: self.typed]


class Query:
    """The parsed text: its clauses, its ``soort:`` filters (``kinds``; empty: every kind) and
    ``jaar:`` filters (``years``; empty: every year); ``truncated`` if the text was longer than
    the language reads."""

    def __init__(self) -> None:
        self.clauses: list[Clause] = []
        self.kinds: set[str] = set()
        self.years: set[int] = set()
        self.truncated = False

    def __repr__(self) -> str:
        return (
            f"Query(clauses={self.clauses!r}, kinds={self.kinds!r}, years={self.years!r}, "
            f"truncated={self.truncated!r})"
        )

    @property
    def filtered(self) -> bool:
        return bool(self.kinds or self.years)

    @property
    def positive(self) -> list[Clause]:
        return [c for c in self.clauses if not c.negated]

    def highlight_terms(self) -> tuple[list[str], list[str]]:
        """The tokens to mark in a snippet: whole tokens, and prefixes (the word being typed)."""
        whole: list[str] = []
        prefixes: list[str] = []
        for clause in self.positive:
            for index, alt in enumerate(clause.alternatives):
                if clause.prefix and index == 0:
                    whole.extend(alt[:-1])
                    prefixes.append(alt[-1])
                else:
                    whole.extend(alt)
        return whole, prefixes


_TOKEN = re.compile(r"[^\W_]+")


def tokenize(text: str) -> list[str]:
    """Cut text into folded tokens as FTS5's ``unicode61 remove_diacritics 2`` does: runs of
    letters and digits."""
    return _TOKEN.findall(fold(text))


_LEXER = re.compile(r'(?P<neg>-?)"(?P<phrase>[^"]*)("|$)|(?P<word>[^\s"]+)|(?P<quote>")')


def filter_word(kind: str | None = None, year: int | None = None) -> str:
    """The word that filters on ``kind`` or on ``year``: ``soort:top``, ``jaar:2018``."""
    return f"soort:{FILTER_WORDS.get(kind, kind)}" if kind else f"jaar:{year}"


def toggle_filter(text: str, kind: str | None = None, year: int | None = None) -> str:
    """``text`` with a filter on ``kind`` (or ``year``) added at its end when it has none, else
    with every word that filters on it taken out (a range of years holding ``year`` too)."""
    spans = []
    for match in _LEXER.finditer(text):
        word = match.group("word")
        if not word or match.group("phrase") is not None:
            continue
        found = Query()
        if _filter(word, found) and (kind in found.kinds or year in found.years):
            spans.append(match.span())
    if not spans:
        return f"{text.rstrip()} {filter_word(kind, year)}".lstrip() + " "
    for start, end in reversed(spans):
        text = text[:start].rstrip() + " " + text[end:].lstrip()
    return text.strip() + " "


def _filter(word: str, query: Query) -> bool:
    """Take ``soort:…`` / ``jaar:…`` into ``query``; False if ``word`` is no filter."""
    match = _FILTER.match(word)
    if not match:
        return False
    name, value = match.group(1).lower(), "".join(tokenize(match.group(2)))
    if name in ("soort", "kind"):
        kind = KIND_WORDS.get(value)
        if kind is None:
            return False
        query.kinds.add(kind)
        return True
    years = _YEARS.match(match.group(2))
    if not years:
        return False
    first = int(years.group(1))
    last = int(years.group(2) or first)
    if not 0 <= last - first <= 200:
        return False
    query.years.update(range(first, last + 1))
    return True


def parse(text: str, aliases: Mapping[Phrase, list[Phrase]] | None = None) -> Query:
    """Parse the user's text into a Query. Never raises."""
    if not isinstance(text, str):
        return Query()
    query = Query()
    text = unicodedata.normalize("NFKC", text)
    if len(text) > MAX_CHARS:
        text, query.truncated = text[:MAX_CHARS].rsplit(None, 1)[0] + " ", True
    ends_open = bool(text) and not text[-1].isspace() and not text.rstrip().endswith('"')
    pending_or = False
    groups: list[list[tuple[bool, Phrase, bool]]] = []
    for match in _LEXER.finditer(text):
        if match.group("quote"):
            continue
        if match.group("phrase") is not None:
            negated, tokens, quoted = (
                bool(match.group("neg")),
                tuple(tokenize(match["phrase"])),
                True,
            )
        else:
            word = match.group("word")
            if word == "OR":
                pending_or = bool(groups)
                continue
            if _filter(word, query):
                ends_open = ends_open and match.end() < len(text)  # a filter typed last: no prefix
                continue
            negated = word.startswith("-") and len(word) > 1
            tokens, quoted = tuple(tokenize(word[1:] if negated else word)), False
        if not tokens:
            continue
        item = (negated, tokens, quoted)
        if pending_or and not negated and not groups[-1][0][0]:
            groups[-1].append(item)
        else:
            groups.append([item])
        pending_or = False

    if len(groups) > MAX_CLAUSES:  # a pasted page of text: the first words decide
        groups, ends_open, query.truncated = groups[:MAX_CLAUSES], False, True
    budget = MAX_ALTERNATIVES
    for index, group in enumerate(groups):  # "a OR b OR …" 13,000 times: the first ones decide
        if len(group) > budget:
            groups[index], query.truncated = group[: max(budget, 1)], True
            groups = groups[: index + 1]
            ends_open = False
            break
        budget -= len(group)
    seen: set = set()
    unique = []
    for index, group in enumerate(groups):  # "gent gent gent…" costs one clause, not many
        key = tuple((negated, tokens) for negated, tokens, _ in group)
        if key not in seen or (index == len(groups) - 1 and ends_open):
            unique.append(group)
        seen.add(key)
    groups = unique
    for group in groups:
        negated = group[0][0]
        alternatives = _merge((tokens for _, tokens, _ in group), [])
        quoted = all(q for _, _, q in group)
        query.clauses.append(Clause(alternatives=alternatives, negated=negated, quoted=quoted))

    if query.clauses and ends_open and groups:
        last_group, last_clause = groups[-1], query.clauses[-1]
        if not last_group[-1][2] and not last_clause.negated:
            # the last typed alternative becomes a prefix: move it first so compile() knows which
            last_alt = last_clause.alternatives.pop()
            last_clause.alternatives.insert(0, last_alt)
            last_clause.prefix = True
    if aliases:
        _apply_aliases(query, aliases)
    return query


def _apply_aliases(query: Query, aliases: Mapping[Phrase, list[Phrase]]) -> None:
    """Widen clauses (or runs of single-word clauses) that spell an alias term."""
    longest = max((len(k) for k in aliases), default=0)
    out: list[Clause] = []
    clauses = query.clauses
    i = 0
    while i < len(clauses):
        clause = clauses[i]
        matched = False
        if not clause.negated:
            # a run of plain one-word clauses: try the longest n-gram first
            run: list[str] = []
            j = i
            while (
                j < len(clauses)
                and len(run) < longest
                and not clauses[j].negated
                and len(clauses[j].alternatives) == 1
                and len(clauses[j].alternatives[0]) == 1
            ):
                run.append(clauses[j].alternatives[0][0])
                j += 1
            for n in range(len(run), 1, -1):
                key = tuple(run[:n])
                if key in aliases:
                    last_is_prefix = clauses[i + n - 1].prefix
                    alts = _merge([key], aliases[key])
                    out.append(Clause(alternatives=alts, prefix=last_is_prefix, typed=1))
                    i += n
                    matched = True
                    break
            if not matched:
                extra: list[Phrase] = []
                for alt in clause.alternatives:
                    extra.extend(aliases.get(alt, []))
                if extra:
                    clause.typed = len(clause.alternatives)
                    clause.alternatives = _merge(clause.alternatives, extra)
        if not matched:
            out.append(clause)
            i += 1
    query.clauses = out


def _merge(first: Iterable[Phrase], more: Iterable[Phrase]) -> list[Phrase]:
    seen: list[Phrase] = []
    for phrase in [*first, *more]:
        if phrase and phrase not in seen:
            seen.append(phrase)
    return seen


def _phrase(tokens: Sequence[str], prefix: bool) -> str:
    quoted = '"' + " ".join(tokens) + '"'
    return quoted + "*" if prefix else quoted


def _clause(clause: Clause) -> str:
    parts = [
        _phrase(alt, clause.prefix and index == 0) for index, alt in enumerate(clause.alternatives)
    ]
    return parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"


def compile_match(query: Query) -> str | None:
    """The FTS5 MATCH expression for ``query``, or None when it asks for nothing."""
    positive = [_clause(c) for c in query.clauses if not c.negated]
    negative = [_clause(c) for c in query.clauses if c.negated]
    if not positive:
        return None
    expression = " AND ".join(positive)
    if negative:
        expression = f"({expression}) NOT ({' OR '.join(negative)})"
    return expression


def alias_table(
    rows: Iterable[tuple[int, str]], *, folded: bool = False
) -> dict[Phrase, list[Phrase]]:
    """Build the alias lookup from (group id, term) rows: each term's tokens -> all group terms
    (``folded``: the terms are folded already)."""
    groups: dict[int, list[Phrase]] = {}
    for group_id, term in rows:
        tokens = tuple(_TOKEN.findall(term) if folded else tokenize(term))
        if tokens:
            groups.setdefault(group_id, []).append(tokens)
    table: dict[Phrase, list[Phrase]] = {}
    for terms in groups.values():
        for term in terms:
            table[term] = _merge(table.get(term, []), terms)
    return table
