"""Fixtures for the window's tests: a working archive per test (copied from one built per session),
settings in tmp_path, and the main window on both."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QStandardPaths

from vlnl_desktop.core.workspace import Workspace, open_workspace

SAMPLE_PDF = Path("/work/shared/corpus/pdf-samples/004-pdflatex-4-pages/pdflatex-4-pages.pdf")


@pytest.fixture(scope="session")
def template_archive(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("template") / "ws"
    open_workspace(root)
    return root


@pytest.fixture
def workspace(tmp_path, template_archive) -> Workspace:
    """A working archive of this test's own, in tmp_path."""
    shutil.copytree(template_archive, tmp_path / "ws")
    return open_workspace(tmp_path / "ws")


@pytest.fixture
def settings(tmp_path) -> QSettings:
    QStandardPaths.setTestModeEnabled(True)
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def main_window(qtbot, workspace, settings):
    from vlnl_desktop.ui.main_window import MainWindow

    window = MainWindow(workspace, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.translations.install("nl")


def add_document_file(ws: Workspace, document_id: str, pdf: Path = SAMPLE_PDF) -> str:
    """Put ``pdf`` in the archive as the file of ``document_id``, with its pages indexed."""
    import hashlib

    import pymupdf

    data = pdf.read_bytes()
    sha = hashlib.sha256(data).hexdigest()
    ws.documents_dir.mkdir(exist_ok=True)
    ws.document_path(sha).write_bytes(data)
    with pymupdf.open(pdf) as doc:
        texts = [page.get_text() for page in doc]
    conn = sqlite3.connect(ws.db_path)
    with conn:
        conn.execute(
            "UPDATE documents SET sha256 = ?, size = ?, page_count = ?, has_text = 1 WHERE id = ?",
            (sha, len(data), len(texts), document_id),
        )
        conn.executemany(
            "INSERT INTO pages (document_id, page_no, text, has_text) VALUES (?, ?, ?, 1)",
            [(document_id, i + 1, text) for i, text in enumerate(texts)],
        )
    conn.close()
    return sha
