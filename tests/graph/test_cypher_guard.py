"""The console's guard: reads pass, every write or admin clause is refused by parsing."""
from __future__ import annotations

import pytest

from graph.cypher_guard import WriteRefused, check_read_only

READS = [
    "MATCH (n:Entity) RETURN n LIMIT 5",
    "match (n) return n // CREATE (x) in a comment",
    "MATCH (n) RETURN 'CREATE (x) DELETE n' AS text",
    "MATCH p = shortestPath((a:Entity {id: $a})-[*..6]-(b:Entity {id: 'b'})) RETURN p, length(p)",
    "MATCH (n) OPTIONAL MATCH (n)-[r]->(m) WITH n, count(r) AS c WHERE c > 1 RETURN n.name, c ORDER BY c DESC",
    "UNWIND [1, 2] AS x RETURN x",
    "MATCH (n:`Entity`) RETURN n.`name`, [a IN n.aliases WHERE a STARTS WITH 'T'] AS t",
    "CALL db.labels()",
    "CALL db.labels() YIELD label RETURN label",
]

WRITES = [
    ("CREATE (n:Entity {id: 'x'})", "CREATE"),
    ("MATCH (n) DETACH DELETE n", "DETACH"),
    ("MATCH (n) DELETE n", "DELETE"),
    ("match (n) set n.name = 'x'", "SET"),
    ("MATCH (n) WITH n MERGE (m:City {id: 'y'}) RETURN m", "MERGE"),
    ("MATCH (n) REMOVE n.name", "REMOVE"),
    ("MATCH (n)\nWITH n\n  SET\n n:City", "SET"),
    ("LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line", "read queries"),
    ("DROP INDEX entity_name", "read queries"),
    ("CREATE INDEX x FOR (n:Entity) ON (n.x)", "CREATE"),
    ("CALL dbms.security.createUser('eve', 'pw', false)", "dbms.security.createUser"),
    ("CALL apoc.periodic.iterate('MATCH (n) RETURN n', 'DELETE n', {})", "apoc.periodic.iterate"),
    ("MATCH (n) RETURN apoc.text.join(n.aliases, ',')", "apoc.text.join"),
    ("MATCH (n) CALL { WITH n DELETE n } RETURN 1", "read queries"),
    ("MATCH (n) FOREACH (x IN [1] | CREATE (m))", "read queries"),
    ("MATCH (n) RETURN n; MATCH (m) DETACH DELETE m", "read queries"),
    ("", "empty"),
    ("MATCH (n) RETURN n" + " " * 6000, "longer than"),
]


@pytest.mark.parametrize("query", READS)
def test_reads_are_accepted(query):
    check_read_only(query)


@pytest.mark.parametrize("query, why", WRITES)
def test_writes_are_refused(query, why):
    with pytest.raises(WriteRefused, match=why):
        check_read_only(query)


def test_console_runs_reads_and_keeps_nothing(store):
    from graph.model import Document, Entity, Link

    store.write_document(Document("d", "d", "d", "x"),
                         [Entity("a", "A", "City"), Entity("b", "B", "Agency")],
                         [Link("b", "a", "LOCATED_IN", "d")])
    result = store.read_query("MATCH (x:Entity)-[l]->(y:Entity) RETURN x, l, y.name AS name")
    assert result.columns == ["x", "l", "name"]
    assert result.rows == [["B", "B -LOCATED_IN-> ?", "A"]]
    assert set(result.graph.nodes) == {"a", "b"} and result.graph.number_of_edges() == 1
    before = store.counts()
    with pytest.raises(WriteRefused):
        store.read_query("MATCH (n) DETACH DELETE n")
    assert store.counts() == before
    limited = store.read_query("UNWIND range(1, 50) AS x RETURN x", limit=10)
    assert len(limited.rows) == 10 and limited.truncated
