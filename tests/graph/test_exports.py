"""Exports: every format writes the projection faithfully, hostile names survive, JSON round-trips."""
from __future__ import annotations

import csv
import json
import re
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest

from graph.export import FORMATS, export
from graph.export.cypher import literal
from ingest.imports import ImportBatch, read_csv_pair, read_json, read_kumu

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "vn_kr_il_ecosystem.json"
GEXF = "{http://gexf.net/1.3}"

HOSTILE = {
    "quotes": "O'Brien \"Quoted\" Ventures",
    "backslash": "Back\\slash\\\\Capital \\' \\n",
    "cypher": "MATCH (n) DETACH DELETE n // RETURN",
    "braces": "Fund }) RETURN 1; ${param} $x {{",
    "emoji": "Rocket 🚀 Labs 👩‍💻",
    "nfd": unicodedata.normalize("NFD", "Trung tâm Đổi mới sáng tạo Đà Nẵng"),
    "xml": "<Ltd> & </Co> ]]>",
}


def projection(batch: ImportBatch) -> nx.MultiDiGraph:
    """Build the projection (CONTEXT.md contract) a store would return for ``batch``."""
    docs = [batch.document, *batch.documents]
    g = nx.MultiDiGraph(documents={d.id: {"title": d.title, "date": d.date, "path": d.path, "kind": d.kind}
                                   for d in docs})
    for e in batch.entities:
        g.add_node(e.id, name=e.name, kind=e.kind, aliases=list(e.aliases), sources=[batch.document.id],
                   confidence=e.confidence, **e.properties)
    for link in batch.links:
        g.add_edge(link.source, link.target, key=f"{link.type}|{link.doc}", type=link.type, status=link.status,
                   date=link.date, doc=link.doc, evidence=link.evidence, confidence=link.confidence,
                   **link.properties)
    return g


@pytest.fixture
def hostile(tmp_path) -> nx.MultiDiGraph:
    entities = [{"id": key, "name": name, "kind": "Fund", "aliases": [name.upper()],
                 "properties": {"note": name, "rounds": 3, "score": 0.5, "active": True}}
                for key, name in HOSTILE.items()]
    entities.append({"id": "hub", "name": "Hub", "kind": "Startup", "properties": {"type": "platform"}})
    relations = [{"source": key, "target": "hub", "type": "INVESTED_IN", "date": "2024-02", "evidence": name,
                  "properties": {"amount": 1200000, "round": name}} for key, name in HOSTILE.items()]
    relations.append({"source": "quotes", "target": "emoji", "type": "COOPERATES_WITH", "status": "planned"})
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps({"documents": [{"id": "d.txt", "title": HOSTILE["quotes"]}],
                                "entities": entities, "relations": relations}, ensure_ascii=False), encoding="utf-8")
    return projection(read_json(path))


def entity_set(batch, props=True):
    return {(e.id, e.name, e.kind, tuple(e.aliases), e.confidence,
             json.dumps(e.properties, sort_keys=True) if props else "") for e in batch.entities}


def link_set(batch, props=True):
    return {(x.source, x.target, x.type, x.doc, x.status, x.date, x.evidence, x.confidence,
             json.dumps(x.properties, sort_keys=True) if props else "") for x in batch.links}


def graph_entities(g):
    return {(n, a["name"], a["kind"], tuple(a["aliases"])) for n, a in g.nodes(data=True)}


def test_formats_listed():
    assert set(FORMATS) == {"json", "graphml", "gexf", "csv", "kumu", "cypher"}
    with pytest.raises(ValueError, match="unknown export format"):
        export(nx.MultiDiGraph(), "pdf", "x.pdf")


def test_example_json_round_trip(tmp_path):
    original = read_json(EXAMPLE)
    g = projection(original)
    [path] = export(g, "json", tmp_path / "out" / "graph.json")
    again = read_json(path)
    assert again.skipped == []
    assert entity_set(again) == entity_set(original)
    assert link_set(again) == link_set(original)
    assert {d.id: d.title for d in again.documents} == {"vn_kr_il_ecosystem.json": "vn_kr_il_ecosystem.json",
                                                        **{d.id: d.title for d in original.documents}}
    assert graph_entities(projection(again)) == graph_entities(g)


def test_hostile_names_survive_json(hostile, tmp_path):
    [path] = export(hostile, "json", tmp_path / "h.json")
    batch = read_json(path)
    names = {e.id: e.name for e in batch.entities}
    for key, name in HOSTILE.items():
        assert names[key] == unicodedata.normalize("NFC", name)
    assert names["nfd"] != HOSTILE["nfd"]  # stored NFC
    assert graph_entities(projection(batch)) == graph_entities(hostile)
    assert len(batch.links) == hostile.number_of_edges()


