"""Test configuration: Qt runs offscreen, and no test touches the user's real data or settings.

No command starts a resident search server (``VLNL_NO_RESIDENT``). Archives: ``built_archive``
is built once per session. A test that only reads takes ``readonly_workspace`` /
``readonly_conn`` (one shared copy, checked unchanged after each test); a test that writes takes
``workspace`` (its own copy).
"""

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
# no resident search servers (test_search_resident.py turns them on for its own commands)
os.environ["VLNL_NO_RESIDENT"] = "1"

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


def _state(root: Path) -> dict[str, tuple[int, int]]:
    """Every file under ``root`` with its size and modification time: what a write would change."""
    return {
        p.relative_to(root).as_posix(): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in sorted(root.rglob("*"))
    }


@pytest.fixture(scope="session")
def readonly_archive(built_archive, tmp_path_factory) -> Path:
    """The folder of the session's shared archive, for module-scoped fixtures that only read.

    A copy apart from ``built_archive``: a test that wrongly writes here spoils no ``workspace``."""
    root = tmp_path_factory.mktemp("shared") / "ws"
    shutil.copytree(built_archive, root)
    return root


@pytest.fixture
def readonly_workspace(readonly_archive):
    """The session's shared working archive, for a test that only reads it.

    Fails the test that changes it (use ``workspace`` to write): the next tests read it too."""
    from vlnl_desktop.core.archive.workspace import Workspace

    before = _state(readonly_archive)
    yield Workspace(readonly_archive)
    assert _state(readonly_archive) == before, (
        "this test changed the shared read-only archive: give it its own `workspace`"
    )


@pytest.fixture
def readonly_conn(readonly_workspace):
    """A read-only connection to the session's shared archive, closed after the test."""
    from vlnl_desktop.core.archive.connections import connect_readonly

    connection = connect_readonly(readonly_workspace)
    yield connection
    connection.close()


@pytest.fixture(scope="module")
def server():
    """The address of a local HTTP server with good and bad documents (see local_server.py)."""
    from local_server import serving

    with serving() as address:
        yield address


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


@pytest.fixture(scope="session")
def served(readonly_archive):
    """The base URL of `vlnl-desktop serve` running on the session's shared archive (a process
    on the loopback address, stopped at the end of the session)."""
    import importlib.util

    path = Path(__file__).resolve().parent.parent / "bench" / "serve_process.py"
    spec = importlib.util.spec_from_file_location("serve_process", path)
    serve_process = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(serve_process)
    with serve_process.serving(readonly_archive) as url:
        yield url
