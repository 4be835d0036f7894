"""GEXF 1.3 for Gephi, written directly because networkx's writer stops at GEXF 1.2.

What Gephi needs to make the graph useful: kinds, link types, statuses and dates as typed
attributes (for partition colouring and filters), symmetric link types as undirected edges,
the link type as the edge ``kind`` (GEXF 1.3's way of keeping parallel edges of different
types apart), and each dated link's time as an interval: the edge's ``start``/``end`` and a
dynamic ``status`` value over the same interval, so the timeline shows links appearing.
A date given as a year or a month covers the whole year or month. Undated links and all
nodes have no time limits, so they stay visible whatever the timeline window.
"""
from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import networkx as nx

from graph.export.records import documents, edges, interval, nodes, property_keys, value_type, xml_text
from graph.ontology import SYMMETRIC_TYPES

NS = "http://gexf.net/1.3"
_XSI = "http://www.w3.org/2001/XMLSchema-instance"
_GEXF_TYPES = {"bool": "boolean", "int": "long", "float": "double", "str": "string", "list": "string"}


def _declare(parent: ET.Element, cls: str, columns: dict[str, str]) -> None:
    attrs = ET.SubElement(parent, "attributes", {"class": cls})
    for name, kind in columns.items():
        ET.SubElement(attrs, "attribute", {"id": name, "title": name, "type": _GEXF_TYPES[kind]})


def _value(value: Any, kind: str) -> str:
    if isinstance(value, list) or (kind in ("str", "list") and not isinstance(value, str)):
        return xml_text(json.dumps(value, ensure_ascii=False))
    if isinstance(value, bool):
        return "true" if value else "false"
    return xml_text(str(value))


def _attvalues(parent: ET.Element, values: dict[str, Any], columns: dict[str, str],
               times: dict[str, dict[str, str]] | None = None) -> None:
    box = ET.SubElement(parent, "attvalues")
    for name, value in values.items():
        if value is None:
            continue
        attrs = {"for": name, "value": _value(value, columns[name])}
        attrs.update((times or {}).get(name, {}))
        ET.SubElement(box, "attvalue", attrs)


def _columns(fixed: dict[str, str], rows: list[dict[str, Any]], keys: list[str]) -> dict[str, str]:
    columns = dict(fixed)
    for k in keys:
        if k not in columns:
            columns[k] = value_type([r[k] for r in rows if r.get(k) is not None])
    return columns


def to_gexf(graph: nx.MultiDiGraph) -> ET.ElementTree:
    """The GEXF document as an element tree."""
    root = ET.Element("gexf", {"xmlns": NS, "version": "1.3",
                               f"{{{_XSI}}}schemaLocation": f"{NS} {NS}/gexf.xsd"})
    meta = ET.SubElement(root, "meta", {"lastmodifieddate": dt.date.today().isoformat()})
    ET.SubElement(meta, "creator").text = "ecograph"
    ET.SubElement(meta, "description").text = xml_text(
        "Ecosystem graph. Documents: " + json.dumps(documents(graph), ensure_ascii=False))
    g = ET.SubElement(root, "graph", {"mode": "dynamic", "defaultedgetype": "directed",
                                      "timeformat": "date", "timerepresentation": "interval"})
    ns, es = nodes(graph), edges(graph)
    node_rows = [{"kind": n.kind, "aliases": n.aliases, "sources": n.sources, "confidence": n.confidence,
                  **n.properties} for n in ns]
    doc_titles = {d["id"]: d.get("title") for d in documents(graph)}
    edge_rows = [{"type": e.type, "status": e.status, "date": e.date, "doc": e.doc,
                  "doc_title": doc_titles.get(e.doc), "evidence": e.evidence, "confidence": e.confidence,
                  **e.properties} for e in es]
    node_cols = _columns({"kind": "str", "aliases": "list", "sources": "list", "confidence": "float"},
                         node_rows, property_keys(ns))
    edge_cols = _columns({"type": "str", "status": "str", "date": "str", "doc": "str", "doc_title": "str",
                          "evidence": "str", "confidence": "float", "dated_status": "str"},
                         edge_rows, property_keys(es))
    _declare(g, "node", node_cols)
    _declare(g, "edge", edge_cols)
    xnodes = ET.SubElement(g, "nodes", {"count": str(len(ns))})
    for n, row in zip(ns, node_rows):
        _attvalues(ET.SubElement(xnodes, "node", {"id": xml_text(n.id), "label": xml_text(n.name)}),
                   row, node_cols)
    xedges = ET.SubElement(g, "edges", {"count": str(len(es))})
    for e, row in zip(es, edge_rows):
        attrs = {"id": xml_text(f"{e.source}|{e.target}|{e.key}"), "source": xml_text(e.source),
                 "target": xml_text(e.target), "label": e.type, "kind": e.type,
                 "type": "undirected" if e.type in SYMMETRIC_TYPES else "directed"}
        times = {}
        if e.date:
            start, end = interval(e.date)
            attrs.update(start=start, end=end)
            row = {**row, "dated_status": e.status}
            times["dated_status"] = {"start": start, "end": end}
        _attvalues(ET.SubElement(xedges, "edge", attrs), row, edge_cols, times)
    ET.indent(root)
    return ET.ElementTree(root)


def write_gexf(graph: nx.MultiDiGraph, out_path: Path) -> list[Path]:
    """Write ``out_path`` as UTF-8 GEXF 1.3."""
    to_gexf(graph).write(out_path, encoding="utf-8", xml_declaration=True)
    return [out_path]
