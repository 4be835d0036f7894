"""The graph store: every Cypher statement of the project, over Bolt with the official driver.

One implementation serves the user's Neo4j and the embedded ArcadeDB alike; what differs
between the two is asked of ``graph.dialect``. Statements are parameterised; the only text
spliced into them is a label or relationship type that ``graph.ontology`` has checked.

Provenance is the unit of writing: one document (an article, a dataset file, an import) is
one transaction, so a failure or a killed process leaves the graph as it was before that
document. Every link carries the document it states (its ``source``, the ontology's name)
and the document that brought it into the graph (``via``): the same for an article, but an
import file of curated facts cites the articles it summarises. A ``Document`` node
``MENTIONS`` each entity read from it. ``via`` is how a changed document's old contribution
is found and replaced without touching what other documents said.
"""
from __future__ import annotations

import sys
import time
from collections import Counter, defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator

import networkx as nx
from neo4j import Driver, ManagedTransaction
from neo4j.exceptions import Neo4jError, ServiceUnavailable, SessionExpired
from neo4j.graph import Node, Path, Relationship

from graph.cypher_guard import check_read_only
from graph.dialect import Dialect
from graph.filters import Filters
from graph.model import Document, Entity, Link, RecordError
from graph.names import keys, search_key
from graph.ontology import DOCUMENT_LABEL, ENTITY_LABEL, LINK_TYPES, MENTIONS, SYMMETRIC_TYPES, label, rel_type

CHUNK = 5000

SCHEMA = (
    f"CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:{ENTITY_LABEL}) REQUIRE n.id IS UNIQUE",
    f"CREATE CONSTRAINT document_id IF NOT EXISTS FOR (d:{DOCUMENT_LABEL}) REQUIRE d.id IS UNIQUE",
    f"CREATE INDEX entity_name IF NOT EXISTS FOR (n:{ENTITY_LABEL}) ON (n.name)",
)

_DOC_CHECKSUM = f"MATCH (d:{DOCUMENT_LABEL} {{id: $id}}) RETURN d.checksum AS checksum"
_DOC_MENTIONED = f"MATCH (d:{DOCUMENT_LABEL} {{id: $id}})-[:{MENTIONS}]->(n:{ENTITY_LABEL}) RETURN n.id AS id"
_DOC_DROP_LINKS = (f"MATCH (d:{DOCUMENT_LABEL} {{id: $id}})-[:{MENTIONS}]->(:{ENTITY_LABEL})-[l]-(:{ENTITY_LABEL}) "
                   "WHERE l.via = $id WITH DISTINCT l DELETE l RETURN count(*) AS removed")
_DOC_DROP_MENTIONS = (f"MATCH (d:{DOCUMENT_LABEL} {{id: $id}})-[m:{MENTIONS}]->(n:{ENTITY_LABEL}) "
                      "SET n.sources = [s IN n.sources WHERE s <> $id] DELETE m")
_DROP_ORPHANS = (f"UNWIND $ids AS id MATCH (n:{ENTITY_LABEL} {{id: id}}) "
                 "WHERE size(coalesce(n.sources, [])) = 0 DETACH DELETE n")
_DOC_UPSERT = f"MERGE (d:{DOCUMENT_LABEL} {{id: $id}}) SET d += $props"
_DOC_CITED = (f"UNWIND $rows AS r MERGE (d:{DOCUMENT_LABEL} {{id: r.id}}) "
              "ON CREATE SET d += r.props, d.cited = true")
_DOC_DELETE = f"MATCH (d:{DOCUMENT_LABEL} {{id: $id}}) DETACH DELETE d"
_EXISTING = (f"UNWIND $ids AS id MATCH (n:{ENTITY_LABEL} {{id: id}}) "
             "RETURN n.id AS id, n.kind AS kind, n.name AS name, n.aliases AS aliases, "
             "n.sources AS sources, n.confidence AS confidence")
_NODE_MERGE = (f"MATCH (d:{DOCUMENT_LABEL} {{id: $doc}}) UNWIND $rows AS r MATCH (n:{ENTITY_LABEL} {{id: r.id}}) "
               "SET n.aliases = r.aliases, n.sources = r.sources, n.confidence = r.confidence, "
               f"n.search = r.search CREATE (d)-[:{MENTIONS}]->(n)")
