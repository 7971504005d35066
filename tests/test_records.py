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