def test_neo4j_csv_headers_and_round_trip(hostile, tmp_path):
    nodes_path, rels_path, script = export(hostile, "csv", tmp_path / "neo4j")
    assert "--array-delimiter='|'" in script.read_text(encoding="utf-8")  # a name holds ";"
    with nodes_path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["id:ID", ":LABEL", "name", "kind", "aliases:string[]", "sources:string[]",
                       "confidence:double", "active:boolean", "note:string", "rounds:long", "score:double",
                       "type:string"]
    emoji = next(r for r in rows if r[0] == "emoji")
    assert emoji[1] == "Entity|Fund" and emoji[2] == HOSTILE["emoji"]
    assert emoji[4] == f"{HOSTILE['emoji']}|{HOSTILE['emoji'].upper()}"
    with rels_path.open(encoding="utf-8", newline="") as f:
        header = next(csv.reader(f))
    assert header == [":START_ID", ":END_ID", ":TYPE", "status", "date", "doc", "evidence", "confidence:double",
                      "amount:long", "round:string"]
    again = read_csv_pair(nodes_path, rels_path, array_delimiter="|")
    assert again.skipped == []
    assert graph_entities(projection(again)) == graph_entities(hostile)
    rounds = {link.properties["round"] for link in again.links if "round" in link.properties}
    assert rounds == {unicodedata.normalize("NFC", n) for n in HOSTILE.values()}
    assert {link.properties.get("amount") for link in again.links} >= {1200000}
    assert {e.properties.get("active") for e in again.entities} >= {True}


def test_neo4j_csv_default_delimiter_and_command(tmp_path):
    g = projection(read_json(EXAMPLE))
    nodes_path, rels_path, script = export(g, "csv", tmp_path / "neo4j")
    assert "--array-delimiter=';'" in script.read_text(encoding="utf-8")
    with nodes_path.open(encoding="utf-8", newline="") as f:
        hcm = next(r for r in csv.reader(f) if r[0] == "thanh-pho-ho-chi-minh")
    assert hcm[1] == "Entity;City" and "TP.HCM;TP. Hồ Chí Minh" in hcm[4]
    again = read_csv_pair(nodes_path, rels_path)
    assert graph_entities(projection(again)) == graph_entities(g)
    assert len(again.links) == g.number_of_edges()




def test_kumu_round_trip(hostile, tmp_path):
    elements, connections = export(hostile, "kumu", tmp_path / "kumu")
    with elements.open(encoding="utf-8", newline="") as f:
        header = next(csv.reader(f))
    assert header[:4] == ["ID", "Label", "Type", "Description"] and "type (property)" in header
    batch = read_kumu(elements, connections)
    assert batch.skipped == []
    assert graph_entities(projection(batch)) == graph_entities(hostile)
    assert {e.properties.get("type") for e in batch.entities} >= {"platform"}
    assert {(x.source, x.target, x.type, x.date, x.evidence) for x in batch.links} == {
        (u, v, a["type"], a["date"], a["evidence"]) for u, v, a in hostile.edges(data=True)}


def test_graphml_is_readable_by_networkx(hostile, tmp_path):
    [path] = export(hostile, "graphml", tmp_path / "g.graphml")
    g = nx.read_graphml(path, force_multigraph=True)
    assert g.number_of_nodes() == hostile.number_of_nodes()
    assert g.number_of_edges() == hostile.number_of_edges()
    for n, a in hostile.nodes(data=True):
        assert g.nodes[n]["name"] == a["name"]
        assert json.loads(g.nodes[n]["aliases"]) == a["aliases"]
    assert g.nodes["quotes"]["rounds"] == 3 and g.nodes["quotes"]["active"] is True
    edge = g.get_edge_data("braces", "hub")
    assert [e["date"] for e in edge.values()] == ["2024-02"]
    assert json.loads(g.graph["documents"])[0]["id"] == "d.txt"


