"""Snippets cut in Python: the part of the text where the query's words lie closest, a window of
words from just before the first one, marks on the matched words."""

from vlnl_desktop.core.search.snippets import cores, focus, mark_window

TEXT = (
    "Inleiding over het beleid. " * 20
    + "Fotonica kwam eerder ter sprake. "
    + "Inleiding over het beleid. " * 20
    + "De samenwerking rond Fotonica en waterstoftechnologie werd in Gent bevestigd. "
    + "Slot van de tekst. " * 20
)


def snippet(text, words, prefixes=(), size=12):
    def matcher(token):
        if token in words or any(token.startswith(p) for p in prefixes):
            return token
        return None

    numbered = {w: n for n, w in enumerate([*words, *prefixes])}
    first, last = focus(text, cores(numbered))
    cut = mark_window(text[first:last], matcher, size=size)
    if first > 0 and cut and not cut.startswith("…"):
        cut = "…" + cut
    return cut


def test_the_place_with_the_most_query_words_wins():
    cut = snippet(TEXT, ["fotonica", "gent"])
    assert "[Fotonica]" in cut and "[Gent]" in cut  # not the first "Fotonica", alone
    assert cut.startswith("…") and cut.endswith("…")


def test_prefixes_mark_whole_words_and_diacritics_fold():
    cut = snippet("Artificiële intelligentie en waterstof.", ["artificiele"], ["waterst"])
    assert cut == "[Artificiële] intelligentie en [waterstof]."


def test_ligatures_keep_the_original_characters():
    assert snippet("een deﬁnitie hier", ["definitie"]) == "een [deﬁnitie] hier"


def test_no_match_gives_the_start_and_empty_text_gives_nothing():
    assert snippet("alpha beta gamma", ["zeta"], size=2) == "alpha beta…"
    assert snippet("", ["x"]) == ""
    assert snippet("…!?", ["x"]) == ""
