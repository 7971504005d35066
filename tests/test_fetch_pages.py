"""Fetching official documents, the cases a user meets on the real sites (a local HTTP server on
127.0.0.1 only): a cookie wall or an error page is not archived as the declaration, a redirect is
followed, a changed publication keeps both versions, offline is said at once, cancel stops."""

from __future__ import annotations

import socket
import sqlite3
import threading
import time

import pytest

from local_server import GOOD, OTHER, SLOW_SECONDS, Handler
from vlnl_desktop.core.archive.build import build_archive
from vlnl_desktop.core.archive.check import check_archive
from vlnl_desktop.core.documents.fetch import FetchWatch, fetch_documents
from vlnl_desktop.core.errors import FetchProblem

DECLARATION = "doc-verklaring-2018"  # dated 2018-11-05; the test page names that day


def file_of(ws, doc_id):
    conn = sqlite3.connect(ws.db_path)
    try:
        return conn.execute(
            "SELECT sha256, obtained, retrieved FROM documents WHERE id = ?", (doc_id,)
        ).fetchone()
    finally:
        conn.close()


def versions_of(ws, doc_id):
    conn = sqlite3.connect(ws.db_path)
    try:
        return conn.execute(
            "SELECT sha256, replaced FROM document_versions WHERE document_id = ?", (doc_id,)
        ).fetchall()
    finally:
        conn.close()


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_a_cookie_wall_or_an_error_page_is_not_archived_as_the_document(workspace, server):
    results = fetch_documents(
        workspace, [(DECLARATION, f"{server}/cookie-wall"), (DECLARATION, f"{server}/error-page")]
    )
    assert [r.code for r in results] == ["not_the_document", "not_the_document"]
    assert (
        results[0]
        .line()
        .startswith(f"{DECLARATION}: the web page names neither the document's title nor its date")
    )
    assert file_of(workspace, DECLARATION)[0] is None
    [fetched] = fetch_documents(workspace, [(DECLARATION, f"{server}/declaration")])
    assert fetched.status == "fetched" and fetched.from_web_page
    assert file_of(workspace, DECLARATION)[1] == "fetched"


def test_a_redirect_is_followed_to_the_file(workspace, server):
    [result] = fetch_documents(workspace, [("doc-communique-2016", f"{server}/moved")])
    assert result.status == "fetched" and result.pages == 4
    assert workspace.document_path(file_of(workspace, "doc-communique-2016")[0]).is_file()


def test_a_changed_publication_keeps_both_versions_and_says_so(workspace, server, monkeypatch):
    target = [("doc-communique-2016", f"{server}/changing.pdf")]
    monkeypatch.setattr(Handler, "changing", GOOD)
    [first] = fetch_documents(workspace, target, today="2025-01-01")
    old_sha = file_of(workspace, "doc-communique-2016")[0]
    [same] = fetch_documents(workspace, target, again=True, today="2025-02-01")
    assert (same.status, same.reason) == ("unchanged", "unchanged since 2025-01-01; kept as it is")
    monkeypatch.setattr(Handler, "changing", OTHER)
    [plain] = fetch_documents(workspace, target, today="2025-03-01")
    assert plain.status == "duplicate"  # without "again" a stored file is never looked at
    [changed] = fetch_documents(workspace, target, again=True, today="2025-03-01")
    assert changed.status == "changed"
    assert "the published document changed since 2025-01-01; both versions kept" in changed.line()
    new_sha, obtained, retrieved = file_of(workspace, "doc-communique-2016")
    assert new_sha != old_sha and (obtained, retrieved) == ("fetched", "2025-03-01")
    assert versions_of(workspace, "doc-communique-2016") == [(old_sha, "2025-03-01")]
    assert workspace.document_path(old_sha).read_bytes() == GOOD
    assert check_archive(workspace) == []
    build_archive(workspace.db_path)  # the earlier version survives a rebuild
    assert versions_of(workspace, "doc-communique-2016") == [(old_sha, "2025-03-01")]
    workspace.document_path(old_sha).write_bytes(GOOD[:-10] + b"0123456789")
    assert check_archive(workspace) == [
        f"document doc-communique-2016, version replaced on 2025-03-01: file {old_sha}.pdf "
        "does not match its sha256"
    ]


def test_offline_is_said_at_once_without_a_time_out_per_document(workspace):
    targets = [
        ("doc-communique-2016", f"http://127.0.0.1:{closed_port()}/a.pdf"),
        ("doc-verklaring-2018", "https://nowhere.invalid/b"),
    ]
    started = time.monotonic()
    with pytest.raises(FetchProblem) as raised:
        fetch_documents(workspace, targets, timeout=30, probe=True)
    assert time.monotonic() - started < 6
    assert raised.value.code == "offline"
    assert str(raised.value).startswith("no network: cannot reach 127.0.0.1, nowhere.invalid")


def test_the_probe_lets_a_batch_go_on_when_one_host_answers(workspace, server):
    targets = [
        ("doc-communique-2016", f"{server}/good.pdf"),
        ("doc-verklaring-2018", f"http://127.0.0.1:{closed_port()}/b"),
    ]
    results = fetch_documents(workspace, targets, probe=True)
    assert [r.status for r in results] == ["fetched", "failed"]
    assert results[1].code == "connect"


def test_cancel_stops_the_download_under_way_and_the_batch(workspace, server):
    stop = threading.Event()
    seen: list[str] = []
    watch = FetchWatch(started=seen.append, cancelled=stop.is_set)
    targets = [("doc-communique-2016", f"{server}/slow.pdf"), (DECLARATION, f"{server}/good.pdf")]
    threading.Timer(0.5, stop.set).start()
    started = time.monotonic()
    results = fetch_documents(workspace, targets, timeout=30, watch=watch)
    assert time.monotonic() - started < SLOW_SECONDS
    assert [r.status for r in results] == ["cancelled"] and seen == ["doc-communique-2016"]
    assert file_of(workspace, "doc-communique-2016")[0] is None
    assert file_of(workspace, DECLARATION)[0] is None


def test_progress_reports_the_bytes_of_each_document(workspace, server):
    received: list[tuple[str, int, int | None]] = []
    watch = FetchWatch(received=lambda d, n, total: received.append((d, n, total)))
    fetch_documents(workspace, [("doc-communique-2016", f"{server}/good.pdf")], watch=watch)
    assert received[0] == ("doc-communique-2016", 0, len(GOOD))
    assert received[-1] == ("doc-communique-2016", len(GOOD), len(GOOD))


def test_behind_a_proxy_the_probe_asks_the_proxy(workspace, server, monkeypatch):
    """A machine that reaches the web only through its proxy is not offline."""
    monkeypatch.setenv("http_proxy", server)  # the local server stands in for the proxy
    monkeypatch.delenv("no_proxy", raising=False)
    monkeypatch.delenv("NO_PROXY", raising=False)
    [result] = fetch_documents(
        workspace, [("doc-communique-2016", "http://nowhere.invalid/good.pdf")], probe=True
    )
    assert result.code == "http_status"  # asked through the "proxy" (it answers 404), not offline
