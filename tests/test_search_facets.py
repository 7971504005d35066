"""A search counts what it found per kind and per year (the filter chips' numbers), and the
chips' filter words go into and out of the search text as a user would type them."""

import pytest

from vlnl_desktop.core import vocabulary
from vlnl_desktop.core.archive.connections import connect_readonly
from vlnl_desktop.core.archive.workspace import Workspace
from vlnl_desktop.core.search.query import FILTER_WORDS, parse, toggle_filter
from vlnl_desktop.core.search.searcher import Searcher


@pytest.fixture(scope="module")
def searcher(readonly_archive):
    connection = connect_readonly(Workspace(readonly_archive))
    yield Searcher(connection)
    connection.close()


def test_the_counts_say_what_each_filter_gives(searcher):
    facets = searcher.facets("waterstof")
    kinds, years = dict(facets.kinds), dict(facets.years)
    assert kinds["summit"] >= 1 and kinds["theme"] >= 1 and kinds["page"] >= 1
    for kind in ("summit", "theme", "event"):
        hits = searcher.search(f"waterstof soort:{FILTER_WORDS[kind]}", 200)
        assert len(hits) == kinds[kind] and {h.kind for h in hits} == {kind}
    hits = searcher.search("waterstof jaar:2020", 200)
    assert len(hits) == years[2020] and all(h.date.startswith("2020") for h in hits)
    assert [k for k, _n in facets.kinds] == sorted(kinds, key=lambda k: (-kinds[k], k))
    assert [y for y, _n in facets.years] == sorted(years, reverse=True)


def test_a_filter_does_not_narrow_its_own_counts(searcher):
    plain = searcher.facets("waterstof")
    summits = searcher.facets("waterstof soort:top")
    assert summits.kinds == plain.kinds  # every kind still counted: another can be chosen
    assert sum(n for _y, n in summits.years) == len(searcher.search("waterstof soort:top", 200))
    in_2020 = searcher.facets("waterstof jaar:2020")
    assert in_2020.years == plain.years
    assert dict(in_2020.kinds)["summit"] == 1


def test_counts_follow_the_step_that_found_something(searcher):
    facets = searcher.facets("fotonika")  # found only with another spelling
    assert dict(facets.kinds).get("theme", 0) >= 1
    assert searcher.facets("zzqxv wwqpt") is None
    assert searcher.facets("") is None


def test_every_kind_has_a_filter_word():
    kinds = set(vocabulary.RECORD_KINDS) | {vocabulary.PAGE_KIND} | set(vocabulary.USER_KINDS)
    assert set(FILTER_WORDS) == kinds
    for kind, word in FILTER_WORDS.items():
        assert parse(f"soort:{word}").kinds == {kind}


def test_a_chip_adds_its_filter_and_takes_it_out_again():
    assert toggle_filter("waterstof", kind="summit") == "waterstof soort:top "
    assert toggle_filter("waterstof soort:top ", kind="summit") == "waterstof "
    assert toggle_filter("Soort:Top waterstof", kind="summit") == "waterstof "
    assert toggle_filter("waterstof jaar:2016-2018", year=2017) == "waterstof "
    assert toggle_filter("", year=2020) == "jaar:2020 "
    assert toggle_filter('"soort:top" x', kind="summit") == '"soort:top" x soort:top '


def test_a_filter_typed_last_leaves_the_word_before_it_whole():
    assert not parse("waterstof soort:top").clauses[0].prefix
    assert parse("waterstof").clauses[0].prefix
