"""Where ArcadeDB's Cypher and Neo4j's differ: the one place that knows.

The store speaks one Cypher to both. Three things differ, found by running the store's
statements against the embedded ArcadeDB (``tests/graph/test_dialect.py`` pins each):

- creating a node with its kind label: Neo4j's idiom ``MERGE (n:Entity {id}) ON CREATE SET
  n:Kind`` fails on ArcadeDB (a vertex cannot change type), and ArcadeDB's
  ``MERGE (n:Entity:Kind {id})`` scans every vertex instead of using the ``Entity.id`` index
  (hundreds of nodes a second instead of tens of thousands). So ArcadeDB gets ``CREATE`` of
  the rows the store has just found missing, inside the same transaction, with the
  properties in the pattern's map (``SET n += map`` is half as fast there);
- the database name: the embedded server keeps the graph in a database of its own, Neo4j uses
  the user's default (or ``NEO4J_DATABASE``);
- read transactions: ArcadeDB runs a write clause sent in a read transaction, Neo4j refuses
  it, so a read-only console cannot rely on the access mode alone.
"""
from __future__ import annotations

from dataclasses import dataclass

from graph.ontology import DOCUMENT_LABEL, ENTITY_LABEL, MENTIONS, label

#: The properties every entity node has, written inline where ArcadeDB is fastest with them.
NODE_COLUMNS = ("id", "name", "kind", "aliases", "sources", "confidence", "search")


@dataclass(frozen=True)
class Dialect:
    """What the store needs to know about the server on the other end of the Bolt connection."""

    name: str
    database: str | None
    enforces_read_mode: bool

    def create_nodes(self, kind: str) -> str:
        """A statement creating the ``$rows`` nodes of one kind that do not exist yet.

        Each row holds the node's own properties (``NODE_COLUMNS``); the new node is linked
        from the document ``$doc`` by ``MENTIONS``.
        """
        kind = label(kind)
        if self.name == "arcadedb":
            inline = ", ".join(f"{c}: r.{c}" for c in NODE_COLUMNS)
            return (f"MATCH (d:{DOCUMENT_LABEL} {{id: $doc}}) UNWIND $rows AS r "
                    f"CREATE (n:{ENTITY_LABEL}:{kind} {{{inline}}}) CREATE (d)-[:{MENTIONS}]->(n)")
        assign = ", ".join(f"n.{c} = r.{c}" for c in NODE_COLUMNS if c != "id")
        return (f"MATCH (d:{DOCUMENT_LABEL} {{id: $doc}}) UNWIND $rows AS r "
                f"MERGE (n:{ENTITY_LABEL} {{id: r.id}}) ON CREATE SET n:{kind} SET {assign} "
                f"MERGE (d)-[:{MENTIONS}]->(n)")


def detect(agent: str, database: str | None = None) -> Dialect:
    """The dialect of a server from the agent string it sends when a driver connects.

    ArcadeDB announces itself as ``Neo4j/5.26.0 compatible (ArcadeDB 26.10.2)``; anything
    without ``ArcadeDB`` in it is taken to be Neo4j (5.x, 2025.x, Aura).
    """
    if "arcadedb" in agent.lower():
        return Dialect("arcadedb", database, enforces_read_mode=False)
    return Dialect("neo4j", database, enforces_read_mode=True)
