"""Kumu's CSV layout: ``elements.csv`` and ``connections.csv``, as Kumu's spreadsheet import expects.

Elements carry our id in Kumu's ``ID`` column so that connections can name their ends by id
(labels need not be unique); ``Type`` is the kind, ``Description`` and ``Tags`` come from the
properties of those names, and multi-valued cells use Kumu's ``|``. Connections put the
evidence in ``Description`` (what Kumu shows in a profile) and say ``undirected`` for the
symmetric link types. ``ingest.imports.read_kumu`` reads both files back.

Kumu has no way to escape ``|`` inside a value, so a ``|`` in an alias, a tag or a link end is
written as ``¦`` (U+00A6, which Kumu shows as one value that reads the same); a ``¦`` already
there is written ``\¦``, and a backslash that would then be read as such an escape is
doubled. ``list_values`` undoes exactly that, so names round-trip whatever they hold. Every
text cell also goes through ``cells.neutralise`` against formula injection.
"""
from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import networkx as nx

from graph.export.cells import safe_row
from graph.export.records import edges, nodes, property_keys
from graph.ontology import SYMMETRIC_TYPES

DELIMITER = "|"
#: What a ``|`` inside one value is written as, and the escape for that character itself.
PIPE_STAND_IN = "\u00a6"
ESCAPE = "\\"
ELEMENT_HEADER = ["ID", "Label", "Type", "Description", "Tags", "Aliases", "Sources", "Confidence"]
CONNECTION_HEADER = ["From", "To", "Type", "Direction", "Status", "Date", "Doc", "Description", "Confidence"]
_ELEMENT_NAMED = ("description", "tags")
#: Suffix for a property whose name is also one of Kumu's columns (an organisation's ``type``).
PROPERTY_SUFFIX = " (property)"


def _column(key: str, header: list[str]) -> str:
    taken = {h.casefold() for h in header} | {"element type", "connection type", "connection direction",
                                              "from", "to", "id", "label", "document", "evidence"}
    return f"{key}{PROPERTY_SUFFIX}" if key.casefold() in taken else key


def list_value(value: str) -> str:
    """One value of a multi-valued cell, with no ``|`` left in it (see the module docstring)."""
    out = []
    for i, ch in enumerate(value):
        if ch == DELIMITER:
            out.append(PIPE_STAND_IN)
        elif ch == PIPE_STAND_IN:
            out.append(ESCAPE + PIPE_STAND_IN)
        elif ch == ESCAPE and value[i + 1: i + 2] in (DELIMITER, PIPE_STAND_IN, ESCAPE):
            out.append(ESCAPE + ESCAPE)
        else:
            out.append(ch)
    return "".join(out)


def from_list_value(text: str) -> str:
    """Undo ``list_value`` on one value."""
    out, i = [], 0
    while i < len(text):
        ch, nxt = text[i], text[i + 1: i + 2]
        if ch == ESCAPE and nxt in (PIPE_STAND_IN, ESCAPE):
            out.append(nxt)
            i += 2
        else:
            out.append(DELIMITER if ch == PIPE_STAND_IN else ch)
            i += 1
    return "".join(out)


def list_values(cell: str) -> list[str]:
    """The values of a multi-valued cell as ``list_value`` wrote them, blanks dropped."""
    return [v for v in (from_list_value(part).strip() for part in cell.split(DELIMITER)) if v]


def _multi(values: Any) -> str:
    return DELIMITER.join(list_value(str(v)) for v in (values if isinstance(values, list) else [values]))


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, list):
        return _multi(value)
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
        w.writerow(safe_row(ELEMENT_HEADER + [_column(k, ELEMENT_HEADER) for k in node_keys]))
        for n in ns:
            w.writerow(safe_row([n.id, n.name, n.kind, _cell(n.properties.get("description")),
                                 _cell(n.properties.get("tags")), _multi(n.aliases), _multi(n.sources),
                                 n.confidence] + [_cell(n.properties.get(k)) for k in node_keys]))
    with connections.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(safe_row(CONNECTION_HEADER + [_column(k, CONNECTION_HEADER) for k in edge_keys]))
        for e in es:
            w.writerow(safe_row([list_value(e.source), list_value(e.target), e.type,
                                 "undirected" if e.type in SYMMETRIC_TYPES else "directed",
                                 e.status, e.date or "", e.doc, e.evidence or "", e.confidence]
                                + [_cell(e.properties.get(k)) for k in edge_keys]))
    return [elements, connections]
