"""Snippets cut in Python: the window with the most query words, marks on the matched words."""

from vlnl_desktop.core.search.snippets import make_snippet

TEXT = (
    "Inleiding over het beleid. " * 20
    + "De samenwerking rond Fotonica en waterstoftechnologie werd in Gent bevestigd. "
    + "Slot van de tekst. " * 20
)


def test_the_window_with_the_most_query_words_wins():
    snippet = make_snippet(TEXT, ["fotonica", "gent"], size=12)
    assert "[Fotonica]" in snippet and "[Gent]" in snippet
    assert snippet.startswith("…") and snippet.endswith("…")


def test_prefixes_mark_whole_words_and_diacritics_fold():
    snippet = make_snippet("Artificiële intelligentie en waterstof.", ["artificiele"], ["waterst"])
    assert snippet == "[Artificiële] intelligentie en [waterstof]."


def test_ligatures_keep_the_original_characters():
    assert make_snippet("een deﬁnitie hier", ["definitie"]) == "een [deﬁnitie] hier"


def test_no_match_gives_the_start_and_empty_text_gives_nothing():
    assert make_snippet("alpha beta gamma", ["zeta"], size=2) == "alpha beta…"
    assert make_snippet("", ["x"]) == ""
    assert make_snippet("…!?", ["x"]) == ""
