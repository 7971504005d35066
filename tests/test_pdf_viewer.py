"""The PDF viewer widget, driven as a user would: open, navigate, find, select and copy, links."""

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDesktopServices, QGuiApplication, QImage, QWheelEvent
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from samples import (
    ARABIC,
    CMYK,
    ENCRYPTED,
    GEOTOPO,
    LINK,
    MULTICOLUMN,
    OUTLINE,
    ZERO_PAGES,
    make_unsafe_links_pdf,
)
from vlnl_desktop.ui.viewer.render_keys import TILE
from vlnl_desktop.ui.viewer.viewer import PdfViewer
from vlnl_desktop.workers.image_cache import CacheKey, ImageCache

TIMEOUT = 15000


@pytest.fixture
def viewer(qtbot):
    widget = PdfViewer()
    qtbot.addWidget(widget)
    widget.resize(1000, 800)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    return widget


def open_doc(qtbot, viewer, path, **kwargs):
    with qtbot.waitSignal(viewer.document_opened, timeout=TIMEOUT) as blocker:
        viewer.open_file(path, **kwargs)
    return blocker.args


def wait_rendered(qtbot, viewer, page):
    """Wait until ``page`` is painted from a rendered image of its current size."""
    view = viewer.view

    def rendered():
        keys = view._keys_for(page, view._visible_rect(), view.devicePixelRatioF())
        assert keys and all(key in view._cache for key in keys)

    qtbot.waitUntil(rendered, timeout=TIMEOUT)


def page_point(viewer, page, x, y) -> QPoint:
    """The viewport position of point (x, y) of ``page``, in PDF points from its top left."""
    rect = viewer.view.page_viewport_rect(page)
    width, height = viewer.view.page_sizes()[page]
    return QPoint(
        round(rect.left() + x * rect.width() / width),
        round(rect.top() + y * rect.height() / height),
    )


def drag(qtbot, viewer, start: QPoint, end: QPoint):
    viewport = viewer.view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(viewport, QPoint((start.x() + end.x()) // 2, (start.y() + end.y()) // 2))
    qtbot.mouseMove(viewport, end)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)


def ink_pixels(image: QImage, step: int = 3) -> tuple[int, int]:
    """(dark pixels, coloured pixels) in ``image``, sampling every ``step``-th pixel."""
    dark = coloured = 0
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            c = image.pixelColor(x, y)
            if c.value() < 100:
                dark += 1
            if c.saturation() > 80 and c.value() > 60:
                coloured += 1
    return dark, coloured


def test_opens_at_page_with_count(qtbot, viewer):
    path, count = open_doc(qtbot, viewer, GEOTOPO, page=9)
    assert count == 117
    assert Path(path) == GEOTOPO.resolve()
    assert viewer.current_page == 9
    assert viewer.toolbar.page_edit.text() == "10"
    assert viewer.toolbar.page_count_label.text().strip() == "van 117"
    wait_rendered(qtbot, viewer, 9)
    dark, _ = ink_pixels(viewer.view.viewport().grab().toImage())
    assert dark > 100  # text is drawn, not just blank pages


def test_outline_navigation_and_back(qtbot, viewer):
    open_doc(qtbot, viewer, GEOTOPO)
    tree = viewer.outline_tree
    qtbot.waitUntil(lambda: tree.topLevelItemCount() > 0, timeout=TIMEOUT)  # read after the page
    titles = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert "2 Mannigfaltigkeiten und Simplizialkomplexe" in titles
    viewer.side_tabs.setCurrentWidget(tree)
    item = tree.topLevelItem(titles.index("2 Mannigfaltigkeiten und Simplizialkomplexe"))
    tree.scrollToItem(item)
    qtbot.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(item).center()
    )
    assert viewer.current_page == 27
    assert viewer.toolbar.page_edit.text() == "28"
    assert viewer.toolbar.back_action.isEnabled()
    viewer.toolbar.back_action.trigger()
    assert viewer.current_page == 0
    viewer.toolbar.forward_action.trigger()
    assert viewer.current_page == 27


