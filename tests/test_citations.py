"""Citations: a Dutch APA 7 text, and CSL-JSON, RIS and BibTeX that real parsers read with their
fields (bibtexparser and rispy: the readers Zotero's formats are checked against)."""

from __future__ import annotations

import json
from datetime import date

import bibtexparser
import pytest
import rispy

from vlnl_desktop.core.citations.formats import apa_html, apa_text, bibtex, csl_json, ris
from vlnl_desktop.core.citations.source import CitedSource, cite_source, organisation_of
from vlnl_desktop.core.errors import ArchiveError

TODAY = date(2026, 11, 30)


@pytest.fixture
def slotverklaring(readonly_conn) -> CitedSource:
    return cite_source(readonly_conn, "doc-slotverklaring-2016", TODAY)


def test_the_dutch_apa_reference_of_an_official_document(slotverklaring):
    assert apa_text(slotverklaring) == (
        "Departement Economie, Wetenschap en Innovatie. (2016, 7 november). Slotverklaring van "
        "de Vlaams-Nederlandse topontmoeting van 7 november 2016 [Slotverklaring]. Geraadpleegd "
        "op 30 november 2026, van https://ewi-vlaanderen.be/onze-opdracht/excellerend-onderzoek/"
        "internationale-samenwerking/samenwerking-met-nederland"
    )
    assert "<i>Slotverklaring van de Vlaams-Nederlandse" in apa_html(slotverklaring)


def test_apa_without_author_or_date_puts_the_title_first_and_says_zd():
    src = CitedSource("x", "document", "Mijn aantekeningen", None, None, None, None, "2026-11-30")
    assert apa_text(src) == "Mijn aantekeningen. (z.d.)."


def test_a_highlight_is_cited_as_its_quotation_with_the_page():
    src = CitedSource(
        "highlight:3", "report", "Rapport", "Rijksoverheid", "2018-11-05", None,
        "https://www.rijksoverheid.nl/r", "2026-11-30", page=4, quote="waterstof  als\nsleutel",
    )  # fmt: skip
    quote, reference = apa_text(src).split("\n\n")
    assert quote == "“waterstof als sleutel” (Rijksoverheid, 2018, p. 4)"
    assert reference.startswith("Rijksoverheid. (2018, 5 november). Rapport.")


def test_the_publisher_is_the_organisation_at_the_address():
    assert organisation_of("https://www.rijksoverheid.nl/documenten/x") == "Rijksoverheid"
    assert organisation_of("https://www.fdfa.be/nl/x") == (
        "Departement Kanselarij en Buitenlandse Zaken"
    )
    assert organisation_of("https://example.org/x") is None


def test_csl_json_holds_the_fields(slotverklaring):
    [item] = json.loads(csl_json([slotverklaring]))
    assert item["type"] == "report"
    assert item["title"].startswith("Slotverklaring van de Vlaams-Nederlandse topontmoeting")
    assert item["author"] == [{"literal": "Departement Economie, Wetenschap en Innovatie"}]
    assert item["issued"] == {"date-parts": [[2016, 11, 7]]}
    assert item["accessed"] == {"date-parts": [[2026, 11, 30]]}
    assert item["URL"].startswith("https://ewi-vlaanderen.be/")


def test_ris_parses_with_rispy_and_holds_the_fields(slotverklaring, readonly_conn):
    summit = cite_source(readonly_conn, "top-2016", TODAY)
    entries = rispy.loads(ris([slotverklaring, summit]))
    assert len(entries) == 2
    doc = entries[0]
    assert doc["type_of_reference"] == "RPRT"
    assert doc["title"] == slotverklaring.title
    assert doc["authors"] == ["Departement Economie Wetenschap en Innovatie"]
    assert doc["year"] == "2016" and doc["date"] == "2016/11/07"
    assert doc["urls"] == [slotverklaring.url]
    assert doc["access_date"] == "2026/11/30"
    assert entries[1]["title"] == "Vlaams-Nederlandse topontmoeting 2016 in Gent"


def test_bibtex_parses_with_bibtexparser_and_holds_the_fields(slotverklaring):
    odd = CitedSource(
        "highlight:7", "document", "50% & {meer} #1_x", None, "2020", "voorbeeld.be",
        "https://voorbeeld.be/a%20b#c", "2026-11-30", page=2, quote="een $citaat$",
    )  # fmt: skip
    library = bibtexparser.parse_string(bibtex([slotverklaring, odd]))
    assert not library.failed_blocks
    first, second = library.entries
    assert first.entry_type == "techreport" and first.key == "doc-slotverklaring-2016"
    fields = first.fields_dict
    assert fields["title"].value.strip("{}") == slotverklaring.title
    assert fields["author"].value == "{Departement Economie, Wetenschap en Innovatie}"
    assert fields["year"].value == "2016" and fields["urldate"].value == "2026-11-30"
    assert fields["url"].value == slotverklaring.url
    assert second.key == "highlight-7" and second.fields_dict["pages"].value == "2"
    assert second.fields_dict["title"].value == r"{50\% \& \{meer\} \#1\_x}"


def test_an_unknown_id_is_an_archive_error(readonly_conn):
    for key in ("geen-record", "highlight:999", "highlight:x"):
        with pytest.raises(ArchiveError):
            cite_source(readonly_conn, key, TODAY)
