"""read_json: valid files load; every kind of bad input names the file, line and field."""
from __future__ import annotations

import json
import unicodedata

import pytest

from ingest.imports import ImportFileError, read_json

CITY = {"id": "busan", "name": "Busan", "kind": "City"}
AGENCY = {"id": "so-khcn", "name": "Sở KH&CN TP.HCM", "kind": "Agency"}
LINK = {"source": "so-khcn", "target": "busan", "type": "MET_WITH", "status": "done", "date": "2024-08-21"}


def write(tmp_path, entities, relations, name="graph.json"):
    """One record per line, so record i of entities starts on line i + 3."""
    lines = ['{', '"entities": [']
    lines += [json.dumps(e, ensure_ascii=False) + ("," if i < len(entities) - 1 else "") for i, e in enumerate(entities)]
    lines += ['],', '"relations": [']
    lines += [json.dumps(r, ensure_ascii=False) + ("," if i < len(relations) - 1 else "") for i, r in enumerate(relations)]
    lines += [']', '}']
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def link_line(entities, i=0):
    return len(entities) + 5 + i


def check(exc: ImportFileError, path, line, *words):
    message = str(exc)
    assert str(path) in message
    assert f"line {line}" in message
    for w in words:
        assert w in message, message
    assert "\n" not in message
    assert exc.line == line


def test_valid_file_loads_with_defaults(tmp_path):
    path = write(tmp_path, [CITY, AGENCY], [LINK, {"source": "so-khcn", "target": "busan", "type": "located_in"}])
    batch = read_json(path)
    assert [e.id for e in batch.entities] == ["busan", "so-khcn"]
    assert batch.entities[1].aliases == ["Sở KH&CN TP.HCM"]
    met, located = batch.links
    assert (met.type, met.date, met.doc) == ("MET_WITH", "2024-08-21", "graph.json")
    assert (located.type, located.status) == ("LOCATED_IN", "done")
    assert batch.document.kind == "import" and batch.document.id == "graph.json"
    assert len(batch.document.checksum) == 64
    assert batch.skipped == [] and batch.external == []


def test_extra_keys_are_properties_and_documents_are_declared(tmp_path):
    path = tmp_path / "g.json"
    path.write_text(json.dumps({
        "documents": [{"id": "a.txt", "title": "Tin A", "publisher": "Báo X", "date": "2024-08-22"}, "b.txt"],
        "entities": [{**CITY, "website": "https://busan.go.kr"}, AGENCY],
        "relations": [{**LINK, "doc": "a.txt", "title": "host"}]}), encoding="utf-8")
    batch = read_json(path)
    assert batch.entities[0].properties == {"website": "https://busan.go.kr"}
    assert batch.links[0].properties == {"title": "host"} and batch.links[0].doc == "a.txt"
    a, b = batch.documents
    assert (a.id, a.title, a.date, a.kind) == ("a.txt", "Tin A — Báo X", "2024-08-22", "article")
    assert b.id == "b.txt" and len(b.checksum) == 64


def test_nfd_names_are_stored_nfc(tmp_path):
    nfd = unicodedata.normalize("NFD", "Sở Khoa học và Công nghệ Đà Nẵng")
    path = write(tmp_path, [{"id": "so-dn", "name": nfd, "kind": "Agency", "aliases": [nfd + " "]}], [])
    entity = read_json(path).entities[0]
    assert entity.name == unicodedata.normalize("NFC", nfd)
    assert entity.aliases == [entity.name]


