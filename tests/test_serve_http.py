"""`vlnl-desktop serve` for real: a server process on the loopback address, asked what a team's
browser or script asks through Datasette's JSON API."""

import hashlib
import json
import urllib.error
import urllib.parse
import urllib.request

import pytest


def get(url: str, path: str, **params) -> tuple[int, dict, bytes]:
    query = f"?{urllib.parse.urlencode(params)}" if params else ""
    try:
        with urllib.request.urlopen(url + path.lstrip("/") + query, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        with exc:
            return exc.code, dict(exc.headers), exc.read()


def get_json(url: str, path: str, **params):
    status, _headers, body = get(url, path, **params)
    assert status == 200, body[:500]
    return json.loads(body)


def test_it_listens_on_loopback_only_unless_told(served):
    assert urllib.parse.urlsplit(served).hostname == "127.0.0.1"


def test_the_summits_in_order(served):
    rows = get_json(served, "/archief/summits.json", _shape="array", _sort="date")
    assert [r["place"] for r in rows][:2] == ["Hingene", "Maastricht"]
    assert rows[-1]["year"] == 2025


def test_a_facet_reads_in_dutch(served):
    data = get_json(served, "/archief/summit_themes.json", _facet="relation", _size="0")
    labels = {r["label"] for r in data["facet_results"]["relation"]["results"]}
    assert {"geïntroduceerd", "geprioriteerd"} <= labels


def test_full_text_search_over_records_and_pages(served):
    records = get_json(served, "/archief/search_items.json", _search="Hingene", _shape="array")
    assert "top-2011" in {r["record_id"] for r in records}
    pages = get_json(served, "/archief/pages.json", _search="waterstof", _shape="array")
    assert pages and all("waterstof" in r["text"].lower() for r in pages)


def test_a_canned_query_with_a_parameter(served):
    rows = get_json(served, "/archief/alles_over_een_thema.json", thema="waterstof", _shape="array")
    assert {r["thema"] for r in rows} == {"Waterstoftechnologie"}
    hits = get_json(served, "/archief/zoeken.json", zoek='Hingene "', _shape="array")
    assert hits and "<mark>Hingene</mark>" in hits[0]["fragment"]


def test_a_stored_pdf_by_its_document_id(served, readonly_archive):
    conn_rows = get_json(
        served,
        "/archief.json",
        sql="select id, sha256 from documents where sha256 is not null order by id limit 1",
        _shape="array",
    )
    document = conn_rows[0]
    status, headers, body = get(served, f"/-/documenten/{document['id']}")
    assert status == 200
    assert headers["content-type"] == "application/pdf"
    assert body.startswith(b"%PDF")
    assert hashlib.sha256(body).hexdigest() == document["sha256"]
    assert (readonly_archive / "documents" / f"{document['sha256']}.pdf").is_file()


def test_page_rows_link_to_the_pdf_at_their_page(served):
    status, _headers, body = get(served, "/archief/pages", _search="Hingene")
    assert status == 200
    assert b'href="/-/documenten/fiche-top-2011#page=1"' in body


def test_an_unknown_document_is_a_404_in_dutch(served):
    for document_id in ("no-such-document", "..%2F..%2Fetc%2Fpasswd", "doc-conclusies-2013"):
        status, _headers, body = get(served, f"/-/documenten/{document_id}")
        assert status == 404  # the last one is known but not stored
        assert "Geen opgeslagen document" in body.decode()


def test_nothing_can_be_written(served):
    status, _headers, body = get(served, "/archief.json", sql="delete from summits", _shape="array")
    assert status == 400 and b"Statement must be a SELECT" in body
    request = urllib.request.Request(
        served + "archief/summits/-/insert", data=b'{"row": {"id": "x"}}', method="POST"
    )
    with pytest.raises(urllib.error.HTTPError) as answer:
        urllib.request.urlopen(request, timeout=30)
    answer.value.close()
    assert answer.value.code in (403, 404, 405)
    assert len(get_json(served, "/archief/summits.json", _shape="array")) == 7


def test_a_runaway_query_is_stopped(served):
    endless = (
        "with recursive n(i) as (select 1 union all select i + 1 from n) select count(*) from n"
    )
    status, _headers, body = get(served, "/archief.json", sql=endless)
    assert status == 400 and b"took too long" in body
