"""Help › Over: what the program is, its version and the licences of what it is made of."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from vlnl_desktop import __version__

LICENCES = (
    ("vlnl-desktop", "AGPL-3.0-or-later", "https://www.gnu.org/licenses/agpl-3.0.html"),
    ("PyMuPDF / MuPDF", "AGPL-3.0", "https://pymupdf.readthedocs.io/"),
    ("Qt / PySide6", "LGPL-3.0", "https://www.qt.io/licensing/open-source-lgpl-obligations"),
    ("sqlite-utils", "Apache-2.0", "https://sqlite-utils.datasette.io/"),
    ("click", "BSD-3-Clause", "https://click.palletsprojects.com/"),
    ("platformdirs", "MIT", "https://github.com/tox-dev/platformdirs"),
    ("SQLite", "Public domain", "https://sqlite.org/copyright.html"),
)


class AboutDialog(QDialog):
    """The about box; ``licences=True`` opens it on the licences."""

    def __init__(self, parent: QWidget | None = None, licences: bool = False) -> None:
        super().__init__(parent)
        self._licences = licences
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(False)
        self.browser.setOpenLinks(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(self.buttons)
        self.resize(620, 520)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(
            self.tr("Licenties") if self._licences else self.tr("Over vlnl-desktop")
        )
        rows = "".join(
            f"<tr><td><b>{escape(name)}</b></td><td>{escape(licence)}</td>"
            f"<td>{escape(url)}</td></tr>"
            for name, licence, url in LICENCES
        )
        about = self.tr(
            "Een offline archief van de Vlaams-Nederlandse samenwerking in economie, wetenschap "
            "en innovatie: intentieverklaringen, topontmoetingen, gebeurtenissen, thema's en "
            "documenten, doorzoekbaar zonder netwerk."
        )
        agpl = self.tr(
            "Dit programma is vrije software: u mag het verspreiden en wijzigen onder de "
            "voorwaarden van de GNU Affero General Public License, versie 3 of (naar keuze) een "
            "latere versie. Het gebruikt PyMuPDF, dat onder de AGPL valt. Het wordt verspreid "
            "zonder enige garantie."
        )
        licences = self.tr("Licenties")
        qt_version = self.tr("Qt-versie: %1").replace("%1", qVersion())
        self.browser.setHtml(
            f"<h2>vlnl-desktop {escape(__version__)}</h2>"
            f"<p>{escape(about)}</p>"
            f"<p>{escape(agpl)}</p>"
            f"<h3>{escape(licences)}</h3>"
            f'<table cellpadding="4">{rows}</table>'
            f"<p>{escape(qt_version)}</p>"
        )

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
