"""Values that parse but mean nothing: impossible dates and NaN or infinite numbers, refused naming the row."""
from __future__ import annotations

import json

import pytest

from ingest.imports import ImportFileError, read_csv_pair, read_json

LINKS = "source,target,type\na,a,LOCATED_IN\n"


def pair(tmp_path, nodes: str):
    n, l = tmp_path / "nodes.csv", tmp_path / "links.csv"
    n.write_text(nodes, encoding="utf-8")
    l.write_text(LINKS, encoding="utf-8")
    return n, l


@pytest.mark.parametrize("value", ["NaN", "Infinity", "-Infinity", "[1, NaN]"])
def test_json_non_finite_property(tmp_path, value):
    path = tmp_path / "g.json"
    path.write_text('{"entities": [{"id": "a", "name": "A", "kind": "City"},\n'
                    '{"id": "b", "name": "B", "kind": "City", "properties": {"score": ' + value + "}}]}")
    with pytest.raises(ImportFileError) as err:
        read_json(path)
    assert f"{path}, line 2" in str(err.value) and "score" in str(err.value) and "finite" in str(err.value)


def test_json_non_finite_link_property_skipped_with_its_row(tmp_path):
    path = tmp_path / "g.json"
    path.write_text(json.dumps({"entities": [{"id": "a", "name": "A", "kind": "City"}],
                                "relations": [{"source": "a", "target": "a", "type": "LOCATED_IN",
                                               "amount": float("inf")}]}, indent=1))
    batch = read_json(path, skip_bad_rows=True)
    assert batch.links == [] and "amount" in batch.skipped[0] and f"{path}, line 10" in batch.skipped[0]


@pytest.mark.parametrize("cell", ["nan", "inf", "-Infinity", "1e999"])
def test_csv_non_finite_number(tmp_path, cell):
    nodes, links = pair(tmp_path, f"id,name,kind,score:float\na,A,City,1.5\nb,B,City,{cell}\n")
    with pytest.raises(ImportFileError, match=f"{nodes}, line 3.*score {cell!r} is not a finite number"):
        read_csv_pair(nodes, links)


@pytest.mark.parametrize("cell", ["2023-02-30", "31/31/2024", "2024-13"])
def test_csv_date_column_with_an_impossible_date(tmp_path, cell):
    nodes, links = pair(tmp_path, f"id,name,kind,founded:date\na,A,City,2023-02-28\nb,B,City,{cell}\n")
    with pytest.raises(ImportFileError, match=f"{nodes}, line 3.*date {cell!r}"):
        read_csv_pair(nodes, links)


def test_csv_date_column_keeps_real_dates(tmp_path):
    batch = read_csv_pair(*pair(tmp_path, "id,name,kind,founded:date\na,A,City,2024-02-29\n"))
    assert batch.entities[0].properties == {"founded": "2024-02-29"}
