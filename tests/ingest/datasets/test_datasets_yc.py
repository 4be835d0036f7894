"""The YC startups table parsed from ../shared/datasets: counts, a known company, bad rows."""
from __future__ import annotations

import csv

from support.records import entities, links_to
from graph.model import validate_batch
from ingest.datasets import load_dataset
from ingest.datasets.yc import load_yc


def test_every_company_is_a_startup(yc):
    assert yc.report.counts["companies"] == 688 and not yc.report.skipped
    assert sum(1 for e in yc.entities if e.kind == "Startup") == 688
    assert yc.document.id == "yc_startups_2005_2014.csv" and yc.document.kind == "dataset"


def test_batch_is_valid_and_closed(yc):
    validate_batch(yc.entities, yc.links)
    ids = {e.id for e in yc.entities}
    assert all(x.source in ids and x.target in ids for x in yc.links)
    assert all(x.doc == yc.document.id for x in yc.links)


def test_counts_near_the_sources_figures(yc):
    founded = {x.source for x in yc.links if x.type == "FOUNDED"}
    assert 950 <= len(founded) <= 1100  # SOURCES.md: ~1,000 founders
    assert 740 <= yc.report.counts["investors"] <= 790  # ~770 distinct investors


def test_known_company(yc):
    e = entities(yc)
    muse = e["thedailymuse"]
    assert muse.properties["status"] == "operating" and muse.properties["founded_year"] == 2011
    assert muse.properties["rounds_usd"] == [2800000, 2100000, 1200000, 1200000]
    assert muse.properties["yc_batch"] == "Winter 2012"
    founders = {e[x.source].name for x in links_to(yc, "thedailymuse", "FOUNDED")}
    assert founders == {"Alex Cavoulacos", "Kathryn Minshew", "Melissa McCreery"}
    investors = [x.source for x in links_to(yc, "thedailymuse", "INVESTED_IN")]
    assert sorted(investors) == sorted(["y-combinator", "500-startups", "great-oaks-venture-capital",
                                        "thomas-d-lehrman", "adam-quinton"])
    assert e["thomas-d-lehrman"].kind == "Person" and e["500-startups"].kind == "Fund"


def test_great_oaks_twice_in_a_cell_is_one_node_and_one_link(yc):
    nodes = [x for x in yc.entities if "great oaks" in x.name.lower()]
    assert [n.id for n in nodes] == ["great-oaks-venture-capital"]
    assert sum(1 for x in links_to(yc, "thedailymuse", "INVESTED_IN")
               if x.source == "great-oaks-venture-capital") == 1


def test_legal_form_split_by_the_comma_stays_with_its_name(yc):
    e = entities(yc)
    assert "llc" not in e and e["wgi-group"].name == "WGI Group, LLC"


def test_y_combinator_is_the_accelerator_with_the_batch(yc):
    e = entities(yc)
    assert e["y-combinator"].kind == "Fund" and e["y-combinator"].properties["type"] == "accelerator"
    yc_links = [x for x in yc.links if x.source == "y-combinator"]
    assert len(yc_links) == 688
    curebit = next(x for x in yc_links if x.target == "curebit")
    assert curebit.date == "2011" and curebit.properties == {"batch": "Winter 2011"}


def test_amounts_stay_on_the_startup(yc):
    e = entities(yc)
    assert e["goldbely"].properties["raised_usd"] == 3000000
    assert e["curebit"].properties["rounds_usd"] == [1200000]
    assert e["curebit"].properties["rounds_undisclosed"] == 1


def test_headquarters(yc):
    sf = [x.source for x in yc.links if x.type == "LOCATED_IN" and x.target == "san-francisco"]
    assert "curebit" in sf and len(sf) > 200
    assert any(x.source == "mountain-view-ca" and x.target == "hoa-ky" for x in yc.links)
    assert entities(yc)["hoa-ky"].kind == "Country"


def test_bad_rows_are_reported_with_their_line_and_skipped(yc_csv, tmp_path):
    rows = list(csv.reader(yc_csv.open(newline="", encoding="utf-8")))
    rows[5][7] = "soon"          # Y Combinator Year of the company on line 6
    rows[10] = rows[10][:4]      # a truncated row on line 11
    rows[20][0] = ""             # no company name on line 21
    bad = tmp_path / "yc.csv"
    with bad.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(rows)
    (batch,) = load_dataset("yc", bad)
    assert [s.split(": ", 1)[0] for s in batch.report.skipped] == [f"{bad}, line {n}" for n in (6, 11, 21)]
    assert "Y Combinator Year" in batch.report.skipped[0] and "Company" in batch.report.skipped[2]
    assert batch.report.counts["companies"] == 685


def test_not_the_yc_table(tmp_path):
    other = tmp_path / "other.csv"
    other.write_text("a,b,c\n1,2,3\n", encoding="utf-8")
    try:
        load_yc(other)
    except ValueError as exc:
        assert "line 1" in str(exc) and str(other) in str(exc)
    else:
        raise AssertionError("a file with another header was accepted")
