"""One vocabulary: every code has its Dutch word in core and its translated label in the window."""

import pytest

from vlnl_desktop.core import vocabulary as v


@pytest.mark.parametrize(
    ("codes", "words"),
    [
        (v.RECORD_KINDS, v.KIND_NL),
        (v.USER_KINDS, v.USER_KIND_NL),
        (v.HIGHLIGHT_COLOURS, v.COLOUR_NL),
        (v.RELATIONS, v.RELATION_NL),
        (v.SIDES, v.SIDE_NL),
        (v.DOCUMENT_KINDS, v.DOCUMENT_KIND_NL),
    ],
)
def test_every_code_has_a_dutch_word_in_core(codes, words):
    assert set(codes) == set(words)
    assert all(words[c].strip() for c in codes)


def test_subsets_name_known_kinds():
    for subset in (v.SEARCHED_KINDS, v.TIMELINE_KINDS, v.SHEET_KINDS):
        assert set(subset) <= set(v.RECORD_KINDS)
    assert v.SHEET_DOCUMENT_KIND in v.DOCUMENT_KINDS


def _window_tables():
    from vlnl_desktop.ui import labels

    return [
        (
            v.RECORD_KINDS + (v.PAGE_KIND,) + v.USER_KINDS,
            labels.kind_labels,
            v.KIND_NL | {v.PAGE_KIND: None} | v.USER_KIND_NL,
        ),
        (v.RECORD_KINDS + (v.PAGE_KIND,) + v.USER_KINDS, labels.kind_plural_labels, None),
        (v.RELATIONS, labels.relation_labels, v.RELATION_NL),
        (v.HIGHLIGHT_COLOURS, labels.colour_labels, v.COLOUR_NL),
        (v.SIDES, labels.side_labels, v.SIDE_NL),
        (v.DOCUMENT_KINDS, labels.document_kind_labels, v.DOCUMENT_KIND_NL),
        (v.DOCUMENT_KINDS + ("",), labels.document_kind_plurals, None),
        (v.DOCUMENT_ROLES, labels.document_role_labels, None),
    ]


def test_every_code_has_a_window_label_in_dutch_and_english(qapp):
    """The window's Dutch word is the core's word (capitalisation aside): a user who reads
    "geprioriteerd" in the window finds it by typing it. English differs from Dutch."""
    from vlnl_desktop.ui.translations import Translations

    translations = Translations(qapp)
    try:
        translations.install("nl")
        dutch = [(codes, table(), core) for codes, table, core in _window_tables()]
        translations.install("en")
        english = [table() for _codes, table, _core in _window_tables()]
    finally:
        translations.install("nl")
    for (codes, nl_table, core), en_table in zip(dutch, english, strict=True):
        assert set(codes) == set(nl_table) == set(en_table)
        for code in codes:
            if core and core.get(code):
                assert nl_table[code].lower() == core[code].lower(), code
            assert en_table[code] and en_table[code] != nl_table[code] or code in _SAME_IN_ENGLISH


_SAME_IN_ENGLISH = {"document", "agenda", "fiche", "mou", "communique"}


def test_index_and_sheets_write_the_windows_relation_word(built_archive):
    """Searching the word the window shows for a relation finds the themes (it said "prioriteit")."""
    from vlnl_desktop.core.archive.connections import connect_readonly
    from vlnl_desktop.core.archive.workspace import Workspace
    from vlnl_desktop.core.search.searcher import Searcher

    conn = connect_readonly(Workspace(built_archive))
    try:
        kinds = {hit.kind for hit in Searcher(conn).search("geprioriteerd", 200)}
    finally:
        conn.close()
    assert "theme" in kinds


def test_every_problem_code_has_a_window_text_in_dutch_and_english(qapp):
    """The command line and the window word the same problem codes (import, fetch, the PDF gate)."""
    from vlnl_desktop.core.errors import PROBLEM_TEXTS
    from vlnl_desktop.ui import labels
    from vlnl_desktop.ui.translations import Translations

    translations = Translations(qapp)
    try:
        translations.install("nl")
        dutch = labels.problem_texts()
        translations.install("en")
        english = labels.problem_texts()
    finally:
        translations.install("nl")
    assert set(dutch) == set(english) == set(PROBLEM_TEXTS)
    for code in PROBLEM_TEXTS:
        assert english[code] != dutch[code], code
        assert ("{}" in PROBLEM_TEXTS[code]) == ("%1" in dutch[code]) == ("%1" in english[code])
