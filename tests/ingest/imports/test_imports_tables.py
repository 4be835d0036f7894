"""read_csv_pair and read_kumu: layouts, mappings, and bad rows named by file, line/row and field."""
from __future__ import annotations

import pytest

from ingest.imports import ImportFileError, read_csv_pair, read_import, read_kumu

NODES = "id,name,kind,aliases,founded_year\nbusan,Busan,City,TP. Busan;Thành phố Busan,\nvkbia,VKBIA,organization,,2019\n"
LINKS = "source,target,type,status,date,doc\nvkbia,busan,LOCATED_IN,done,,\nvkbia,busan,met with,Planned,2024-10,a.txt\n"


def pair(tmp_path, nodes=NODES, links=LINKS):
    n, l = tmp_path / "nodes.csv", tmp_path / "links.csv"
    n.write_text(nodes, encoding="utf-8")
    l.write_text(links, encoding="utf-8")
    return n, l


def check(exc, path, line, *words, line_word="line"):
    message = str(exc)
    assert str(path) in message and f"{line_word} {line}" in message, message
    for w in words:
        assert w in message, message
    assert "\n" not in message


def test_csv_pair_loads(tmp_path):
    batch = read_csv_pair(*pair(tmp_path))
    busan, vkbia = batch.entities
    assert busan.aliases == ["Busan", "TP. Busan", "Thành phố Busan"]
    assert vkbia.kind == "Organization" and vkbia.properties == {"founded_year": "2019"}
    located, met = batch.links
    assert located.doc == "nodes.csv"
    assert (met.type, met.status, met.date, met.doc) == ("MET_WITH", "planned", "2024-10", "a.txt")
    assert batch.document.title == "nodes.csv + links.csv"


def test_csv_pair_semicolon_separated_with_bom(tmp_path):
    n, l = pair(tmp_path, "\ufeffid;name;kind\nbusan;Busan;City\n", "source;target;type\nbusan;busan;LOCATED_IN\n")
    batch = read_csv_pair(n, l)
    assert [e.id for e in batch.entities] == ["busan"] and len(batch.links) == 1


def test_csv_pair_mapping(tmp_path):
    n, l = pair(tmp_path, "ID,Label,Category\nbusan,Busan,City\n", "From,To,Relation\nbusan,busan,LOCATED_IN\n")
    batch = read_csv_pair(n, l, mapping={"id": "ID", "name": "Label", "kind": "Category",
                                         "source": "From", "target": "To", "type": "Relation"})
    assert batch.entities[0].name == "Busan" and batch.links[0].type == "LOCATED_IN"


@pytest.mark.parametrize("nodes, line, words", [
    ("id,name,kind\nbusan,Busan,City\nx,X,Company\n", 3, ("unknown kind 'Company'",)),
    ("id,name,kind\nbusan,Busan,City\n,X,City\n", 3, ("missing id",)),
    ("id,name,kind\nbusan,Busan,City\nx,,City\n", 3, ("missing name",)),
    ("id,name,kind,confidence\nbusan,Busan,City,high\n", 2, ("confidence 'high' is not a number",)),
    ("id,name,kind,n:int\nbusan,Busan,City,2.5\n", 2, ("n '2.5' is not a whole number",)),
    ("id,name,kind\nbusan,Busan,City,extra\n", 2, ("4 cells", "3 columns")),
    ("id,name\nbusan,Busan\n", 1, ("missing column 'kind'",)),
    ('id,name,kind\nbusan,"Busan\nCity",City\nx,X,Nation\n', 4, ("unknown kind 'Nation'",)),
])
def test_csv_bad_node_rows(tmp_path, nodes, line, words):
    n, l = pair(tmp_path, nodes, "source,target,type\n")
    with pytest.raises(ImportFileError) as err:
        read_csv_pair(n, l)
    check(err.value, n, line, *words)


@pytest.mark.parametrize("row, words", [
    ("busan,busan,LIKES,,", ("unknown link type 'LIKES'",)),
    ("busan,busan,LOCATED_IN,,22/08/2024", ("date '22/08/2024' is not ISO",)),
    ("busan,busan,LOCATED_IN,soon,", ("status 'soon'",)),
    ("busan,ghost,LOCATED_IN,,", ("target 'ghost' is not an entity of this file",)),
])
def test_csv_bad_link_rows(tmp_path, row, words):
    n, l = pair(tmp_path, "id,name,kind\nbusan,Busan,City\n", f"source,target,type,status,date\n{row}\n")
    with pytest.raises(ImportFileError) as err:
        read_csv_pair(n, l)
    check(err.value, l, 2, *words)
    assert err.value.file == str(l)


def test_csv_non_utf8_and_empty(tmp_path):
    n, l = pair(tmp_path)
    n.write_bytes(b"id,name,kind\n" + "cafe,Café Hà Nội,City\n".encode("cp1258", errors="ignore"))
    with pytest.raises(ImportFileError) as err:
        read_csv_pair(n, l)
    check(err.value, n, 2, "encoding", "not UTF-8")
    n.write_bytes(b"")
    with pytest.raises(ImportFileError, match="empty file"):
        read_csv_pair(n, l)


