"""The viewer's toolbar and its actions: side panel, back/forward, page field, zoom, rotate, find,
print, the system viewer. The actions belong to the viewer widget, so their shortcuts work wherever the
focus is inside it; the viewer connects them to what they do."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QIntValidator, QKeySequence
from PySide6.QtWidgets import QLabel, QLineEdit, QStyle, QToolBar, QWidget


class ViewerToolbar(QToolBar):
    """The toolbar of ``owner`` (the viewer), which its actions are added to."""

    def __init__(self, owner: QWidget) -> None:
        super().__init__(owner)
        self.setIconSize(QSize(18, 18))
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        style = owner.style()

        def action(shortcuts=(), icon=None) -> QAction:
            act = QAction(owner)
            if icon is not None:
                act.setIcon(style.standardIcon(icon))
            keys: dict[str, QKeySequence] = {}
            for s in shortcuts:
                for seq in (
                    QKeySequence.keyBindings(s)
                    if isinstance(s, QKeySequence.StandardKey)
                    else [QKeySequence(s)]
                ):
                    keys.setdefault(seq.toString(), seq)
            act.setShortcuts(list(keys.values()))
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            owner.addAction(act)
            return act

        sp = QStyle.StandardPixmap
        self.sidebar_action = action(["F9"])
        self.sidebar_action.setCheckable(True)
        self.sidebar_action.setChecked(True)
        self.back_action = action([QKeySequence.StandardKey.Back, "Alt+Left"], sp.SP_ArrowBack)
        self.forward_action = action(
            [QKeySequence.StandardKey.Forward, "Alt+Right"], sp.SP_ArrowForward
        )
        self.zoom_out_action = action(["Ctrl+-", QKeySequence.StandardKey.ZoomOut])
        self.zoom_in_action = action(["Ctrl++", "Ctrl+=", QKeySequence.StandardKey.ZoomIn])
        self.fit_width_action = action(["Ctrl+2"])
        self.fit_page_action = action(["Ctrl+1"])
        self.rotate_action = action(["Ctrl+R"])
        # Ctrl+F is the viewer's own key (``PdfViewer.event``): a shortcut here would compete with
        # the window's Ctrl+F for the archive search.
        self.find_action = action()
        self.find_next_action = action(["F3", QKeySequence.StandardKey.FindNext])
        self.find_previous_action = action(["Shift+F3", QKeySequence.StandardKey.FindPrevious])
        self.copy_action = action([QKeySequence.StandardKey.Copy])
        self.highlight_action = action(["Ctrl+M"])  # enabled by whoever stores highlights
        self.highlight_action.setEnabled(False)
        self.print_action = action([QKeySequence.StandardKey.Print])
        self.external_action = action([], sp.SP_DesktopIcon)
        for act in (self.back_action, self.forward_action):
            act.setIconText("")
        self.page_edit = QLineEdit(self)
        self.page_edit.setFixedWidth(52)
        self.page_edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.page_validator = QIntValidator(1, 1, self.page_edit)
        self.page_edit.setValidator(self.page_validator)
        self.page_label = QLabel(self)
        self.page_count_label = QLabel(self)
        # room for " van 9999 ", so the toolbar does not shift when a longer document opens
        self.page_count_label.setMinimumWidth(self.fontMetrics().horizontalAdvance(" van 9999 "))
        self.zoom_label = QLabel(self)
        self.zoom_label.setMinimumWidth(48)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # What a reader needs most comes first: when the toolbar is too narrow, the last actions
        # move into its » menu, and find, page and zoom stay (``essential_width`` is kept free).
        tb = self
        tb.addAction(self.find_action)
        tb.addSeparator()
        tb.addWidget(self.page_label)
        tb.addWidget(self.page_edit)
        tb.addWidget(self.page_count_label)
        tb.addSeparator()
        tb.addAction(self.zoom_out_action)
        tb.addWidget(self.zoom_label)
        tb.addAction(self.zoom_in_action)
        tb.addAction(self.fit_width_action)
        tb.addAction(self.fit_page_action)
        tb.addAction(self.rotate_action)
        tb.addAction(self.highlight_action)
        tb.addSeparator()
        tb.addAction(self.back_action)
        tb.addAction(self.forward_action)
        tb.addSeparator()
        tb.addAction(self.sidebar_action)
        tb.addAction(self.print_action)
        tb.addAction(self.external_action)

        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Set every user-visible text."""
        self.sidebar_action.setText(self.tr("Zijpaneel"))
        self.sidebar_action.setToolTip(self.tr("Miniaturen en inhoud tonen of verbergen (F9)"))
        self.back_action.setText(self.tr("Terug"))
        self.back_action.setToolTip(self.tr("Terug (Alt+Links)"))
        self.forward_action.setText(self.tr("Vooruit"))
        self.forward_action.setToolTip(self.tr("Vooruit (Alt+Rechts)"))
        self.zoom_out_action.setText("\u2212")
        self.zoom_out_action.setToolTip(self.tr("Uitzoomen (Ctrl+-)"))
        self.zoom_in_action.setText("+")
        self.zoom_in_action.setToolTip(self.tr("Inzoomen (Ctrl++)"))
        self.fit_width_action.setText(self.tr("Paginabreedte"))
        self.fit_width_action.setToolTip(self.tr("Passend in de breedte (Ctrl+2)"))
        self.fit_page_action.setText(self.tr("Hele pagina"))
        self.fit_page_action.setToolTip(self.tr("Hele pagina tonen (Ctrl+1)"))
        self.rotate_action.setText(self.tr("Draaien"))
        self.rotate_action.setToolTip(self.tr("Pagina's een kwartslag rechtsom draaien (Ctrl+R)"))
        self.find_action.setText(self.tr("Zoeken"))
        self.find_action.setToolTip(self.tr("Zoeken in document (Ctrl+F)"))
        self.find_next_action.setText(self.tr("Volgende treffer"))
        self.find_previous_action.setText(self.tr("Vorige treffer"))
        self.copy_action.setText(self.tr("Kopiëren"))
        self.highlight_action.setText(self.tr("Markeren"))
        self.highlight_action.setToolTip(self.tr("De geselecteerde tekst markeren (Ctrl+M)"))
        self.print_action.setText(self.tr("Afdrukken"))
        self.print_action.setToolTip(self.tr("Document afdrukken (Ctrl+P)"))
        self.external_action.setText(self.tr("Systeemviewer"))
        self.external_action.setToolTip(
            self.tr("Openen in de standaard PDF-viewer van het systeem")
        )
        self.page_label.setText(self.tr("Pagina") + " ")
        self.page_edit.setToolTip(self.tr("Ga naar pagina"))

    def essential_width(self) -> int:
        """The width the toolbar needs to show find, the page field and zoom (the items up to zoom
        in) with its » button, so the viewer can ask for at least that much."""
        style, metric = self.style(), QStyle.PixelMetric
        widgets = [self.widgetForAction(a) for a in self.actions()]
        end = widgets.index(self.widgetForAction(self.zoom_in_action)) + 1
        spacing = style.pixelMetric(metric.PM_ToolBarItemSpacing, None, self)
        width = sum(w.sizeHint().width() + spacing for w in widgets[:end] if w is not None)
        margins = self.contentsMargins()
        extras = (
            style.pixelMetric(metric.PM_ToolBarExtensionExtent, None, self)
            + 2 * style.pixelMetric(metric.PM_ToolBarItemMargin, None, self)
            + 2 * style.pixelMetric(metric.PM_ToolBarFrameWidth, None, self)
            + style.pixelMetric(metric.PM_ToolBarHandleExtent, None, self)
        )
        return width + margins.left() + margins.right() + extras

    def show_page(self, page: int) -> None:
        """Show ``page`` (0-based; -1: none) in the page field."""
        text = str(page + 1) if page >= 0 else ""
        if text != self.page_edit.text():  # (the same text would still repaint the toolbar)
            self.page_edit.setText(text)

    def show_page_count(self, n: int) -> None:
        """Show the document's page count (0: no document) and accept page numbers up to it."""
        if self.page_validator.top() != max(n, 1):  # (setting it anew repaints the page field)
            self.page_validator.setTop(max(n, 1))
        self.page_count_label.setText(
            " " + self.tr("van %1").replace("%1", str(n)) + " " if n else ""
        )
        if not n:
            self.page_edit.clear()

    def show_zoom(self, zoom: float) -> None:
        """Show the zoom factor as a percentage."""
        self.zoom_label.setText(f"{round(zoom * 100)} %")

    def set_history(self, can_back: bool, can_forward: bool) -> None:
        """Enable back and forward as far as they can go."""
        self.back_action.setEnabled(can_back)
        self.forward_action.setEnabled(can_forward)

    def set_has_document(self, has_doc: bool) -> None:
        """Enable what needs a document; without one, back and forward too are off."""
        for act in (
            self.zoom_in_action,
            self.zoom_out_action,
            self.fit_width_action,
            self.fit_page_action,
            self.rotate_action,
            self.find_action,
            self.find_next_action,
            self.find_previous_action,
            self.print_action,
            self.external_action,
        ):
            act.setEnabled(has_doc)
        self.page_edit.setEnabled(has_doc)
        if not has_doc:
            self.set_history(False, False)
