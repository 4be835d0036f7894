"""Exports of a projection (the ``networkx.MultiDiGraph`` of CONTEXT.md) to other tools' formats.

Exports take the projection as it is: filtering (kinds, types, status, dates, sources) is
done by the projection that produces the graph, so an export shows exactly what a query
on the same filters would see. Formats that need several files write into a directory.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import networkx as nx

from graph.export.cypher import write_cypher
from graph.export.gexf import write_gexf
from graph.export.graphml import write_graphml
from graph.export.json_graph import write_json
from graph.export.kumu import write_kumu
from graph.export.neo4j_csv import write_neo4j_csv
from graph.export.records import ExportError


@dataclass(frozen=True)
class Format:
    """One export format: its writer, whether it writes a directory, and what it is for."""

    name: str
    write: Callable[[nx.MultiDiGraph, Path], list[Path]]
    directory: bool
    suffix: str
    description: str


FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("json", write_json, False, ".json", "the project's JSON graph format (re-importable)"),
    Format("graphml", write_graphml, False, ".graphml", "GraphML (yEd, Cytoscape, igraph, Gephi)"),
    Format("gexf", write_gexf, False, ".gexf", "GEXF 1.3 for Gephi, with link dates on the timeline"),
    Format("csv", write_neo4j_csv, True, "", "nodes.csv + relationships.csv for neo4j-admin database import"),
    Format("kumu", write_kumu, True, "", "elements.csv + connections.csv for Kumu's spreadsheet import"),
    Format("cypher", write_cypher, False, ".cypher", "a Cypher script that recreates the graph in Neo4j"),
)}

__all__ = ["FORMATS", "ExportError", "Format", "export"]


def export(graph: nx.MultiDiGraph, fmt: str, out_path: str | Path) -> list[Path]:
    """Write ``graph`` as ``fmt`` (a key of ``FORMATS``) to ``out_path``; return the files written.

    For ``csv`` and ``kumu`` ``out_path`` is a directory (created if missing).
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; expected one of {', '.join(FORMATS)}")
    out_path = Path(out_path)
    if not FORMATS[fmt].directory:
        out_path.parent.mkdir(parents=True, exist_ok=True)
    return FORMATS[fmt].write(graph, out_path)
