"""The hostile corpus, made on the fly (never stored): PDFs that lie, loop or explode, and files
that are not files. Used by the fault suite (tests/test_hostile_*.py) and the memory/deadline
bench (bench/bench_hostile.py).

``hostile_pdfs()`` maps a name to the bytes of a PDF written by hand (so it can say what no PDF
library would write): page trees that lie about their count or loop, content streams that are
decompression bombs (flate inside flate), form XObjects that draw each other ten times over
(a "billion laughs" of text), an image that claims to be 100,000 pixels square, deep nesting.
``make_hostile_files(folder)`` writes them, with ``hostile_special_files(folder)`` the non-files:
a FIFO, symlinks to devices and a symlink loop.
"""

from __future__ import annotations

import os
import zlib
from functools import cache
from pathlib import Path


def pdf_from_objects(objects: list[bytes], root: int = 1, trailer_extra: bytes = b"") -> bytes:
    """A PDF whose object ``n`` (1-based) is ``objects[n - 1]``, with a correct xref table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root %d 0 R %s>>\n" % (len(objects) + 1, root, trailer_extra)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def _stream(data: bytes, extra: bytes = b"", *, filters: int = 0) -> bytes:
    """A stream object: ``data`` deflated ``filters`` times."""
    for _ in range(filters):
        data = zlib.compress(data, 9)
    names = b" ".join([b"/FlateDecode"] * filters)
    filter_entry = b"/Filter [%s] " % names if filters else b""
    return (
        b"<< /Length %d %s%s>>\nstream\n" % (len(data), filter_entry, extra)
        + data
        + (b"\nendstream")
    )


_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
_TEXT = b"BT /F1 12 Tf 72 720 Td (Hostile text) Tj ET"


def _one_page(contents: bytes, resources: bytes = b"<< /Font << /F1 4 0 R >> >>") -> list[bytes]:
    """Catalog, pages, page, font, contents: objects 1-5."""
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources %s /Contents 5 0 R >>"
        % resources,
        _FONT,
        contents,
    ]


def lying_count() -> bytes:
    """A page tree that says it holds 2,147,483,647 pages and holds one."""
    objects = _one_page(_stream(_TEXT))
    objects[1] = b"<< /Type /Pages /Kids [3 0 R] /Count 2147483647 >>"
    return pdf_from_objects(objects)


def one_page_many_times(times: int = 100_000) -> bytes:
    """A page tree with ``times`` references to one page."""
    objects = _one_page(_stream(_TEXT))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b"3 0 R " * times, times)
    return pdf_from_objects(objects)


def looping_tree() -> bytes:
    """A page tree whose node lists itself (and its parent) among its kids."""
    objects = _one_page(_stream(_TEXT))
    objects[1] = b"<< /Type /Pages /Kids [6 0 R 3 0 R] /Count 3 >>"
    objects.append(b"<< /Type /Pages /Parent 2 0 R /Kids [6 0 R 2 0 R] /Count 2 >>")
    return pdf_from_objects(objects)


def flate_bomb(megabytes: int = 400) -> bytes:
    """A content stream of ``megabytes`` MB of text operators, deflated twice (a few KB)."""
    line = b"BT /F1 1 Tf 10 10 Td (AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA) Tj ET\n"
    chunk = (line * ((1 << 20) // len(line) + 1))[: 1 << 20]
    # after a full flush the compressor starts afresh: every megabyte deflates to the same bytes
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    checksum = 1
    for _ in range(megabytes):
        checksum = zlib.adler32(chunk, checksum)
    once = b"\x78\xda" + block * megabytes + compressor.flush() + checksum.to_bytes(4, "big")
    twice = zlib.compress(once, 9)
    contents = (
        b"<< /Length %d /Filter [/FlateDecode /FlateDecode] >>\nstream\n" % len(twice)
        + twice
        + b"\nendstream"
    )
    return pdf_from_objects(_one_page(contents))


def xobject_laughs(depth: int = 9, fan: int = 10) -> bytes:
    """Form XObjects nested ``depth`` deep, each drawing the next ``fan`` times: fan**depth texts."""
    objects = _one_page(
        _stream(b"/X1 Do " * fan),
        b"<< /Font << /F1 4 0 R >> /XObject << /X1 6 0 R >> >>",
    )
    for level in range(1, depth + 1):
        number = 5 + level
        if level < depth:
            body = b"/X%d Do " % (level + 1) * fan
            res = b"<< /XObject << /X%d %d 0 R >> >>" % (level + 1, number + 1)
        else:
            body = _TEXT
            res = b"<< /Font << /F1 4 0 R >> >>"
        objects.append(
            _stream(body, b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources %s " % res)
        )
    return pdf_from_objects(objects)


def huge_image() -> bytes:
    """A page with an image that claims 100,000 x 100,000 pixels (a flate bomb of zeros)."""
    objects = _one_page(
        _stream(b"q 500 0 0 500 50 50 cm /Im1 Do Q"),
        b"<< /XObject << /Im1 6 0 R >> >>",
    )
    compressor = zlib.compressobj(9)
    data = bytearray()
    row = bytes(1 << 20)
    for _ in range(64):
        data += compressor.compress(row)
    data += compressor.flush()
    objects.append(
        b"<< /Type /XObject /Subtype /Image /Width 100000 /Height 100000 /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 /Length %d /Filter /FlateDecode >>\nstream\n"
        % len(data)
        + bytes(data)
        + b"\nendstream"
    )
    return pdf_from_objects(objects)


def deep_nesting(depth: int = 100_000) -> bytes:
    """An array nested ``depth`` deep in the page's dictionary."""
    objects = _one_page(_stream(_TEXT))
    objects[2] = objects[2][:-2] + b"/Junk " + b"[" * depth + b"]" * depth + b" >>"
    return pdf_from_objects(objects)


