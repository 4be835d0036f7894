"""The differences ``graph.dialect`` keeps, each pinned against the real embedded ArcadeDB.

If a new ArcadeDB release closes one of these gaps, its test fails here and the dialect can
shrink.
"""
from __future__ import annotations

import pytest
from neo4j.exceptions import Neo4jError

from graph.dialect import NODE_COLUMNS, detect
from graph.ontology import KINDS


def test_detect_from_agent_string():
    assert detect("Neo4j/5.26.0 compatible (ArcadeDB 26.10.2)").name == "arcadedb"
    assert detect("Neo4j/5.26.0").name == "neo4j"
    assert detect("Neo4j/2025.10.1", "mydb").database == "mydb"
    assert detect("Neo4j/5.26.0").enforces_read_mode is True


def test_embedded_store_is_detected_as_arcadedb(store):
    assert store.dialect.name == "arcadedb" and store.dialect.database == "ecograph"


def test_create_nodes_only_takes_kinds_of_the_ontology():
    d = detect("Neo4j/5.26.0")
    with pytest.raises(ValueError, match="unknown kind"):
        d.create_nodes("City) DETACH DELETE (n")
    assert all(f":{k}" in d.create_nodes(k) for k in KINDS)


def _run(store, query, **params):
    return store.driver.execute_query(query, params, database_=store.dialect.database)


def test_neo4j_label_idiom_fails_on_arcadedb(store):
    neo4j = detect("Neo4j/5.26.0", store.dialect.database)
    _run(store, "CREATE (:Document {id: 'd'})")
    rows = [{c: "x" if c == "id" else None for c in NODE_COLUMNS}]
    with pytest.raises(Neo4jError):
        _run(store, neo4j.create_nodes("City"), doc="d", rows=rows)
    _run(store, store.dialect.create_nodes("City"), doc="d", rows=rows)
    labels = _run(store, "MATCH (n:Entity {id: 'x'}) RETURN labels(n) AS l").records[0]["l"]
    assert sorted(labels) == ["City", "Entity"]


def _plan(store, query: str) -> str:
    summary = _run(store, "EXPLAIN " + query, id="x").summary
    return str(summary.plan["args"]["string-representation"])


def test_arcadedb_match_with_two_labels_does_not_use_the_index(store):
    assert "NodeIndexSeek" in _plan(store, "MATCH (n:Entity {id: $id}) RETURN n")
    assert "NodeIndexSeek" not in _plan(store, "MATCH (n:Entity:City {id: $id}) RETURN n")


def test_arcadedb_runs_writes_in_read_transactions(store):
    assert store.dialect.enforces_read_mode is False
    with store.driver.session(database=store.dialect.database) as s:
        s.execute_read(lambda tx: tx.run("CREATE (n:Entity:City {id: 'written'})").consume())
    assert _run(store, "MATCH (n:Entity {id: 'written'}) RETURN count(n) AS c").records[0]["c"] == 1
