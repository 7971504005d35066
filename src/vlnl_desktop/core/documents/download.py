"""One download, and whether the network can be reached at all.

``download`` GETs one address within a wall-clock deadline (``_Deadline`` shuts its sockets when
the time is up, so a server that sends its headers, body or chunks a byte at a time cannot hold
it) and a size cap; it reports the bytes received as they come and stops at once when the caller
cancels. Every protocol error is one ``FetchProblem`` line.

``unreachable`` is the probe a batch runs once before it starts: if none of the batch's hosts can
be resolved and connected to within a few seconds (or the proxy urllib would go through), the
machine is offline, and the batch says so at once instead of waiting for a time-out per document.

Only ``urllib`` and ``socket`` are used: no extra dependency.
"""

from __future__ import annotations

import contextlib
import http.client
import io
import re
import socket
import threading
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor, as_completed
from concurrent.futures import TimeoutError as FuturesTimeout
from dataclasses import dataclass
from urllib.parse import urlsplit

from vlnl_desktop.core.errors import FetchProblem

USER_AGENT = "vlnl-desktop (offline archive; https://github.com/)"
CHUNK = 64 * 1024
PROBE_SECONDS = 4.0  # resolving and connecting to one host, all hosts at once

Progress = Callable[[int, int | None], None]  # (bytes received, bytes expected or None)


@dataclass(frozen=True)
class Download:
    data: bytes
    content_type: str
    final_url: str


class _Deadline:
    """The wall-clock deadline of one download: when it passes, every socket the download opened
    is shut, so a read that waits on a slow server returns at once (``expired`` then says why).
    ``cancel_now`` does the same for a user who cancels."""

    def __init__(self, seconds: float) -> None:
        self.expired = False
        self.cancelled = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True
        self._timer.start()

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            if self.expired or self.cancelled:
                self._shut(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                self._shut(sock)

    def cancel_now(self) -> None:
        with self._lock:
            self.cancelled = True
            for sock in self._sockets:
                self._shut(sock)

    @staticmethod
    def _shut(sock: socket.socket) -> None:
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)

    def stop(self) -> None:
        self._timer.cancel()


def _opener(deadline: _Deadline) -> urllib.request.OpenerDirector:
    """urllib's opener (redirects, proxies) whose connections report their sockets to ``deadline``."""

    class Watched(http.client.HTTPConnection):
        def connect(self):
            super().connect()
            deadline.watch(self.sock)

    class WatchedTLS(http.client.HTTPSConnection):
        def connect(self):
            super().connect()
            deadline.watch(self.sock)

    class Plain(urllib.request.HTTPHandler):
        def http_open(self, req):
            return self.do_open(Watched, req)

    class TLS(urllib.request.HTTPSHandler):
        def https_open(self, req):
            return self.do_open(WatchedTLS, req, context=self._context)

    return urllib.request.build_opener(Plain, TLS)


def _watch_cancel(deadline: _Deadline, cancelled: Callable[[], bool] | None):
    """A thread that asks ``cancelled()`` every 0.1 s and shuts the download's sockets when it
    says yes (a read waiting on the server returns then); stopped by the returned event."""
    done = threading.Event()
    if cancelled is None:
        return done

    def watch() -> None:
        while not done.wait(0.1):
            if cancelled():
                deadline.cancel_now()
                return

    threading.Thread(target=watch, daemon=True, name="fetch-cancel").start()
    return done


