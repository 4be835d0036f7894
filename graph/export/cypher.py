"""A Cypher script that recreates the graph in an empty Neo4j (``cypher-shell -f graph.cypher``).

Values are written as literals, not parameters, so the script runs anywhere with no driver:
every string goes through ``literal`` (quotes, backslashes and control characters escaped;
``$``, ``}``, emoji and Vietnamese are plain characters inside a quoted string), map keys
that are not plain identifiers are back-quoted, and labels and relationship types are
checked against the ontology, since those cannot be quoted values. Nodes are created with
``UNWIND`` over a list of literal maps, one statement per kind and per chunk, merged on
``Entity.id`` so that running the script twice changes nothing.
"""
from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any, Iterable

import networkx as nx

from graph.export.records import ExportError, documents, edges, nodes
from graph.ontology import DOCUMENT_LABEL, ENTITY_LABEL, MENTIONS, label, rel_type

CHUNK = 500
_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_ESCAPES = {"\\": "\\\\", "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def literal(value: Any) -> str:
    """``value`` (text, number, boolean, None, list or dict of them) as a Cypher literal."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ExportError(f"{value!r} has no Cypher literal")
        return repr(value)
    if isinstance(value, str):
        out = []
        for ch in value:
            if ch in _ESCAPES:
                out.append(_ESCAPES[ch])
            elif ord(ch) < 0x20 or ch in "\x7f\u2028\u2029":
                out.append(f"\\u{ord(ch):04x}")
            else:
                out.append(ch)
        return "'" + "".join(out) + "'"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(literal(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{name(k)}: {literal(v)}" for k, v in value.items() if v is not None) + "}"
    raise ExportError(f"{value!r} ({type(value).__name__}) has no Cypher literal")


def name(key: str) -> str:
    """A property key: as it is when it is a plain identifier, else back-quoted."""
    key = str(key)
    return key if _IDENTIFIER.match(key) else "`" + key.replace("`", "``") + "`"


def _chunks(rows: list, size: int = CHUNK) -> Iterable[list]:
    for i in range(0, len(rows), size):
        yield rows[i: i + size]


def _unwind(rows: list[dict[str, Any]], body: str) -> Iterable[str]:
    for chunk in _chunks(rows):
        items = ",\n  ".join(literal(r) for r in chunk)
        yield f"UNWIND [\n  {items}\n] AS row\n{body};\n"


def statements(graph: nx.MultiDiGraph) -> Iterable[str]:
    """The script, one statement at a time."""
    ns, es = nodes(graph), edges(graph)
    yield f"// ecograph graph: {len(ns)} entities, {len(es)} links. Run in an empty database.\n"
    yield (f"CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:{ENTITY_LABEL}) REQUIRE e.id IS UNIQUE;\n")
    yield (f"CREATE CONSTRAINT document_id IF NOT EXISTS FOR (d:{DOCUMENT_LABEL}) REQUIRE d.id IS UNIQUE;\n")
    docs = documents(graph)
    if docs:
        yield from _unwind(docs, f"MERGE (d:{DOCUMENT_LABEL} {{id: row.id}})\nSET d += row")
    by_kind: dict[str, list[dict[str, Any]]] = {}
    for n in ns:
        row = {**n.properties, "id": n.id, "name": n.name, "kind": n.kind, "aliases": n.aliases,
               "sources": n.sources, "confidence": n.confidence}
        by_kind.setdefault(label(n.kind), []).append(row)
    for kind, rows in sorted(by_kind.items()):
        yield from _unwind(rows, f"MERGE (e:{ENTITY_LABEL} {{id: row.id}})\nSET e += row, e:{kind}")
    doc_ids = {d["id"] for d in docs}
    mentions = [{"doc": s, "id": n.id} for n in ns for s in n.sources if s in doc_ids]
    if mentions:
        yield from _unwind(mentions, f"MATCH (d:{DOCUMENT_LABEL} {{id: row.doc}}), (e:{ENTITY_LABEL} {{id: row.id}})\n"
                                     f"MERGE (d)-[:{MENTIONS}]->(e)")
    by_type: dict[str, list[dict[str, Any]]] = {}
    for e in es:
        props = {**e.properties, "status": e.status, "date": e.date, "doc": e.doc, "evidence": e.evidence,
                 "confidence": e.confidence}
        by_type.setdefault(rel_type(e.type), []).append(
            {"source": e.source, "target": e.target, "doc": e.doc, "props": props})
    for rtype, rows in sorted(by_type.items()):
        yield from _unwind(rows, f"MATCH (a:{ENTITY_LABEL} {{id: row.source}}), (b:{ENTITY_LABEL} {{id: row.target}})\n"
                                 f"MERGE (a)-[r:{rtype} {{doc: row.doc}}]->(b)\nSET r += row.props")


def write_cypher(graph: nx.MultiDiGraph, out_path: Path) -> list[Path]:
    """Write the script to ``out_path`` (UTF-8)."""
    with out_path.open("w", encoding="utf-8") as f:
        for statement in statements(graph):
            f.write(statement)
    return [out_path]
