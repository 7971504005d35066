"""Fetch against a misbehaving server (tests/hostile_server.py, on 127.0.0.1): every document has
a wall-clock deadline, every protocol error is one line for that document and the others go on,
a huge web page and a PDF bomb are refused within their caps."""

from __future__ import annotations

import pytest

from hostile_server import hostile_serving
from vlnl_desktop.core.archive.check import check_archive
from vlnl_desktop.core.documents.fetch import fetch_documents

DOC = "doc-slotverklaring-2020"


@pytest.fixture(scope="module")
def hostile_server():
    with hostile_serving() as address:
        yield address


def fetch(ws, server, *paths, **options):
    targets = [(DOC, f"{server}/{path}") for path in paths]
    return [r.reason for r in fetch_documents(ws, targets, **options)]


def test_a_slow_server_is_cut_off_at_the_deadline_whatever_it_drips(workspace, hostile_server):
    """urllib's time-out bounds each read, not the whole: a byte every 0.2 s never trips it."""
    reasons = fetch(
        workspace, hostile_server, "slow-headers", "slow-body", "slow-chunks", timeout=0.5
    )
    assert reasons == ["timed out after 0.5 s"] * 3
    assert check_archive(workspace) == []


def test_every_protocol_error_is_one_line_and_the_next_document_goes_on(workspace, hostile_server):
    targets = [
        (DOC, f"{hostile_server}/incomplete"),
        (DOC, f"{hostile_server}/bad-status"),
        (DOC, f"{hostile_server}/long-line"),
        (DOC, f"{hostile_server}/many-headers"),
        ("doc-communique-2016", f"{hostile_server}/good.pdf"),
    ]
    results = fetch_documents(workspace, targets, timeout=5)
    reasons = [r.reason for r in results]
    assert reasons[0].startswith("download failed: IncompleteRead")
    assert reasons[1].startswith("download failed: BadStatusLine")
    assert reasons[2].startswith("download failed: LineTooLong")
    assert reasons[3].startswith("download failed: HTTPException: got more than 100 headers")
    assert all("\n" not in r for r in reasons)
    assert results[4].status == "fetched"
    assert check_archive(workspace) == []


def test_a_huge_web_page_is_refused_by_its_size_cap(workspace, hostile_server):
    [reason] = fetch(workspace, hostile_server, "huge-page", timeout=20)
    assert reason.startswith("too large (a web page of ")


@pytest.mark.stress
def test_a_pdf_bomb_is_refused_within_its_memory(workspace, hostile_server, monkeypatch):
    from vlnl_desktop.core.pdf import sandbox

    monkeypatch.setattr(sandbox, "MEMORY_LIMIT", 400 << 20)
    [reason] = fetch(workspace, hostile_server, "pdf-bomb", timeout=20)
    assert reason == "too costly to read: page 1 needs more than 400 MB of memory"
    assert check_archive(workspace) == []
