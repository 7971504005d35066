"""The Qt-free PDF helpers: opening (and how it fails), find with folding, links, outline, text."""

import subprocess
import sys
from pathlib import Path

import pymupdf
import pytest

from samples import (
    ENCRYPTED,
    GEOTOPO,
    LINK,
    MULTICOLUMN,
    OUTLINE,
    ZERO_PAGES,
    make_unsafe_links_pdf,
)
from vlnl_desktop.core.errors import PdfProblem
from vlnl_desktop.core.pdf import document as pdf_document
from vlnl_desktop.core.pdf import find as pdf_find
from vlnl_desktop.core.pdf import links as pdf_links
from vlnl_desktop.core.pdf.gate import open_pdf
from vlnl_desktop.core.pdf.links import LinkKind


@pytest.fixture(scope="module")
def geotopo():
    doc = open_pdf(GEOTOPO)
    yield doc
    doc.close()


def test_opens_a_pdf_with_its_pages(geotopo):
    assert geotopo.page_count == 117
    sizes = pdf_document.page_sizes(geotopo)
    assert len(sizes) == 117
    assert sizes[0] == pytest.approx((595.3, 841.9), abs=0.5)


def test_a_text_file_is_not_a_pdf(tmp_path):
    path = tmp_path / "notes.pdf"
    path.write_text("Dit is geen PDF.\n")
    with pytest.raises(PdfProblem, match="not a PDF") as info:
        open_pdf(path)
    assert info.value.code == "not_pdf"


def test_an_empty_file_is_not_a_pdf(tmp_path):
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"")
    with pytest.raises(PdfProblem, match="empty") as info:
        open_pdf(path)
    assert info.value.code == "empty"


@pytest.mark.parametrize("keep", [3000, 30000])
def test_a_truncated_pdf_is_broken(tmp_path, keep):
    path = tmp_path / "truncated.pdf"
    path.write_bytes(GEOTOPO.read_bytes()[:keep])
    with pytest.raises(PdfProblem, match="damaged") as info:
        open_pdf(path)
    assert info.value.code == "damaged"


def test_mupdf_complaints_stay_off_the_terminal(tmp_path, capfd):
    path = tmp_path / "truncated.pdf"
    path.write_bytes(GEOTOPO.read_bytes()[:30000])
    with pytest.raises(PdfProblem):
        open_pdf(path)
    out, err = capfd.readouterr()
    assert out == ""
    assert err == ""


def test_a_pdf_without_pages_says_so():
    with pytest.raises(PdfProblem, match="no pages") as info:
        open_pdf(ZERO_PAGES)
    assert info.value.code == "no_pages"


def test_encrypted_pdf_needs_the_right_password():
    with pytest.raises(PdfProblem) as info:
        open_pdf(ENCRYPTED)
    assert info.value.code == "password_required"
    with pytest.raises(PdfProblem, match="wrong password") as info:
        open_pdf(ENCRYPTED, "secret")
    assert info.value.code == "wrong_password"
    doc = open_pdf(ENCRYPTED, "openpassword")
    assert doc.page_count == 1
    assert pdf_document.page_text(doc, 0).strip()
    doc.close()


def test_the_bytes_of_a_file_are_judged_as_the_file(tmp_path):
    """Fetch checks bytes, import and the viewer check files: one gate, one verdict."""
    cases = {
        "empty.pdf": b"",
        "text.pdf": b"Dit is geen PDF.",
        "truncated.pdf": GEOTOPO.read_bytes()[:3000],
        "zero.pdf": ZERO_PAGES.read_bytes(),
        "locked.pdf": ENCRYPTED.read_bytes(),
    }
    for name, data in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(PdfProblem) as from_file:
            open_pdf(path)
        with pytest.raises(PdfProblem) as from_bytes:
            open_pdf(data)
        assert from_file.value.code == from_bytes.value.code, name


def test_a_pdf_problem_crosses_process_boundaries_with_its_code():
    import pickle

    problem = pickle.loads(pickle.dumps(PdfProblem("damaged", "page 2: zlib error")))
    assert (problem.code, problem.detail) == ("damaged", "page 2: zlib error")
    assert str(problem) == "damaged PDF: page 2: zlib error"


def test_missing_file_raises_file_not_found(tmp_path):
    with pytest.raises(FileNotFoundError):
        open_pdf(tmp_path / "nothing.pdf")


def test_outline_pages_are_zero_based(geotopo):
    entries = pdf_document.outline(geotopo)
    chapters = [e for e in entries if e.level == 1]
    assert chapters[1].title == "2 Mannigfaltigkeiten und Simplizialkomplexe"
    assert chapters[1].page == 27
    assert len(entries) == 35


