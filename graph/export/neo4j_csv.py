"""CSV for ``neo4j-admin database import full``: ``nodes.csv`` and ``relationships.csv``.

Load with ``neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv
--multiline-fields=true`` (evidence may span lines). Headers carry neo4j-admin's types
(``id:ID``, ``:LABEL``, ``aliases:string[]``, ``confidence:double``, ``:START_ID``...), and
arrays and labels use neo4j-admin's default ``;`` delimiter. neo4j-admin cannot escape the
delimiter inside a value, so when some alias or label contains ``;`` another delimiter is
chosen; ``import.sh`` beside the CSVs always holds the exact command, with the delimiter.

Text cells go through ``cells.neutralise`` against formula injection when the file is opened
in a spreadsheet; a value that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return therefore loads into Neo4j with a quote in front (``ecograph import`` takes it off).
"""
from __future__ import annotations

import csv
import shlex
from pathlib import Path
from typing import Any

import networkx as nx

from graph.export.cells import safe_row
from graph.export.records import ExportError, edges, nodes, property_keys, value_type
from graph.ontology import ENTITY_LABEL, label, rel_type

ARRAY_DELIMITER = ";"
#: Tried in order when a value contains the default delimiter.
_FALLBACKS = ("|", "\u00a6", "\u241f")
NODE_HEADER = ["id:ID", ":LABEL", "name", "kind", "aliases:string[]", "sources:string[]", "confidence:double"]
LINK_HEADER = [":START_ID", ":END_ID", ":TYPE", "status", "date", "doc", "evidence", "confidence:double"]
_TYPES = {"bool": "boolean", "int": "long", "float": "double", "str": "string"}


def _delimiter(ns: list, es: list) -> str:
    """``;`` unless some array value contains it; then the first fallback that no value contains."""
    values = [str(v) for n in ns for v in [*n.aliases, *n.sources]]
    values += [str(x) for item in [*ns, *es] for v in item.properties.values() if isinstance(v, list) for x in v]
    for d in (ARRAY_DELIMITER, *_FALLBACKS):
        if not any(d in v for v in values):
            return d
    raise ExportError("every array delimiter neo4j-admin could use occurs in some alias or list value")


def _array(values: list[Any], delimiter: str) -> str:
    return delimiter.join("true" if v is True else "false" if v is False else str(v) for v in values)


def _typed_columns(items: list) -> list[tuple[str, str]]:
    """(property key, neo4j-admin column header) for every property of ``items``."""
    out = []
    for k in property_keys(items):
        values = [i.properties[k] for i in items if k in i.properties]
        kind = value_type(values)
        if kind == "list":
            inner = value_type([x for v in values if isinstance(v, list) for x in v]) if values else "str"
            out.append((k, f"{k}:{_TYPES.get(inner, 'string')}[]"))
        else:
            out.append((k, f"{k}:{_TYPES[kind]}"))
    return out


def _cell(value: Any, header: str, delimiter: str) -> Any:
    if value is None:
        return ""
    if header.endswith("[]"):
        return _array(value if isinstance(value, list) else [value], delimiter)
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def write_neo4j_csv(graph: nx.MultiDiGraph, out_dir: Path) -> list[Path]:
    """Write ``nodes.csv``, ``relationships.csv`` and ``import.sh`` into the directory ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    ns, es = nodes(graph), edges(graph)
    d = _delimiter(ns, es)
    node_props, link_props = _typed_columns(ns), _typed_columns(es)
    nodes_path, links_path = out_dir / "nodes.csv", out_dir / "relationships.csv"
    with nodes_path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(safe_row(NODE_HEADER + [h for _, h in node_props]))
        for n in ns:
            w.writerow(safe_row([n.id, f"{ENTITY_LABEL}{d}{label(n.kind)}", n.name, n.kind, _array(n.aliases, d),
                                 _array(n.sources, d), n.confidence]
                                + [_cell(n.properties.get(k), h, d) for k, h in node_props]))
    with links_path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(safe_row(LINK_HEADER + [h for _, h in link_props]))
        for e in es:
            w.writerow(safe_row([e.source, e.target, rel_type(e.type), e.status, e.date or "", e.doc,
                                 e.evidence or "", e.confidence]
                                + [_cell(e.properties.get(k), h, d) for k, h in link_props]))
    script = out_dir / "import.sh"
    script.write_text("#!/bin/sh\n# Load into an empty database (stop it first); DATABASE defaults to neo4j.\n"
                      "exec neo4j-admin database import full --multiline-fields=true "
                      f"--array-delimiter={shlex.quote(d)} --nodes=nodes.csv --relationships=relationships.csv "
                      '"${DATABASE:-neo4j}"\n', encoding="utf-8")
    return [nodes_path, links_path, script]