def test_find_steps_through_hits_with_count(qtbot, viewer):
    open_doc(qtbot, viewer, GEOTOPO)
    viewer.find("Simplizialkomplex")
    qtbot.waitUntil(lambda: viewer.find_count_text == "1 van 36", timeout=TIMEOUT)
    assert viewer.current_page == 3  # the first hit is on page 4
    viewer.find_next()
    assert viewer.find_count_text == "2 van 36"
    qtbot.keyClick(viewer.find_bar.edit, Qt.Key.Key_F3)
    assert viewer.find_count_text == "3 van 36"
    assert viewer.current_page == 27
    qtbot.keyClick(viewer.find_bar.edit, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert viewer.find_count_text == "2 van 36"
    viewer.find_previous()
    viewer.find_previous()
    assert viewer.find_count_text == "36 van 36"  # wraps round


def test_open_with_find_lands_on_the_hit_page(qtbot, viewer):
    open_doc(qtbot, viewer, GEOTOPO, page=27, find="simplizialkomplex")
    qtbot.waitUntil(lambda: viewer.find_finished, timeout=TIMEOUT)
    assert viewer.current_page == 27
    assert viewer.find_count_text == "3 van 36"


def test_find_without_hits_says_so(qtbot, viewer):
    open_doc(qtbot, viewer, GEOTOPO)
    viewer.find("fotonica")
    qtbot.waitUntil(lambda: viewer.find_count_text == "Niet gevonden", timeout=TIMEOUT)


def test_multicolumn_select_and_copy_one_column(qtbot, viewer):
    open_doc(qtbot, viewer, MULTICOLUMN)
    viewer.view.fit_page()
    wait_rendered(qtbot, viewer, 0)
    QGuiApplication.clipboard().clear()
    drag(qtbot, viewer, page_point(viewer, 0, 60, 290), page_point(viewer, 0, 305, 680))
    viewer.view.setFocus()
    qtbot.keyClick(viewer.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "Lorem ipsum dolor sit amet" in QGuiApplication.clipboard().text())
    assert "Quisque ullamcorper" not in QGuiApplication.clipboard().text()


def test_arabic_renders_and_copies(qtbot, viewer):
    open_doc(qtbot, viewer, ARABIC)
    wait_rendered(qtbot, viewer, 0)
    dark, _ = ink_pixels(viewer.view.viewport().grab().toImage(), step=1)
    assert dark > 20
    QGuiApplication.clipboard().clear()
    drag(qtbot, viewer, page_point(viewer, 0, 40, 40), page_point(viewer, 0, 300, 100))
    viewer.toolbar.copy_action.trigger()
    qtbot.waitUntil(lambda: "habibi" in QGuiApplication.clipboard().text())
    assert "حَبيبي" in QGuiApplication.clipboard().text()


def test_cmyk_image_renders_in_colour(qtbot, viewer):
    open_doc(qtbot, viewer, CMYK)
    wait_rendered(qtbot, viewer, 0)
    _, coloured = ink_pixels(viewer.view.viewport().grab().toImage())
    assert coloured > 1000


def click_link(qtbot, viewer, page, index=0):
    qtbot.waitUntil(lambda: len(viewer.view.links_on_page(page)) > index, timeout=TIMEOUT)
    link = viewer.view.links_on_page(page)[index]
    pos = viewer.view.link_position(page, link).toPoint()
    qtbot.mouseClick(viewer.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    return link


def test_internal_link_jumps_and_back_returns(qtbot, viewer):
    open_doc(qtbot, viewer, OUTLINE)
    viewer.view.fit_page()
    link = click_link(qtbot, viewer, 0)
    assert link.target_page == 1
    assert viewer.current_page == 1
    qtbot.keyClick(viewer.view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert viewer.current_page == 0


@pytest.mark.parametrize(("answer", "opened"), [("Yes", ["https://martin-thoma.com/"]), ("No", [])])
def test_external_link_opens_only_after_confirmation(qtbot, viewer, monkeypatch, answer, opened):
    asked, urls = [], []

    def question(parent, title, text, *args):
        asked.append(text)
        return getattr(QMessageBox.StandardButton, answer)

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    monkeypatch.setattr(
        QDesktopServices, "openUrl", staticmethod(lambda url: urls.append(url.toString()))
    )
    open_doc(qtbot, viewer, LINK)
    click_link(qtbot, viewer, 0)
    assert len(asked) == 1 and "https://martin-thoma.com/" in asked[0]
    assert urls == opened


@pytest.mark.parametrize(("index", "shown"), [(0, "javascript:alert(1)"), (1, "/etc/passwd")])
def test_unsafe_links_are_refused_with_a_message(
    qtbot, viewer, monkeypatch, tmp_path, index, shown
):
    warned, urls = [], []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda parent, title, text, *a: warned.append(text))
    )
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a: pytest.fail("asked")))
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: urls.append(url)))
    open_doc(qtbot, viewer, make_unsafe_links_pdf(tmp_path / "unsafe.pdf"))
    click_link(qtbot, viewer, 0, index)
    assert len(warned) == 1 and shown in warned[0]
    assert "niet geopend" in warned[0]
    assert urls == []