def test_find_counts_every_hit_in_the_book(geotopo):
    hits = pdf_find.find_in_document(geotopo, "Simplizialkomplex")
    assert len(hits) == 36
    assert hits[0].page == 3
    assert all(hit.rects for hit in hits)


def test_find_ignores_case_and_diacritics(geotopo):
    page = geotopo.load_page(5)
    assert page.search_for("Topologische Raume") == []  # what PyMuPDF alone misses
    hits = pdf_find.find_on_page(page, "topologische raume")
    assert len(hits) == 1
    (x0, y0, x1, y1) = hits[0].rects[0]
    expected = page.search_for("Topologische Räume")[0]
    assert (x0, y0, x1, y1) == pytest.approx(tuple(expected), abs=1.5)


def test_find_matches_ligatures_and_hyphenated_words():
    doc = open_pdf(MULTICOLUMN)
    page = doc.load_page(0)
    assert len(pdf_find.find_on_page(page, "two columns filled")) == 1  # "ﬁlled" in the PDF
    hyphenated = pdf_find.find_on_page(page, "adipiscing elit")  # "adip-" / "iscing elit."
    assert any(len(hit.rects) == 2 for hit in hyphenated)
    doc.close()


def test_an_empty_query_finds_nothing(geotopo):
    assert pdf_find.find_on_page(geotopo.load_page(5), "   ") == []
    assert pdf_find.find_on_page(geotopo.load_page(5), " | ") == []


def test_alternatives_find_every_one_of_them(geotopo):
    words = pdf_find.find_in_document(geotopo, "Simplizialkomplex")
    spaces = pdf_find.find_in_document(geotopo, "topologische raume")
    both = pdf_find.find_in_document(geotopo, "Simplizialkomplex | topologische raume")
    assert sorted(both, key=repr) == sorted(words + spaces, key=repr)
    assert [h.page for h in both] == sorted(h.page for h in both)  # page by page
    # an alternative inside another's hit is not found twice: the longer one holds it
    assert len(pdf_find.find_in_document(geotopo, "Simplizialkomplex | komplex")) == len(
        pdf_find.find_in_document(geotopo, "komplex")
    )


def test_text_in_rect_reads_one_column():
    doc = open_pdf(MULTICOLUMN)
    left = pdf_document.text_in_rect(doc, 0, (60, 240, 305, 680))
    assert "Lorem ipsum dolor sit amet" in left
    assert "Quisque ullamcorper" not in left
    right = pdf_document.text_in_rect(doc, 0, (305, 240, 545, 680))
    assert "Quisque ullamcorper placerat ipsum" in right
    assert "Lorem ipsum dolor" not in right
    doc.close()


def test_links_are_classified():
    doc = open_pdf(LINK)
    (link,) = pdf_links.page_links(doc, 0)
    assert link.kind is LinkKind.EXTERNAL
    assert link.uri == "https://martin-thoma.com/"
    doc.close()
    doc = open_pdf(OUTLINE)
    internal = pdf_links.page_links(doc, 0)
    assert internal
    assert all(li.kind is LinkKind.INTERNAL and li.target_page == 1 for li in internal[:3])
    assert 0 <= internal[0].target_y < 200  # near the top of the target page, from its top
    doc.close()


@pytest.mark.parametrize(
    ("uri", "kind"),
    [
        ("https://www.vlaanderen.be/", LinkKind.EXTERNAL),
        ("http://example.org/a?b=c", LinkKind.EXTERNAL),
        ("javascript:alert(1)", LinkKind.REFUSED),
        ("JavaScript:alert(1)", LinkKind.REFUSED),
        ("file:///etc/passwd", LinkKind.REFUSED),
        ("mailto:someone@example.org", LinkKind.REFUSED),
        ("https://", LinkKind.REFUSED),
        ("", LinkKind.REFUSED),
    ],
)
def test_classify_uri(uri, kind):
    assert pdf_links.classify_uri(uri) is kind


def test_unsafe_links_are_refused(tmp_path):
    doc = open_pdf(make_unsafe_links_pdf(tmp_path / "unsafe.pdf"))
    links = pdf_links.page_links(doc, 0)
    assert [li.kind for li in links] == [LinkKind.REFUSED] * 3
    assert links[0].uri.startswith("javascript:")
    assert "/etc/passwd" in links[1].uri  # PyMuPDF reads a file: URI as a launch action
    assert "/usr/bin/xterm" in links[2].uri
    doc.close()


