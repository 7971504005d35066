"""The resident search server: ``vlnl-desktop search`` asks it first, prints exactly what the
command prints in-process, and never fails or hangs because of it (killed, hung, stale, idle).

To tell an answer of the server from the command's own search, the command is run with a
``tantivy`` module that cannot be imported in front of the real one: only a command that the
server answered can print hits then.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"


def _runtime_folder():
    """A runtime folder short enough for a socket's path; its servers stopped afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="vr-"))
    yield folder
    for lock in folder.rglob("*.lock"):
        _stop(lock)
    shutil.rmtree(folder, ignore_errors=True)


runtime = pytest.fixture(_runtime_folder)
shared_runtime = pytest.fixture(scope="module")(_runtime_folder)


@pytest.fixture(scope="module")
def blocked(tmp_path_factory):
    """A folder whose ``tantivy`` cannot be imported: the command cannot search in-process."""
    folder = tmp_path_factory.mktemp("blocked")
    (folder / "tantivy.py").write_text("raise ImportError('searched in-process')\n")
    return folder


def _env(runtime: Path, **extra: str) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(SRC), "XDG_RUNTIME_DIR": str(runtime), **extra}
    env.pop("VLNL_NO_RESIDENT", None)
    return env


def _command(env: dict, *args: str | bytes, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "vlnl_desktop", *args],
        capture_output=True,
        env=env,
        cwd=cwd,
        timeout=120,
    )


def _socket_path(runtime: Path, root: Path) -> Path:
    st = os.stat(root)
    return runtime / "vlnl-desktop" / f"search-{st.st_dev:x}-{st.st_ino:x}.sock"


def _servers(root: Path) -> list[int]:
    """The ids of the processes serving ``root``."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            cmdline = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"vlnl_desktop.cli.search_server" in cmdline and os.fsencode(root) in cmdline:
            found.append(int(entry.name))
    return found


def _wait(condition, what: str, limit: float = 60.0) -> None:
    deadline = time.monotonic() + limit
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"still not {what} after {limit} s")
        time.sleep(0.05)


def _answers(path: Path) -> bool:
    with socket.socket(socket.AF_UNIX) as probe:
        try:
            probe.connect(str(path))
        except OSError:
            return False
        return True


def _stop(lock: Path) -> None:
    try:
        os.kill(int(lock.read_text()), signal.SIGTERM)
    except (OSError, ValueError):
        pass


def _served(runtime: Path, root: Path) -> Path:
    """Run a search so that the server starts; its socket once it answers."""
    first = _command(_env(runtime), "--archive", str(root), "search", "waterstof")
    assert first.returncode == 0, first.stderr
    path = _socket_path(runtime, root)
    _wait(lambda: _answers(path), "answering")
    return path


@pytest.fixture
def archive(built_archive, tmp_path) -> Path:
    root = tmp_path / "ws"
    shutil.copytree(built_archive, root)
    return root


@pytest.fixture(scope="module")
def served_archive(built_archive, tmp_path_factory, shared_runtime) -> Path:
    """An archive of this module's own with its server running (in ``shared_runtime``)."""
    root = tmp_path_factory.mktemp("served") / "ws"
    shutil.copytree(built_archive, root)
    _served(shared_runtime, root)
    return root


CASES = [
    ["search", "waterstof"],
    ["search", "--json", "fotonika"],  # a typo: the suggestion on stderr and in the JSON
    ["search", "--limit", "3", "welke top ging over waterstof"],
    ["search", "zzqxv"],  # no hits: how to search, on stderr
    ["search", "--json", "zzqxv"],
    ["search", "Maastricht", "soort:top"],
    ["search", " OR ".join(f"w{i}" for i in range(400))],  # too long: a notice
    ["search", os.fsdecode(b"caf\xe9"), "fotonica"],  # an argument that is not UTF-8
    ["search", "--limit", "0", "waterstof"],  # an error (click's, as before)
    ["search", "-h"],
]


def test_the_server_answers_byte_for_byte_what_the_command_prints(
    served_archive, shared_runtime, blocked
):
    root = str(served_archive)
    alone_env = {**_env(shared_runtime), "VLNL_NO_RESIDENT": "1"}
    env = _env(shared_runtime, PYTHONPATH=f"{blocked}{os.pathsep}{SRC}")
    for args in CASES:
        alone = _command(alone_env, "--archive", root, *args)
        served = _command(env, "--archive", root, *args)
        assert (served.returncode, served.stdout, served.stderr) == (
            alone.returncode,
            alone.stdout,
            alone.stderr,
        ), args
        assert alone.stdout or alone.stderr


def test_a_relative_archive_and_the_environment_resolve_as_in_process(
    served_archive, shared_runtime, blocked
):
    env = _env(shared_runtime, PYTHONPATH=f"{blocked}{os.pathsep}{SRC}",
               VLNL_ARCHIVE=str(served_archive))  # fmt: skip
    by_env = _command(env, "search", "--json", "hydrogen")
    relative = _command(env, "--archive", served_archive.name, "search", "--json", "hydrogen",
                        cwd=served_archive.parent)  # fmt: skip
    assert by_env.returncode == relative.returncode == 0, by_env.stderr
    assert by_env.stdout == relative.stdout and json.loads(by_env.stdout)


def test_another_archive_is_searched_in_process(served_archive, shared_runtime, tmp_path, blocked):
    other = tmp_path / "other"
    shutil.copytree(served_archive, other)
    env = _env(shared_runtime, PYTHONPATH=f"{blocked}{os.pathsep}{SRC}")
    result = _command(env, "--archive", str(other), "search", "waterstof")
    assert result.returncode != 0 and b"searched in-process" in result.stderr