_NODE_PROPS = f"UNWIND $rows AS r MATCH (n:{ENTITY_LABEL} {{id: r.id}}) SET n += r.props"
_NODES = f"MATCH (n:{ENTITY_LABEL}) RETURN properties(n) AS p"
_LINKS = (f"MATCH (a:{ENTITY_LABEL})-[l]->(b:{ENTITY_LABEL}) "
          "RETURN a.id AS s, b.id AS t, type(l) AS type, properties(l) AS p")
_KNOWN = f"MATCH (n:{ENTITY_LABEL}) RETURN n.id AS id, n.name AS name, n.kind AS kind, n.aliases AS aliases"
_DOCUMENTS = f"MATCH (d:{DOCUMENT_LABEL}) RETURN properties(d) AS p ORDER BY d.id"
_SEARCH = (f"MATCH (n:{ENTITY_LABEL}) WHERE n.search CONTAINS $q "
           "RETURN n.id AS id, n.name AS name, n.kind AS kind, n.aliases AS aliases LIMIT $limit")
_AROUND = (f"UNWIND $ids AS id MATCH (a:{ENTITY_LABEL} {{id: id}})-[l]-(b:{ENTITY_LABEL}) "
           "RETURN startNode(l).id AS s, endNode(l).id AS t, type(l) AS type, properties(l) AS p, "
           "properties(b) AS other")
_NODES_BY_ID = f"UNWIND $ids AS id MATCH (n:{ENTITY_LABEL} {{id: id}}) RETURN properties(n) AS p"
_BY_ELEMENT_ID = (f"MATCH (n:{ENTITY_LABEL}) WHERE elementId(n) IN $ids "
                  "RETURN elementId(n) AS eid, properties(n) AS p")
_COUNT_KINDS = f"MATCH (n:{ENTITY_LABEL}) RETURN n.kind AS kind, count(*) AS n"
_COUNT_TYPES = f"MATCH (:{ENTITY_LABEL})-[l]->(:{ENTITY_LABEL}) RETURN type(l) AS type, count(*) AS n"
_COUNT_DOCS = f"MATCH (d:{DOCUMENT_LABEL}) RETURN count(d) AS n"
_VERSION = (f"MATCH (d:{DOCUMENT_LABEL}) RETURN count(d) AS n, sum(coalesce(d.written, 0)) AS total, "
            "max(d.written) AS last")
_CLEAR = "MATCH (n) DETACH DELETE n"

#: Node properties the store owns; an entity's own properties may not use these names.
NODE_KEYS = frozenset({"id", "name", "kind", "aliases", "sources", "confidence", "search"})
#: Link properties the store owns.
LINK_KEYS = frozenset({"source", "via", "status", "date", "evidence", "confidence"})


class StoreUnavailable(RuntimeError):
    """No database answered; the message names the address tried and how to fix it."""


@dataclass
class WriteSummary:
    """What writing one document did."""

    document: str
    status: str  # "new", "replaced" or "unchanged"
    entities_new: int = 0
    entities_merged: int = 0
    links: Counter = field(default_factory=Counter)
    links_removed: int = 0
    kind_conflicts: list[str] = field(default_factory=list)


def _search_field(aliases: Iterable[str]) -> str:
    forms = list(dict.fromkeys(f for a in aliases for f in keys(a)))
    return "|" + "|".join(forms) + "|"


def _link_merge(type_: str) -> str:
    """The statement merging ``$rows`` links of one type on (source, type, target, document)."""
    return (f"UNWIND $rows AS r MATCH (a:{ENTITY_LABEL} {{id: r.s}}) MATCH (b:{ENTITY_LABEL} {{id: r.t}}) "
            f"MERGE (a)-[l:{rel_type(type_)} {{source: r.doc, via: r.via}}]->(b) SET l += r.props")


def _chunks(rows: list, size: int = CHUNK) -> Iterator[list]:
    for i in range(0, len(rows), size):
        yield rows[i:i + size]


def _normalised(link: Link) -> Link:
    """A symmetric link with its ends in id order, so that A-B and B-A are one link."""
    if link.type in SYMMETRIC_TYPES and link.target < link.source:
        link = Link(link.target, link.source, link.type, link.doc, link.status, link.date,
                    link.evidence, link.confidence, link.properties)
    return link


