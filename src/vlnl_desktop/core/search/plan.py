"""From a parsed query to the index's queries, built with Tantivy's query API (never its parser).

A query is answered in up to three steps, each a ``tantivy.Query`` built here:

- ``strict``: every content word matches (an alias, a stem or a compound of it counts);
- ``typo``: as strict, each word of five letters or more also matched within one or two edits;
- ``partial``: most content words match (with typos), then half of them, then one.

A phrase of common words checks word positions on most pages; ``loose`` (its words in any order,
a plain intersection) picks the candidates and the phrase is checked on those only.

Question and function words ("welke", "ging", "over", "the") are left out when other words remain.
Two words in a row also match as one compound ("waterstof technologie" ~ Waterstoftechnologie)
when the index holds it; a compound typed whole matches its parts (the analyzer splits both).
Every word must match in ``body`` (which holds the title too: one field, so a conjunction is a
plain intersection of postings); a match in the ``title`` only adds to the score (optional
clauses). Titles weigh more than body text, aliases less than the words typed, and an alias of two
letters (H2, AI) matches records only, never the pages of an imported book full of formulas.
Records (and notes, highlights, record sheets) match through aliases in the first step; pages by
the words typed (their stems and compound parts) only, and through aliases in a step of their own
after those (``aliased``): a page that says "hydrogen" comes after every page that says
"waterstof". This is ranking, not speed: on a freshly built index the two forms cost the same.
"""

from __future__ import annotations

import tantivy

from vlnl_desktop.core.search.analysis import (
    ATOM_MIN,
    OPTIONAL_WORDS,
    VERB_PREFIXES,
    past_tense,
    typo_distance,
)
from vlnl_desktop.core.search.index import SRC_PAGE, SRC_RECORD, SRC_SHEET, SearchIndex
from vlnl_desktop.core.search.query import Clause, Phrase, Query

TITLE_WEIGHT = 3.0
MAX_BOOSTS = 64  # title clauses of one query (each alias adds one)
ALIAS_WEIGHT = 0.4
TYPO_WEIGHT = 0.5
MIN_PREFIX = 2  # letters typed before the last word matches as a prefix
SHORT_ALIAS = 2  # an alias this short matches records only

Occur = tantivy.Occur


def _should(queries: list[tantivy.Query]) -> tantivy.Query:
    if len(queries) == 1:
        return queries[0]
    return tantivy.Query.boolean_query([(Occur.Should, q) for q in queries])


def _all(queries: list[tantivy.Query]) -> tantivy.Query:
    return tantivy.Query.boolean_query([(Occur.Must, q) for q in queries])


class Plan:
    """The queries for one parsed query and what a snippet marks (a plain class: no dataclasses
    on the start-up path).

    ``strict``, ``typo``, ``partial`` (most words first): the steps; ``loose``: strict with its
    phrases as all of their words; ``boosts``: title matches, optional. A snippet marks ``terms``
    (analyzed), ``prefixes`` (folded, being typed) and ``misspelt`` words (typed word -> edits
    allowed), each with the number of the word it stands for (an alias list is one); ``word``: the
    word being planned; ``wanted``: distinct words that make a snippet perfect."""

    def __init__(self) -> None:
        self.strict: tantivy.Query | None = None
        self.loose: tantivy.Query | None = None
        self.typo: tantivy.Query | None = None
        self.terms: dict[str, int] = {}
        self.prefixes: dict[str, int] = {}
        self.misspelt: dict[str, int] = {}
        self.partial: list[tantivy.Query] = []
        self.boosts: list[tantivy.Query] = []
        self.word = 0
        self.wanted = 1
        # pages matched through aliases only, after ``strict`` (which finds pages by the words
        # typed, records also by their aliases); None when no word has an alias
        self.aliased: tantivy.Query | None = None
        # every word, a verb also in the prefixed forms the index holds ("tekende":
        # "ondertekend"): after ``strict`` and ``aliased`` while hits are few
        self.forms: tantivy.Query | None = None
        self.form_terms: dict[str, int] = {}  # the forms' terms: marked once that step ran
        # for counting per kind and year (``counting``): each step's required clauses (and how
        # many of them must match), the exclusions and the filters by name ("kind", "year")
        self.counted: list[tuple[list[tantivy.Query], int | None]] = []
        self.excluded: list[tantivy.Query] = []
        self.filters: dict[str, tantivy.Query] = {}

    def counting(self) -> list[tuple[tantivy.Query, tantivy.Query]]:
        """Per step (every word first, then with typos, then most of the words): the query whose
        hits are counted per kind (without the kind filter) and per year (without the year
        filter). Unscored: no title boosts. The same object twice when no filter is set."""
        out = []
        for required, at_least in self.counted:
            kinds = [q for name, q in self.filters.items() if name != "kind"]
            years = [q for name, q in self.filters.items() if name != "year"]
            by_kind = Planner.combine(required, self.excluded, kinds, [], at_least)
            by_year = (
                by_kind
                if kinds == years
                else Planner.combine(required, self.excluded, years, [], at_least)
            )
            out.append((by_kind, by_year))
        return out


