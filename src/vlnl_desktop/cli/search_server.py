"""The resident search server: one background process per user and archive that keeps the search
index and the archive open and answers ``vlnl-desktop search`` command lines (``search_client``).

Started by a command that found none (``python -m vlnl_desktop.cli.search_server ARCHIVE``,
detached). It answers exactly what the command would print in-process — the same code
(``search_run.answer``) runs with stdout and stderr captured in the command's encodings, in the
command's working folder and archive environment — or nothing, and the command then searches
in-process. It answers nothing (and the command searches itself) when the archive is not as it
was opened in a way only a writer mends: no archive.db, a refresh due, an index that is not fresh.
It reopens the connection when archive.db was replaced and the index when its state changed
(a writer drops and rewrites ``state.json`` around every change: ``core.search.index``).

One at a time, in one thread: a request takes milliseconds. Only one server per archive: the
first to lock ``<socket>.lock`` binds the socket; a later one ends at once. It ends itself after
``VLNL_RESIDENT_IDLE`` seconds without a request (600), when the archive folder, its socket or
its own code changes or disappears, on any error, and when a request takes longer than
``REQUEST_LIMIT`` (SIGALRM's default action ends even a process stuck in native code).
"""

from __future__ import annotations

import os
import sys

from . import search_client

IDLE_VARIABLE = "VLNL_RESIDENT_IDLE"
IDLE = 600.0
TICK = 1.0  # seconds between the checks of an idle server
REQUEST_LIMIT = 30  # seconds: a request still running then ends the server
MAX_REQUEST = 1 << 20


class CannotAnswer(Exception):
    """The server cannot answer this request as the command would: the command searches itself."""


def _identity(path: str | os.PathLike) -> tuple[int, ...] | None:
    """What tells a file apart from another one put in its place; None if there is none."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return st.st_dev, st.st_ino, st.st_mtime_ns


def _folder_identity(path: str | os.PathLike) -> tuple[int, int] | None:
    identity = _identity(path)
    return identity[:2] if identity is not None else None


def private_folder(folder: str) -> None:
    """Make ``folder`` (and its parents) for the user alone; raise if it is anyone else's."""
    import stat

    os.makedirs(folder, mode=0o700, exist_ok=True)
    st = os.lstat(folder)
    if not stat.S_ISDIR(st.st_mode) or st.st_uid != os.getuid():
        raise PermissionError(f"{folder}: not a folder of this user")
    if st.st_mode & 0o077:
        os.chmod(folder, 0o700)


class Session:
    """The archive kept open: a read connection, the index and a searcher, reopened when the
    archive or the index on disk is no longer what they were opened from."""

    def __init__(self, root: str):
        self.root = root
        self.folder = _folder_identity(root)
        self.conn = None
        self.db = self.state = None
        self.searcher = None

    def searched(self, archive: str | None, text: str, limit: int):
        """``search_run.search`` as the server does it: the same archive errors, or results from
        what is kept open, or ``CannotAnswer``."""
        from vlnl_desktop.core.archive.lifecycle import needs_refresh, open_workspace

        ws = open_workspace(archive, initialise=False)  # a bad --archive: the same message
        if _folder_identity(ws.root) != self.folder:
            raise CannotAnswer("another archive")
        ws = open_workspace(self.root, initialise=False)  # the same folder, by its absolute path
        try:
            if not ws.exists() or needs_refresh(ws):
                raise CannotAnswer("the archive is to be built or refreshed")
            searcher = self.searcher_for(ws)
        except CannotAnswer:
            raise
        except Exception as exc:  # whatever it is, the command meets it (and says it) itself
            raise CannotAnswer(str(exc)) from exc
        return searcher.results(text, limit)

    def searcher_for(self, ws):
        """The searcher for ``ws`` as it is now on disk, if its index is fresh."""
        from vlnl_desktop.core.archive.connections import connect_readonly
        from vlnl_desktop.core.search.index import STATE_FILE, SearchIndex, index_path
        from vlnl_desktop.core.search.searcher import Searcher

        db = _identity(ws.db_path)
        db = db[:2] if db is not None else None  # archive.db replaced, not written
        state = _identity(index_path(ws.db_path) / STATE_FILE)
        if db != self.db or self.conn is None:
            self.close()
            self.conn = connect_readonly(ws)
            self.db = db
        if state != self.state or self.searcher is None:
            index = SearchIndex.open(ws.db_path)
            self.state = state
            self.searcher = Searcher(self.conn, index) if index is not None else None
        if self.searcher is None or not self.searcher.index.fresh(self.conn):
            raise CannotAnswer("the search index is not fresh")
        return self.searcher

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
        self.conn = self.searcher = self.db = self.state = None


def code_files() -> dict[str, tuple[int, ...] | None]:
    """This program's modules loaded here, with their files' identities (a changed one: a newer
    program is installed, and this server ends)."""
    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    files = [getattr(module, "__file__", None) or "" for module in list(sys.modules.values())]
    return {f: _identity(f) for f in files if f.startswith(package + os.sep)}


def _text_stream(buffer, spec: bytes):
    """A text stream over ``buffer`` as the command's stream ``encoding:errors`` writes."""
    import codecs
    import io

    encoding, _colon, errors = spec.decode("ascii").partition(":")
    codecs.lookup(encoding)
    codecs.lookup_error(errors)
    return io.TextIOWrapper(buffer, encoding=encoding, errors=errors, newline="\n")