def _merge_repeats(links: list[Link]) -> list[Link]:
    """One link per (source, type, target, document), as the store keys them.

    A document may state the same link several times with different dates (two funding
    rounds, two meetings): the earliest date stands, and ``dates`` and ``occurrences`` keep
    the rest, so that repeated ties can weigh more than single ones.
    """
    groups: dict[tuple, list[Link]] = {}
    for lk in map(_normalised, links):
        groups.setdefault((lk.source, lk.type, lk.target, lk.doc), []).append(lk)
    out = []
    for group in groups.values():
        if len(group) == 1:
            out.append(group[0])
            continue
        dates = sorted({lk.date for lk in group if lk.date})
        first = min(group, key=lambda lk: (lk.date is None, lk.date or ""))
        out.append(Link(first.source, first.target, first.type, first.doc, first.status, first.date,
                        first.evidence, max(lk.confidence for lk in group),
                        {**first.properties, "occurrences": len(group), "dates": dates}))
    return out


def _link_props(link: Link) -> dict[str, Any]:
    clash = LINK_KEYS & set(link.properties)
    if clash:
        raise RecordError(f"link {link.source!r} -{link.type}-> {link.target!r}: property "
                          f"{sorted(clash)[0]!r} is reserved")
    props = {**link.properties, "status": link.status, "date": link.date,
             "evidence": link.evidence, "confidence": link.confidence}
    return {k: v for k, v in props.items() if v is not None}


def _pooled(pool: dict[str, str], value: Any) -> Any:
    """The one copy of a string ``value`` kept in ``pool`` (and of each string in a list).

    Every record arrives with new string objects for the same ids, types, statuses, dates
    and document ids; a projection that keeps one object per distinct string is a good part
    smaller, and so is what its replacement leaves behind in the heap. Property names are
    interned instead, so that they are the very objects of the names written in this module.
    """
    if isinstance(value, str):
        return pool.setdefault(value, value)
    if isinstance(value, list):
        return [_pooled(pool, x) for x in value]
    return value


def _edge_attrs(type_: str, props: dict[str, Any], pool: dict[str, str]) -> dict[str, Any]:
    """A stored link's properties as projection attributes (``source`` becomes ``doc``)."""
    attrs = {sys.intern(k): _pooled(pool, v) for k, v in props.items() if k not in ("source", "via")}
    attrs.update(type=_pooled(pool, type_), doc=_pooled(pool, props.get("source")),
                 status=_pooled(pool, props.get("status", "done")), date=_pooled(pool, props.get("date")),
                 evidence=_pooled(pool, props.get("evidence")), confidence=props.get("confidence", 1.0))
    return attrs


def _edge_key(type_: str, props: dict[str, Any]) -> str:
    """``TYPE|document``, and ``|via`` when the link came in through another document."""
    key_ = f"{type_}|{props.get('source')}"
    return key_ if props.get("via") in (None, props.get("source")) else f"{key_}|{props['via']}"


def _node_attrs(props: dict[str, Any], pool: dict[str, str]) -> dict[str, Any]:
    return {sys.intern(k): _pooled(pool, v) for k, v in props.items() if k not in ("id", "search")}


def _project(tx: ManagedTransaction, filters: Filters, documents: dict[str, dict]) -> nx.MultiDiGraph:
    """Build the projection as the records stream in, in one read transaction.

    Streaming keeps only a fetch's worth of records alive beside the graph, instead of every
    record of the graph twice over (the driver's and ours) until the graph is built: a lower
    peak, and fewer holes left among the graph's objects once the records are gone, which is
    what the app's memory comes back to after it swaps in a new projection.
    """
    pool: dict[str, str] = {}
    g = nx.MultiDiGraph()
    g.graph["documents"] = documents
    g.add_nodes_from((_pooled(pool, r["p"]["id"]), attrs) for r in tx.run(_NODES)
                     if filters.keeps_node(attrs := _node_attrs(r["p"], pool)))
    g.add_edges_from((_pooled(pool, r["s"]), _pooled(pool, r["t"]),
                      _pooled(pool, _edge_key(r["type"], r["p"])), attrs)
                     for r in tx.run(_LINKS) if r["s"] in g and r["t"] in g
                     and filters.keeps_link(attrs := _edge_attrs(r["type"], r["p"], pool)))
    return g


@dataclass
class ReadResult:
    """A console query's answer: a table, and the entities and links it returned as a graph."""

    columns: list[str]
    rows: list[list[Any]]
    graph: nx.MultiDiGraph
    truncated: bool = False


