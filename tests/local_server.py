"""A local HTTP server on 127.0.0.1 that answers like the sites the records point at: a good PDF,
a broken, slow, too large one, a web page, a cookie wall, an error page served as 200, a redirect,
a file that changes (``Handler.changing``), plain text and 404. Used through the `server` fixture."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from samples import MULTICOLUMN, SMALL

GOOD = SMALL.read_bytes()
OTHER = MULTICOLUMN.read_bytes()
DECLARATION_PAGE = """<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8"><title>Gezamenlijke verklaring Vlaams-Nederlandse top
</title><script>var tracking = "niet opnemen";</script></head>
<body><header><nav><a href="/">Menu</a> Zoeken Contact</nav></header>
<main><h1>Gezamenlijke verklaring</h1>
<p>Middelburg, 5 november 2018.</p>
<p>De minister-presidenten van Vlaanderen en Nederland bevestigen hun samenwerking rond
waterstof, fotonica en artifici&euml;le intelligentie.</p>
<ul><li>Eerste afspraak over de Noordzeehavens.</li><li>Tweede afspraak: een gezamenlijke
kennisagenda.</li></ul></main>
<footer>Cookies en privacy</footer></body></html>"""

COOKIE_WALL = """<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8"><title>Gezamenlijke verklaring Vlaams-Nederlandse top
</title></head><body><main><h1>Wij gebruiken cookies</h1>
<p>Deze website gebruikt cookies om uw bezoek te verbeteren. Kies hieronder wat u toestaat.</p>
<p>Alle cookies toestaan · Alleen noodzakelijke cookies</p></main></body></html>"""
ERROR_PAGE = """<!DOCTYPE html>
<html lang="nl"><head><title>Pagina niet gevonden</title></head><body><main>
<h1>Pagina niet gevonden</h1><p>De pagina die u zocht bestaat niet (meer).</p></main>
</body></html>"""

SLOW_SECONDS = 3.0


class Handler(BaseHTTPRequestHandler):
    changing = GOOD  # what /changing.pdf answers now: a test sets OTHER to publish a new version

    def log_message(self, *args):  # keep the test output clean
        pass

    def _send(self, body: bytes, content_type: str, status: int = 200):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def do_GET(self):
        if self.path == "/good.pdf":
            self._send(GOOD, "application/pdf")
        elif self.path == "/broken.pdf":
            self._send(GOOD[: len(GOOD) // 2], "application/pdf")
        elif self.path == "/slow.pdf":
            time.sleep(SLOW_SECONDS)
            self._send(GOOD, "application/pdf")
        elif self.path == "/declaration":
            self._send(DECLARATION_PAGE.encode(), "text/html; charset=utf-8")
        elif self.path == "/big.pdf":
            self._send(GOOD + b"%" * 300_000, "application/pdf")
        elif self.path == "/cookie-wall":
            self._send(COOKIE_WALL.encode(), "text/html; charset=utf-8")
        elif self.path == "/error-page":
            self._send(ERROR_PAGE.encode(), "text/html; charset=utf-8")
        elif self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/good.pdf")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path == "/changing.pdf":
            self._send(Handler.changing, "application/pdf")
        elif self.path == "/plain.txt":
            self._send(b"just text", "text/plain")
        else:
            self._send(b"not here", "text/plain", 404)


@contextlib.contextmanager
def serving() -> Iterator[str]:
    """The server running in a thread; yields its address, ``http://127.0.0.1:PORT``."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    # A short poll: shutdown() waits for the serving loop to look, 0.5 s by default.
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
