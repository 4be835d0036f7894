"""Kumu's CSV layout: ``elements.csv`` and ``connections.csv``, as Kumu's spreadsheet import expects.

Elements carry our id in Kumu's ``ID`` column so that connections can name their ends by id
(labels need not be unique); ``Type`` is the kind, ``Description`` and ``Tags`` come from the
properties of those names, and multi-valued cells use Kumu's ``|``. Connections put the
evidence in ``Description`` (what Kumu shows in a profile) and say ``undirected`` for the
symmetric link types. ``ingest.imports.read_kumu`` reads both files back.
"""
from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import networkx as nx

from graph.export.records import ExportError, edges, nodes, property_keys
from graph.ontology import SYMMETRIC_TYPES

DELIMITER = "|"
ELEMENT_HEADER = ["ID", "Label", "Type", "Description", "Tags", "Aliases", "Sources", "Confidence"]
CONNECTION_HEADER = ["From", "To", "Type", "Direction", "Status", "Date", "Doc", "Description", "Confidence"]
_ELEMENT_NAMED = ("description", "tags")
#: Suffix for a property whose name is also one of Kumu's columns (an organisation's ``type``).
PROPERTY_SUFFIX = " (property)"


def _column(key: str, header: list[str]) -> str:
    taken = {h.casefold() for h in header} | {"element type", "connection type", "connection direction",
                                              "from", "to", "id", "label", "document", "evidence"}
    return f"{key}{PROPERTY_SUFFIX}" if key.casefold() in taken else key


def _multi(values: Any, what: str) -> str:
    values = values if isinstance(values, list) else [values]
    for v in values:
        if DELIMITER in str(v):
            raise ExportError(f"{what}: {v!r} contains {DELIMITER!r}, which Kumu reads as a value separator")
    return DELIMITER.join(str(v) for v in values)


def _cell(value: Any, what: str) -> Any:
    if value is None:
        return ""
    if isinstance(value, list):
        return _multi(value, what)
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def write_kumu(graph: nx.MultiDiGraph, out_dir: Path) -> list[Path]:
    """Write ``elements.csv`` and ``connections.csv`` into the directory ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    ns, es = nodes(graph), edges(graph)
    node_keys = [k for k in property_keys(ns) if k not in _ELEMENT_NAMED]
    edge_keys = property_keys(es)
    elements, connections = out_dir / "elements.csv", out_dir / "connections.csv"
    with elements.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(ELEMENT_HEADER + [_column(k, ELEMENT_HEADER) for k in node_keys])
        for n in ns:
            what = f"entity {n.id!r}"
            w.writerow([n.id, n.name, n.kind, _cell(n.properties.get("description"), what),
                        _cell(n.properties.get("tags"), what), _multi(n.aliases, what),
                        _multi(n.sources, what), n.confidence]
                       + [_cell(n.properties.get(k), what) for k in node_keys])
    with connections.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(CONNECTION_HEADER + [_column(k, CONNECTION_HEADER) for k in edge_keys])
        for e in es:
            what = f"link {e.source!r} -{e.type}-> {e.target!r}"
            w.writerow([e.source, e.target, e.type, "undirected" if e.type in SYMMETRIC_TYPES else "directed",
                        e.status, e.date or "", e.doc, e.evidence or "", e.confidence]
                       + [_cell(e.properties.get(k), what) for k in edge_keys])
    return [elements, connections]