@dataclass
class _Collector:
    """Turns returned values into table text and gathers the entities and links among them.

    A relationship may arrive with bare end nodes (ArcadeDB sends only their ids when the
    query did not return them), so its ends are remembered by element id and fetched after.
    """

    graph: nx.MultiDiGraph = field(default_factory=nx.MultiDiGraph)
    names: dict[str, str] = field(default_factory=dict)
    links: list[Relationship] = field(default_factory=list)
    pool: dict[str, str] = field(default_factory=dict)

    def node(self, n: Node) -> str:
        props = dict(n)
        if "id" in props and ENTITY_LABEL in n.labels:
            self.graph.add_node(props["id"], **_node_attrs(props, self.pool))
            self.names[n.element_id] = props["id"]
        return props.get("name") or props.get("id") or n.element_id

    def value(self, v: Any) -> Any:
        if isinstance(v, Node):
            return self.node(v)
        if isinstance(v, Relationship):
            self.links.append(v)
            ends = [self.node(n) if dict(n) else "?" for n in (v.start_node, v.end_node)]
            return f"{ends[0]} -{v.type}-> {ends[1]}"
        if isinstance(v, Path):
            for r in v.relationships:
                self.links.append(r)
            return " / ".join(str(self.node(n)) for n in v.nodes)
        if isinstance(v, list):
            return [self.value(x) for x in v]
        if isinstance(v, dict):
            return {k: self.value(x) for k, x in v.items()}
        return v

    def missing_ends(self) -> list[str]:
        return sorted({n.element_id for r in self.links for n in (r.start_node, r.end_node)
                       if n is not None and n.element_id not in self.names})

    def add_links(self) -> None:
        for r in self.links:
            s, t = (self.names.get(n.element_id) for n in (r.start_node, r.end_node))
            if s is not None and t is not None:
                props = dict(r)
                self.graph.add_edge(s, t, key=_edge_key(r.type, props), **_edge_attrs(r.type, props, self.pool))


