"""The main window's actions, menus and their keyboard shortcuts, and the back/forward buttons.

``MainActions`` makes every action (with its shortcuts and icon), the menu bar's menus and the
back/forward/overview buttons in the tab bar's corner, and sets their texts; it connects nothing:
the window wires each action's ``triggered`` in its ``_connect_signals``. Each action is also added
to the window, so its shortcut works when the menu bar is hidden.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QMainWindow, QMenu, QTabWidget, QToolButton, QWidget


def _icon(name) -> QIcon | None:
    icon = QIcon.fromTheme(name)
    return None if icon.isNull() else icon


class MainActions(QObject):
    """The window's actions and menus; ``view_actions`` are the timeline's and table's (ViewTabs)."""

    def __init__(self, window: QMainWindow, tabs: QTabWidget, view_tabs) -> None:
        super().__init__(window)
        self._window = window
        self._view_tabs = view_tabs

        def action(shortcuts: list[QKeySequence] | None = None, icon=None) -> QAction:
            act = QAction(window)
            if shortcuts:
                act.setShortcuts(shortcuts)
            if icon is not None:
                act.setIcon(icon)
            window.addAction(act)  # shortcuts work even when the menu bar is hidden
            return act

        self.open_action = action([QKeySequence("Ctrl+O")])
        self.import_files_action = action([QKeySequence("Ctrl+I")])
        self.import_folder_action = action([QKeySequence("Ctrl+Shift+I")])
        self.fetch_action = action()
        self.attach_action = action()
        self.ocr_action = action()
        self.export_dossier_action = action([QKeySequence("Ctrl+E")])
        self.rebuild_action = action()
        self.quit_action = action([QKeySequence("Ctrl+Q")])
        self.copy_action = action([QKeySequence("Ctrl+Shift+C")])
        self.find_action = action([QKeySequence("Ctrl+F"), QKeySequence("Ctrl+K")])
        self.back_action = action(
            [QKeySequence("Alt+Left"), QKeySequence(Qt.Key.Key_Back)],
            _icon(QIcon.ThemeIcon.GoPrevious),
        )
        self.forward_action = action(
            [QKeySequence("Alt+Right"), QKeySequence(Qt.Key.Key_Forward)],
            _icon(QIcon.ThemeIcon.GoNext),
        )
        self.overview_action = action([QKeySequence("Alt+Home")], _icon(QIcon.ThemeIcon.GoHome))
        self.about_action = action()
        self.licences_action = action()
        self.language_group = QActionGroup(window)
        self.language_actions: dict[str | None, QAction] = {}
        for code in (None, "nl", "en"):
            act = QAction(window)
            act.setCheckable(True)
            act.setData(code)
            self.language_group.addAction(act)
            self.language_actions[code] = act
        self._build_menus(window)
        self._build_corner(tabs)
        self.retranslate_ui()

    def _build_menus(self, window: QMainWindow) -> None:
        bar = window.menuBar()
        self.file_menu = bar.addMenu("")
        for act in (
            self.open_action,
            self.import_files_action,
            self.import_folder_action,
            self.ocr_action,
            None,
            self.fetch_action,
            self.attach_action,
            None,
            self.export_dossier_action,
            self._view_tabs.export_png_action,
            self._view_tabs.export_svg_action,
            self._view_tabs.export_csv_action,
            None,
            self.rebuild_action,
            None,
            self.quit_action,
        ):
            self._add(self.file_menu, act)
        self.edit_menu = bar.addMenu("")
        for act in (self.copy_action, None, self.find_action):
            self._add(self.edit_menu, act)
        self.view_menu = bar.addMenu("")
        for act in (
            self.back_action,
            self.forward_action,
            self.overview_action,
            None,
            self._view_tabs.timeline_action,
            self._view_tabs.matrix_action,
            None,
        ):
            self._add(self.view_menu, act)
        self.language_menu = QMenu(window)
        for act in self.language_actions.values():
            self.language_menu.addAction(act)
        self.view_menu.addMenu(self.language_menu)
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.about_action)
        self.help_menu.addAction(self.licences_action)

    @staticmethod
    def _add(menu: QMenu, act: QAction | None) -> None:
        if act is None:
            menu.addSeparator()
        else:
            menu.addAction(act)

    def _build_corner(self, tabs: QTabWidget) -> None:
        """Back, forward and overview as buttons in the tab bar's corner."""
        corner = QWidget(tabs)
        corner_layout = QHBoxLayout(corner)
        corner_layout.setContentsMargins(0, 0, 0, 0)
        corner_layout.setSpacing(0)
        for act in (self.back_action, self.forward_action, self.overview_action):
            button = QToolButton(corner)
            button.setDefaultAction(act)
            button.setAutoRaise(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            corner_layout.addWidget(button)
        tabs.setCornerWidget(corner, Qt.Corner.TopRightCorner)

    # --- state ---

    def set_archive_state(self, readable: bool, importing: bool, record_shown: bool) -> None:
        """Enable what makes sense: nothing that reads the archive while it cannot be read, no
        second import while one runs, a dossier only for a record."""
        for act in (self.copy_action, self.find_action, self.back_action, self.forward_action):
            act.setEnabled(readable)
        self.overview_action.setEnabled(readable)
        for act in (self.import_files_action, self.import_folder_action):
            act.setEnabled(readable and not importing)
        for act in self._view_tabs.actions():
            act.setEnabled(readable)
        self.export_dossier_action.setEnabled(readable and record_shown)
        self.fetch_action.setEnabled(readable)

    def set_attach_state(self, enabled: bool) -> None:
        """Bestand koppelen… only while an official document is shown."""
        self.attach_action.setEnabled(enabled)

    def set_history_state(self, can_go_back: bool, can_go_forward: bool) -> None:
        self.back_action.setEnabled(can_go_back)
        self.forward_action.setEnabled(can_go_forward)

    def check_language(self, language: str | None) -> None:
        """Tick the language chosen (None: the system's) in Beeld › Taal."""
        act = self.language_actions.get(language)
        if act is not None:
            act.setChecked(True)

    def retranslate_ui(self) -> None:
        self.file_menu.setTitle(self.tr("&Bestand"))
        self.edit_menu.setTitle(self.tr("Be&werken"))
        self.view_menu.setTitle(self.tr("Beel&d"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.language_menu.setTitle(self.tr("&Taal"))
        self.open_action.setText(self.tr("PDF &openen…"))
        self.import_files_action.setText(self.tr("Documenten &importeren…"))
        self.import_folder_action.setText(self.tr("&Map importeren…"))
        self.fetch_action.setText(self.tr("Officiële documenten op&halen…"))
        self.attach_action.setText(self.tr("Bestand &koppelen…"))
        self.attach_action.setToolTip(
            self.tr("Een eigen kopie van het getoonde officiële document koppelen")
        )
        self.ocr_action.setText(self.tr("&Tekst herkennen in scans (OCR)"))
        self.export_dossier_action.setText(self.tr("&Dossier exporteren…"))
        self.rebuild_action.setText(self.tr("Archief opnieuw &opbouwen…"))
        self.quit_action.setText(self.tr("&Afsluiten"))
        self.copy_action.setText(self.tr("Record &kopiëren als tekst"))
        self.find_action.setText(self.tr("&Zoeken"))
        self.back_action.setText(self.tr("&Terug"))
        self.back_action.setToolTip(self.tr("Terug (Alt+Links)"))
        self.forward_action.setText(self.tr("&Vooruit"))
        self.forward_action.setToolTip(self.tr("Vooruit (Alt+Rechts)"))
        self.overview_action.setText(self.tr("&Overzicht"))
        self.overview_action.setToolTip(self.tr("Overzicht (Alt+Home)"))
        self.about_action.setText(self.tr("&Over vlnl-desktop"))
        self.licences_action.setText(self.tr("&Licenties"))
        self.language_actions[None].setText(self.tr("&Systeemtaal"))
        self.language_actions["nl"].setText("&Nederlands")
        self.language_actions["en"].setText("&English")
