"""GraphML through networkx, for yEd, Cytoscape, igraph and Gephi.

GraphML attributes are scalars of one declared type per key, so lists (aliases, sources,
list properties) are written as JSON arrays in text, missing values are left out, and a
property holding mixed types is written as text. The documents go in a graph attribute.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx

from graph.export.records import documents, edges, nodes, value_type, xml_text


def _scalar(value: Any, kind: str) -> Any:
    if isinstance(value, list):
        return xml_text(json.dumps(value, ensure_ascii=False))
    if kind == "str":
        return xml_text(value if isinstance(value, str) else json.dumps(value))
    return float(value) if kind == "float" else value


def _columns(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Coerce each key's values to one type across rows."""
    keys = {k for r in rows for k in r}
    types = {k: value_type([r[k] for r in rows if r.get(k) is not None]) for k in keys}
    return [{k: _scalar(v, types[k]) for k, v in r.items() if v is not None} for r in rows]


def to_graphml_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``graph`` holding only values GraphML can carry."""
    ns, es = nodes(graph), edges(graph)
    node_rows = _columns([{"label": n.name, "name": n.name, "kind": n.kind, "aliases": n.aliases,
                           "sources": n.sources, "confidence": n.confidence, **n.properties} for n in ns])
    edge_rows = _columns([{"type": e.type, "status": e.status, "date": e.date, "doc": e.doc,
                           "evidence": e.evidence, "confidence": e.confidence, **e.properties} for e in es])
    out = nx.MultiDiGraph(documents=json.dumps(documents(graph), ensure_ascii=False))
    for n, row in zip(ns, node_rows):
        out.add_node(n.id, **row)
    for e, row in zip(es, edge_rows):
        out.add_edge(e.source, e.target, key=e.key, **row)
    return out


def write_graphml(graph: nx.MultiDiGraph, out_path: Path) -> list[Path]:
    """Write ``out_path``; ``nx.read_graphml`` reads it back (``force_multigraph=True``)."""
    nx.write_graphml(to_graphml_graph(graph), out_path, encoding="utf-8")
    return [out_path]