def test_csv_skip_bad_rows(tmp_path):
    n, l = pair(tmp_path, "id,name,kind\nbusan,Busan,City\nx,X,Company\nhn,Hà Nội,City\n",
                "source,target,type,date\nhn,busan,COOPERATES_WITH,2024\nx,busan,MET_WITH,\nhn,busan,MET_WITH,soon\n")
    batch = read_csv_pair(n, l, skip_bad_rows=True)
    assert [e.id for e in batch.entities] == ["busan", "hn"]
    assert [link.type for link in batch.links] == ["COOPERATES_WITH"]
    assert len(batch.skipped) == 3
    bad_kind, bad_date, bad_end = batch.skipped  # rows first, then link ends, checked once all rows are read
    assert f"{n}, line 3" in bad_kind and "kind" in bad_kind
    assert f"{l}, line 4" in bad_date and "date" in bad_date
    assert f"{l}, line 3" in bad_end and "source 'x'" in bad_end


ELEMENTS = [["Label", "Type", "Description", "Tags"],
            ["Sở KH&CN Hải Phòng", "agency", "Hai Phong DOST", "public|science"],
            ["Chungbuk Technopark", "PARK", None, None],
            ["Techfest Hải Phòng 2023", "Event", None, None]]
CONNECTIONS = [["From", "To", "Connection Type", "Date", "Description"],
               ["Sở KH&CN Hải Phòng", "Chungbuk Technopark", "Signed agreement with", "2023", "MoU"],
               ["Chungbuk Technopark", "Techfest Hải Phòng 2023|so kh&cn hai phong", "participated in", None, None]]


def workbook(tmp_path, elements=ELEMENTS, connections=CONNECTIONS, names=("Elements", "Connections")):
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in zip(names, (elements, connections)):
        ws = book.create_sheet(name)
        for r in rows:
            ws.append(r)
    book.create_sheet("Notes (ignore)").append(["free text"])
    path = tmp_path / "map.xlsx"
    book.save(path)
    return path


def test_kumu_workbook_loads(tmp_path):
    batch = read_kumu(workbook(tmp_path))
    dost, park, fest = batch.entities
    assert (dost.id, dost.kind) == ("so-kh-cn-hai-phong", "Agency")
    assert dost.properties == {"description": "Hai Phong DOST", "tags": ["public", "science"]}
    assert (park.kind, fest.kind) == ("Park", "Event")
    signed, part, bad = batch.links
    assert (signed.type, signed.date, signed.evidence) == ("SIGNED_AGREEMENT_WITH", "2023", "MoU")
    assert (part.source, part.target, part.type) == ("chungbuk-technopark", fest.id, "PARTICIPATED_IN")
    assert bad.target == dost.id  # a To spelled without diacritics still finds the element
    assert batch.document.id == "map.xlsx"


def test_kumu_csv_pair_and_dispatch(tmp_path):
    import csv

    el, co = tmp_path / "elements.csv", tmp_path / "connections.csv"
    for path, rows in ((el, ELEMENTS), (co, CONNECTIONS)):
        with path.open("w", encoding="utf-8", newline="") as f:
            csv.writer(f).writerows(rows)
    batch = read_import([el, co])
    assert len(batch.entities) == 3 and len(batch.links) == 3
    assert read_import([workbook(tmp_path)]).links[0].type == "SIGNED_AGREEMENT_WITH"


def test_kumu_bad_rows_name_sheet_row_and_field(tmp_path):
    elements = ELEMENTS + [["Ghost Capital", "Investor", None, None]]
    path = workbook(tmp_path, elements)
    with pytest.raises(ImportFileError) as err:
        read_kumu(path)
    check(err.value, f"{path}, sheet Elements", 5, "unknown kind 'Investor'", line_word="row")
    connections = CONNECTIONS + [["Nobody", "Chungbuk Technopark", "met with", None, None]]
    path = workbook(tmp_path, ELEMENTS, connections)
    with pytest.raises(ImportFileError) as err:
        read_kumu(path)
    check(err.value, f"{path}, sheet Connections", 4, "source 'nobody' is not an entity", line_word="row")
    connections = CONNECTIONS + [["Chungbuk Technopark", "Chungbuk Technopark", "met with", "mid 2023", None]]
    with pytest.raises(ImportFileError) as err:
        read_kumu(workbook(tmp_path, ELEMENTS, connections))
    check(err.value, "sheet Connections", 4, "date 'mid 2023'", line_word="row")


def test_kumu_missing_sheet_and_not_a_workbook(tmp_path):
    path = workbook(tmp_path, names=("Elements", "Links"))
    with pytest.raises(ImportFileError, match="no sheet named 'Connections'"):
        read_kumu(path)
    path.write_text("not a zip", encoding="utf-8")
    with pytest.raises(ImportFileError, match="not a readable .xlsx"):
        read_kumu(path)


def test_kumu_mapping(tmp_path):
    elements = [["Name", "Category"], ["Busan", "city"]]
    connections = [["From", "To", "Type"], ["Busan", "Busan", "located in"]]
    batch = read_kumu(workbook(tmp_path, elements, connections), mapping={"name": "Name", "kind": "Category"})
    assert batch.entities[0].kind == "City" and batch.links[0].type == "LOCATED_IN"
