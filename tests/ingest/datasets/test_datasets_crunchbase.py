"""The Crunchbase 2013 files parsed in place: encoding, mess, joins, placeholders."""
from __future__ import annotations

import pytest

from support.records import entities, links_to
from graph.model import validate_batch
from ingest.datasets import load_dataset
from ingest.datasets.crunchbase import FILES, load_crunchbase


@pytest.mark.parametrize("role", ["companies", "acquisitions", "investments"])
def test_batches_are_valid_and_closed(crunchbase, role):
    b = crunchbase[role]
    validate_batch(b.entities, b.links)
    ids = {e.id for e in b.entities}
    assert all(x.source in ids and x.target in ids and x.doc == b.document.id for x in b.links)


def test_companies(crunchbase):
    b = crunchbase["companies"]
    assert b.report.counts["companies"] == 17727 and not b.report.skipped
    digg = entities(b)["digg"]
    assert digg.properties["crunchbase_permalink"] == "/company/digg"
    assert {"category", "status", "funding_total_usd"} <= set(digg.properties)
    located = {x.source for x in b.links if x.type == "LOCATED_IN"}
    assert len(located) > 17000


def test_mac_roman_and_mojibake_decoded(crunchbase):
    names = {e.name for role in crunchbase for e in crunchbase[role].entities}
    assert {"MiaSolé", "Condé Nast", "agámi Systems", "InsideAxis™"} <= names
    assert not any("Ã¡" in n or "â„¢" in n for n in names)


def test_excel_error_name_is_replaced_and_reported(crunchbase):
    b = crunchbase["companies"]
    assert "#NAME?" not in {e.name for e in b.entities}
    assert any("line 3" in w and "#NAME?" in w for w in b.report.warnings)


def test_acquisitions(crunchbase):
    b = crunchbase["acquisitions"]
    assert b.report.counts["empty rows skipped"] == 1534
    assert b.report.counts["duplicate rows dropped"] == 3
    acquired = [x for x in b.links if x.type == "ACQUIRED"]
    assert 4600 <= len(acquired) <= 4651
    assert sum(1 for x in acquired if x.source == "cisco") == 88
    three_com = next(x for x in acquired if x.target == "3com")
    assert three_com.source == "hewlett-packard" and three_com.date == "2009-11-11"
    assert three_com.properties == {"price": 2700000000, "currency": "USD"}


def test_investor_links_join_rounds(crunchbase):
    b = crunchbase["investments"]
    assert b.report.counts["rounds matched"] > 40000
    digg = {(x.source, x.date): x.properties for x in links_to(b, "digg", "INVESTED_IN")}
    assert digg[("greylock-partners", "2006-12-01")] == {"round": "series-b", "amount": 8500000,
                                                         "currency": "USD", "amount_of": "round"}
    assert b.report.counts["company names matched"] > 11000


def test_placeholder_investors_dropped_and_counted(crunchbase):
    b = crunchbase["investments"]
    assert b.report.counts["placeholder investor rows dropped"] >= 150
    ids = {e.id for e in b.entities}
    assert not {"self-funded", "private-investors", "business-angels"} & ids
    assert not any(e.name.startswith("The Israeli-based startup") for e in b.entities)


def test_investor_spellings_merged(crunchbase):
    e = entities(crunchbase["investments"])
    assert set(e["gemini-israel-ventures"].aliases) >= {"Gemini Israel ventures", "Gemini Israel Ventures"}
    assert e["david-cohen"].kind == "Person" and "david cohen" in e["david-cohen"].aliases
    assert not any(x.id == "h-farm-ventures-2" for x in e.values())
    assert crunchbase["investments"].report.counts["duplicate rows dropped"] == 161


def test_same_things_same_ids_as_yc(crunchbase, yc):
    cb = entities(crunchbase["investments"])
    ycs = entities(yc)
    assert cb["sequoia-capital"].kind == ycs["sequoia-capital"].kind == "Fund"
    assert cb["y-combinator"].kind == ycs["y-combinator"].kind == "Fund"
    places = entities(crunchbase["companies"])
    assert places["san-francisco"].kind == ycs["san-francisco"].kind == "City"
    assert places["hoa-ky"].kind == ycs["hoa-ky"].kind == "Country"


def test_explicit_paths(datasets_dir):
    (only,) = load_crunchbase({"companies": datasets_dir / FILES["companies"]})
    assert only.report.counts["companies"] == 17727


def test_unknown_dataset_and_missing_directory(tmp_path):
    with pytest.raises(ValueError, match="unknown dataset"):
        load_dataset("kaggle", tmp_path)
    with pytest.raises(FileNotFoundError, match=str(tmp_path)):
        load_dataset("crunchbase", tmp_path)


def test_bad_row_named_by_line(datasets_dir, tmp_path):
    src = (datasets_dir / FILES["companies"]).read_bytes().split(b"\r")
    src[4] = b"/company/broken,Broken"
    bad = tmp_path / FILES["companies"]
    bad.write_bytes(b"\r".join(src))
    (batch,) = load_crunchbase({"companies": bad})
    assert batch.report.skipped == [f"{bad}, line 5: 2 fields where the header has 17"]
    assert batch.report.counts["companies"] == 17726
