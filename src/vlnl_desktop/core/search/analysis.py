"""Dutch text analysis for the search index: words folded, stemmed and compounds split.

One analyzer (``analyzer``) cuts text for the index and the user's words for a query, so both meet
on the same terms: lower-cased, diacritics and ligatures folded, stemmed with the Dutch Snowball
stemmer (samenwerkingen ~ samenwerking, geneeskunden ~ geneeskunde), then compounds split into
their parts at one position (havenfusie ~ "fusie van de havens").

Which compounds split is decided by the archive's own vocabulary (``compound_atoms``): the words of
the records (and their stems) of five letters or more that are not themselves made of two such
words. The list is stored with the index, so an index is always read with the analyzer it was
written with.

``OPTIONAL_WORDS`` are question and function words a question may hold ("welke top ging over
waterstof"): they need not match. ``typo_distance`` says how far a word may be misspelt.
``VERB_PREFIXES`` give a typed verb the prefixed forms the archive writes instead.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import tantivy

ANALYZER = "nl"
ATOM_MIN = 5  # the shortest part a compound is split into ("water" + "stof" stays whole)
MAX_TOKEN = 60  # longer "words" are base64, hashes, hyphenated garbage: not indexed

# Question and function words, Dutch and English, folded: a query does not need them to match.
OPTIONAL_WORDS = frozenset(
    """
    welke welk wie wat wanneer waar waarom hoe hoeveel hoelang waarover waarin waarmee wiens
    ging gingen gaat gaan was waren is zijn ben bent wordt worden werd werden heeft hebben had
    hadden kan kunnen kon konden moet moeten zal zullen zou zouden wil willen doet doen deed
    over de het een en of van in op te aan met voor door bij naar om uit tot als dan dat die dit
    deze er niet geen ook nog al wel maar ze zij hij ik je u we wij men hun haar zich zo toen
    s t n
    which who whom whose what when where why how did does do was were is are be been the a an
    and or of in on at to for with by from about into than that this these those it its
    """.split()
)

# Prefixes a Dutch verb takes without changing what it is about: "tekende" is found in
# "ondertekend(e)", "getekend", "medeondertekend" when the archive never writes it bare. Not
# "be-", "ver-", "ont-": betekend, vertekend, ontdekt are other words.
VERB_PREFIXES = ("onder", "ge", "her", "mede")
PAST_ENDINGS = ("de", "te", "den", "ten")  # tekende, stuurden: a weak verb's past tense


def past_tense(word: str) -> bool:
    """Whether ``word`` (folded) looks like a weak verb's past tense, the only words whose
    prefixed forms are tried: "zoeken" must not find "onderzoek", nor "wijzen" "onderwijs"."""
    return word.isalpha() and word.endswith(PAST_ENDINGS)


@lru_cache(maxsize=8)
def _analyzer_for(atoms: tuple[str, ...]) -> tantivy.TextAnalyzer:
    builder = (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.remove_long(MAX_TOKEN))
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.ascii_fold())
        .filter(tantivy.Filter.stemmer("dutch"))
    )
    if atoms:
        builder = builder.filter(tantivy.Filter.split_compound(list(atoms)))
    return builder.build()


def analyzer(atoms: Iterable[str] = ()) -> tantivy.TextAnalyzer:
    """The Dutch analyzer splitting compounds into ``atoms`` (cached per atom list)."""
    return _analyzer_for(tuple(sorted(set(atoms))))


@lru_cache(maxsize=1)
def _plain() -> tantivy.TextAnalyzer:
    """Folding only: the surface words, for building the vocabulary and for suggestions."""
    return (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.remove_long(MAX_TOKEN))
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.ascii_fold())
        .build()
    )


def fold_words(text: str) -> list[str]:
    """The folded words of ``text`` as the index cuts them (before stemming)."""
    return _plain().analyze(text)


def _splits(word: str, parts: set[str]) -> bool:
    """True if ``word`` is two or more of ``parts`` in a row (itself not counted)."""
    reachable = [False] * (len(word) + 1)
    reachable[0] = True
    for start in range(len(word)):
        if not reachable[start]:
            continue
        for end in range(start + ATOM_MIN, len(word) + 1):
            if (start, end) != (0, len(word)) and word[start:end] in parts:
                reachable[end] = True
    return reachable[len(word)]


def compound_atoms(texts: Iterable[str]) -> list[str]:
    """The words compounds are split into: the vocabulary's words and stems of ``ATOM_MIN`` letters
    or more that are not themselves compounds of other such words."""
    stem = analyzer(())
    words: set[str] = set()
    for text in texts:
        words.update(w for w in fold_words(text) if len(w) >= ATOM_MIN and w.isalpha())
    vocabulary = set(words)
    for word in words:
        vocabulary.update(s for s in stem.analyze(word) if len(s) >= ATOM_MIN)
    return sorted(w for w in vocabulary if not _splits(w, vocabulary))


def typo_distance(word: str) -> int:
    """How many edits a misspelt ``word`` may be from the word meant: 1 from five letters, 2 from
    eight, none below five (too many short words lie one letter apart)."""
    if len(word) >= 8:
        return 2
    if len(word) >= 5:
        return 1
    return 0


def edit_distance(a: str, b: str, limit: int = 2) -> int:
    """Damerau-Levenshtein distance (adjacent swaps cost one), ``limit + 1`` once it is over."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    if len(set(a).symmetric_difference(b)) > 2 * limit:  # an edit changes two letters at most
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = ca != cb
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return min(previous[-1], limit + 1)


def _address(chunk: str) -> bool:
    return "://" in chunk or "www." in chunk or chunk.count("/") >= 2


def without_urls(text: str) -> str:
    """``text`` with web addresses cut out, and the pieces of them a PDF broke onto the next line
    (they make poor snippets). Runs of white space become one space."""
    if "/" not in text and "www." not in text:
        return text
    return " ".join(chunk for chunk in text.split() if not _address(chunk))