def download(
    url: str,
    *,
    timeout: float,
    max_bytes: int,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Download:
    """GET ``url`` within ``timeout`` seconds in all (headers, body, every chunk) and at most
    ``max_bytes``; ``FetchProblem`` says what went wrong, in one line (code "cancelled" when
    ``cancelled()`` said yes). ``progress(received, expected)`` follows the body as it comes."""
    if not re.match(r"^https?://", url, re.IGNORECASE):
        raise FetchProblem("bad_url")
    deadline = _Deadline(timeout)
    watching = _watch_cancel(deadline, cancelled)
    try:
        return _download(url, timeout, max_bytes, deadline, progress)
    except FetchProblem:
        if deadline.cancelled:
            raise FetchProblem("cancelled") from None
        raise
    except Exception as exc:  # whatever a closed socket made of it, the deadline is the cause
        if deadline.cancelled:
            raise FetchProblem("cancelled") from None
        if deadline.expired:
            raise FetchProblem("timeout", f"{timeout:g}") from None
        raise _problem(exc, timeout) from None
    finally:
        watching.set()
        deadline.stop()


def _problem(exc: Exception, timeout: float) -> FetchProblem:
    if isinstance(exc, urllib.error.HTTPError):
        return FetchProblem("http_status", f"{exc.code} {exc.reason}")
    if isinstance(exc, urllib.error.URLError):
        if isinstance(exc.reason, TimeoutError | socket.timeout):
            return FetchProblem("timeout", f"{timeout:g}")
        return FetchProblem("connect", str(exc.reason))
    if isinstance(exc, TimeoutError):
        return FetchProblem("timeout", f"{timeout:g}")
    if isinstance(exc, http.client.HTTPException):  # IncompleteRead, BadStatusLine, LineTooLong…
        detail = " ".join(str(exc).split())[:100]
        return FetchProblem("download", f"{type(exc).__name__}: {detail}".rstrip(": "))
    if isinstance(exc, OSError | ValueError):
        return FetchProblem("download", str(exc))
    raise exc


def _download(
    url: str, timeout: float, max_bytes: int, deadline: _Deadline, progress: Progress | None
) -> Download:
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    with _opener(deadline).open(request, timeout=timeout) as response:
        length = response.headers.get("Content-Length")
        expected = int(length) if length and length.isdigit() else None
        if expected is not None and expected > max_bytes:
            raise FetchProblem("too_large", f"{expected} bytes; the limit is {max_bytes}")
        buffer = io.BytesIO()
        if progress is not None:
            progress(0, expected)
        while chunk := response.read1(CHUNK):  # what has come: a slow body cannot hold a read
            buffer.write(chunk)
            if buffer.tell() > max_bytes:
                raise FetchProblem("too_large", f"more than {max_bytes} bytes")
            if progress is not None:
                progress(buffer.tell(), expected)
        if deadline.cancelled:
            raise FetchProblem("cancelled")
        if deadline.expired:  # the body was cut short by the deadline, not complete
            raise FetchProblem("timeout", f"{timeout:g}")
        missing = getattr(response, "length", None)
        if missing:  # read1 ends quietly where the server hung up; read() would have said so
            raise http.client.IncompleteRead(b"", missing)
        content_type = response.headers.get_content_type() or ""
        return Download(buffer.getvalue(), content_type, response.geturl())


# --- is there a network at all --------------------------------------------------------------------


def host_of(url: str) -> str:
    """The host an address names ("" if none), without "www."."""
    return (urlsplit(url).hostname or "").removeprefix("www.")


def _endpoint(url: str) -> tuple[str, int] | None:
    """Where a download of ``url`` connects first: the proxy urllib would use (``http_proxy``
    and the like), else the address's own host and port."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    proxy = urllib.request.getproxies().get(parts.scheme)
    if proxy and not urllib.request.proxy_bypass(parts.hostname):
        via = urlsplit(proxy if "://" in proxy else f"http://{proxy}")
        if via.hostname:
            parts = via
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        return None
    return parts.hostname, port


def _reachable(endpoint: tuple[str, int], seconds: float) -> bool:
    try:
        with socket.create_connection(endpoint, timeout=seconds):
            return True
    except OSError:  # no name (no DNS), refused, unreachable, timed out
        return False


def unreachable(urls: Iterable[str], seconds: float = PROBE_SECONDS) -> list[str] | None:
    """The hosts of ``urls`` if not one of them can be reached (resolved and connected to) within
    ``seconds`` (all probed at once): the machine is offline, or they all are down. None if one
    answers (or no address names a host: each then fails on its own)."""
    endpoints = sorted({e for e in map(_endpoint, urls) if e is not None})
    if not endpoints:
        return None
    pool = ThreadPoolExecutor(max_workers=min(len(endpoints), 8), thread_name_prefix="probe")
    futures = [pool.submit(_reachable, e, seconds) for e in endpoints]
    try:  # a name lookup is not bound by the socket's time-out: the wait here is
        for future in as_completed(futures, timeout=seconds + 0.5):
            if future.result():
                return None
    except FuturesTimeout:
        pass
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
    return [host for host, _port in endpoints]