def many_pages_of_text(pages: int = 1000, lines: int = 60) -> bytes:
    """``pages`` pages sharing one content stream of ``lines`` lines of 480 characters in one-point
    type: about 29 million characters in all, over the per-document text budget."""
    line = b"(" + b"lorem ipsum " * 40 + b") Tj T* "
    content = _stream(b"BT /F1 1 Tf 1.2 TL 10 780 Td " + line * lines + b"ET", filters=1)
    kids = b" ".join(b"%d 0 R" % (6 + i) for i in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages),
        b"<< >>",
        _FONT,
        content,
    ]
    for _ in range(pages):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>"
        )
    return pdf_from_objects(objects)


def dense_page(lines: int = 300, chars: int = 1000) -> bytes:
    """One page holding ``lines`` x ``chars`` characters in half-point type (over the page budget)."""
    line = b"(" + b"x" * chars + b") Tj T* "
    body = b"BT /F1 0.5 Tf 0.6 TL 1 790 Td " + line * lines + b"ET"
    return pdf_from_objects(_one_page(_stream(body, filters=1)))


@cache
def hostile_pdfs() -> dict[str, bytes]:
    """Every hostile PDF of the corpus, by file name."""
    return {
        "lying-count.pdf": lying_count(),
        "one-page-100000-times.pdf": one_page_many_times(),
        "looping-tree.pdf": looping_tree(),
        "flate-bomb.pdf": flate_bomb(),
        "xobject-laughs.pdf": xobject_laughs(),
        "huge-image.pdf": huge_image(),
        "deep-nesting.pdf": deep_nesting(),
        "text-flood.pdf": many_pages_of_text(),
        "dense-page.pdf": dense_page(),
    }


def make_hostile_files(folder: Path, names: list[str] | None = None) -> dict[str, Path]:
    """Write the hostile PDFs (all, or those ``names``) into ``folder``; their paths by name."""
    folder.mkdir(parents=True, exist_ok=True)
    out = {}
    for name, data in hostile_pdfs().items():
        if names is None or name in names:
            out[name] = folder / name
            out[name].write_bytes(data)
    return out


def hostile_special_files(folder: Path) -> dict[str, Path]:
    """Things named .pdf that are not regular files: a FIFO, symlinks to endless devices, a
    symlink loop. Reading any of them naively blocks or never ends."""
    folder.mkdir(parents=True, exist_ok=True)
    out = {"fifo.pdf": folder / "fifo.pdf"}
    os.mkfifo(out["fifo.pdf"])
    for name, target in (("zero.pdf", "/dev/zero"), ("urandom.pdf", "/dev/urandom")):
        out[name] = folder / name
        out[name].symlink_to(target)
    out["loop.pdf"] = folder / "loop.pdf"
    out["loop.pdf"].symlink_to(folder / "loop.pdf")
    return out
