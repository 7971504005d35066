"""The command's side of the resident search server (``search_server``): find it, ask it, start it.

A fresh Python process spends most of a search's time starting (the interpreter, ``re``,
``sqlite3``, ``json``, ``tantivy``, opening the index): a server per user and archive keeps all of
that loaded, and ``vlnl-desktop search`` only sends it the command line and prints the bytes it
sends back. This module is on that path, so it imports nothing but ``_socket`` and ``time``
(``socket`` itself pulls in ``enum`` and ``selectors``: ~10 ms).

- The socket: ``search-<device>-<inode>.sock`` of the archive folder, in ``$XDG_RUNTIME_DIR/
  vlnl-desktop`` or else ``$XDG_CACHE_HOME/vlnl-desktop/run`` (a 0700 folder of the user's; the
  socket itself 0600), and only a server of the same user is believed (``SO_PEERCRED``).
- The request: NUL-separated bytes (no argument, path or environment value can hold a NUL):
  the protocol, who asks (this code's place and Python), the encodings of stdout and stderr, the
  working folder, the environment that chooses the archive, then the arguments as the OS gave
  them. The answer: ``"<exit code> <stdout length> <stderr length>\\n"``, then those bytes.
- Anything else — no socket, a refused connection, a server of another user, no complete answer
  within ``TIMEOUT`` (2 s; ``VLNL_RESIDENT_TIMEOUT``) — and the command searches in-process
  instead, as it did before servers.
- ``VLNL_NO_RESIDENT=1`` turns it off: no server is asked or started. Linux only (elsewhere the
  command always searches in-process).
"""

from __future__ import annotations

import os
import sys

OFF_VARIABLE = "VLNL_NO_RESIDENT"
PROTOCOL = b"vlnl-search/1"
TIMEOUT_VARIABLE = "VLNL_RESIDENT_TIMEOUT"
TIMEOUT = 2.0  # seconds for the whole exchange; then the command searches in-process
# what chooses the archive (``core.archive.workspace``): sent, so the server resolves it alike
ENVIRONMENT = ("VLNL_ARCHIVE", "XDG_DATA_HOME", "HOME")
APP_NAME = "vlnl-desktop"
MAX_SOCKET_PATH = 107  # sun_path holds 108 bytes with its NUL


def enabled() -> bool:
    """Whether the command asks (and starts) a resident server here."""
    return sys.platform == "linux" and os.environ.get(OFF_VARIABLE) != "1"


def timeout_seconds() -> float:
    """How long the command waits for a server's whole answer (``VLNL_RESIDENT_TIMEOUT``)."""
    try:
        return float(os.environ.get(TIMEOUT_VARIABLE) or TIMEOUT)
    except ValueError:
        return TIMEOUT


def runtime_folder() -> str:
    """The user's folder for the servers' sockets (the same for the command and its server)."""
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    if os.path.isabs(runtime):
        return os.path.join(runtime, APP_NAME)
    cache = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(cache):
        cache = os.path.expanduser("~/.cache")
    return os.path.join(cache, APP_NAME, "run")


def archive_folder(option: str | None) -> str | None:
    """The archive folder as ``workspace.resolve_root`` finds it (on Linux), absolute; only the
    socket's name depends on it: the server checks the archive it resolves itself."""
    chosen = option if option is not None else os.environ.get("VLNL_ARCHIVE")
    if chosen is None:
        data = os.environ.get("XDG_DATA_HOME", "")
        if not data.strip():
            data = os.path.expanduser("~/.local/share")
        chosen = os.path.join(data, APP_NAME)
    if not chosen.strip():
        return None
    return os.path.abspath(os.path.expanduser(chosen))


def socket_path(root: str) -> str | None:
    """The socket of the server for the archive folder ``root``; None if it has none (missing,
    or a path too long for a socket)."""
    try:
        st = os.stat(root)
    except (OSError, ValueError):
        return None
    path = os.path.join(runtime_folder(), f"search-{st.st_dev:x}-{st.st_ino:x}.sock")
    return path if len(os.fsencode(path)) <= MAX_SOCKET_PATH else None


