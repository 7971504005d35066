"""How far a misspelt word lies from the word meant: Damerau-Levenshtein, with a swap of two
neighbours as one edit, and every distance past the limit told as limit + 1."""

import random

import pytest

from vlnl_desktop.core.search.analysis import edit_distance


def reference(a: str, b: str) -> int:
    """The textbook optimal-string-alignment distance, with no shortcut."""
    d = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        d[i][0] = i
    for j in range(len(b) + 1):
        d[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[len(a)][len(b)]


@pytest.mark.parametrize(
    ("typed", "meant", "edits"),
    [
        ("fotonika", "fotonica", 1),
        ("waterstoftechnolgie", "waterstoftechnologie", 1),
        ("middelbrug", "middelburg", 1),  # a swap of neighbours is one edit
        ("fotnoica", "fotonica", 1),
        ("hydrogeen", "hydrogen", 1),
        ("fotonica", "fotonica", 0),
    ],
)
def test_typos_users_make_are_near(typed, meant, edits):
    assert edit_distance(typed, meant) == edits


def test_words_far_apart_are_past_the_limit():
    assert edit_distance("fotonica", "geneeskunde") == 3
    assert edit_distance("waterstof", "wetenschap", limit=1) == 2


def test_it_agrees_with_the_textbook_distance_on_random_words():
    rng = random.Random(7)
    letters = "aeiostnrlk"
    for _ in range(3000):
        a = "".join(rng.choice(letters) for _ in range(rng.randint(0, 9)))
        b = list(a)
        for _ in range(rng.randint(0, 3)):  # a few random edits, so many pairs lie near
            op = rng.randint(0, 3)
            at = rng.randint(0, max(0, len(b) - 1))
            if op == 0:
                b.insert(at, rng.choice(letters))
            elif op == 1 and b:
                del b[at]
            elif op == 2 and b:
                b[at] = rng.choice(letters)
            elif len(b) > 1 and at + 1 < len(b):
                b[at], b[at + 1] = b[at + 1], b[at]
        b = "".join(b)
        for limit in (1, 2):
            assert edit_distance(a, b, limit) == min(reference(a, b), limit + 1), (a, b, limit)
