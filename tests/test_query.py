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
