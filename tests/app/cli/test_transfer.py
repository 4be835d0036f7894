"""``ecograph import``, ``export``, ``demo`` and ``query`` against the real store."""
from __future__ import annotations

import json

import networkx as nx
import pytest
from click.testing import CliRunner

from app.cli.demo import load_demo
from app.cli.main import cli


def run(*args: str):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def demo(store):
    load_demo(store)
    return store


def _comparable(g):
    nodes = {n: {k: v for k, v in a.items() if k != "sources"} for n, a in g.nodes(data=True)}
    edges = sorted((u, v, a["type"], a["doc"], json.dumps({k: x for k, x in a.items() if k != "via"},
                                                           sort_keys=True, default=str))
                   for u, v, a in g.edges(data=True))
    return nodes, edges


def test_demo_is_idempotent(store):
    assert "demo graph:" in run("demo").output
    counts = store.counts()
    assert counts["by_kind"]["Startup"] >= 688 and counts["by_type"]["MET_WITH"] > 0
    again = run("demo")
    assert "unchanged" in again.output and store.counts() == counts


def test_json_export_then_import_into_an_empty_graph_is_the_same_graph(demo, tmp_path):
    before = _comparable(demo.project())
    out = tmp_path / "graph.json"
    assert run("export", "--format", "json", out).exit_code == 0
    demo.clear()
    result = run("import", out)
    assert result.exit_code == 0, result.output
    assert _comparable(demo.project()) == before


@pytest.mark.parametrize("fmt, files", [("graphml", ["g.graphml"]), ("gexf", ["g.gexf"]),
                                        ("cypher", ["g.cypher"]), ("csv", ["nodes.csv", "relationships.csv"]),
                                        ("kumu", ["elements.csv", "connections.csv"])])
def test_every_export_format_writes_its_files(demo, tmp_path, fmt, files):
    out = tmp_path / ("g." + fmt if len(files) == 1 else fmt)
    result = run("export", "--format", fmt, out, "--type", "MET_WITH", "--type", "SIGNED_AGREEMENT_WITH")
    assert result.exit_code == 0, result.output
    for f in files:
        path = out if len(files) == 1 else out / f
        assert path.is_file() and path.stat().st_size > 0


def test_bad_import_is_refused_whole(demo, tmp_path):
    before = demo.counts()
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"entities": [{"id": "x", "name": "X", "kind": "City"}],
                               "relations": [{"source": "x", "target": "nowhere", "type": "VISITED"}]}))
    result = run("import", bad)
    assert result.exit_code == 1 and "bad.json" in result.output and "nowhere" in result.output
    empty = tmp_path / "empty.json"
    empty.write_bytes(b"")
    assert run("import", empty).exit_code == 1
    assert demo.counts() == before


def test_vietnam_korea_brokers_in_one_command(demo):
    result = run("query", "brokers", "--between", "Việt Nam", "Hàn Quốc", "--format", "json")
    assert result.exit_code == 0, result.output
    ids = {row["id"] for row in json.loads(result.stdout)}
    assert {"busan", "cong-vien-cong-nghe-chungbuk"} & ids


def test_cypher_shortest_path_has_the_projection_length(demo):
    g = demo.project()
    for a, b in [("busan", "thanh-pho-ho-chi-minh"), ("le-thanh-minh", "chungbuk"),
                 ("y-combinator", "san-francisco")]:
        expected = nx.shortest_path_length(g.to_undirected(as_view=True), a, b)  # every link, places too
        assert demo.shortest_path_length(a, b) == expected, (a, b)