def fake_password_dialog(monkeypatch, answers):
    prompts = []

    def get_text(parent, title, label, *args, **kwargs):
        prompts.append(label)
        return answers.pop(0)

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(get_text))
    return prompts


def test_encrypted_pdf_asks_again_after_a_wrong_password(qtbot, viewer, monkeypatch):
    prompts = fake_password_dialog(monkeypatch, [("geheim", True), ("openpassword", True)])
    _, count = open_doc(qtbot, viewer, ENCRYPTED)
    assert count == 1
    assert len(prompts) == 2
    assert "klopt niet" not in prompts[0]
    assert "klopt niet" in prompts[1]  # the one prompt of the window (ui.password_prompt)
    assert viewer.message_text == ""


def test_encrypted_pdf_cancelled_shows_a_message(qtbot, viewer, monkeypatch):
    fake_password_dialog(monkeypatch, [("geheim", True), ("", False)])
    with qtbot.waitSignal(viewer.error, timeout=TIMEOUT) as blocker:
        viewer.open_file(ENCRYPTED)
    assert blocker.args == ["Dit document is beveiligd met een wachtwoord."]
    assert "beveiligd met een wachtwoord" in viewer.message_text


def test_encrypted_pdf_with_password_given_opens_without_asking(qtbot, viewer, monkeypatch):
    fake_password_dialog(monkeypatch, [])  # asking would pop from an empty list
    _, count = open_doc(qtbot, viewer, ENCRYPTED, password="openpassword")
    assert count == 1


def make_bad_file(tmp_path, kind):
    path = tmp_path / f"{kind}.pdf"
    if kind == "text":
        path.write_text("Dit is een tekstbestand met de extensie .pdf\n")
    else:
        path.write_bytes(GEOTOPO.read_bytes()[:30000])
    return path


@pytest.mark.parametrize(
    ("kind", "message"),
    [
        ("text", "Dit bestand is geen PDF-document."),
        ("truncated", "Dit PDF-document is beschadigd en kan niet worden gelezen."),
        ("zero", "Dit PDF-document heeft geen pagina's."),
    ],
)
def test_bad_files_show_a_message(qtbot, viewer, tmp_path, kind, message):
    path = ZERO_PAGES if kind == "zero" else make_bad_file(tmp_path, kind)
    with qtbot.waitSignal(viewer.error, timeout=TIMEOUT) as blocker:
        viewer.open_file(path)
    assert blocker.args == [message]
    assert viewer.message_text.startswith(message)
    assert path.name in viewer.message_text
    assert viewer.page_count == 0


def test_a_good_file_after_a_bad_one_is_shown(qtbot, viewer, tmp_path):
    with qtbot.waitSignal(viewer.error, timeout=TIMEOUT):
        viewer.open_file(make_bad_file(tmp_path, "text"))
    open_doc(qtbot, viewer, MULTICOLUMN)
    assert viewer.message_text == ""
    assert viewer.page_count == 3


def test_the_old_document_stays_until_the_answer_for_the_new_one(qtbot, viewer, tmp_path):
    open_doc(qtbot, viewer, MULTICOLUMN)
    viewer.open_file(make_bad_file(tmp_path, "text"))
    assert viewer.path is None  # being replaced …
    assert viewer.page_count == 3  # … but not cleared before the answer: that would only slow it
    with qtbot.waitSignal(viewer.error, timeout=TIMEOUT):
        pass
    assert viewer.page_count == 0
    assert len(viewer.view._cache) == 0
    assert viewer.thumbnails.count() == 0
    assert viewer.message_text.startswith("Dit bestand is geen PDF-document.")


def test_the_page_opened_at_is_rendered_once_at_the_size_it_is_painted(qtbot, viewer):
    rendered = []
    viewer._client.page_rendered.connect(
        lambda channel, key, image: rendered.append(key) if channel == "view" else None
    )
    open_doc(qtbot, viewer, GEOTOPO, page=59)
    wait_rendered(qtbot, viewer, 59)
    view = viewer.view
    key = view._keys_for(59, view._visible_rect(), view.devicePixelRatioF())[0]
    image = view._cache.get(key)
    assert image.format() == QImage.Format.Format_RGB32  # painted as it is, no conversion
    assert (image.width(), image.height()) == (key.width, key.height)  # … and not resampled
    dark, _ = ink_pixels(image)
    assert dark > 100
    qtbot.waitUntil(lambda: len(view.links_on_page(59)) == 2, timeout=TIMEOUT)
    assert [k.page for k in rendered].count(59) == 1


