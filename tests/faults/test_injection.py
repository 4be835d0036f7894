"""Cypher injection through every user-facing string: each is a parameter, never Cypher.

The strings go through the search box, entity look-ups, path endpoints, filters and imports;
the graph must be unchanged after each (and nothing may fail but with the usual refusal).
"""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from app.cli.demo import load_demo
from app.cli.main import cli
from graph.filters import Filters
from graph.names import nfc

ATTACKS = [
    "x' OR 1=1 //",
    "x\"}) MATCH (n) DETACH DELETE n //",
    "'}) WITH 1 AS x MATCH (n) DETACH DELETE n RETURN ('",
    "`) DETACH DELETE n //",
    "$rows} CREATE (:Entity {id: 'pwned'}) //",
    "\\'; CALL dbms.security.createUser('eve', 'pw', false) //",
    "busan\u0000 MATCH (n) DELETE n",
    "MERGE (n:Entity {id:'pwned'})",
]


@pytest.fixture
def demo(store):
    load_demo(store)
    return store


@pytest.mark.parametrize("attack", ATTACKS)
def test_store_reads_take_text_as_data(demo, attack):
    before = demo.counts()
    assert demo.search(attack) == [] or all("pwned" not in r["id"] for r in demo.search(attack))
    assert demo.entity(attack) is None
    assert set(demo.neighbourhood([attack]).nodes) == set()
    assert demo.shortest_path_length(attack, "busan") is None
    assert demo.project(Filters(sources=frozenset({attack}))).number_of_edges() == 0
    assert demo.counts() == before and demo.entity("pwned") is None


@pytest.mark.parametrize("attack", ATTACKS[:4])
def test_cli_endpoints_and_filters_take_text_as_data(demo, attack):
    before = demo.counts()
    runner = CliRunner()
    for args in (["query", "path", attack, "Busan"], ["query", "ego", attack],
                 ["query", "centrality", "--source", attack], ["query", "brief", attack, "--home", "Busan"]):
        result = runner.invoke(cli, args)
        assert result.exit_code in (0, 1), (args, result.output)
        assert "Traceback" not in result.output
    assert demo.counts() == before


def test_imported_names_are_stored_as_text(demo, tmp_path):
    path = tmp_path / "attack.json"
    path.write_text(json.dumps({"entities": [{"id": f"a{i}", "name": a, "kind": "Organization"}
                                             for i, a in enumerate(ATTACKS)],
                                "relations": [{"source": "a0", "target": "busan", "type": "MET_WITH",
                                               "evidence": ATTACKS[1]}]}), encoding="utf-8")
    before = demo.counts()
    assert CliRunner().invoke(cli, ["import", str(path)]).exit_code == 0
    after = demo.counts()
    assert after["entities"] == before["entities"] + len(ATTACKS) and demo.entity("pwned") is None
    assert [demo.entity(f"a{i}")["name"] for i in range(len(ATTACKS))] == [nfc(a) for a in ATTACKS]
