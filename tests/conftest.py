"""Test configuration: Qt runs offscreen, and no test touches the user's real data or settings."""

import os
import shutil
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_SANDBOX = Path(tempfile.mkdtemp(prefix="vlnl-tests-"))
os.environ["XDG_DATA_HOME"] = str(_SANDBOX / "data")
os.environ["XDG_CONFIG_HOME"] = str(_SANDBOX / "config")
os.environ["XDG_CACHE_HOME"] = str(_SANDBOX / "cache")
os.environ.pop("VLNL_ARCHIVE", None)

DATA_DIR = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def built_archive(tmp_path_factory) -> Path:
    """A working archive built once from the bundled records. Do not change it: copy it."""
    from vlnl_desktop.core.archive.lifecycle import open_workspace

    return open_workspace(tmp_path_factory.mktemp("built") / "ws").root


@pytest.fixture
def workspace(built_archive, tmp_path):
    """A fresh working archive of this test's own, built from the bundled records."""
    from vlnl_desktop.core.archive.workspace import Workspace

    root = tmp_path / "ws"
    shutil.copytree(built_archive, root)
    return Workspace(root)


@pytest.fixture
def settings(tmp_path):
    """The window's settings, in this test's own file."""
    from PySide6.QtCore import QSettings, QStandardPaths

    QStandardPaths.setTestModeEnabled(True)
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def main_window(qtbot, workspace, settings):
    """The main window on this test's archive and settings, shown."""
    from vlnl_desktop.ui.main_window import MainWindow

    window = MainWindow(workspace, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.translations.install("nl")


def pytest_sessionfinish(session, exitstatus):
    shutil.rmtree(_SANDBOX, ignore_errors=True)