@dataclass
class Store:
    """A connection to one graph database (a user's Neo4j or the embedded ArcadeDB)."""

    driver: Driver
    dialect: Dialect
    address: str
    backend: str

    def close(self) -> None:
        self.driver.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _connected(self) -> Iterator[None]:
        """Turn a lost connection into ``StoreUnavailable``: what was committed stays, the rest was not written."""
        try:
            yield
        except (ServiceUnavailable, SessionExpired, ConnectionError) as exc:
            reason = str(exc).split("\n")[0][:160]
            raise StoreUnavailable(f"lost the connection to the graph database at {self.address} ({reason}). "
                                   "Documents already written are kept and the one in progress was not "
                                   "written: run the command again once the database is back "
                                   "(`ecograph db status`).") from None

    def _read(self, query: str, **params: Any) -> list[dict[str, Any]]:
        with self._connected():
            records, _, keys = self.driver.execute_query(query, params, database_=self.dialect.database,
                                                         routing_="r")
        return [dict(zip(keys, r.values())) for r in records]  # Record.data() would take twice as long

    def setup_schema(self) -> None:
        """Create the uniqueness constraints and the name index; safe to run every time."""
        with self._connected():
            for statement in SCHEMA:
                self.driver.execute_query(statement, database_=self.dialect.database)

    # ---- writing ---------------------------------------------------------------------------

    def write_document(self, doc: Document, entities: list[Entity], links: list[Link],
                       force: bool = False, cited: Iterable[Document] = ()) -> WriteSummary:
        """Write what was read from one document, in one transaction.

        An unchanged document (same checksum) is left as it is unless ``force``; a changed one
        first loses everything it contributed before. Link ends must be entities of this
        batch or already in the graph; otherwise ``RecordError`` names the link and nothing
        is written. ``cited`` are the documents the links say they come from, when that is
        not ``doc`` itself; they are recorded (title, date, path) unless already known.
        """
        with self._connected(), self.driver.session(database=self.dialect.database) as session:
            try:
                return session.execute_write(self._write, doc, entities, links, force, list(cited))
            except Neo4jError as exc:
                raise StoreUnavailable(
                    f"the database at {self.address} could not write {doc.id} ({exc.message or exc.code}); "
                    f"nothing of {doc.id} was written and the rest of the graph is as it was. Check that "
                    "the database's disk has free space and is writable (`ecograph db status` shows where "
                    "the embedded database keeps its data and log), then run the command again.") from None

    def _write(self, tx: ManagedTransaction, doc: Document, entities: list[Entity], links: list[Link],
               force: bool, cited: list[Document]) -> WriteSummary:
        row = tx.run(_DOC_CHECKSUM, id=doc.id).single()
        if row is not None and row["checksum"] == doc.checksum and not force:
            return WriteSummary(doc.id, "unchanged")
        known = row is not None and row["checksum"] is not None
        summary = WriteSummary(doc.id, "replaced" if known else "new")
        by_id = {e.id: e for e in entities}
        if known:
            keep = set(by_id) | {end for lk in links for end in (lk.source, lk.target)}
            summary.links_removed = self._drop_contribution(tx, doc.id, keep)
        tx.run(_DOC_UPSERT, id=doc.id, props={k: v for k, v in {
            "title": doc.title, "path": doc.path, "checksum": doc.checksum, "date": doc.date,
            "kind": doc.kind, "url": doc.url, "publisher": doc.publisher,
            "ingested": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "written": time.time(), "cited": False,
        }.items() if v is not None}).consume()
        if cited:
            tx.run(_DOC_CITED, rows=[{"id": c.id, "props": {k: v for k, v in {
                "title": c.title, "path": c.path, "date": c.date, "kind": c.kind, "url": c.url,
                "publisher": c.publisher}.items() if v}}
                for c in cited if c.id != doc.id]).consume()
        links = _merge_repeats(links)
        ends = {end for lk in links for end in (lk.source, lk.target)}
        existing = {r["id"]: r for ids in _chunks(sorted(set(by_id) | ends))
                    for r in tx.run(_EXISTING, ids=ids).data()}
        unknown = sorted(ends - set(by_id) - set(existing))
        if unknown:
            first = next(lk for lk in links if lk.source in unknown or lk.target in unknown)
            raise RecordError(f"{doc.id}: link {first.source!r} -{first.type}-> {first.target!r} "
                              f"refers to an entity that is neither in the file nor in the graph "
                              f"({len(unknown)} unknown id(s): {', '.join(unknown[:5])})")
        self._write_entities(tx, doc.id, list(by_id.values()), existing, summary)
        # entities only referred to by a link still count as read from the document
        extra = [existing[i] for i in sorted(ends - set(by_id))]
        self._merge_nodes(tx, doc.id, [{**old, "sources": sorted(set(old["sources"] or []) | {doc.id}),
                                        "search": _search_field(old["aliases"] or [old["name"]])}
                                       for old in extra])
        by_type: dict[str, list[dict]] = defaultdict(list)
        for lk in links:
            by_type[lk.type].append({"s": lk.source, "t": lk.target, "doc": lk.doc, "via": doc.id,
                                     "props": _link_props(lk)})
        for type_, rows in by_type.items():
            for chunk in _chunks(rows):
                tx.run(_link_merge(type_), rows=chunk).consume()
            summary.links[type_] += len(rows)
        return summary

    def _write_entities(self, tx: ManagedTransaction, doc_id: str, entities: list[Entity],
                        existing: dict[str, dict], summary: WriteSummary) -> None:
        new: dict[str, list[dict]] = defaultdict(list)
        merged, props = [], []
        for e in entities:
            clash = NODE_KEYS & set(e.properties)
            if clash:
                raise RecordError(f"{doc_id}: entity {e.id!r}: property {sorted(clash)[0]!r} is reserved")
            old = existing.get(e.id)
            if old is None:
                summary.entities_new += 1
                new[label(e.kind)].append({"id": e.id, "name": e.name, "kind": e.kind, "aliases": e.aliases,
                                           "sources": [doc_id], "confidence": e.confidence,
                                           "search": _search_field(e.aliases)})
            else:
                summary.entities_merged += 1
                if old["kind"] != e.kind:
                    summary.kind_conflicts.append(f"{e.id}: read as {e.kind}, kept as {old['kind']}")
                aliases = list(old["aliases"] or [])
                aliases += [a for a in e.aliases if a not in aliases]
                merged.append({"id": e.id, "aliases": aliases, "search": _search_field(aliases),
                               "sources": sorted(set(old["sources"] or []) | {doc_id}),
                               "confidence": max(e.confidence, old["confidence"] or 0.0)})
            if e.properties:
                props.append({"id": e.id, "props": e.properties})
        for kind, rows in new.items():
            for chunk in _chunks(rows):
                tx.run(self.dialect.create_nodes(kind), doc=doc_id, rows=chunk).consume()
        self._merge_nodes(tx, doc_id, merged)
        for chunk in _chunks(props):
            tx.run(_NODE_PROPS, rows=chunk).consume()

    @staticmethod
    def _merge_nodes(tx: ManagedTransaction, doc_id: str, rows: list[dict]) -> None:
        """Give existing nodes their united aliases and sources, and the document's mention."""
        for chunk in _chunks(rows):
            tx.run(_NODE_MERGE, doc=doc_id, rows=chunk).consume()

    def _drop_contribution(self, tx: ManagedTransaction, doc_id: str, keep: set[str] = frozenset()) -> int:
        """Remove a document's links and mentions, and the entities nothing else mentions.

        Entities in ``keep`` (those the document's new version reads again) stay even when no
        other document mentions them, so that their ids, aliases and properties survive.
        """
        mentioned = [r["id"] for r in tx.run(_DOC_MENTIONED, id=doc_id).data() if r["id"] not in keep]
        removed = tx.run(_DOC_DROP_LINKS, id=doc_id).single()
        tx.run(_DOC_DROP_MENTIONS, id=doc_id).consume()
        for ids in _chunks(mentioned):
            tx.run(_DROP_ORPHANS, ids=ids).consume()
        return removed["removed"] if removed is not None else 0

    def delete_document(self, doc_id: str) -> bool:
        """Remove a document and everything only it contributed; return whether it existed."""
        def work(tx: ManagedTransaction) -> bool:
            if tx.run(_DOC_CHECKSUM, id=doc_id).single() is None:
                return False
            self._drop_contribution(tx, doc_id)
            tx.run(_DOC_DELETE, id=doc_id).consume()
            return True

        with self._connected(), self.driver.session(database=self.dialect.database) as session:
            return session.execute_write(work)

    def clear(self) -> None:
        """Delete the whole graph (every entity, link and document)."""
        with self._connected():
            self.driver.execute_query(_CLEAR, database_=self.dialect.database)

    # ---- reading ---------------------------------------------------------------------------

    def read_query(self, text: str, params: dict[str, Any] | None = None, limit: int = 1000) -> ReadResult:
        """Run a user's read-only Cypher query (the app's console) and roll it back.

        ``graph.cypher_guard`` refuses anything but a single reading query before it is sent;
        what it accepts runs in a read transaction that is always rolled back, so even a
        server that ignores the access mode keeps nothing.
        """
        check_read_only(text)
        c = _Collector()
        with self._connected(), self.driver.session(database=self.dialect.database,
                                                    default_access_mode="READ") as session:
            tx = session.begin_transaction()
            try:
                result = tx.run(text, params or {})
                columns = list(result.keys())
                rows, truncated = [], False
                for record in result:
                    if len(rows) == limit:
                        truncated = True
                        break
                    rows.append([c.value(v) for v in record.values()])
                missing = c.missing_ends()
                if missing:
                    for r in tx.run(_BY_ELEMENT_ID, ids=missing):
                        c.names[r["eid"]] = r["p"]["id"]
                        c.graph.add_node(r["p"]["id"], **_node_attrs(r["p"], c.pool))
                c.add_links()
            finally:
                tx.rollback()
        return ReadResult(columns, rows, c.graph, truncated)

    def entity(self, entity_id: str) -> dict[str, Any] | None:
        """One entity's properties, or None."""
        rows = self._read(_NODES_BY_ID, ids=[entity_id])
        return _node_attrs(rows[0]["p"], {}) | {"id": entity_id} if rows else None

    def search(self, text: str, limit: int = 20) -> list[dict[str, Any]]:
        """Entities whose name or an alias contains ``text``, ignoring case, diacritics and punctuation.

        Exact matches come first, then names that start with the query, then the shortest.
        """
        q = search_key(text)
        if not q:
            return []
        rows = self._read(_SEARCH, q=q, limit=max(limit * 10, 200))

        def rank(r: dict) -> tuple:
            forms = [search_key(a) for a in r["aliases"] or [r["name"]]]
            return (0 if q in forms else 1 if any(f.startswith(q) for f in forms) else 2,
                    len(r["name"]), r["name"])

        return sorted(rows, key=rank)[:limit]

    def known_entities(self, kinds: Iterable[str] | None = None) -> list[Entity]:
        """The entities in the graph as records (id, name, kind, aliases), for entity resolution."""
        wanted = set(kinds) if kinds is not None else None
        return [Entity(r["id"], r["name"], r["kind"], list(r["aliases"] or []))
                for r in self._read(_KNOWN) if wanted is None or r["kind"] in wanted]

    def shortest_path_length(self, source: str, target: str, max_hops: int = 10) -> int | None:
        """Hops on the shortest path between two entities by Cypher's ``shortestPath``, or None.

        Direction is ignored and only the ontology's link types are followed (never a
        document's ``MENTIONS``), as ``queries.paths`` counts hops on the projection.
        """
        hops = int(max_hops)
        if not 1 <= hops <= 50:
            raise ValueError(f"max_hops must be between 1 and 50, not {max_hops!r}")
        types = "|".join(rel_type(t) for t in LINK_TYPES)
        rows = self._read(f"MATCH (a:{ENTITY_LABEL} {{id: $a}}), (b:{ENTITY_LABEL} {{id: $b}}) "
                          f"MATCH p = shortestPath((a)-[:{types}*..{hops}]-(b)) RETURN length(p) AS n",
                          a=source, b=target)
        return rows[0]["n"] if rows else None

    def documents(self) -> list[dict[str, Any]]:
        """Every document with its title, date, path, kind and checksum."""
        return [r["p"] for r in self._read(_DOCUMENTS)]

    def version(self) -> str:
        """A token that changes whenever a document is written or deleted: the key of caches."""
        row = self._read(_VERSION)[0]
        return f"{row['n']}:{row['total']}:{row['last']}"

    def counts(self) -> dict[str, Any]:
        """Entities by kind, links by type, and the number of documents."""
        kinds = {r["kind"]: r["n"] for r in self._read(_COUNT_KINDS)}
        types = {r["type"]: r["n"] for r in self._read(_COUNT_TYPES)}
        return {"entities": sum(kinds.values()), "links": sum(types.values()),
                "documents": self._read(_COUNT_DOCS)[0]["n"],
                "by_kind": dict(sorted(kinds.items(), key=str)), "by_type": dict(sorted(types.items(), key=str))}

    def project(self, filters: Filters | None = None) -> nx.MultiDiGraph:
        """The graph (or the part the filters keep) as a networkx ``MultiDiGraph``.

        Nodes are entity ids with every property as an attribute; each link is an edge keyed
        ``TYPE|document`` with ``type``, ``status``, ``date``, ``doc``, ``evidence``,
        ``confidence`` and its own properties. Links whose ends a kind filter removes are
        dropped with them. ``graph["documents"]`` maps document ids to their properties.
        """
        filters = filters or Filters()
        documents = {d["id"]: {k: v for k, v in d.items() if k != "id"} for d in self.documents()
                     if filters.sources is None or d["id"] in filters.sources}
        with self._connected(), self.driver.session(database=self.dialect.database,
                                                    default_access_mode="READ") as session:
            return session.execute_read(_project, filters, documents)

    def neighbourhood(self, ids: Iterable[str], hops: int = 1,
                      filters: Filters | None = None) -> nx.MultiDiGraph:
        """The entities within ``hops`` links of ``ids`` and the links among them that pass ``filters``."""
        filters = filters or Filters()
        g, pool = nx.MultiDiGraph(), {}
        frontier = sorted(set(ids))
        for r in self._read(_NODES_BY_ID, ids=frontier):
            g.add_node(r["p"]["id"], **_node_attrs(r["p"], pool))
        frontier = [i for i in frontier if i in g]
        for _ in range(hops):
            nxt = set()
            for r in self._read(_AROUND, ids=frontier):
                attrs = _edge_attrs(r["type"], r["p"], pool)
                other = _node_attrs(r["other"], pool)
                if not filters.keeps_link(attrs) or not filters.keeps_node(other):
                    continue
                oid = r["other"]["id"]
                if oid not in g:
                    g.add_node(oid, **other)
                    nxt.add(oid)
                g.add_edge(r["s"], r["t"], key=_edge_key(r["type"], r["p"]), **attrs)
            frontier = sorted(nxt)
        return g
