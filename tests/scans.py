"""Scans the OCR tests and the OCR benchmark make themselves: Dutch text (diacritics included) or a
page of a sample PDF, rendered to a grey image at a given resolution, optionally turned 90°,
skewed 2° or sprinkled with noise, and wrapped as an image-only PDF (no text layer). Each comes
with its known text, to measure word recall against.

Only PyMuPDF is used (no image library): noise is written into the pixmap's samples.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pymupdf

# words of the archive's subject, with the diacritics Dutch uses (trema, accent)
_WORDS = (
    "de het een en van in op met voor aan door over bij tussen naar samen ook niet meer "
    "Vlaanderen Nederland België samenwerking topontmoeting verklaring waterstof innovatie één "
    "coöperatie ideeën financiële Artificiële Intelligentie geïntegreerde beëindigd zeeën "
    "minister-president economie wetenschap onderzoek havens logistiek Gent Antwerpen Rotterdam "
    "Scheldeverdrag kennis universiteiten ondernemingen Brainport Eindhoven Leuven fotonica "
    "gepersonaliseerde geneeskunde circulaire Vlaams-Nederlandse overeenkomst afspraken regering "
    "ministers ondertekend gezamenlijke agenda creëren reünie efficiëntie Hogeschool Delta "
    "grensoverschrijdende infrastructuur energie klimaat chemie halfgeleiders zorg café"
).split()


@dataclass(frozen=True)
class Scan:
    """An image-only PDF and the text each of its pages shows."""

    path: Path
    texts: list[str]


def dutch_text(seed: int, words: int = 120) -> str:
    """Sentences of Dutch words (the same for the same seed)."""
    rng = random.Random(seed)
    out: list[str] = []
    while len(out) < words:
        sentence = [rng.choice(_WORDS) for _ in range(rng.randint(6, 14))]
        sentence[0] = sentence[0][:1].upper() + sentence[0][1:]
        sentence[-1] += "."
        out.extend(sentence)
    return " ".join(out)


A4 = (595, 842)
A6 = (298, 420)  # small pages keep the tests fast


def text_page(text: str, size: tuple[float, float] = A4, fontsize: float = 11) -> pymupdf.Document:
    """A one-page PDF of ``size`` showing ``text`` in a serif face."""
    doc = pymupdf.open()
    page = doc.new_page(width=size[0], height=size[1])
    margin = 40 if size[0] < 400 else 60
    area = pymupdf.Rect(margin, margin, size[0] - margin, size[1] - margin)
    page.insert_textbox(area, text, fontname="tiro", fontsize=fontsize)
    return doc


def _noise(pix: pymupdf.Pixmap, share: float, seed: int) -> None:
    """Turn ``share`` of the pixels of a grey pixmap to random grey (salt and pepper)."""
    rng = random.Random(seed)
    samples = bytearray(pix.samples)
    count = int(len(samples) * share)
    for _ in range(count):
        samples[rng.randrange(len(samples))] = rng.choice((0, 60, 200, 255))
    pix.set_origin(0, 0)
    clean = pymupdf.Pixmap(pymupdf.csGRAY, pix.width, pix.height, bytes(samples), False)
    pix.copy(clean, pix.irect)


def scan_page(
    out: pymupdf.Document,
    source: pymupdf.Page,
    dpi: int,
    *,
    turn: int = 0,
    skew: float = 0.0,
    noise: float = 0.0,
    seed: int = 0,
) -> None:
    """Add to ``out`` a page that is an image of ``source`` at ``dpi``: turned by ``turn``
    degrees (90: scanned sideways), skewed by ``skew`` degrees, with ``noise`` of its pixels
    spoiled."""
    matrix = pymupdf.Matrix(dpi / 72, dpi / 72).prerotate(turn + skew)
    pix = source.get_pixmap(matrix=matrix, colorspace=pymupdf.csGRAY, alpha=False)
    if noise:
        _noise(pix, noise, seed)
    width, height = pix.width * 72 / dpi, pix.height * 72 / dpi
    page = out.new_page(width=width, height=height)
    page.insert_image(page.rect, stream=pix.tobytes("png"))


def make_scan(
    path: Path,
    texts: list[str],
    dpi: int,
    *,
    turn: int = 0,
    skew: float = 0.0,
    noise: float = 0.0,
    size: tuple[float, float] = A4,
) -> Scan:
    """An image-only PDF at ``path`` with a page per text of ``texts``."""
    out = pymupdf.open()
    for i, text in enumerate(texts):
        with text_page(text, size) as doc:
            scan_page(out, doc[0], dpi, turn=turn, skew=skew, noise=noise, seed=i)
    out.save(path, deflate=True)
    out.close()
    return Scan(path, list(texts))


def scan_of_pdf(path: Path, source: Path, pages: list[int], dpi: int) -> Scan:
    """An image-only PDF of ``pages`` (0-based) of the PDF ``source``, with their text."""
    out = pymupdf.open()
    texts = []
    with pymupdf.open(source) as doc:
        for index in pages:
            scan_page(out, doc[index], dpi)
            texts.append(doc[index].get_text())
    out.save(path, deflate=True)
    out.close()
    return Scan(path, texts)


_TOKEN = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")


def words_of(text: str) -> list[str]:
    """The words of ``text``, lower case, diacritics kept, punctuation dropped."""
    return [w.lower() for w in _TOKEN.findall(text)]


def word_recall(expected: str, found: str) -> float:
    """The share of the words of ``expected`` that ``found`` has (as many times as expected)."""
    want = Counter(words_of(expected))
    got = Counter(words_of(found))
    total = sum(want.values())
    return sum((want & got).values()) / total if total else 1.0
