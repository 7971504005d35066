"""Datasette on a site folder (``core.serve.site``), listening on a socket of our own.

The socket is bound here, before Datasette starts, so that a port in use is one line for the
user, and ``--port 0`` (any free port) still prints the address it got. The snapshot is opened
immutable (Datasette's configuration-directory mode, through ``inspect-data.json``); nothing in
it can be written through the server.
"""

from __future__ import annotations

import asyncio
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


def make_datasette(folder: Path):
    """A Datasette over the site ``folder``, its startup hooks run, with the plugin loaded."""
    require_datasette()
    from datasette.app import Datasette

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
