"""The bundled records: complete, valid, every link resolving, every fact sourced."""

import shutil

import pytest

from vlnl_desktop.core.errors import RecordError
from vlnl_desktop.core.locations import records_dir
from vlnl_desktop.core.records import load_records, parse_iso_date

PRIMARY = "samenwerking-met-nederland"


@pytest.fixture(scope="module")
def records():
    return load_records()


def test_the_bundled_records_validate(records):
    assert len(records.declarations) == 2
    assert len(records.summits) == 7
    assert {t["id"] for t in records.treaties} >= {
        "scheldeverdragen-2005",
        "verdrag-nieuwe-sluis-terneuzen-2015",
        "cultureel-verdrag-1995",
    }
    assert {i["id"] for i in records.institutions} >= {
        "nederlandse-taalunie",
        "vlaams-nederlandse-scheldecommissie",
    }


def test_every_summit_names_both_minister_presidents(records):
    for summit in records.summits:
        sides = {p["side"] for p in summit["participants"]}
        roles = {p["role"] for p in summit["participants"]}
        assert sides == {"VL", "NL"}, summit["id"]
        assert {
            "minister-president van de Vlaamse Regering",
            "minister-president van Nederland",
        } <= (roles), summit["id"]


def test_the_2020_format_is_uncertain_with_both_sources(records):
    summit = next(s for s in records.summits if s["id"] == "top-2020")
    doubt = next(u for u in summit["uncertain"] if u["field"] == "format")
    assert any("aivoorvlaanderen.be" in u for u in doubt["sources"])
    assert any("rijksoverheid.nl" in u and "virtueel" in u for u in doubt["sources"])


def test_a_person_holds_several_offices_over_time(records):
    keijzer = next(p for p in records.people if p["id"] == "mona-keijzer")
    assert len(keijzer["offices"]) == 2
    roles = {(rec["id"], part["role"]) for _k, rec, part in records.participations()}
    assert ("top-2018", "staatssecretaris van Economische Zaken en Klimaat") in roles
    assert ("top-2025", "minister van Volkshuisvesting en Ruimtelijke Ordening") in roles


@pytest.mark.parametrize(
    ("wrong", "why"),
    [
        ("beide landen", "Vlaanderen is geen land"),
        ("twee landen", "Vlaanderen is geen land"),
        ("high tech gebied", "lopende tekst schrijft 'hightech'"),
        ("high tech spelers", "lopende tekst schrijft 'hightech'"),
        ("zogenaamde", "klinkt minachtend: 'zogeheten'"),
    ],
)
def test_the_language_of_the_records(wrong, why):
    text = "".join(p.read_text(encoding="utf-8") for p in records_dir().rglob("*.toml"))
    assert wrong not in text, why


def test_summits_have_the_dates_and_places_of_the_sources(records):
    got = [(s["date"], s["place"]) for s in records.summits]
    assert got == [
        ("2011-07-04", "Hingene"),
        ("2013-10-08", "Maastricht"),
        ("2016-11-07", "Gent"),
        ("2018-11-05", "Middelburg"),
        ("2020-11-04", "Brasschaat"),
        ("2023-01-31", "'s-Hertogenbosch"),
        ("2025-04-01", "Gent"),
    ]
    assert [s["number"] for s in records.summits] == list(range(1, 8))


def test_declarations_of_intent(records):
    assert [d["date"] for d in records.declarations] == ["2004-04-07", "2008-04-17"]


def test_every_record_has_a_source_and_a_real_date(records):
    for recs in records.by_kind().values():
        for rec in recs:
            assert rec["sources"], rec["id"]
            assert rec.get("date") is None or parse_iso_date(rec["date"]), rec["id"]


def test_the_six_official_pdfs_are_recorded_without_invented_urls(records):
    by_file = {d["file_name"]: d for d in records.documents if d["file_name"]}
    for name in [
        "rapport_denkgroep_toekomstverkenning_2013.pdf",
        "conclusies_vl-nl_topontmoeting_8oktober2013.pdf",
        "vl-nl_samenwerkingsagenda_high_tech_2016.pdf",
        "slotverklaring_vl-nl_topontmoeting_7november2016.pdf",
        "slotverklaring_vl-nl_topontmoeting_5november2018.pdf",
        "slotverklaring_vl-nl_topontmoeting_4november2020.pdf",
    ]:
        assert name in by_file
        assert by_file[name]["url"] is None
        assert PRIMARY in by_file[name]["published_on"]


def test_high_tech_agenda_grows_from_six_to_eight_themes(records):
    agenda = [t["name"] for t in records.themes if "high-tech-agenda" in t["groups"]]
    for name in ["Fotonica", "Flexibele Elektronica", "Waterstoftechnologie"]:
        assert name in agenda
    relations = {
        (s["id"], link["theme"]): link["relation"] for s in records.summits for link in s["themes"]
    }
    assert relations[("top-2016", "fotonica")] == "introduced"
    assert relations[("top-2020", "waterstoftechnologie")] == "introduced"
    assert relations[("top-2020", "artificiele-intelligentie")] == "introduced"


def test_no_personal_contact_data(records):
    text = "".join(p.read_text(encoding="utf-8") for p in records_dir().rglob("*.toml"))
    assert "0472" not in text
    assert "Dewallef" not in text
    assert "@" not in text


def _broken_copy(tmp_path, file_name, old, new):
    target = tmp_path / "records"
    shutil.copytree(records_dir(), target)
    path = target / file_name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return target


@pytest.mark.parametrize(
    ("file_name", "old", "new", "expected"),
    [
        ("summits/2016-gent.toml", 'date = "2016-11-07"', 'date = "2016-02-30"', "not a real"),
        ("summits/2016-gent.toml", 'person = "mark-rutte"', 'person = "nobody"', "not a known"),
        ("summits/2016-gent.toml", "sources = [", "sources_ = [", "missing field 'sources'"),
        ("summits/2016-gent.toml", 'id = "top-2016"', 'id = "top-2011"', "already used"),
        ("summits/2016-gent.toml", '"introduced"', '"invented"', "relation must be"),
        ("summits/2016-gent.toml", "number = 3", 'number = 3\nphone = "0472 72 40 48"', "unknown"),
        ("documents.toml", "https://", "ftp://", "not a web address"),
        ("people.toml", "[[person]]", "[[person", "people.toml"),
        (
            "summits/2018-middelburg.toml",
            'role = "minister van Onderwijs"',
            'role = "minister van Cultuur"',
            "is not an office of theirs",
        ),
        ("people.toml", 'from = "2012"', 'from = "2017-11"', "is not an office of theirs"),
        ("summits/2020-brasschaat.toml", 'field = "format"', 'field = "colour"', "not a field"),
        ("summits/2020-brasschaat.toml", 'field = "format"', 'fields = "format"', "unknown field"),
        ("treaties.toml", 'in_force = "2016-03-01"', 'in_force = "2016-13-01"', "not a real"),
        ("sources.toml", 'date = "2013-10-02"', 'date = "gisteren"', "a real date"),
    ],
)
def test_the_validator_reports_what_is_wrong(tmp_path, file_name, old, new, expected):
    with pytest.raises(RecordError) as info:
        load_records(_broken_copy(tmp_path, file_name, old, new))
    assert any(expected in p for p in info.value.problems), info.value.problems


def test_personal_phone_numbers_are_refused(tmp_path):
    directory = _broken_copy(
        tmp_path, "summits/2016-gent.toml", 'place = "Gent"', 'place = "Gent, bel 0472 72 40 48"'
    )
    with pytest.raises(RecordError, match="contact data"):
        load_records(directory)
