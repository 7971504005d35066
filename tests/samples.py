"""The inputs the tests share: the sample PDFs on disk, PDFs made on the fly (broken ones, one with
unsafe links), and malformed queries. Test modules import these from here, never from each other."""

from __future__ import annotations

from pathlib import Path

import pymupdf

SAMPLES = Path(__file__).parent / "data" / "pdf-samples"
ALL_PDFS = sorted(SAMPLES.rglob("*.pdf"))
SMALL = SAMPLES / "004-pdflatex-4-pages" / "pdflatex-4-pages.pdf"  # "gefburn" on page 2
GEOTOPO = SAMPLES / "009-pdflatex-geotopo" / "GeoTopo-komprimiert.pdf"  # 117 pages, German
# The password of ENCRYPTED is "openpassword".
ENCRYPTED = SAMPLES / "005-libreoffice-writer-password" / "libreoffice-writer-password.pdf"
ZERO_PAGES = SAMPLES / "017-unreadable-meta-data" / "unreadablemetadata.pdf"
IMAGE_ONLY = SAMPLES / "019-grayscale-image" / "grayscale-image.pdf"
MULTICOLUMN = SAMPLES / "026-latex-multicolumn" / "multicolumn.pdf"
OUTLINE = SAMPLES / "006-pdflatex-outline" / "pdflatex-outline.pdf"
LINK = SAMPLES / "016-libre-office-link" / "libre-office-link.pdf"
ARABIC = SAMPLES / "015-arabic" / "habibi.pdf"
CMYK = SAMPLES / "023-cmyk-image" / "cmyk-image.pdf"


def make_broken_files(folder: Path) -> dict[str, Path]:
    """Files named .pdf that are not good PDFs, by name: truncated, flipped bytes, empty, HTML."""
    folder.mkdir()
    good = SMALL.read_bytes()
    start = good.find(b"stream") + 8
    files = {
        "truncated.pdf": good[: len(good) // 2],
        "flipped.pdf": good[:start] + bytes(b ^ 0x5A for b in good[start : start + 400])
        + good[start + 400 :],
        "empty.pdf": b"",
        "page.pdf": b"<!DOCTYPE html><html><body><p>Not a PDF</p></body></html>",
    }  # fmt: skip
    paths = {}
    for name, data in files.items():
        paths[name] = folder / name
        paths[name].write_bytes(data)
    return paths


def make_unsafe_links_pdf(path: Path) -> Path:
    """A one-page PDF with a javascript: link, a file: link and a launch action, one above the other."""
    doc = pymupdf.open()
    page = doc.new_page()
    targets = [
        {"kind": pymupdf.LINK_URI, "uri": "javascript:alert(1)"},
        {"kind": pymupdf.LINK_URI, "uri": "file:///etc/passwd"},
        {"kind": pymupdf.LINK_LAUNCH, "file": "/usr/bin/xterm"},
    ]
    for i, target in enumerate(targets):
        rect = pymupdf.Rect(72, 100 + 60 * i, 372, 130 + 60 * i)
        page.insert_text((rect.x0, rect.y1 - 8), f"Link {i + 1}", fontsize=14)
        page.insert_link({**target, "from": rect})
    doc.save(path)
    doc.close()
    return path


# What a user may type in a search box that is no valid query: every layer must survive it.
MALFORMED = [
    "",
    "   ",
    '"',
    '""',
    '"unclosed phrase',
    "AND",
    "OR",
    "NOT",
    "NEAR",
    "NEAR(a b)",
    "*",
    "(",
    ")",
    "col:term",
    "title:x",
    "'; DROP TABLE records; --",
    "a OR",
    "OR a",
    "-",
    "--",
    "-x",
    "^a",
    "a + b",
    "{a b}",
    "é́́́",
    "\x00",
    "a" * 5000,
    "🙂",
]