class Planner:
    """Builds plans against one open index (its schema, analyzer and term statistics)."""

    def __init__(self, index: SearchIndex, searcher: tantivy.Searcher, *, relaxed: bool = False):
        self.index = index
        self.schema = index.schema
        self.searcher = searcher
        self.relaxed = relaxed  # phrases as all of their words (``Plan.loose``)
        self.phrases = False  # the plan holds a typed phrase of more than one position
        self._alias = False  # an alias is being planned (its phrases do not make ``loose``)

    # --- words to terms ---

    def terms(self, text: str) -> list[tuple[int, str]]:
        """(position, term) of ``text`` as the index analyzed it."""
        return [(t.position, t.text) for t in self.index.analyzer.pre_tokenize(text).tokens]

    def known(self, term: str) -> bool:
        return any(self.searcher.doc_freq(f, term) for f in ("title", "body"))

    # --- one alternative over the text fields ---

    def _phrase(self, field_name: str, terms: list[tuple[int, str]]) -> tantivy.Query:
        if len(terms) == 1:
            return tantivy.Query.term_query(self.schema, field_name, terms[0][1])
        if terms[0][0] != terms[-1][0]:
            self.phrases |= not self._alias
            if self.relaxed:
                return tantivy.Query.boolean_query(
                    [(Occur.Must, tantivy.Query.term_query(self.schema, field_name, term))
                     for _pos, term in terms]
                )  # fmt: skip
        first = terms[0][0]
        words = [(pos - first, term) for pos, term in terms]
        return tantivy.Query.phrase_query(self.schema, field_name, words)

    def _fields(self, build, plan: Plan, weight: float = 1.0) -> tantivy.Query:
        """``build("body")``, weighted; ``build("title")`` joins the plan's optional boosts."""
        if len(plan.boosts) < MAX_BOOSTS:
            plan.boosts.append(tantivy.Query.boost_query(build("title"), TITLE_WEIGHT * weight))
        body = build("body")
        return body if weight == 1.0 else tantivy.Query.boost_query(body, weight)

    def alternative(
        self, phrase: Phrase, prefix: bool, plan: Plan, weight: float = 1.0
    ) -> tantivy.Query | None:
        terms = self.terms(" ".join(phrase))
        for _, term in terms:  # "memorandum of understanding": "of" is not worth a mark
            if len(terms) == 1 or term not in OPTIONAL_WORDS:
                plan.terms.setdefault(term, plan.word)
        exact = (lambda name: self._phrase(name, terms)) if terms else None
        complete = len(terms) == 1 and self.known(terms[0][1])  # a whole word already
        if not (prefix and len(phrase[-1]) >= MIN_PREFIX) or (complete and len(phrase) == 1):
            return self._fields(exact, plan, weight) if exact else None
        plan.prefixes.setdefault(phrase[-1], plan.word)
        head = self.terms(" ".join(phrase[:-1])) if len(phrase) > 1 else []
        offset = head[-1][0] - head[0][0] + 1 if head else 0
        starts = [phrase[-1]]
        # the stemmer cuts the start of some words too ("gezamenlijke" is indexed as
        # "zamenlijk", "geneeskunde" as "neeskund"): the typed start, stemmed, grows into those
        tail = self.terms(phrase[-1])
        if len(tail) == 1 and len(tail[0][1]) > MIN_PREFIX and tail[0][1][:2] != phrase[-1][:2]:
            starts.append(tail[0][1])
        lead = [(pos - head[0][0], term) for pos, term in head]

        def started(name: str) -> tantivy.Query:
            grown = [
                tantivy.Query.phrase_prefix_query(self.schema, name, [*lead, (offset, start)])
                for start in starts
            ]
            return _should([exact(name), *grown]) if exact else _should(grown)

        return self._fields(started, plan, weight)

    # --- clauses ---

    def clause(
        self, clause: Clause, plan: Plan
    ) -> tuple[tantivy.Query | None, tantivy.Query | None]:
        """(the typed words' query, the query with the aliases too): the same object when the
        clause has no alias; (None, None) when nothing in it can be searched."""
        typed_options: list[tantivy.Query] = []
        options: list[tantivy.Query] = []
        typed = len(clause.typed_alternatives)
        for number, phrase in enumerate(clause.alternatives):
            alias = number >= typed  # weighs less; a short one finds records only
            weight = ALIAS_WEIGHT if alias else 1.0
            self._alias = alias
            query = self.alternative(phrase, clause.prefix and number == 0, plan, weight)
            self._alias = False
            if query is None:
                continue
            if alias and len("".join(phrase)) <= SHORT_ALIAS:
                query = tantivy.Query.boolean_query(
                    [(Occur.Must, query), (Occur.Must, self._records_only())]
                )
            options.append(query)
            if not alias:
                typed_options.append(query)
        if not options:
            return None, None
        full = _should(options)
        if len(typed_options) == len(options):
            return full, full
        return (_should(typed_options) if typed_options else full), full

    def _records_only(self) -> tantivy.Query:
        return tantivy.Query.term_query(self.schema, "src", SRC_RECORD)

    def fuzzy(self, clause: Clause, plan: Plan) -> tantivy.Query | None:
        """The clause's typed word within its typo distance, if it is one word long enough that
        the index does not hold."""
        if clause.quoted or len(clause.typed_alternatives) != 1:
            return None
        phrase = clause.alternatives[0]
        if len(phrase) != 1 or not phrase[0].isalpha():
            return None
        distance = typo_distance(phrase[0])
        terms = self.terms(phrase[0])
        if not distance or len(terms) != 1 or self.known(terms[0][1]):
            return None
        plan.misspelt[phrase[0]] = distance
        term = terms[0][1]
        return self._fields(
            lambda name: tantivy.Query.fuzzy_term_query(self.schema, name, term, distance, True),
            plan,
            TYPO_WEIGHT,
        )

    def forms(self, clause: Clause, plan: Plan) -> tantivy.Query | None:
        """The prefixed forms of the clause's typed word that the index holds ("tekende":
        "ondertekend", "getekend"), for when the words as typed find too few."""
        if clause.quoted or len(clause.typed_alternatives) != 1:
            return None
        phrase = clause.alternatives[0]
        if len(phrase) != 1 or len(phrase[0]) < ATOM_MIN or not past_tense(phrase[0]):
            return None
        terms = self.terms(phrase[0])
        if len(terms) != 1:
            return None
        forms = [p + terms[0][1] for p in VERB_PREFIXES if self.known(p + terms[0][1])]
        if not forms:
            return None
        for form in forms:  # marked in snippets only if the step with the forms runs
            plan.form_terms.setdefault(form, plan.word)
        return self._fields(
            lambda name: _should([tantivy.Query.term_query(self.schema, name, f) for f in forms]),
            plan,
        )

    def _compound(self, left: Clause, right: Clause, plan: Plan) -> tantivy.Query | None:
        """Two typed words in a row as one compound the index holds."""
        if any(c.quoted or len(c.typed_alternatives) != 1 for c in (left, right)):
            return None
        if len(left.alternatives[0]) != 1 or len(right.alternatives[0]) != 1:
            return None
        joined = left.alternatives[0][0] + right.alternatives[0][0]
        terms = self.terms(joined)
        if len(terms) != 1 or not self.known(terms[0][1]):
            return None
        return self.alternative((joined,), False, plan)

    # --- the plan ---

    def plan(self, query: Query) -> Plan:
        plan = Plan()
        positive = [c for c in query.clauses if not c.negated]
        content = [c for c in positive if not _optional(c)] or positive
        # per word: (the typed words' query, with the aliases, with the aliases and typos, with
        # the aliases and the prefixed forms)
        steps: list[
            tuple[tantivy.Query, tantivy.Query, tantivy.Query | None, tantivy.Query | None]
        ] = []
        index = 0
        while index < len(content):
            clause = content[index]
            plan.word = len(steps)
            typed, full = self.clause(clause, plan)
            if typed is None or full is None:
                index += 1
                continue
            if index + 1 < len(content):
                compound = self._compound(clause, content[index + 1], plan)
                other = self.clause(content[index + 1], plan) if compound is not None else None
                if compound is not None and other is not None and other[0] is not None:
                    pair = _should([_all([typed, other[0]]), compound])
                    aliased = typed is not full or other[0] is not other[1]
                    with_aliases = _should([_all([full, other[1]]), compound]) if aliased else pair
                    steps.append((pair, with_aliases, None, None))
                    index += 2
                    continue
            fuzzy = self.fuzzy(clause, plan)
            forms = self.forms(clause, plan)
            steps.append(
                (
                    typed,
                    full,
                    _should([full, fuzzy]) if fuzzy is not None else None,
                    _should([full, forms]) if forms is not None else None,
                )
            )
            index += 1
        plan.wanted = max(1, len(steps))
        excluded = [
            q for c in query.clauses if c.negated for q in [self._excluded(c)] if q is not None
        ]
        plan.excluded, plan.filters = excluded, self._filters(query)
        filters = list(plan.filters.values())
        if not steps:
            if filters and not positive:
                everything = [tantivy.Query.all_query()]
                plan.strict = self.combine(everything, excluded, filters, [])
                plan.counted.append((everything, None))
            return plan
        boosts = plan.boosts
        typed = [step[0] for step in steps]
        full = [step[1] for step in steps]
        if all(step[0] is step[1] for step in steps):
            plan.strict = self.combine(full, excluded, filters, boosts)
            plan.counted.append((full, None))
        else:  # pages by the words typed; their aliases find pages only after those
            pages, others = self._pages_only(), self._not_pages()
            plan.strict = _should(
                [
                    self.combine(typed, excluded, [*filters, pages], []),  # no title: no boosts
                    self.combine(full, excluded, [*filters, others], boosts),
                ]
            )
            plan.aliased = self.combine(full, excluded, [*filters, pages], [])
            plan.counted.append((full, None))  # strict and aliased: what the list shows
        if self.phrases and not self.relaxed:
            plan.loose = Planner(self.index, self.searcher, relaxed=True).plan(query).strict
        if any(step[3] is not None for step in steps):
            formed = [step[3] or step[1] for step in steps]
            plan.forms = self.combine(formed, excluded, filters, boosts)
            plan.counted.append((formed, None))
        loose = [step[2] or step[1] for step in steps]
        if any(step[2] is not None for step in steps):
            plan.typo = self.combine(loose, excluded, filters, boosts)
            plan.counted.append((loose, None))
        for at_least in sorted({len(steps) - 1, (len(steps) + 1) // 2, 1}, reverse=True):
            if 0 < at_least < len(steps):
                plan.partial.append(self.combine(loose, excluded, filters, boosts, at_least))
                plan.counted.append((loose, at_least))
        return plan

    def _pages_only(self) -> tantivy.Query:
        return tantivy.Query.term_query(self.schema, "src", SRC_PAGE)

    def _not_pages(self) -> tantivy.Query:
        """Records, notes, highlights and record sheets: few, so aliases are cheap there."""
        return tantivy.Query.term_set_query(self.schema, "src", [SRC_RECORD, SRC_SHEET])

    def _excluded(self, clause: Clause) -> tantivy.Query | None:
        options = []
        for phrase in clause.alternatives:
            terms = self.terms(" ".join(phrase))
            if terms:
                options.append(self._phrase("body", terms))  # the body holds the title too
        return _should(options) if options else None

    def _filters(self, query: Query) -> dict[str, tantivy.Query]:
        out = {}
        if query.kinds:
            out["kind"] = tantivy.Query.term_set_query(self.schema, "kind", sorted(query.kinds))
        if query.years:
            out["year"] = tantivy.Query.term_set_query(self.schema, "year", sorted(query.years))
        return out

    @staticmethod
    def combine(
        required: list[tantivy.Query],
        excluded: list[tantivy.Query],
        filters: list[tantivy.Query],
        boosts: list[tantivy.Query],
        at_least: int | None = None,
    ) -> tantivy.Query:
        """All of ``required`` (or ``at_least`` of them), none of ``excluded``, every filter
        (unscored); ``boosts`` only add to the score."""
        if at_least:
            either = [(Occur.Should, q) for q in required]
            parts = [(Occur.Must, tantivy.Query.boolean_query(either, at_least))]
        else:
            parts = [(Occur.Must, q) for q in required]
        parts += [(Occur.MustNot, q) for q in excluded]
        parts += [(Occur.Must, tantivy.Query.const_score_query(q, 0.0)) for q in filters]
        parts += [(Occur.Should, q) for q in boosts]
        return tantivy.Query.boolean_query(parts)


def _optional(clause: Clause) -> bool:
    """A question or function word typed on its own (or a lone letter): need not match."""
    if clause.quoted or clause.negated or clause.typed is not None:
        return False
    if len(clause.alternatives) != 1 or len(clause.alternatives[0]) != 1:
        return False
    word = clause.alternatives[0][0]
    return word in OPTIONAL_WORDS or (len(word) == 1 and not word.isdigit())
