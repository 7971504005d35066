"""Questions and words as a policy adviser types them find the record meant in the top 3:
question words need not match, Dutch forms and compounds meet, typos are forgiven and corrected."""

import pytest

from vlnl_desktop.core.archive.connections import connect_readonly
from vlnl_desktop.core.archive.workspace import Workspace
from vlnl_desktop.core.search.searcher import Searcher


@pytest.fixture(scope="module")
def searcher(readonly_archive):
    connection = connect_readonly(Workspace(readonly_archive))
    found = Searcher(connection)
    assert found.index is not None, "the built archive has its search index"
    yield found
    connection.close()


def top3(searcher, text):
    return [h.id for h in searcher.search(text, 3)]


def test_who_signed_finds_the_signing_and_its_summit_on_every_word(searcher):
    # the archive writes "ondertekend", never "tekende": the verb's prefixed form matches
    results = searcher.results("wie tekende het MoU over gepersonaliseerde geneeskunde", 3)
    assert [h.id for h in results.hits[:2]] == [
        "mou-gepersonaliseerde-geneeskunde-2018",
        "top-2018",
    ]
    assert {h.match for h in results.hits[:2]} == {"all"}
    for text in ("Keijzer tekende", "tekende Keijzer"):  # the last word typed too
        results = searcher.results(text, 1)
        assert results.hits[0].id == "mou-gepersonaliseerde-geneeskunde-2018", text
        assert results.hits[0].match == "all", text
    signed = searcher.search("tekende Keijzer", 1)[0]
    assert signed.id == "mou-gepersonaliseerde-geneeskunde-2018"
    assert "[ondertekend] door Mona [Keijzer]" in signed.snippet_marked("[", "]")


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        # the questions
        ("welke top ging over waterstof", "top-2020"),
        # the signing names who signed, its summit next (see above)
        (
            "wie tekende het MoU over gepersonaliseerde geneeskunde",
            "mou-gepersonaliseerde-geneeskunde-2018",
        ),
        ("welke thema's koos de top van Maastricht", "top-2013"),
        ("welke thema's koos de top van Maastricht", "focusthemas-2013"),
        # Dutch forms: plurals and inflections meet their stems
        ("intentieverklaringen", "intentieverklaring-2004"),
        ("handelsmissies", "handelsmissie"),
        ("gepersonaliseerde geneeskunden", "gepersonaliseerde-geneeskunde"),
        # compounds: split or joined
        ("waterstof technologie", "waterstoftechnologie"),
        ("fusie van de havens", "fusie-havens-north-sea-port"),
        ("havenfusie", "fusie-havens-north-sea-port"),
        # titles as the tree shows them
        ("Fiche: Fotonica", "fiche-fotonica"),
        # our own
        ("when did hydrogen enter the agenda", "top-2020"),
        ("waar was de top van 2016", "top-2016"),
        ("wie was minister-president in 2011", "top-2011"),
        ("welke verklaring ging over economie", "intentieverklaring-2008"),
        ("wanneer kwam artificiële intelligentie op de agenda", "top-2020"),
        ("einstein telescoop", "einstein-telescope"),
    ],
)
def test_the_record_meant_is_in_the_top_3(searcher, text, wanted):
    assert wanted in top3(searcher, text), f"{text!r}: {top3(searcher, text)}"


def test_topontmoetingen_finds_summits_not_only_themes(searcher):
    kinds = [h.kind for h in searcher.search("topontmoetingen", 3)]
    assert "summit" in kinds


@pytest.mark.parametrize(
    ("typed", "meant", "suggestion"),
    [
        ("fotonika", "fotonica", "fotonica"),
        ("waterstoftechnolgie", "waterstoftechnologie", "waterstoftechnologie"),
        ("Middelbrug", "top-2018", "Middelburg"),  # capitalised as typed
    ],
)
def test_a_typo_finds_the_word_meant_and_suggests_it(searcher, typed, meant, suggestion):
    results = searcher.results(typed, 10)
    assert meant in [h.id for h in results.hits[:3]]
    assert all(h.match == "typo" for h in results.hits)
    assert results.suggestion == suggestion


def test_a_word_spelt_right_gets_no_suggestion(searcher):
    results = searcher.results("fotonica", 10)
    assert results.suggestion is None
    assert results.hits[0].match == "all"


def test_questions_with_a_word_nowhere_show_partial_matches_marked(searcher):
    results = searcher.results("welke thema's koos de top van Maastricht", 10)
    assert results.partial
    assert {h.match for h in results.hits} <= {"all", "partial"}


def test_a_title_word_excludes(searcher):
    with_sheets = searcher.search("waterstof", 50)
    assert any(h.title.startswith("Fiche") for h in with_sheets)
    without = searcher.search("waterstof -fiche", 50)
    assert without and not any(h.title.startswith("Fiche") for h in without)


def test_kind_and_year_filters(searcher):
    assert [h.id for h in searcher.search("soort:top jaar:2018", 10)] == ["top-2018"]
    summits = searcher.search("waterstof soort:top", 10)
    assert summits and {h.kind for h in summits} == {"summit"}
    years = {h.date[:4] for h in searcher.search("fotonica jaar:2016-2018", 20) if h.date}
    assert years and years <= {"2016", "2017", "2018"}


def test_snippets_are_running_text_not_alias_lists_or_addresses(searcher):
    for hit in searcher.search("waterstof", 20):
        text = hit.snippet_marked("", "")
        assert "http" not in text and "www." not in text, text
        assert "hydrogen hydrogen" not in text.lower(), text
    theme = searcher.search("Waterstoftechnologie", 1)[0]
    assert theme.id == "waterstoftechnologie"
    assert "H2" not in theme.snippet_marked("", "")


def test_the_record_ranks_above_the_pages_that_mention_it(searcher):
    hits = searcher.search("Hingene", 10)
    assert hits[0].id == "top-2011"
    first_page = next(i for i, h in enumerate(hits) if h.kind == "page")
    assert first_page > 0


def test_stems_and_compound_parts_are_marked_in_snippets(searcher):
    hit = searcher.search("samenwerkingen", 1)[0]
    assert "[samenwerking" in hit.snippet_marked().lower()


@pytest.mark.parametrize(
    ("text", "other_word"),
    [("zoeken Gent", "onderzoek"), ("wijzen Zeeland", "onderwijs"), ("delen", "onderdeel")],
)
def test_only_a_past_tense_is_looked_for_with_a_prefix(searcher, text, other_word):
    # "onder" + "zoek" is research, not searching: such words never count as the word typed
    for hit in searcher.search(text, 20):
        marked = hit.snippet_marked("[", "]").lower()
        assert f"[{other_word}" not in marked, (text, hit.id, marked)
