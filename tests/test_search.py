"""Search finds what a user asks for, ranks titles first, and survives any input."""

import re

import pytest

from samples import MALFORMED
from vlnl_desktop.core.archive.connections import connect_readonly
from vlnl_desktop.core.archive.workspace import Workspace
from vlnl_desktop.core.search.searcher import MARK_CLOSE, MARK_OPEN, Searcher


@pytest.fixture(scope="module")
def searcher(readonly_archive):
    connection = connect_readonly(Workspace(readonly_archive))
    yield Searcher(connection)
    connection.close()


def first(searcher, text, kind=None):
    hits = [h for h in searcher.search(text, 20) if kind is None or h.kind == kind]
    assert hits, f"no hits for {text!r}"
    return hits[0]


def test_hingene_finds_the_2011_summit(searcher):
    hit = first(searcher, "Hingene")
    assert (hit.kind, hit.id, hit.date) == ("summit", "top-2011", "2011-07-04")


def test_a_prefix_finds_hydrogen(searcher):
    assert first(searcher, "waterst").id == "waterstoftechnologie"


def test_diacritics_are_optional(searcher):
    assert first(searcher, "Artificiele Intelligentie").id == "artificiele-intelligentie"
    assert first(searcher, "Artificiële Intelligentie").id == "artificiele-intelligentie"


def test_den_bosch_finds_the_2023_summit(searcher):
    assert first(searcher, "Den Bosch", "summit").id == "top-2023"


def test_ghent_in_english_finds_the_summits_in_gent(searcher):
    ids = {h.id for h in searcher.search("Ghent", 20) if h.kind == "summit"}
    assert {"top-2016", "top-2025"} <= ids


def test_jobs_from_the_design(searcher):
    # "which summit signed the MoU on personalised medicine?"
    summits = [h.id for h in searcher.search("MoU gepersonaliseerde geneeskunde", 20)]
    assert "top-2018" in summits
    # "when did hydrogen enter the agenda?"
    assert first(searcher, "hydrogen", "summit").id == "top-2020"
    # "every document that mentions photonics"
    assert any(h.kind == "document" for h in searcher.search("fotonica", 50))


def test_titles_rank_above_body_text(searcher):
    hits = searcher.search("fotonica", 20)
    assert (hits[0].kind, hits[0].id) == ("theme", "fotonica")
    assert hits[0].score <= hits[1].score


def test_snippets_mark_the_matched_words(searcher):
    hit = first(searcher, "Hingene")
    assert f"{MARK_OPEN}Hingene{MARK_CLOSE}" in hit.snippet
    assert "<b>Hingene</b>" in hit.snippet_html()


def test_exclusion_removes_hits(searcher):
    with_gent = {h.id for h in searcher.search("topontmoeting", 50)}
    without = {h.id for h in searcher.search("topontmoeting -gent", 50)}
    assert "top-2016" in with_gent and "top-2016" not in without


def test_limit_is_respected(searcher):
    assert len(searcher.search("vlaanderen", 3)) == 3


@pytest.mark.parametrize("text", MALFORMED)
def test_malformed_queries_return_a_clean_answer(searcher, text):
    assert isinstance(searcher.search(text, 10), list)


def test_a_prefix_ending_inside_a_compound_is_marked_in_the_snippet(searcher):
    snippets = [h.snippet for h in searcher.search("technolo", 20)]
    word = re.compile(r"(?<!\w)spraaktechnologie(?!\w)")
    compound = [
        s for s in snippets if word.search(s.replace(MARK_OPEN, "").replace(MARK_CLOSE, ""))
    ]
    assert compound
    for snippet in compound:
        assert f"{MARK_OPEN}spraaktechnologie{MARK_CLOSE}" in snippet, snippet


def test_a_word_the_stemmer_cuts_at_the_start_is_found_while_typed(searcher):
    # the Dutch stemmer indexes "geneeskunde" as "neeskund": the typed start must still grow
    hits = searcher.search("geneesk", 5)
    assert "gepersonaliseerde-geneeskunde" in [h.id for h in hits[:3]]
    assert hits[0].match == "all" and f"{MARK_OPEN}geneeskunde" in hits[0].snippet.lower()
