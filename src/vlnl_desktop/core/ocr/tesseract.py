"""The Tesseract program: where it is, which languages it has, and one page image through it.

Tesseract is an optional system dependency (README: how to install it). It is called as a
program, not through PyMuPDF's built-in OCR: measured on the same 300 dpi page, the program took
3.5 s where ``Page.get_textpage_ocr`` took 6 s (bench/bench_ocr.py), and its TSV output gives
each word's box and confidence. Each call runs single-threaded (``OMP_THREAD_LIMIT=1``): the
pages are spread over the cores by processes, and Tesseract's own threads on top of that only
slowed it down (11 s instead of 3.5 s on two cores).
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass

from vlnl_desktop.core.errors import Problem

DEFAULT_LANGUAGES = "nld+eng"
PAGE_SECONDS = 300.0  # a page that takes longer is given up (a real one takes a few seconds)
_ENV_PROGRAM = "VLNL_TESSERACT"


class TesseractMissing(Problem):
    """Tesseract, or a language it was asked for, is not installed."""


@dataclass(frozen=True)
class Word:
    """One recognised word: its box in the image's pixels, its place in the reading order."""

    left: int
    top: int
    right: int
    bottom: int
    text: str
    block: int
    line: int  # the line's number across the page (block, paragraph and line in one)
    confidence: float


def program() -> str | None:
    """The path of the tesseract program, or None when it is not installed."""
    given = os.environ.get(_ENV_PROGRAM)
    if given is not None:
        return shutil.which(given) if given else None
    return shutil.which("tesseract")


def _env() -> dict[str, str]:
    return {**os.environ, "OMP_THREAD_LIMIT": "1"}


@functools.cache
def _probe(path: str) -> tuple[str, frozenset[str]]:
    try:
        version = subprocess.run(
            [path, "--version"], capture_output=True, text=True, timeout=30, env=_env()
        )
        langs = subprocess.run(
            [path, "--list-langs"], capture_output=True, text=True, timeout=30, env=_env()
        )
    except (OSError, subprocess.SubprocessError):
        return "", frozenset()
    first = (version.stdout or version.stderr).strip().splitlines()
    names = langs.stdout.strip().splitlines()[1:]  # the first line says where they are
    return (first[0].strip() if first else "tesseract"), frozenset(n.strip() for n in names)


def engine() -> str:
    """'tesseract 5.3.0' (what made the text, stored with it); raises ``TesseractMissing``."""
    path = program()
    if path is None:
        raise TesseractMissing("no_tesseract")
    name, _langs = _probe(path)
    if not name:
        raise TesseractMissing("no_tesseract")
    return name


def check_languages(languages: str) -> None:
    """Raise ``TesseractMissing`` unless Tesseract is installed with every language in
    ``languages`` ('nld+eng')."""
    path = program()
    if path is None or not _probe(path)[0]:
        raise TesseractMissing("no_tesseract")
    wanted = [w for w in languages.split("+") if w]
    if not wanted:
        raise TesseractMissing("no_language", languages)
    missing = [w for w in wanted if w not in _probe(path)[1]]
    if missing:
        raise TesseractMissing("no_language", "+".join(missing))


def _run(
    args: list[str],
    image: bytes,
    alive: Callable[[], None],
    seconds: float,
    nice: int = 0,
    source: str = "stdin",
) -> str:
    path = program()
    if path is None:
        raise TesseractMissing("no_tesseract")
    lower = (lambda: os.nice(nice)) if nice and hasattr(os, "nice") else None
    proc = subprocess.Popen(
        [path, source, "stdout", *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_env(),
        preexec_fn=lower,  # noqa: PLW1509 - only os.nice, no locks taken
    )
    ends = time.monotonic() + seconds
    try:
        out, err = _talk(proc, image, alive, ends)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    if proc.returncode != 0:
        last = err.decode("utf-8", "replace").strip().splitlines()
        raise Problem("ocr_failed", last[-1] if last else f"exit code {proc.returncode}")
    return out.decode("utf-8", "replace")


def _talk(proc: subprocess.Popen, image: bytes, alive: Callable[[], None], ends: float):
    """Feed ``image``, wait for the answer while saying ``alive()`` now and then."""
    import threading

    result: dict[str, bytes] = {}

    def communicate() -> None:
        result["out"], result["err"] = proc.communicate(image)

    talker = threading.Thread(target=communicate, daemon=True)
    talker.start()
    while talker.is_alive():
        talker.join(0.2)
        alive()
        if time.monotonic() > ends:
            proc.kill()
            talker.join()
            raise Problem("ocr_failed", f"a page takes more than {PAGE_SECONDS:g} s")
    return result.get("out", b""), result.get("err", b"")


def recognise(
    image: bytes, languages: str, alive: Callable[[], None] = lambda: None, nice: int = 0
) -> list[Word]:
    """The words Tesseract reads in ``image`` (PNG, PNM or any format Leptonica reads);
    ``nice``: run it at that lower priority (background work beside the window)."""
    tsv = _run(["-l", languages, "--psm", "3", "tsv"], image, alive, PAGE_SECONDS, nice)
    return parse_tsv(tsv).get(1, [])


def recognise_many(
    images: list[bytes], languages: str, alive: Callable[[], None] = lambda: None, nice: int = 0
) -> list[list[Word]]:
    """The words of each of ``images``, read by one Tesseract process: its language models are
    loaded once (about a third of a small page's time), not once a page."""
    if len(images) == 1:
        return [recognise(images[0], languages, alive, nice)]
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory(prefix="vlnl-ocr-") as tmp:
        names = []
        for number, image in enumerate(images):
            name = Path(tmp) / f"{number:05d}.pnm"
            name.write_bytes(image)
            names.append(str(name))
        listing = Path(tmp) / "pages.txt"
        listing.write_text("\n".join(names) + "\n", encoding="utf-8")
        seconds = PAGE_SECONDS * len(images)
        tsv = _run(["-l", languages, "--psm", "3", "tsv"], b"", alive, seconds, nice, str(listing))
    pages = parse_tsv(tsv)
    return [pages.get(number + 1, []) for number in range(len(images))]


def parse_tsv(tsv: str) -> dict[int, list[Word]]:
    """Tesseract's TSV output as the words of each page (1-based; level 5 rows with text), in
    its reading order."""
    pages: dict[int, list[Word]] = {}
    lines: dict[tuple[int, int, int, int], int] = {}
    for row in tsv.splitlines():
        cells = row.split("\t")
        if len(cells) != 12 or cells[0] != "5":
            continue
        text = cells[11].strip()
        if not text:
            continue
        try:
            page, block, par, line = (int(c) for c in cells[1:5])
            left, top, width, height = (int(c) for c in cells[6:10])
            confidence = float(cells[10])
        except ValueError:
            continue
        number = lines.setdefault((page, block, par, line), len(lines))
        pages.setdefault(page, []).append(
            Word(left, top, left + width, top + height, text, block, number, confidence)
        )
    return pages


def orientation(image: bytes, alive: Callable[[], None] = lambda: None, nice: int = 0) -> int:
    """Degrees to turn ``image`` clockwise to make its text upright (0, 90, 180, 270), by
    Tesseract's orientation detection; 0 when it cannot tell."""
    try:
        out = _run(["--psm", "0"], image, alive, PAGE_SECONDS, nice)
    except Problem:
        return 0
    for row in out.splitlines():
        if row.startswith("Rotate:"):
            try:
                return int(row.split(":", 1)[1]) % 360
            except ValueError:
                return 0
    return 0
