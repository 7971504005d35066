"""The main window as a user meets it: tree, detail pane, links, navigation, shortcuts, settings."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QToolButton

from fixtures_archive import add_document_file
from vlnl_desktop.ui.about_dialog import AboutDialog
from vlnl_desktop.ui.main_window import MainWindow


def _select_in_tree(window, record_id):
    index = window.tree_model.index_for(record_id)
    assert index.isValid(), record_id
    window.tree.setCurrentIndex(index)
    return index


def _text(window):
    return window.detail.plain_text()


def _click_link(window, url):
    window.detail.browser.anchorClicked.emit(QUrl(url))


def test_overview_when_nothing_selected(main_window):
    text = _text(main_window)
    assert "OVERZICHT" in text
    assert "Hingene" in text
    assert main_window.current_record is None


def test_summit_shows_place_people_by_side_and_decisions(main_window):
    _select_in_tree(main_window, "top-2011")
    text = _text(main_window)
    assert "Vlaams-Nederlandse topontmoeting 2011 in Hingene" in text
    assert "4 juli 2011" in text and "Hingene (Bornem)" in text
    assert "Kris Peeters" in text and "Mark Rutte" in text
    assert "Vlaanderen" in text and "Nederland" in text
    assert "Beslissingen" in text and "Deltaregio" in text
    assert "Bronnen" in text and "ewi-vlaanderen.be" in text


def test_theme_shows_the_summits_that_named_it_in_time_order(main_window):
    _select_in_tree(main_window, "fotonica")
    text = _text(main_window)
    history = text[text.index("Op de topontmoetingen") :]
    assert history.index("2016") < history.index("Gent")
    assert history.index("Gent") < history.index("2020") < history.index("Brasschaat")
    assert "geïntroduceerd" in text and "geprioriteerd" in text


def test_every_kind_of_node_fills_the_pane(main_window):
    expected = {
        "intentieverklaring-2004": "7 april 2004",
        "fusie-havens-north-sea-port": "North Sea Port",
        "high-tech-agenda": "Thema's in deze groep",
        "doc-slotverklaring-2016": "nog niet in het archief",
        "top-2023": "Onzeker:",
    }
    for record_id, fact in expected.items():
        _select_in_tree(main_window, record_id)
        assert main_window.current_record == record_id
        assert fact in _text(main_window), record_id


def test_theme_link_selects_the_theme_in_the_tree(main_window):
    _select_in_tree(main_window, "top-2016")
    _click_link(main_window, "vlnl://record/fotonica")
    assert main_window.current_record == "fotonica"
    assert main_window.tree_model.record_id(main_window.tree.currentIndex()) == "fotonica"
    assert "Fotonica" in _text(main_window)


def test_missing_document_shows_a_page_that_says_what_is_missing(main_window):
    _select_in_tree(main_window, "top-2016")
    _click_link(main_window, "vlnl://document/doc-slotverklaring-2016")
    page = main_window.documents.missing
    assert main_window.tabs.currentWidget() is page
    assert (
        page.title.text()
        == "Slotverklaring van de Vlaams-Nederlandse topontmoeting van 7 november 2016"
    )
    assert "nog niet in het archief" in page.sentence.text()
    assert not page.fetch_button.isVisible()  # its address is not known: only attach
    assert page.attach_button.text() == "Bestand koppelen…"
    assert main_window.windowTitle().startswith("Slotverklaring van de Vlaams-Nederlandse")
    assert main_window.documents.viewer is None  # nothing was opened


def test_document_in_the_archive_opens_in_the_viewer(qtbot, main_window, workspace):
    add_document_file(workspace, "doc-slotverklaring-2016")
    main_window.load_archive()
    _select_in_tree(main_window, "top-2016")
    assert main_window.documents.ensure_viewer() is not None
    with qtbot.waitSignal(main_window.documents.viewer.document_opened, timeout=10000):
        _click_link(main_window, "vlnl://document/doc-slotverklaring-2016")
    assert main_window.tabs.currentWidget() is main_window.documents.viewer
    assert main_window.documents.viewer.page_count == 4
    assert not main_window.notice.isVisible()


def test_source_link_opens_the_browser_only_after_confirming(main_window, monkeypatch):
    opened = []
    monkeypatch.setattr(
        "vlnl_desktop.ui.detail_pane.QDesktopServices.openUrl", lambda url: opened.append(url)
    )
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Open]
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: answers.pop(0))
    _select_in_tree(main_window, "top-2011")
    url = "https://www.rijksoverheid.nl/"
    _click_link(main_window, url)
    assert opened == []
    _click_link(main_window, url)
    assert [u.toString() for u in opened] == [url]


def test_back_and_forward_with_keys_and_mouse_buttons(qtbot, main_window):
    _select_in_tree(main_window, "top-2011")
    _select_in_tree(main_window, "top-2013")
    _select_in_tree(main_window, "fotonica")
    main_window.tree.setFocus()
    qtbot.keyClick(main_window.tree, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert main_window.current_record == "top-2013"
    qtbot.keyClick(main_window.tree, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert main_window.current_record == "top-2011"
    qtbot.keyClick(main_window.tree, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert main_window.current_record == "top-2013"
    qtbot.waitUntil(lambda: main_window.after_first_paint_done)  # installed after the first paint
    qtbot.mouseClick(main_window.detail.browser.viewport(), Qt.MouseButton.ForwardButton)
    assert main_window.current_record == "fotonica"
    qtbot.mouseClick(main_window.tree.viewport(), Qt.MouseButton.BackButton)
    assert main_window.current_record == "top-2013"
    assert (
        main_window.menus.back_action.isEnabled() and main_window.menus.forward_action.isEnabled()
    )
    assert main_window.tree_model.record_id(main_window.tree.currentIndex()) == "top-2013"


def test_ctrl_f_and_ctrl_k_focus_the_search_box_and_esc_clears(qtbot, main_window):
    edit = main_window.search.edit
    for key in (Qt.Key.Key_F, Qt.Key.Key_K):
        main_window.tree.setFocus()
        qtbot.waitUntil(lambda: main_window.tree.hasFocus())
        qtbot.keyClick(main_window.tree, key, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: edit.hasFocus())
    qtbot.keyClicks(edit, "hingene")
    assert edit.text() == "hingene"
    qtbot.keyClick(edit, Qt.Key.Key_Escape)
    assert edit.text() == ""
    assert not main_window.search.results.isVisible()


def test_the_search_box_has_its_clear_button_once_the_window_is_up(qtbot, main_window):
    edit = main_window.search.edit
    qtbot.waitUntil(lambda: main_window.after_first_paint_done)  # added after the first paint
    qtbot.keyClicks(edit, "hingene")
    [button] = [b for b in edit.findChildren(QToolButton) if b.isVisibleTo(edit)]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert edit.text() == ""


def test_copy_record_as_text(qtbot, main_window):
    _select_in_tree(main_window, "top-2011")
    main_window.tree.setFocus()
    qtbot.keyClick(
        main_window.tree,
        Qt.Key.Key_C,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith("Vlaams-Nederlandse topontmoeting 2011 in Hingene")
    assert "Kris Peeters" in copied and "https://" in copied
    assert main_window.menus.copy_action in main_window.menus.edit_menu.actions()


def test_keyboard_only_tab_reaches_search_tree_and_detail(qtbot, main_window):
    main_window.search.focus_search()
    qtbot.waitUntil(lambda: main_window.search.edit.hasFocus())
    qtbot.keyClick(main_window.search.edit, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: main_window.tree.hasFocus())
    qtbot.keyClick(main_window.tree, Qt.Key.Key_Down)
    qtbot.keyClick(main_window.tree, Qt.Key.Key_Down)
    assert main_window.current_record is not None  # arrows choose a record
    qtbot.keyClick(main_window.tree, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: main_window.detail.browser.hasFocus())


def test_status_bar_shows_counts_and_location(main_window, workspace):
    text = main_window.statusBar().counts_label.text()
    assert "7 topontmoetingen" in text
    counts = main_window.session.counts
    assert counts.treaties and counts.institutions and counts.people
    assert f"{counts.treaties} verdragen · {counts.institutions} instellingen" in text
    assert f"{counts.people} personen" in text
    assert str(workspace.root) in main_window.statusBar().location_label.text()


def test_menus_are_all_there(main_window):
    titles = [a.text() for a in main_window.menuBar().actions()]
    assert titles == ["&Bestand", "Be&werken", "Beel&d", "&Help"]
    help_texts = [a.text() for a in main_window.menus.help_menu.actions()]
    assert "&Over vlnl-desktop" in help_texts and "&Licenties" in help_texts


def test_about_names_the_licences(qtbot):
    dialog = AboutDialog(licences=True)
    qtbot.addWidget(dialog)
    text = dialog.browser.toPlainText()
    for name in ("AGPL-3.0-or-later", "PyMuPDF", "LGPL", "Apache-2.0", "sqlite-utils", "click"):
        assert name in text


def test_last_record_and_layout_are_remembered(qtbot, workspace, settings):
    first = MainWindow(workspace, settings)
    qtbot.addWidget(first)
    first.show()
    _select_in_tree(first, "fotonica")
    first.splitter.setSizes([300, 900])
    first.close()
    reopened = QSettings(settings.fileName(), QSettings.Format.IniFormat)
    second = MainWindow(workspace, reopened)
    qtbot.addWidget(second)
    second.show()
    assert second.current_record == "fotonica"
    assert "Op de topontmoetingen" in _text(second)
    assert second.splitter.sizes()[0] == first.splitter.sizes()[0]


def test_add_view_tab_for_other_views(qtbot, main_window):
    from PySide6.QtWidgets import QLabel

    index = main_window.add_view_tab(QLabel("tijdlijn"), lambda: "Tijdlijn")
    assert main_window.tabs.tabText(index) == "Tijdlijn"


def test_window_has_an_icon_from_resources(qapp):
    from vlnl_desktop.ui.app import app_icon, icon_path

    assert icon_path().is_file()
    assert not app_icon().isNull()
    assert isinstance(QApplication.instance(), QApplication)


def test_a_tiny_saved_window_opens_at_a_usable_size(qtbot, workspace, settings):
    first = MainWindow(workspace, settings)
    qtbot.addWidget(first)
    first.resize(300, 200)
    first.save_settings()
    first.close()
    reopened = MainWindow(workspace, QSettings(settings.fileName(), QSettings.Format.IniFormat))
    qtbot.addWidget(reopened)
    available = QGuiApplication.primaryScreen().availableGeometry()
    assert reopened.width() >= min(800, available.width())
    assert reopened.height() >= min(560, available.height())