def _gexf_checks(root: ET.Element) -> None:
    """The structural rules of the GEXF 1.3 schema that this writer could break."""
    assert root.tag == f"{GEXF}gexf" and root.get("version") == "1.3"
    graph = root.find(f"{GEXF}graph")
    assert graph.get("mode") == "dynamic" and graph.get("timeformat") == "date"
    allowed = {"node": {"id", "label"}, "edge": {"id", "type", "label", "source", "target", "weight", "kind",
                                                   "start", "end"}}
    declared = {}
    for attrs in graph.findall(f"{GEXF}attributes"):
        assert set(attrs.attrib) == {"class"}
        declared[attrs.get("class")] = {a.get("id"): a.get("type") for a in attrs}
    ids = set()
    for node in graph.find(f"{GEXF}nodes"):
        assert set(node.attrib) <= allowed["node"]
        assert node.get("label") == " ".join(node.get("label").split())  # xsd:token
        ids.add(node.get("id"))
        for v in node.iter(f"{GEXF}attvalue"):
            assert v.get("for") in declared["node"]
    date = re.compile(r"^\d{4}-\d{2}-\d{2}$")
    for edge in graph.find(f"{GEXF}edges"):
        assert set(edge.attrib) <= allowed["edge"]
        assert edge.get("source") in ids and edge.get("target") in ids
        assert edge.get("type") in ("directed", "undirected", "mutual")
        if edge.get("start"):
            assert date.match(edge.get("start")) and date.match(edge.get("end"))
            assert edge.get("start") <= edge.get("end")
        for v in edge.iter(f"{GEXF}attvalue"):
            assert v.get("for") in declared["edge"]
            assert set(v.attrib) <= {"for", "value", "start", "end"}


def test_gexf_has_kinds_types_and_dynamic_dates(hostile, tmp_path):
    [path] = export(hostile, "gexf", tmp_path / "g.gexf")
    root = ET.parse(path).getroot()
    _gexf_checks(root)
    nodes = {n.get("id"): n for n in root.iter(f"{GEXF}node")}
    assert nodes["emoji"].get("label") == HOSTILE["emoji"]
    assert nodes["xml"].get("label") == HOSTILE["xml"]
    kind = {v.get("for"): v.get("value") for v in nodes["hub"].iter(f"{GEXF}attvalue")}["kind"]
    assert kind == "Startup"
    edges = list(root.iter(f"{GEXF}edge"))
    dated = [e for e in edges if e.get("kind") == "INVESTED_IN"]
    assert {(e.get("start"), e.get("end")) for e in dated} == {("2024-02-01", "2024-02-29")}
    for e in dated:
        timed = [v for v in e.iter(f"{GEXF}attvalue") if v.get("start")]
        assert [(v.get("for"), v.get("value"), v.get("start"), v.get("end")) for v in timed] == [
            ("dated_status", "done", "2024-02-01", "2024-02-29")]
    [coop] = [e for e in edges if e.get("kind") == "COOPERATES_WITH"]
    assert coop.get("type") == "undirected" and coop.get("start") is None


def test_gexf_of_the_example_covers_every_link(tmp_path):
    g = projection(read_json(EXAMPLE))
    [path] = export(g, "gexf", tmp_path / "example.gexf")
    root = ET.parse(path).getroot()
    _gexf_checks(root)
    edges = list(root.iter(f"{GEXF}edge"))
    assert len(edges) == g.number_of_edges()
    assert sum(1 for e in edges if e.get("start")) == sum(1 for *_, a in g.edges(data=True) if a["date"])


_CYPHER_STRING = re.compile(r"'((?:[^'\\]|\\.)*)'")


def _unescape(body: str) -> str:
    return re.sub(r"\\(u[0-9a-fA-F]{4}|.)", lambda m: {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f"}.get(
        m.group(1), chr(int(m.group(1)[1:], 16)) if m.group(1)[0] == "u" and len(m.group(1)) == 5
        else m.group(1)), body)


def test_cypher_script_escapes_literals(hostile, tmp_path):
    [path] = export(hostile, "cypher", tmp_path / "g.cypher")
    script = path.read_text(encoding="utf-8")
    strings = {_unescape(m) for m in _CYPHER_STRING.findall(script)}
    for name in HOSTILE.values():
        assert unicodedata.normalize("NFC", name) in strings
    outside = _CYPHER_STRING.sub("''", script)
    assert "$" not in outside  # no parameters: the script runs as it is
    assert outside.count("{") == outside.count("}") and outside.count("[") == outside.count("]")
    statements = [s for s in outside.split(";") if s.strip()]
    assert all(s.strip().startswith(("//", "CREATE", "UNWIND")) for s in statements)
    assert "MERGE (e:Entity {id: row.id})\nSET e += row, e:Fund" in script
    assert "MERGE (a)-[r:INVESTED_IN {doc: row.doc}]->(b)" in script
    # documents, one per kind (Fund, Startup), MENTIONS, one per link type (COOPERATES_WITH, INVESTED_IN)
    assert script.count("UNWIND") == 6
    assert literal({"net worth": 1, "ok": None, "a`b": [True, 1.5]}) == "{`net worth`: 1, `a``b`: [true, 1.5]}"
    assert literal("a'b\\c\nd\x01") == "'a\\'b\\\\c\\nd\\u0001'"
