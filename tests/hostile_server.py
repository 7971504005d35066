"""A misbehaving HTTP server on 127.0.0.1, for the fetch fault suite: answers a byte at a time
(headers, body, chunks), breaks the protocol (a bad status line, a line of 100 KB, 150 headers, a
body shorter than it said), sends an 18 MB web page or a PDF decompression bomb.

Bounded: one server per test module, each answer stops after ``MAX_SECONDS`` or when the client
hangs up, and the server is shut down with the fixture.
"""

from __future__ import annotations

import contextlib
import socketserver
import threading
import time
from collections.abc import Iterator

from hostile_corpus import flate_bomb
from samples import SMALL

MAX_SECONDS = 20.0  # no answer lasts longer, whatever the client does
DRIP_SECONDS = 0.2  # between two bytes of a slow answer


def _html(size: int) -> bytes:
    para = b"<p>" + b"waterstof en fotonica " * 40 + b"</p>\n"
    return b"<html><body><main>" + para * (size // len(para)) + b"</main></body></html>"


class Handler(socketserver.BaseRequestHandler):
    def _send(self, data: bytes) -> None:
        self.request.sendall(data)

    def _drip(self, data: bytes) -> None:
        """Send ``data`` a byte at a time until it or the time is up."""
        ends = time.monotonic() + MAX_SECONDS
        for byte in data:
            if time.monotonic() > ends:
                return
            self.request.sendall(bytes([byte]))
            time.sleep(DRIP_SECONDS)

    def handle(self) -> None:
        self.request.settimeout(MAX_SECONDS)
        try:
            request = self.request.recv(65536).decode("latin-1")
            path = request.split(" ", 2)[1] if request.count(" ") >= 2 else "/"
            getattr(self, "answer_" + path.strip("/").replace("-", "_").replace(".", "_"))()
        except (OSError, AttributeError):
            pass

    def ok(self, content_type: str, length: int | None) -> bytes:
        head = f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nConnection: close\r\n"
        if length is not None:
            head += f"Content-Length: {length}\r\n"
        return (head + "\r\n").encode()

    def answer_good_pdf(self) -> None:
        data = SMALL.read_bytes()
        self._send(self.ok("application/pdf", len(data)) + data)

    def answer_slow_headers(self) -> None:
        self._drip(self.ok("application/pdf", 10) + b"%PDF-1.4\n\n")

    def answer_slow_body(self) -> None:
        data = SMALL.read_bytes()
        self._send(self.ok("application/pdf", len(data)))
        self._drip(data)

    def answer_slow_chunks(self) -> None:
        head = b"HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\nTransfer-Encoding: chunked\r\n\r\n"
        self._send(head)
        ends = time.monotonic() + MAX_SECONDS
        while time.monotonic() < ends:
            self._send(b"1\r\nx\r\n")
            time.sleep(DRIP_SECONDS)

    def answer_incomplete(self) -> None:
        data = SMALL.read_bytes()
        self._send(self.ok("application/pdf", len(data)) + data[:100])

    def answer_bad_status(self) -> None:
        self._send(b"HTTP/1.1 two hundred\r\n\r\n")

    def answer_long_line(self) -> None:
        self._send(b"HTTP/1.1 200 OK\r\nX-Long: " + b"a" * 100_000 + b"\r\n\r\n")

    def answer_many_headers(self) -> None:
        headers = b"".join(b"X-H%d: v\r\n" % i for i in range(150))
        self._send(b"HTTP/1.1 200 OK\r\n" + headers + b"\r\n")

    def answer_huge_page(self) -> None:
        self._send(self.ok("text/html; charset=utf-8", None) + _html(18 << 20))

    def answer_pdf_bomb(self) -> None:
        data = flate_bomb()
        self._send(self.ok("application/pdf", len(data)) + data)


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


@contextlib.contextmanager
def hostile_serving() -> Iterator[str]:
    """The server in a thread; yields its address, ``http://127.0.0.1:PORT``."""
    server = _Server(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
