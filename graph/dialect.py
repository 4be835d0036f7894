"""Where ArcadeDB's Cypher and Neo4j's differ: the one place that knows.

The store speaks one Cypher to both. Three things differ, found by running the store's
statements against the embedded ArcadeDB (``tests/graph/test_dialect.py`` pins each):

- creating a node with its kind label: Neo4j's idiom ``MERGE (n:Entity {id}) ON CREATE SET
  n:Kind`` fails on ArcadeDB (a vertex cannot change type), and ArcadeDB's
  ``MERGE (n:Entity:Kind {id})`` scans every vertex instead of using the ``Entity.id`` index
  (hundreds of nodes a second instead of tens of thousands). So ArcadeDB gets ``CREATE`` of
  the rows the store has just found missing, inside the same transaction;
- the database name: the embedded server keeps the graph in a database of its own, Neo4j uses
  the user's default (or ``NEO4J_DATABASE``);
- read transactions: ArcadeDB runs a write clause sent in a read transaction, Neo4j refuses
  it, so a read-only console cannot rely on the access mode alone.
"""
from __future__ import annotations

from dataclasses import dataclass

from graph.ontology import ENTITY_LABEL, label


@dataclass(frozen=True)
class Dialect:
    """What the store needs to know about the server on the other end of the Bolt connection."""

    name: str
    database: str | None
    enforces_read_mode: bool

    def create_nodes(self, kind: str) -> str:
        """A statement creating the ``$rows`` nodes (each ``{id}``) of one kind that do not exist yet."""
        kind = label(kind)
        if self.name == "arcadedb":
            return f"UNWIND $rows AS r CREATE (n:{ENTITY_LABEL}:{kind} {{id: r.id}})"
        return f"UNWIND $rows AS r MERGE (n:{ENTITY_LABEL} {{id: r.id}}) ON CREATE SET n:{kind}"


def detect(agent: str, database: str | None = None) -> Dialect:
    """The dialect of a server from the agent string it sends when a driver connects.

    ArcadeDB announces itself as ``Neo4j/5.26.0 compatible (ArcadeDB 26.10.2)``; anything
    without ``ArcadeDB`` in it is taken to be Neo4j (5.x, 2025.x, Aura).
    """
    if "arcadedb" in agent.lower():
        return Dialect("arcadedb", database, enforces_read_mode=False)
    return Dialect("neo4j", database, enforces_read_mode=True)
