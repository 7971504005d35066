"""The query language compiles to safe FTS5 expressions (read as text, as a user's query would)."""

import sqlite3

import pytest

from samples import MALFORMED
from vlnl_desktop.core.search.query import alias_table, compile_match, parse, tokenize

ALIASES = alias_table(
    [(1, "Den Bosch"), (1, "'s-Hertogenbosch"), (2, "AI"), (2, "Artificiële Intelligentie")]
)


def test_words_are_quoted_and_the_last_is_a_prefix():
    assert compile_match(parse("fotonica gent")) == '"fotonica" AND "gent"*'


def test_a_trailing_space_ends_the_prefix():
    assert compile_match(parse("fotonica ")) == '"fotonica"'


def test_phrases_or_and_exclusion():
    assert compile_match(parse('"high tech" OR chemie -maastricht ')) == (
        '(("high tech" OR "chemie")) NOT ("maastricht")'
    )


def test_diacritics_and_ligatures_fold():
    assert tokenize("Artiﬁciële  Intelligentie") == ["artificiele", "intelligentie"]


def test_aliases_widen_a_run_of_words():
    assert compile_match(parse("Den Bosch ", ALIASES)) == '("den bosch" OR "s hertogenbosch")'
    assert compile_match(parse("AI ", ALIASES)) == '("ai" OR "artificiele intelligentie")'


def test_only_exclusions_mean_nothing():
    assert compile_match(parse("-gent")) is None


@pytest.mark.parametrize("text", MALFORMED)
def test_malformed_input_compiles_to_valid_fts5_or_nothing(text):
    expression = compile_match(parse(text, ALIASES))
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(a, tokenize='unicode61 remove_diacritics 2')")
    conn.execute("INSERT INTO t VALUES ('the and or not near col term drop table records')")
    if expression is not None:
        conn.execute("SELECT * FROM t WHERE t MATCH ?", (expression,)).fetchall()


def test_repeated_and_very_many_words_stay_cheap():
    assert compile_match(parse("gent " * 5000)) == '"gent"'
    long = compile_match(parse(" ".join(f"w{i}" for i in range(1000))))
    assert long.count(" AND ") == 31


def test_kind_and_year_filters_are_taken_out_of_the_words():
    query = parse("waterstof soort:top jaar:2016-2018 JAAR:2020")
    assert [c.alternatives for c in query.clauses] == [[("waterstof",)]]
    assert query.kinds == {"summit"} and query.years == {2016, 2017, 2018, 2020}
    assert parse("soort:Thema's").kinds == {"theme"}


def test_an_unknown_filter_is_searched_as_words():
    query = parse("soort:banaan jaar:morgen ")
    assert not query.filtered
    assert compile_match(query) == '"soort banaan" AND "jaar morgen"'


def test_aliases_are_known_apart_from_the_words_typed():
    clause = parse("AI ", ALIASES).clauses[0]
    assert clause.typed_alternatives == [("ai",)]
    assert ("artificiele", "intelligentie") in clause.alternatives


def test_thirteen_thousand_ored_words_are_cut_and_said_so():
    query = parse(" OR ".join(f"woord{i}" for i in range(13_000)))
    assert query.truncated
    assert sum(len(c.alternatives) for c in query.clauses) <= 64
    assert not parse("gewoon een vraag").truncated


def test_a_pasted_page_is_cut_to_its_first_characters():
    query = parse("a" * 5000 + " gent")
    assert query.truncated