def test_only_one_server_per_archive_and_only_its_user_can_reach_it(served_archive, shared_runtime):
    path = _socket_path(shared_runtime, served_archive)
    assert len(_servers(served_archive)) == 1
    second = subprocess.run(
        [sys.executable, "-m", "vlnl_desktop.cli.search_server", str(served_archive)],
        env=_env(shared_runtime), capture_output=True, timeout=60,
    )  # fmt: skip
    assert second.returncode == 0 and len(_servers(served_archive)) == 1
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_ISSOCK(path.stat().st_mode) and stat.S_IMODE(path.stat().st_mode) == 0o600
    lock = Path(f"{path}.lock")
    assert stat.S_IMODE(lock.stat().st_mode) == 0o600
    assert int(lock.read_text()) == _servers(served_archive)[0]


def _pdf(path: Path, text: str) -> Path:
    import pymupdf

    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), text)
    doc.save(path)
    doc.close()
    return path


def test_after_an_import_the_server_finds_the_new_document(archive, runtime, blocked, tmp_path):
    _served(runtime, archive)
    env = _env(runtime, PYTHONPATH=f"{blocked}{os.pathsep}{SRC}")
    before = _command(env, "--archive", str(archive), "search", "--json", "quetzalcoatlus")
    assert before.returncode == 0 and json.loads(before.stdout) == []
    pdf = _pdf(tmp_path / "saurier.pdf", "Quetzalcoatlus vloog boven Gent.")
    imported = _command(_env(runtime), "--archive", str(archive), "import", str(pdf))
    assert imported.returncode == 0, imported.stderr
    after = _command(env, "--archive", str(archive), "search", "--json", "quetzalcoatlus")
    assert after.returncode == 0, after.stderr
    assert [hit["title"] for hit in json.loads(after.stdout)] == ["saurier"]


def test_a_killed_server_leaves_a_socket_and_the_command_still_answers(archive, runtime):
    path = _served(runtime, archive)
    [pid] = _servers(archive)
    os.kill(pid, signal.SIGKILL)
    _wait(lambda: not _servers(archive), "gone")
    assert path.exists()  # left behind
    result = _command(_env(runtime), "--archive", str(archive), "search", "--json", "waterstof")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)[0]["id"] == "waterstoftechnologie"
    _wait(lambda: _answers(path), "answering again")  # the command started a new one


def test_a_server_that_never_answers_costs_the_command_its_timeout_only(archive, runtime):
    path = _socket_path(runtime, archive)
    path.parent.mkdir(mode=0o700)
    held = []
    with socket.socket(socket.AF_UNIX) as hung:
        hung.bind(str(path))
        hung.listen(4)
        accepting = threading.Thread(target=lambda: held.append(hung.accept()), daemon=True)
        accepting.start()
        env = _env(runtime, VLNL_RESIDENT_TIMEOUT="0.3")
        result = _command(env, "--archive", str(archive), "search", "--json", "waterstof")
        accepting.join(timeout=10)
    assert held, "the command did not ask the server"
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)[0]["id"] == "waterstoftechnologie"
    for conn, _address in held:
        conn.close()


def test_an_idle_server_ends_itself_and_removes_its_socket(archive, runtime):
    env = _env(runtime, VLNL_RESIDENT_IDLE="0.3")
    assert _command(env, "--archive", str(archive), "search", "waterstof").returncode == 0
    path = _socket_path(runtime, archive)
    _wait(lambda: path.exists() or not _servers(archive), "started")
    _wait(lambda: not _servers(archive), "ended")
    assert not path.exists()


def test_a_server_ends_when_its_archive_folder_is_removed(archive, runtime):
    path = _served(runtime, archive)
    shutil.rmtree(archive)
    _wait(lambda: not _servers(archive), "ended")
    assert not path.exists()


def test_no_server_is_started_when_turned_off(archive, runtime):
    env = {**_env(runtime), "VLNL_NO_RESIDENT": "1"}
    result = _command(env, "--archive", str(archive), "search", "waterstof")
    assert result.returncode == 0, result.stderr
    assert not _servers(archive)  # a started one would be running by now (exec is done)
    assert not (runtime / "vlnl-desktop").exists()


FOREIGN_SERVER = """
import os, socket, sys
listener = socket.socket(socket.AF_UNIX)
listener.bind(sys.argv[1])
os.setgid(65534)
os.setuid(65534)  # the credentials a peer sees are taken at listen()
listener.listen(4)
print("ready", flush=True)
while True:
    conn, _ = listener.accept()
    while conn.recv(65536):
        pass
    conn.sendall(b"0 7 0\\nforged\\n")
    conn.close()
"""


@pytest.mark.skipif(os.geteuid() != 0, reason="becoming another user needs root")
def test_a_server_of_another_user_is_not_believed(archive, runtime):
    path = _socket_path(runtime, archive)
    path.parent.mkdir(mode=0o700)
    with subprocess.Popen(
        [sys.executable, "-c", FOREIGN_SERVER, str(path)], stdout=subprocess.PIPE, text=True
    ) as foreign:
        try:
            assert foreign.stdout.readline().strip() == "ready"
            env = _env(runtime)
            result = _command(env, "--archive", str(archive), "search", "--json", "waterstof")
        finally:
            foreign.kill()
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)[0]["id"] == "waterstoftechnologie"