def test_bad_json_names_line_and_column(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{\n "entities": [\n  {"id": "a", "name": "A",}\n ]\n}\n', encoding="utf-8")
    with pytest.raises(ImportFileError) as err:
        read_json(path)
    check(err.value, path, 3, "column", "bad JSON")


def test_empty_file(tmp_path):
    path = tmp_path / "empty.json"
    path.write_bytes(b"")
    with pytest.raises(ImportFileError, match="empty file") as err:
        read_json(path)
    assert str(path) in str(err.value)


def test_non_utf8_file_names_line(tmp_path):
    path = tmp_path / "latin.json"
    path.write_bytes('{\n"entities": [\n{"id": "a", "name": "Caf\u00e9", "kind": "City"}]}'.encode("latin-1"))
    with pytest.raises(ImportFileError) as err:
        read_json(path)
    check(err.value, path, 3, "encoding", "UTF-8")


def test_top_level_must_be_an_object(tmp_path):
    path = tmp_path / "list.json"
    path.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(ImportFileError) as err:
        read_json(path)
    check(err.value, path, 1, "entities")


@pytest.mark.parametrize("bad, words", [
    ({"id": "x", "name": "X", "kind": "Company"}, ("unknown kind", "'Company'", "entity 'x'")),
    ({"name": "X", "kind": "City"}, ("missing id",)),
    ({"id": "x", "kind": "City"}, ("missing name",)),
    ({"id": "x", "name": "X"}, ("missing kind",)),
    ({"id": "x", "name": "X", "kind": ["City"]}, ("kind must be text",)),
    ({"id": 7, "name": "X", "kind": "City"}, ("id must be text",)),
    ({"id": "x", "name": 7, "kind": "City"}, ("name must be text",)),
    ({"id": "x", "name": "X", "kind": "City", "aliases": "X1"}, ("aliases must be a list",)),
    ({"id": "x", "name": "X", "kind": "City", "confidence": "high"}, ("confidence",)),
    ({"id": "x", "name": "X", "kind": "City", "properties": {"geo": {"lat": 1}}}, ("property 'geo'",)),
    ("just a string", ("entity", "must be an object")),
])
def test_bad_entity(tmp_path, bad, words):
    entities = [CITY, bad]
    path = write(tmp_path, entities, [])
    with pytest.raises(ImportFileError) as err:
        read_json(path)
    check(err.value, path, 4, *words)


@pytest.mark.parametrize("change, words", [
    ({"type": "FRIENDS_WITH"}, ("unknown link type", "'FRIENDS_WITH'")),
    ({"type": None}, ("missing type",)),
    ({"date": "21/08/2024"}, ("date '21/08/2024' is not ISO",)),
    ({"date": "2024-02-30"}, ("date '2024-02-30' is not a real date",)),
    ({"date": 2024}, ("date 2024",)),
    ({"status": "maybe"}, ("status 'maybe'",)),
    ({"status": 1}, ("status must be text",)),
    ({"target": "ghost"}, ("target 'ghost' is not an entity of this file",)),
    ({"source": None}, ("missing source",)),
    ({"evidence": ["a"]}, ("evidence must be text",)),
    ({"confidence": 1.5}, ("confidence 1.5",)),
])
def test_bad_link(tmp_path, change, words):
    entities = [CITY, AGENCY]
    path = write(tmp_path, entities, [LINK, {**LINK, **change}])
    with pytest.raises(ImportFileError) as err:
        read_json(path)
    check(err.value, path, link_line(entities, 1), *words)


def test_conflicting_kinds_for_one_id(tmp_path):
    path = write(tmp_path, [CITY, AGENCY, {**CITY, "kind": "Country"}], [])
    with pytest.raises(ImportFileError) as err:
        read_json(path)
    check(err.value, path, 5, "kind Country conflicts", "line 3")


def test_same_id_twice_is_merged(tmp_path):
    path = write(tmp_path, [CITY, {**CITY, "name": "TP. Busan"}], [])
    [busan] = read_json(path).entities
    assert busan.aliases == ["Busan", "TP. Busan"]


def test_allow_external_keeps_links_to_unknown_ids(tmp_path):
    entities = [CITY]
    path = write(tmp_path, entities, [{**LINK, "source": "already-stored"}])
    with pytest.raises(ImportFileError, match="source 'already-stored'"):
        read_json(path)
    batch = read_json(path, allow_external=True)
    assert batch.external == ["already-stored"]
    assert [link.source for link in batch.links] == ["already-stored"]


def test_skip_bad_rows_lists_each_bad_row(tmp_path):
    entities = [CITY, {"id": "x", "name": "X", "kind": "Company"}, AGENCY]
    relations = [LINK, {**LINK, "date": "tomorrow"}, {**LINK, "source": "x"}]
    path = write(tmp_path, entities, relations)
    batch = read_json(path, skip_bad_rows=True)
    assert [e.id for e in batch.entities] == ["busan", "so-khcn"]
    assert len(batch.links) == 1
    assert len(batch.skipped) == 3
    bad_entity, bad_date, bad_end = batch.skipped
    assert "line 4" in bad_entity and "kind" in bad_entity
    assert f"line {link_line(entities, 1)}" in bad_date and "date" in bad_date
    assert f"line {link_line(entities, 2)}" in bad_end and "skipped as bad" in bad_end


def test_mapping_renames_keys(tmp_path):
    path = tmp_path / "theirs.json"
    path.write_text(json.dumps({"nodes": [{"key": "busan", "label": "Busan", "kind": "City"},
                                          {"key": "hcm", "label": "TP.HCM", "kind": "City"}],
                                "edges": [{"from": "busan", "to": "hcm", "type": "COOPERATES_WITH"}]}),
                    encoding="utf-8")
    batch = read_json(path, mapping={"entities": "nodes", "relations": "edges", "id": "key", "name": "label",
                                     "source": "from", "target": "to"})
    assert [e.name for e in batch.entities] == ["Busan", "TP.HCM"]
    assert (batch.links[0].source, batch.links[0].target) == ("busan", "hcm")


def test_prediction_file_of_extract_loads(tmp_path):
    """The extractor's own output format (shared/eval/README.md) is an import file as it is."""
    from ingest.articles.pipeline import extract_paths, to_prediction

    batch = extract_paths(["../shared/corpus/seeds"], progress=False)
    path = tmp_path / "extracted.json"
    path.write_text(json.dumps(to_prediction(batch), ensure_ascii=False), encoding="utf-8")
    imported = read_json(path)
    assert imported.skipped == []
    assert {e.id for e in imported.entities} == {e.id for e in batch.entities}
    assert len(imported.links) == len(batch.links)
    assert {d.id for d in imported.documents} == {a.document.id for a in batch.articles if a.document}
