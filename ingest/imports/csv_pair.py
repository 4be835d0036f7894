"""A pair of CSV files: nodes (id, name, kind, aliases, ...) and links (source, target, type, ...).

Columns other than the known ones become properties. ``aliases`` holds several names
separated by ``;``. Headers in ``neo4j-admin import`` style are read too (``id:ID``,
``:LABEL`` as ``Entity;Kind``, ``founded_year:int``, ``:START_ID``, ``:END_ID``, ``:TYPE``),
which is what ``export csv`` writes.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from graph.model import RecordError
from graph.ontology import ENTITY_LABEL
from ingest.imports.batch import ENTITY_FIELDS, LINK_FIELDS, Collector, ImportBatch
from ingest.imports.source import import_document
from ingest.imports.tabular import Table, neo4j_header, number, read_csv, records, require, split, text, typed

ARRAY_DELIMITER = ";"
_TEXT_FIELDS = ("id", "name", "kind", "source", "target", "type", "doc", "status", "date", "evidence")


def _aliases(table: Table, mapping: dict[str, str] | None) -> tuple[dict[str, str], dict[str, str | None]]:
    """Header -> our field name, and our field name -> neo4j-style type of its column."""
    theirs = {v: k for k, v in (mapping or {}).items()}
    names: dict[str, str] = {}
    kinds: dict[str, str | None] = {}
    for h in table.header:
        name, kind = neo4j_header(theirs.get(h, h))
        names[h] = name
        kinds[name] = kind
    return names, kinds


def _fields(row: dict[str, Any], kinds: dict[str, str | None], known: tuple[str, ...], where: str,
            delimiter: str) -> dict:
    fields: dict[str, Any] = {}
    props: dict[str, Any] = {}
    for name, cell in row.items():
        if name == "kind":
            labels = [x for x in split(cell, delimiter) if x != ENTITY_LABEL]
            fields["kind"] = labels[0] if len(labels) == 1 else text(cell)
        elif name == "aliases":
            fields["aliases"] = split(cell, delimiter)
        elif name == "confidence":
            fields["confidence"] = number(cell, where, "confidence")
        elif name in _TEXT_FIELDS:
            fields[name] = text(cell)
        elif name in known or name == "sources":
            continue
        else:
            props[name] = typed(cell, kinds.get(name), where, name, delimiter)
    fields["properties"] = props
    return fields


def read_table(out: Collector, table: Table, mapping: dict[str, str] | None, entities: bool,
               delimiter: str = ARRAY_DELIMITER) -> None:
    """Feed one nodes (``entities=True``) or links table into ``out``."""
    out.file = table.name
    names, kinds = _aliases(table, mapping)
    require(table, names, ("id", "name", "kind") if entities else ("source", "target", "type"))
    for line, row in records(table, names):
        where = table.where(line)
        try:
            fields = _fields(row, kinds, ENTITY_FIELDS if entities else LINK_FIELDS, where, delimiter)
        except RecordError as exc:
            out.fail(str(exc), line, row.get("id"))
            continue
        (out.add_entity if entities else out.add_link)(where, line, fields)


def read_csv_pair(nodes_path: str | Path, links_path: str | Path, mapping: dict[str, str] | None = None,
                  skip_bad_rows: bool = False, allow_external: bool = False,
                  array_delimiter: str = ARRAY_DELIMITER) -> ImportBatch:
    """Read a nodes CSV and a links CSV into one ``ImportBatch`` (document named after the nodes file).

    ``mapping`` renames columns, ours -> theirs (``{"id": "ID", "name": "Label"}``), in both files.
    ``array_delimiter`` separates aliases and list values (``import.sh`` of a CSV export names it).
    """
    nodes, links = read_csv(Path(nodes_path)), read_csv(Path(links_path))
    document = import_document([Path(nodes_path), Path(links_path)], [nodes.data, links.data])
    out = Collector(nodes.name, document.id, skip_bad_rows, allow_external)
    read_table(out, nodes, mapping, entities=True, delimiter=array_delimiter)
    read_table(out, links, mapping, entities=False, delimiter=array_delimiter)
    return out.finish(document)
