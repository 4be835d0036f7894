"""A projection's nodes, links and documents in the fixed order and shape every writer needs.

Writers never read node or edge attribute dicts themselves: this module splits the contract's
fixed fields from free properties once, so that a new entity property shows up in every
format and no format mistakes a fixed field for a property.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

NODE_FIELDS = ("name", "kind", "aliases", "sources", "confidence")
EDGE_FIELDS = ("type", "status", "date", "doc", "evidence", "confidence")
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class ExportError(ValueError):
    """Data that the target format cannot represent; the message names the record."""


@dataclass
class Node:
    """One entity of the projection."""

    id: str
    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    confidence: float = 1.0
    properties: dict[str, Any] = field(default_factory=dict)


@dataclass
class Edge:
    """One link of the projection (``key`` is the projection's ``type|doc`` edge key)."""

    source: str
    target: str
    key: str
    type: str
    status: str
    date: str | None
    doc: str
    evidence: str | None
    confidence: float
    properties: dict[str, Any] = field(default_factory=dict)


def _props(attrs: dict[str, Any], fixed: tuple[str, ...]) -> dict[str, Any]:
    return {k: v for k, v in sorted(attrs.items()) if k not in fixed and v is not None}


def nodes(graph: nx.MultiDiGraph) -> list[Node]:
    """Every node, sorted by id so that exports of the same graph are byte-identical."""
    out = []
    for nid, a in sorted(graph.nodes(data=True), key=lambda item: str(item[0])):
        out.append(Node(str(nid), a.get("name") or str(nid), a.get("kind", ""), list(a.get("aliases") or []),
                        list(a.get("sources") or []), float(a.get("confidence", 1.0)),
                        _props(a, NODE_FIELDS)))
    return out


def edges(graph: nx.MultiDiGraph) -> list[Edge]:
    """Every link, sorted by (source, target, key)."""
    out = []
    for u, v, k, a in graph.edges(keys=True, data=True):
        out.append(Edge(str(u), str(v), str(k), a["type"], a.get("status", "done"), a.get("date"),
                        a.get("doc", ""), a.get("evidence"), float(a.get("confidence", 1.0)),
                        _props(a, EDGE_FIELDS)))
    return sorted(out, key=lambda e: (e.source, e.target, e.key))


def documents(graph: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """The projection's documents as ``{"id", "title", "date", "path", "kind"}``, sorted by id."""
    docs = graph.graph.get("documents") or {}
    return [{"id": d, **{k: v for k, v in docs[d].items() if v is not None}} for d in sorted(docs)]


def property_keys(items: list[Node] | list[Edge]) -> list[str]:
    """Every property key used by ``items``, sorted."""
    return sorted({k for item in items for k in item.properties})


def value_type(values: list[Any]) -> str:
    """One type for a property across all records: ``bool``, ``int``, ``float``, ``str``, or ``list``.

    Formats with typed columns need a single type per column; mixed values fall back to text.
    """
    kinds = {"list" if isinstance(v, list) else "bool" if isinstance(v, bool) else
             "int" if isinstance(v, int) else "float" if isinstance(v, float) else "str" for v in values}
    if kinds == {"int", "float"}:
        return "float"
    return kinds.pop() if len(kinds) == 1 else "str"


def xml_text(value: str) -> str:
    """``value`` without the control characters XML 1.0 cannot carry."""
    return _XML_ILLEGAL.sub("", value)


def interval(date: str) -> tuple[str, str]:
    """The first and last day an ISO date of any precision covers (``2024-02`` -> 02-01 .. 02-29)."""
    parts = date.split("-")
    year = int(parts[0])
    if len(parts) == 1:
        return f"{year:04d}-01-01", f"{year:04d}-12-31"
    month = int(parts[1])
    if len(parts) == 2:
        last = calendar.monthrange(year, month)[1]
        return f"{year:04d}-{month:02d}-01", f"{year:04d}-{month:02d}-{last:02d}"
    return date, date
