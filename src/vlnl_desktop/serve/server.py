"""Datasette on a site folder (``core.serve.site``), listening on a socket of our own.

The socket is bound here, before Datasette starts, so that a port in use is one line for the
user, and ``--port 0`` (any free port) still prints the address it got. The snapshot is opened
immutable (Datasette's configuration-directory mode, through ``inspect-data.json``); nothing in
it can be written through the server.

One process serves on one core (Python's lock). ``serve_forever(..., workers=N)`` forks N
processes that each run their own Datasette on the same socket and the same immutable file; the
kernel hands each new connection to one of them (as several instances behind a load balancer,
on one machine). The parent starts no thread before it forks, and stops them all when it stops.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import multiprocessing.connection
import signal
import socket
from pathlib import Path

from vlnl_desktop.core.errors import VlnlError

INSTALL_HINT = "serving needs Datasette: pip install 'vlnl-desktop[serve]'"


class ServeError(VlnlError):
    """The server cannot start: Datasette is missing, or the address cannot be listened on."""


def _register_plugin() -> None:
    from datasette.plugins import pm

    from vlnl_desktop.serve import plugin

    # under the name a published plugins/ folder gives it: loaded once, whichever comes first
    if not pm.is_registered(plugin) and pm.get_plugin(plugin.FILE_NAME) is None:
        pm.register(plugin, name=plugin.FILE_NAME)


def require_datasette() -> None:
    """Raise ``ServeError`` saying how to install Datasette if it is not installed."""
    try:
        import datasette.app  # noqa: F401
    except ImportError:
        raise ServeError(INSTALL_HINT) from None


def _quiet_errors() -> None:
    """Datasette 0.65 prints every error it answers (each 404 too) as a rich traceback with its
    local variables when ``rich`` happens to be installed: slow under load, and with rich 15 the
    printing itself raises, which turns every 404 into a 500. The error pages stay as they are."""
    import datasette.handle_exception

    datasette.handle_exception.rich = None


def make_datasette(folder: Path):
    """A Datasette over the site ``folder``, its startup hooks run, with the plugin loaded."""
    require_datasette()
    from datasette.app import Datasette

    _quiet_errors()
    _register_plugin()
    ds = Datasette(config_dir=Path(folder).resolve())
    asyncio.run(ds.invoke_startup())
    return ds


def listen(host: str, port: int) -> socket.socket:
    """A listening TCP socket on ``host``:``port`` (0: any free port)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as exc:
        raise ServeError(f"{host}: not an address to listen on ({exc.strerror})") from None
    family, kind, proto, _name, address = infos[0]
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
        sock.listen(2048)
    except OSError as exc:
        sock.close()
        raise ServeError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    sock.set_inheritable(True)
    return sock


def url_of(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}/"


def run(ds, sock: socket.socket) -> None:
    """Serve ``ds`` on ``sock`` until interrupted (Ctrl+C, SIGTERM)."""
    import uvicorn

    config = uvicorn.Config(ds.app(), log_level="warning", lifespan="on", access_log=False)
    uvicorn.Server(config).run(sockets=[sock])


def _worker(folder: Path, sock: socket.socket) -> None:
    for signum in (signal.SIGTERM, signal.SIGINT):  # quietly, until uvicorn handles them
        signal.signal(signum, signal.SIG_DFL)
    run(make_datasette(folder), sock)


def _stop(_signum, _frame) -> None:
    raise KeyboardInterrupt


def serve_forever(folder: Path, sock: socket.socket, workers: int = 1) -> None:
    """Serve the site ``folder`` on ``sock`` with ``workers`` processes, until interrupted."""
    if workers <= 1:
        run(make_datasette(folder), sock)
        return
    require_datasette()
    context = multiprocessing.get_context("fork")  # the socket and the site are inherited
    processes = [context.Process(target=_worker, args=(folder, sock)) for _ in range(workers)]
    previous = signal.signal(signal.SIGTERM, _stop)
    try:
        for process in processes:
            process.start()
        ended = multiprocessing.connection.wait([p.sentinel for p in processes])
        codes = [p.exitcode for p in processes if p.sentinel in ended]
        raise ServeError(f"a server process stopped (exit code {codes[0]}); all are stopped")
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        for process in processes:
            if process.is_alive():
                process.terminate()
        for process in processes:
            process.join(10)
            if process.is_alive():
                process.kill()
                process.join()