class Server:
    """The server of the archive folder ``root`` (absolute, as the command resolved it)."""

    def __init__(self, root: str):
        self.root = root
        self.path = search_client.socket_path(root)
        self.session = Session(root)
        self.idle = float(os.environ.get(IDLE_VARIABLE) or IDLE)
        self.who = search_client.who()
        self.code: dict = {}
        self.bound = None

    def warm(self) -> None:
        """Load and open everything a search needs before the first request comes."""
        import json  # noqa: F401 - what --json needs

        from vlnl_desktop.core.archive.lifecycle import open_workspace

        from . import search_run  # noqa: F401

        ws = open_workspace(self.root, initialise=False)
        self.session.searcher_for(ws).results("samenwerking", 1)
        self.code = code_files()

    def serve(self) -> None:
        """Bind the socket (unless another server has it) and answer until it is time to end."""
        import fcntl
        import signal
        import socket

        if self.path is None:
            return
        private_folder(os.path.dirname(self.path))
        os.umask(0o077)
        lock = os.open(self.path + ".lock", os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        try:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                return  # another server answers for this archive
            self.warm()
            os.ftruncate(lock, 0)
            os.write(lock, f"{os.getpid()}\n".encode())
            try:
                os.unlink(self.path)  # left by a server that was killed
            except FileNotFoundError:
                pass
            listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            try:
                listener.bind(self.path)
                os.chmod(self.path, 0o600)
                self.bound = _folder_identity(self.path)
                listener.listen(16)
                signal.signal(signal.SIGTERM, _end)
                self._loop(listener)
            finally:
                listener.close()
                if self.bound is not None and _folder_identity(self.path) == self.bound:
                    os.unlink(self.path)
        finally:
            self.session.close()
            os.close(lock)

    def _loop(self, listener) -> None:
        import signal
        import time

        listener.settimeout(min(TICK, self.idle))
        last = time.monotonic()
        while True:
            try:
                conn, _address = listener.accept()
            except TimeoutError:
                if time.monotonic() - last >= self.idle or not self.unchanged():
                    return
                continue
            with conn:
                signal.alarm(REQUEST_LIMIT)
                try:
                    if not self.handle(conn):
                        return
                finally:
                    signal.alarm(0)
            last = time.monotonic()

    def unchanged(self) -> bool:
        """The archive folder, the socket and this program are still those it started with."""
        return (
            _folder_identity(self.root) == self.session.folder
            and _folder_identity(self.path) == self.bound
            and all(_identity(file) == known for file, known in self.code.items())
        )

    def handle(self, conn) -> bool:
        """Answer one connection; False when the server is to end."""
        if search_client.peer_uid(conn) != os.getuid():
            return True
        try:
            data = _receive(conn)
        except OSError:  # a command that went away or never finished its request
            return True
        if data is None:
            return True  # larger than any command line
        fields = data.split(b"\0")
        if len(fields) < 5 + len(search_client.ENVIRONMENT) or fields[0] != search_client.PROTOCOL:
            return True
        if fields[1] != self.who:
            return True  # another installation's command: it searches itself
        if not self.unchanged():
            return False
        try:
            answer = self.answer(fields[2:])
        except CannotAnswer:
            return True
        try:
            conn.sendall(answer)
        except OSError:  # the command gave up waiting
            pass
        return True

    def answer(self, fields: list[bytes]) -> bytes:
        """The answer to a request's fields after the protocol and who asks."""
        import io

        from . import search_run

        out_spec, err_spec, cwd, *rest = fields
        names = search_client.ENVIRONMENT
        values, argv = rest[: len(names)], [os.fsdecode(a) for a in rest[len(names) :]]
        parsed = search_run.parse_plain(argv)
        if parsed is None:
            raise CannotAnswer("not a plain search")
        try:
            out, err = io.BytesIO(), io.BytesIO()
            stdout, stderr = _text_stream(out, out_spec), _text_stream(err, err_spec)
        except (LookupError, UnicodeDecodeError) as exc:
            raise CannotAnswer("an encoding this Python does not know") from exc
        saved = {name: os.environb.get(name.encode()) for name in names}
        streams = sys.stdout, sys.stderr
        try:
            os.chdir(cwd)
            _set_environment(dict(zip(names, (v[1:] if v else None for v in values), strict=True)))
            sys.stdout, sys.stderr = stdout, stderr
            code = search_run.answer(parsed, self.session.searched)
            stdout.flush()
            stderr.flush()
        except OSError as exc:  # the working folder gone, say
            raise CannotAnswer(str(exc)) from exc
        finally:
            sys.stdout, sys.stderr = streams
            _set_environment(saved)
            os.chdir("/")
        body_out, body_err = out.getvalue(), err.getvalue()
        return b"%d %d %d\n" % (code, len(body_out), len(body_err)) + body_out + body_err


def _receive(conn) -> bytes | None:
    """A whole request (the command shuts its side when it has sent it); None if too large."""
    conn.settimeout(search_client.timeout_seconds())
    chunks, size = [], 0
    while True:
        chunk = conn.recv(1 << 16)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
        if size > MAX_REQUEST:
            return None


def _set_environment(values: dict[str, bytes | None]) -> None:
    for name, value in values.items():
        if value is None:
            os.environb.pop(name.encode(), None)
        else:
            os.environb[name.encode()] = value


def _end(_signum, _frame) -> None:
    raise SystemExit(0)  # SIGTERM: the socket is removed on the way out


def main(argv: list[str] | None = None) -> None:
    """``python -m vlnl_desktop.cli.search_server ARCHIVE_FOLDER``: serve until it is time to end;
    any error ends it quietly (the command searches in-process meanwhile)."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1 or not search_client.enabled():
        raise SystemExit(2)
    os.chdir("/")  # holds no folder of the command's
    try:
        Server(args[0]).serve()
    except Exception:
        raise SystemExit(1) from None


if __name__ == "__main__":
    main()
