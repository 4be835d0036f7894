"""JSON: the project's own graph format, the one ``ingest.imports.read_json`` reads back."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx

from graph.export.records import documents, edges, nodes


def to_json(graph: nx.MultiDiGraph) -> dict[str, Any]:
    """The graph as ``{"documents", "entities", "relations"}`` (``shared/eval/README.md`` plus documents)."""
    entities = []
    for n in nodes(graph):
        item: dict[str, Any] = {"id": n.id, "name": n.name, "kind": n.kind, "aliases": n.aliases,
                                "confidence": n.confidence, "sources": n.sources}
        if n.properties:
            item["properties"] = n.properties
        entities.append(item)
    relations = []
    for e in edges(graph):
        item = {"source": e.source, "target": e.target, "type": e.type, "status": e.status,
                "date": e.date, "doc": e.doc, "evidence": e.evidence, "confidence": e.confidence}
        if e.properties:
            item["properties"] = e.properties
        relations.append(item)
    return {"documents": documents(graph), "entities": entities, "relations": relations}


def write_json(graph: nx.MultiDiGraph, out_path: Path) -> list[Path]:
    """Write ``out_path`` (UTF-8, names unescaped so the file stays readable)."""
    out_path.write_text(json.dumps(to_json(graph), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return [out_path]
