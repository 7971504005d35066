"""The source check: every record sourced, every address on the host list, no fact dated after the
sources that report it (a communiqué of 2016 cannot report a merger of 2017)."""

import copy

import pytest

from vlnl_desktop.core.locations import records_dir
from vlnl_desktop.core.records import Records, load_records
from vlnl_desktop.core.source_check import (
    allowed_hosts,
    check_sources,
    source_date,
    text_dates,
)

COMMUNIQUE_2016 = (
    "https://www.rijksoverheid.nl/documenten/publicaties/2016/11/07/"
    "communique-vlaams-nederlandse-topontmoeting-in-gent"
)
ANNOUNCEMENT_2023 = "https://www.rijksoverheid.nl/actueel/nieuws/2023/01/25/nederlands-vlaamse-regeringstop-in-den-bosch"


@pytest.fixture(scope="module")
def records():
    return load_records()


@pytest.fixture(scope="module")
def hosts():
    return allowed_hosts(records_dir() / "README.md")


def _event(**fields) -> dict:
    event = {
        "id": "x",
        "title": "x",
        "kind": "akkoord",
        "summary": "",
        "details": [],
        "uncertain": [],
        "sources": [COMMUNIQUE_2016],
        "date": "2016-11-07",
    }
    event.update(fields)
    return event


def _check(hosts, *events) -> list[str]:
    return check_sources(Records(events=list(events)), hosts)


def test_the_bundled_records_pass_the_source_check(records, hosts):
    assert check_sources(records, hosts) == []


def test_the_host_list_is_kept_in_the_readme(hosts):
    assert {"rijksoverheid.nl", "aivoorvlaanderen.be", "fdfa.be"} <= hosts
    assert not any(h.startswith("www.") for h in hosts)


def test_the_records_of_2026_11_fail_it(hosts):
    """The archive as the fact check found it: a 2016 communiqué reporting the 2017-2018 merger,
    and a decision of the 2023 summit sourced to the announcement made a week before it."""
    merger = _event(
        id="fusie-havens-north-sea-port",
        details=[
            "De eigenlijke fusie werd op 8 december 2017 ondertekend.",
            "Sinds 1 januari 2018 treden beide havens samen op als North Sea Port.",
        ],
    )
    estuary = _event(
        id="principeakkoord-estuaire-vaart-2023", date="2023-01-31", sources=[ANNOUNCEMENT_2023]
    )
    problems = _check(hosts, merger, estuary)
    assert len(problems) == 3, problems
    assert sum("fusie-havens" in p for p in problems) == 2
    assert any("2017-12-08" in p and "2016-11-07" in p for p in problems)
    assert any("principeakkoord" in p and "2023-01-25" in p for p in problems)


def test_a_later_source_or_a_doubted_date_clears_it(hosts):
    later = _event(date="2023-01-31", sources=[ANNOUNCEMENT_2023, ANNOUNCEMENT_2023 + "x"])
    assert _check(hosts, later)  # both sources dated 2023-01-25
    later["sources"] = [
        ANNOUNCEMENT_2023,
        "https://nieuws.nl/algemeen/20230131/nederland-en-vlaanderen-gaan-samen-op-handelsmissie/",
    ]
    assert _check(hosts, later) == []
    doubted = _event(
        date="2023-01-31",
        sources=[ANNOUNCEMENT_2023],
        uncertain=[{"text": "only announced", "field": "date", "sources": []}],
    )
    assert _check(hosts, doubted) == []


def test_a_living_page_without_a_date_says_nothing_about_dates(hosts):
    living = _event(
        date="2021",
        sources=[
            "https://aivoorvlaanderen.be/onze-opdracht/excellerend-onderzoek/internationale-"
            "samenwerking/samenwerking-met-nederland"
        ],
    )
    assert _check(hosts, living) == []


def test_unsourced_records_and_unknown_or_malformed_addresses_are_reported(hosts):
    problems = _check(
        hosts,
        _event(id="a", sources=[]),
        _event(id="b", sources=["https://example.org/news"]),
        _event(id="c", sources=["www.rijksoverheid.nl/nieuws"]),
    )
    assert any(p.startswith("event a: no source") for p in problems)
    assert any("event b: example.org is not on the host list" in p for p in problems)
    assert any("event c:" in p and "not a web address" in p for p in problems)


def test_the_sources_of_uncertain_facts_and_offices_are_checked_too(records, hosts):
    person = copy.deepcopy(next(p for p in records.people if p["id"] == "mona-keijzer"))
    person["offices"][0]["sources"] = ["https://unknown.example/keijzer"]
    problems = check_sources(Records(people=[person]), hosts)
    assert problems == ["person mona-keijzer: unknown.example is not on the host list"]


def test_dates_are_read_from_the_text_and_from_addresses():
    assert text_dates("op 8 december 2017 ondertekend, sinds januari 2018 een feit") == [
        "2017-12-08",
        "2018-01",
    ]
    assert text_dates("tegen 2050, in de periode 2020-2040, op 31 februari 2020") == []
    assert source_date(COMMUNIQUE_2016, {}) == "2016-11-07"
    assert source_date("https://nieuws.nl/algemeen/20230131/x/", {}) == "2023-01-31"
    assert source_date("https://www.health-holland.com/news/2018/11/signing", {}) == "2018-11"
    assert source_date("https://example.org/page", {"https://example.org/page": "2019"}) == "2019"
    assert source_date("https://example.org/page", {}) is None