def test_text_layer_detection(tmp_path):
    doc = pymupdf.open()
    page = doc.new_page()
    page.draw_rect(pymupdf.Rect(50, 50, 300, 300), color=(0, 0, 0), fill=(0.5, 0.5, 0.5))
    page = doc.new_page()
    page.insert_text((72, 72), "Hallo")
    doc.save(tmp_path / "mixed.pdf")
    doc.close()
    doc = open_pdf(tmp_path / "mixed.pdf")
    assert not pdf_document.has_text_layer(doc, 0)
    assert pdf_document.has_text_layer(doc, 1)
    doc.close()


def test_rotated_page_rects_are_in_display_coordinates(tmp_path):
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((72, 100), "Draaiboek", fontsize=20)
    page.set_rotation(90)
    doc.save(tmp_path / "rotated.pdf")
    doc.close()
    doc = open_pdf(tmp_path / "rotated.pdf")
    assert pdf_document.page_sizes(doc)[0] == pytest.approx((842, 595))
    (hit,) = pdf_find.find_on_page(doc.load_page(0), "draaiboek")
    x0, y0, x1, y1 = hit.rects[0]
    # Turned a quarter clockwise, text near the top left runs down along the right edge.
    assert x0 > 842 - 120 and y1 - y0 > x1 - x0
    text = pdf_document.text_in_rect(doc, 0, hit.rects[0])
    assert text == "Draaiboek"
    doc.close()


def test_core_pdf_modules_do_not_import_qt():
    code = (
        "import sys; import vlnl_desktop.core.pdf.document, vlnl_desktop.core.pdf.find, "
        "vlnl_desktop.core.pdf.gate, vlnl_desktop.core.pdf.text, "
        "vlnl_desktop.core.pdf.links; print('PySide6' in sys.modules)"
    )
    src = str(Path(__file__).parents[1] / "src")
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": src},
    )
    assert result.stdout.strip() == "False"


def test_page_sizes_read_without_loading_match_the_loaded_pages(geotopo, tmp_path):
    assert pdf_document.page_sizes(geotopo) == [
        (p.rect.width, p.rect.height) for p in geotopo.pages()
    ]
    doc = pymupdf.open()
    doc.new_page(width=300, height=400).set_rotation(270)
    doc.new_page(width=500, height=200)
    doc.save(tmp_path / "two.pdf")
    doc.close()
    doc = open_pdf(tmp_path / "two.pdf")
    assert pdf_document.page_sizes(doc) == [(400, 300), (500, 200)]
    assert pdf_document.page_sizes(doc, 1) == [(500, 200)]
    assert pdf_document.page_size(doc, 0) == (400, 300)


def test_named_destination_links_are_resolved_one_by_one(geotopo):
    links = pdf_links.page_links(geotopo, 59)
    assert [(li.target_page, round(li.target_y)) for li in links] == [(57, 628), (58, 704)]
    assert not hasattr(geotopo, "_resolved_names")  # not every name of the document


@pytest.mark.parametrize("rotation", [0, 90])
def test_render_into_draws_what_get_pixmap_does_into_a_bgra_buffer(geotopo, rotation):
    page = geotopo.load_page(59)
    matrix = pymupdf.Matrix(1.3, 1.3).prerotate(rotation)
    x0, y0, x1, y1 = box = pdf_document.render_box(page, matrix)
    pix = page.get_pixmap(matrix=matrix, alpha=False)
    assert (x1 - x0, y1 - y0) == (pix.width, pix.height)
    stride = 4 * pix.width
    buffer = bytearray(b"\xff" * stride * pix.height)  # opaque white
    pdf_document.render_into(page, matrix, box, memoryview(buffer), stride)
    rgb = bytearray(len(buffer) // 4 * 3)
    rgb[0::3], rgb[1::3], rgb[2::3] = buffer[2::4], buffer[1::4], buffer[0::4]
    assert bytes(rgb) == pix.samples
    assert set(buffer[3::4]) == {255}


def test_render_into_only_the_clip(geotopo):
    page = geotopo.load_page(0)
    matrix = pymupdf.Matrix(2, 2)
    clip = pymupdf.Rect(100, 100, 300, 200)
    x0, y0, x1, y1 = box = pdf_document.render_box(page, matrix, clip)
    assert box == (200, 200, 600, 400)
    buffer = bytearray(b"\xff" * 4 * 400 * 200)
    pdf_document.render_into(page, matrix, box, memoryview(buffer), 4 * 400)
    pix = page.get_pixmap(matrix=matrix, clip=clip, alpha=False)
    assert bytes(buffer[0::4]) == pix.samples[2::3]
    with pytest.raises(ValueError, match="too small"):
        pdf_document.render_into(page, matrix, box, memoryview(bytearray(16)), 4 * 400)
