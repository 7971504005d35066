"""A generated corpus of PDFs with realistic Dutch text, made once and cached in bench/.cache.

The words and their order come from the archive's own records (a word-pair chain over their Dutch
descriptions), so word frequencies look like real policy text: common words everywhere, names and
technical terms rare. The same size and seed always give the same files.
"""

from __future__ import annotations

import argparse
import random
import re
import tomllib
from multiprocessing import Pool
from pathlib import Path

from common import BENCH_DIR, CACHE_DIR

RECORDS = BENCH_DIR.parent / "archive" / "records"
FILLER = (
    "de het een en van in op te dat voor met aan is zijn door om bij als ook wordt worden heeft "
    "samenwerking beleid onderzoek innovatie economie bedrijven regio overheid ontwikkeling "
    "kennis projecten investeringen instellingen partners strategie programma uitvoering"
).split()


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def word_chain() -> dict[str, list[str]]:
    """Each word of the records mapped to the words that follow it there."""
    words: list[str] = []
    for path in sorted(RECORDS.rglob("*.toml")):
        for text in _strings(tomllib.loads(path.read_text(encoding="utf-8"))):
            if not text.startswith("http"):
                words += re.findall(r"[\wÀ-ÿ'’-]+|[.,;:]", text)
    chain: dict[str, list[str]] = {}
    for a, b in zip(words, words[1:], strict=False):
        chain.setdefault(a, []).append(b)
    return chain


def sentences(rng: random.Random, chain: dict[str, list[str]], count: int) -> str:
    starts = [w for w in chain if w[:1].isupper()]
    out = []
    for _ in range(count):
        word = rng.choice(starts)
        sentence = [word]
        for _ in range(rng.randint(8, 28)):
            followers = chain.get(word)
            word = (
                rng.choice(followers) if followers and rng.random() < 0.85 else rng.choice(FILLER)
            )
            sentence.append(word)
        text = " ".join(sentence).replace(" ,", ",").replace(" .", ".").rstrip(".,;:")
        out.append(text + ".")
    return " ".join(out)


def _make_document(args: tuple[Path, int, int, int]) -> None:
    import pymupdf

    path, number, pages, seed = args
    if path.exists():
        return
    rng = random.Random(seed * 100_003 + number)
    chain = _CHAIN
    doc = pymupdf.open()
    for page_no in range(pages):
        page = doc.new_page()
        title = f"Document {number} - pagina {page_no + 1}"
        page.insert_text((56, 60), title, fontsize=13)
        page.insert_textbox(pymupdf.Rect(56, 80, 540, 800), sentences(rng, chain, 18), fontsize=10)
    tmp = path.with_suffix(".tmp")
    doc.save(tmp, deflate=True)
    tmp.replace(path)


_CHAIN: dict[str, list[str]] = {}


def _init() -> None:
    global _CHAIN
    _CHAIN = word_chain()


def make_corpus(documents: int, pages: int, seed: int = 1, processes: int = 2) -> Path:
    """The folder of ``documents`` PDFs of ``pages`` pages each (made on first use)."""
    folder = CACHE_DIR / f"corpus-{documents}x{pages}-s{seed}"
    folder.mkdir(parents=True, exist_ok=True)
    jobs = [(folder / f"doc-{n:05d}.pdf", n, pages, seed) for n in range(documents)]
    todo = [job for job in jobs if not job[0].exists()]
    if todo:
        with Pool(processes, initializer=_init) as pool:
            for _ in pool.imap_unordered(_make_document, todo, chunksize=8):
                pass
    return folder


def make_long_pdf(pages: int, seed: int = 1) -> Path:
    """One PDF of ``pages`` dense pages (for scrolling and memory)."""
    path = CACHE_DIR / f"long-{pages}-s{seed}.pdf"
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        _init()
        _make_document((path, 0, pages, seed))
    return path


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--pages", type=int, default=10)
    args = parser.parse_args()
    print(make_corpus(args.documents, args.pages))