def who() -> bytes:
    """What a server must be to answer for this process: the same code, the same Python, the
    same encoding of arguments and paths."""
    here = os.fsencode(os.path.dirname(os.path.abspath(__file__)))
    return b"|".join((here, sys.version.encode(), sys.getfilesystemencoding().encode()))


def peer_uid(sock) -> int:
    """The user id of the process at the other end of a connected Unix socket."""
    import _socket

    creds = sock.getsockopt(_socket.SOL_SOCKET, _socket.SO_PEERCRED, 12)  # pid, uid, gid
    return int.from_bytes(creds[4:8], sys.byteorder)


def request(argv: list[str]) -> bytes:
    """The request for the command line ``argv`` run from here."""
    fields = [PROTOCOL, who()]
    for stream in (sys.stdout, sys.stderr):
        fields.append(f"{stream.encoding}:{stream.errors}".encode())
    fields.append(os.fsencode(os.getcwd()))
    for name in ENVIRONMENT:
        value = os.environb.get(name.encode())
        fields.append(b"" if value is None else b"=" + value)
    fields.extend(os.fsencode(arg) for arg in argv)
    return b"\0".join(fields)


def parse_answer(data: bytes) -> tuple[int, bytes, bytes] | None:
    """(exit code, stdout, stderr) of a complete answer, else None."""
    head, newline, rest = data.partition(b"\n")
    numbers = head.split(b" ")
    if not newline or len(numbers) != 3 or not all(n.isdigit() for n in numbers):
        return None
    code, out_len, err_len = (int(n) for n in numbers)
    if len(rest) != out_len + err_len:
        return None
    return code, rest[:out_len], rest[out_len:]


class Resident:
    """The resident server of one archive folder, as the command sees it."""

    def __init__(self, root: str, path: str):
        self.root, self.path = root, path
        self.absent = False  # no server listened: start one after searching in-process

    @classmethod
    def find(cls, archive: str | None) -> Resident | None:
        """The server to ask for the archive the command line chose; None when the command
        searches in-process only (turned off, not Linux, no such folder)."""
        if not enabled() or sys.stdout is None or sys.stderr is None:
            return None
        root = archive_folder(archive)
        path = socket_path(root) if root is not None else None
        return cls(root, path) if path is not None else None

    def ask(self, argv: list[str]) -> tuple[int, bytes, bytes] | None:
        """(exit code, stdout, stderr) the server answered for ``argv``; None if none did."""
        import _socket
        import time

        timeout = timeout_seconds()
        deadline = time.monotonic() + timeout
        try:
            message = request(argv)
            sock = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
        except (OSError, ValueError, AttributeError):  # no cwd; a stream without an encoding
            return None
        chunks = []
        try:
            sock.settimeout(timeout)
            try:
                sock.connect(self.path)
            except (FileNotFoundError, ConnectionRefusedError):
                self.absent = True
                return None
            if peer_uid(sock) != os.getuid():
                return None
            sock.sendall(message)
            sock.shutdown(_socket.SHUT_WR)
            while True:
                left = deadline - time.monotonic()
                if left <= 0:
                    return None
                sock.settimeout(left)
                chunk = sock.recv(1 << 16)
                if not chunk:
                    break
                chunks.append(chunk)
        except OSError:  # a timeout, a reset: the server is of no help this time
            return None
        finally:
            sock.close()
        return parse_answer(b"".join(chunks))

    def start(self) -> None:
        """Start the server for this archive in the background, in a session of its own (it ends
        itself when idle; if another one runs, it ends at once). ``posix_spawn``: ``subprocess``
        would cost the command ~10 ms to import."""
        if not sys.executable:
            return
        src = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
        path = os.environ.get("PYTHONPATH")
        env = {**os.environ, "PYTHONPATH": src + (os.pathsep + path if path else "")}
        quiet = [
            (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
            (os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
            (os.POSIX_SPAWN_DUP2, 1, 2),
        ]
        try:
            os.posix_spawn(
                sys.executable,
                # -P: the working folder's modules are never imported (the server leaves it)
                [sys.executable, "-P", "-m", "vlnl_desktop.cli.search_server", self.root],
                env,
                file_actions=quiet,
                setsid=True,
            )
        except OSError:
            pass