def test_keyboard_navigation(qtbot, viewer):
    open_doc(qtbot, viewer, GEOTOPO)
    view = viewer.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert viewer.toolbar.page_edit.text() == "2"
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert viewer.current_page == 2
    qtbot.keyClick(view, Qt.Key.Key_PageUp)
    assert viewer.current_page == 1
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert viewer.toolbar.page_edit.text() == "117"
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert viewer.current_page == 0


def wheel(viewer, pos: QPoint, delta: int, modifiers=Qt.KeyboardModifier.NoModifier):
    viewport = viewer.view.viewport()
    event = QWheelEvent(
        QPointF(pos),
        QPointF(viewport.mapToGlobal(pos)),
        QPoint(0, 0),
        QPoint(0, delta),
        Qt.MouseButton.NoButton,
        modifiers,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(viewport, event)


def test_ctrl_wheel_zooms_around_the_pointer_and_the_wheel_scrolls(qtbot, viewer):
    open_doc(qtbot, viewer, GEOTOPO)
    view = viewer.view
    view.set_zoom(1.0)
    pos = page_point(viewer, 0, 200, 300)
    wheel(viewer, pos, 120, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom == pytest.approx(1.15)
    assert viewer.toolbar.zoom_label.text() == "115 %"
    # the point under the pointer stays at its height (across, a narrow page stays centred)
    assert abs(page_point(viewer, 0, 200, 300).y() - pos.y()) <= 2
    top = view.verticalScrollBar().value()
    wheel(viewer, pos, -120)
    assert view.verticalScrollBar().value() > top
    assert view.zoom == pytest.approx(1.15)


def test_page_field_jumps(qtbot, viewer):
    open_doc(qtbot, viewer, GEOTOPO)
    viewer.toolbar.page_edit.setFocus()
    viewer.toolbar.page_edit.selectAll()
    qtbot.keyClicks(viewer.toolbar.page_edit, "50")
    qtbot.keyClick(viewer.toolbar.page_edit, Qt.Key.Key_Return)
    assert viewer.current_page == 49


def test_zoom_keys_and_fit(qtbot, viewer):
    open_doc(qtbot, viewer, GEOTOPO)
    viewer.view.set_zoom(1.0)
    assert viewer.toolbar.zoom_label.text() == "100 %"
    viewer.view.setFocus()
    qtbot.keyClick(viewer.view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert viewer.toolbar.zoom_label.text() == "110 %"
    qtbot.keyClick(viewer.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(viewer.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert viewer.toolbar.zoom_label.text() == "90 %"
    viewer.toolbar.fit_page_action.trigger()
    page = viewer.view.page_viewport_rect(viewer.current_page)
    assert page.height() <= viewer.view.viewport().height()


def test_high_zoom_renders_only_visible_tiles(qtbot, viewer):
    open_doc(qtbot, viewer, GEOTOPO, page=5)
    viewer.view.set_zoom(8.0)
    assert viewer.toolbar.zoom_label.text() == "800 %"
    wait_rendered(qtbot, viewer, viewer.current_page)
    cache = viewer.view._cache
    tiles = [k for k in cache._images if k.clip is not None]
    assert tiles
    assert all(k.clip[2] <= TILE and k.clip[3] <= TILE for k in tiles)
    assert cache.used_bytes < 64 * 1024 * 1024


def test_rotate_turns_pages(qtbot, viewer):
    open_doc(qtbot, viewer, GEOTOPO, page=3)
    before = viewer.view.page_viewport_rect(3)
    viewer.view.set_zoom(1.0)
    before = viewer.view.page_viewport_rect(3)
    viewer.toolbar.rotate_action.trigger()
    after = viewer.view.page_viewport_rect(3)
    assert after.width() == pytest.approx(before.height(), abs=1)
    assert viewer.current_page == 3
    wait_rendered(qtbot, viewer, 3)


def test_close_document_empties_the_view(qtbot, viewer):
    open_doc(qtbot, viewer, MULTICOLUMN)
    viewer.close_document()
    assert viewer.page_count == 0
    assert viewer.toolbar.page_edit.text() == ""
    assert not viewer.toolbar.find_action.isEnabled()


def test_page_without_text_layer_notice(qtbot, viewer, tmp_path):
    import pymupdf

    doc = pymupdf.open()
    page = doc.new_page()
    page.draw_rect(pymupdf.Rect(50, 50, 500, 700), color=(0, 0, 0), fill=(0.6, 0.6, 0.6))
    doc.save(tmp_path / "scan.pdf")
    doc.close()
    open_doc(qtbot, viewer, tmp_path / "scan.pdf")
    viewer.find("verklaring")
    qtbot.waitUntil(lambda: viewer.notice_label.isVisible(), timeout=TIMEOUT)
    assert viewer.notice_label.text() == "Deze pagina heeft geen tekstlaag."
    assert viewer.find_count_text == "Niet gevonden"


def test_image_cache_evicts_least_recently_used():
    image = QImage(100, 100, QImage.Format.Format_RGB888)
    cache = ImageCache(budget=3 * image.sizeInBytes())
    keys = [CacheKey(1, page, 0, 100, 100) for page in range(4)]
    for key in keys[:3]:
        cache.put(key, image)
    assert cache.get(keys[0]) is not None  # now most recently used
    cache.put(keys[3], image)
    assert keys[1] not in cache
    assert keys[0] in cache and keys[3] in cache
    assert cache.used_bytes == 3 * image.sizeInBytes()
    small = QImage(50, 50, QImage.Format.Format_RGB888)
    cache.put(CacheKey(1, 0, 0, 50, 50), small)
    assert cache.nearest(1, 0, 0, 60).width() == 50
    cache.clear(1)
    assert len(cache) == 0 and cache.used_bytes == 0


def test_thumbnails_are_listed_after_the_first_page_is_shown(qtbot, viewer):
    open_doc(qtbot, viewer, GEOTOPO, page=9)
    wait_rendered(qtbot, viewer, 9)
    thumbs = viewer.thumbnails
    qtbot.waitUntil(lambda: thumbs.filled, timeout=TIMEOUT)
    assert thumbs.count() == 117
    assert thumbs.currentRow() == 9


def test_page_in_view_comes_before_its_links_and_the_renderer_waits_for_the_paint(qtbot, viewer):
    events = []
    client = viewer._client
    client.page_rendered.connect(lambda channel, key, image: events.append(("image", key.page)))
    client.links_ready.connect(lambda page, links: events.append(("links", page)))
    resumed = []
    client._resume_requested.connect(lambda: resumed.append(len(events)))
    open_doc(qtbot, viewer, GEOTOPO, page=27)
    qtbot.waitUntil(lambda: ("links", 27) in events, timeout=TIMEOUT)
    assert events.index(("image", 27)) < events.index(("links", 27))
    assert resumed  # the view told the renderer it had painted what it got


def make_mixed_sizes_pdf(path: Path) -> Path:
    """40 pages: A4 portrait, except every fifth page, which is A4 landscape and page 30, A3."""
    import pymupdf

    doc = pymupdf.open()
    for i in range(40):
        width, height = (595, 842) if i % 5 else (842, 595)
        if i == 29:
            width, height = 842, 1191
        page = doc.new_page(width=width, height=height)
        page.insert_text((72, 100), f"Pagina {i + 1}", fontsize=24)
    doc.save(path)
    doc.close()
    return path


def test_mixed_page_sizes_are_laid_out_exactly_after_opening_at_a_late_page(
    qtbot, viewer, tmp_path
):
    path = make_mixed_sizes_pdf(tmp_path / "mixed.pdf")
    sizes = []
    viewer._client.sizes_ready.connect(sizes.append)
    open_doc(qtbot, viewer, path, page=29)
    view = viewer.view
    assert view.page_sizes()[29] == pytest.approx((842, 1191))  # the page opened at: exact at once
    assert viewer.current_page == 29
    qtbot.waitUntil(lambda: bool(sizes), timeout=TIMEOUT)
    assert view.page_sizes()[1] == pytest.approx((595, 842))
    assert view.page_sizes()[5] == pytest.approx((842, 595))
    assert viewer.current_page == 29  # the layout changed above it, the view stayed on it
    assert view.page_viewport_rect(29).top() == pytest.approx(12, abs=2)
    rect = view.page_viewport_rect(29)
    assert rect.height() / rect.width() == pytest.approx(1191 / 842, rel=0.01)
    small = view.page_viewport_rect(28)
    assert small.height() / small.width() == pytest.approx(842 / 595, rel=0.01)
    wait_rendered(qtbot, viewer, 29)
    dark, _ = ink_pixels(view.viewport().grab().toImage())
    assert dark > 20


def test_links_of_a_latex_file_do_not_resolve_every_named_destination(qtbot, viewer):
    open_doc(qtbot, viewer, GEOTOPO, page=59)
    qtbot.waitUntil(lambda: len(viewer.view.links_on_page(59)) == 2, timeout=TIMEOUT)
    targets = [(link.target_page, round(link.target_y)) for link in viewer.view.links_on_page(59)]
    assert targets == [(57, 628), (58, 704)]  # "bemerkung.524" and "satz.528", from the top
