"""How a scan lies, found before Tesseract reads it: skewed a little, or turned a quarter."""

from __future__ import annotations

import pymupdf
import pytest

from scans import A6, dutch_text, make_scan
from vlnl_desktop.core.ocr.deskew import lie


@pytest.mark.parametrize(
    ("how", "turned", "angle"),
    [({}, False, 0.0), ({"skew": 2.0}, False, -2.0), ({"skew": -1.5}, False, 1.5),
     ({"turn": 90}, True, 0.0), ({"turn": 90, "skew": 1.0}, True, -1.0)],
)  # fmt: skip
def test_a_scan_is_found_skewed_or_turned_as_it_was_made(tmp_path, how, turned, angle):
    scan = make_scan(tmp_path / "scan.pdf", [dutch_text(4, 90)], 150, size=A6, **how)
    with pymupdf.open(scan.path) as doc:
        found_turned, found_angle = lie(doc[0])
    assert found_turned is turned
    assert abs(found_angle - angle) <= 0.5  # Tesseract reads a page crooked by 0.5° well


def test_a_blank_page_lies_level():
    doc = pymupdf.open()
    page = doc.new_page()
    assert lie(page) == (False, 0.0)
