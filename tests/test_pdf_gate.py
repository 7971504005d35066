"""One PDF gate: import and the gate judge a file alike, by one code (a file the viewer refuses
is refused by import for the same reason)."""

from __future__ import annotations

from pathlib import Path

import pytest

from vlnl_desktop.core.documents.importer import import_files
from vlnl_desktop.core.errors import PdfProblem
from vlnl_desktop.core.pdf.gate import open_pdf

SAMPLES = Path(__file__).parent / "data" / "pdf-samples"
GEOTOPO = SAMPLES / "009-pdflatex-geotopo" / "GeoTopo-komprimiert.pdf"
ZERO_PAGES = SAMPLES / "017-unreadable-meta-data" / "unreadablemetadata.pdf"
ENCRYPTED = SAMPLES / "005-libreoffice-writer-password" / "libreoffice-writer-password.pdf"


def bad_files(folder: Path) -> dict[str, Path]:
    good = GEOTOPO.read_bytes()
    cases = {
        "empty.pdf": b"",
        "web-page.pdf": b"<!DOCTYPE html><html><body>geen pdf</body></html>",
        "cut-short.pdf": good[:3000],
        "zero-pages.pdf": ZERO_PAGES.read_bytes(),
        # a linearized file longer than it says it is: something was appended or cut
        "grown.pdf": ZERO_PAGES.read_bytes() + b"\n" * 100,
        "locked.pdf": ENCRYPTED.read_bytes(),
    }
    paths = {}
    for name, data in cases.items():
        paths[name] = folder / name
        paths[name].write_bytes(data)
    return paths


def test_import_refuses_each_file_with_the_gates_code(workspace, tmp_path):
    files = bad_files(tmp_path)
    results = {Path(r.path).name: r for r in import_files(workspace, files.values())}
    for name, path in files.items():
        with pytest.raises(PdfProblem) as gate:
            open_pdf(path)
        assert results[name].status == "failed"
        assert results[name].code == gate.value.code, name
        assert results[name].reason == str(gate.value), name
    assert {n: r.code for n, r in results.items()} == {
        "empty.pdf": "empty",
        "web-page.pdf": "not_pdf",
        "cut-short.pdf": "damaged",
        "zero-pages.pdf": "no_pages",
        "grown.pdf": "damaged",
        "locked.pdf": "password_required",
    }
