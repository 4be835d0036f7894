"""Kumu's spreadsheet layout: an Elements sheet and a Connections sheet (``.xlsx``, or two CSVs).

Elements have ``Label`` (required), ``Type``, ``Description``, ``Tags`` (``|``-separated) and
optionally ``ID``; Connections have ``From`` and ``To`` (labels or IDs; several ``|``-separated
targets make one link each), ``Type`` or ``Connection Type``, and any other fields. Kumu users
write types in their own case ("person", "Met with"), so kinds and link types match the
ontology case-insensitively. Elements without an ID get the slug of their label, the same id
an article or dataset would give the same name. A ``¦`` in a multi-valued cell or a link end is
a ``|`` inside one value, as ``export kumu`` writes it (``graph.export.kumu.list_value``).
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from graph.export.kumu import PROPERTY_SUFFIX, from_list_value, list_values
from graph.model import RecordError
from graph.names import key, nfc, slug
from ingest.imports.batch import Collector, ImportBatch, ImportFileError
from ingest.imports.source import import_document, read_bytes
from ingest.imports.tabular import Table, number, read_csv, records, require, snake, text
from ingest.imports.workbook import read_sheets

_ELEMENT_COLUMNS = {"id": "id", "label": "name", "type": "kind", "element type": "kind",
                    "aliases": "aliases", "confidence": "confidence", "sources": "sources"}
_CONNECTION_COLUMNS = {"from": "source", "to": "target", "type": "type", "connection type": "type",
                       "status": "status", "date": "date", "doc": "doc", "document": "doc",
                       "evidence": "evidence", "confidence": "confidence",
                       "direction": "direction", "connection direction": "direction", "id": "kumu_id"}
_DROPPED = ("sources", "direction", "kumu_id")


def _columns(table: Table, known: dict[str, str], mapping: dict[str, str] | None) -> dict[str, str]:
    """Header -> our field name: the user's mapping first, then Kumu's names, then a property key."""
    theirs = {v: k for k, v in (mapping or {}).items()}
    out = {}
    for h in table.header:
        if h.endswith(PROPERTY_SUFFIX):  # a property named like a Kumu column, as export writes it
            out[h] = h[: -len(PROPERTY_SUFFIX)].strip()
        else:
            out[h] = theirs.get(h) or known.get(" ".join(h.lower().split())) or snake(h)
    return out


def _element(row: dict[str, Any], where: str) -> dict[str, Any]:
    fields: dict[str, Any] = {"properties": {}}
    for name, cell in row.items():
        if name in ("id", "name", "kind"):
            fields[name] = text(cell)
        elif name == "aliases":
            fields["aliases"] = list_values(text(cell))
        elif name == "confidence":
            fields["confidence"] = number(cell, where, "confidence")
        elif name == "tags":
            fields["properties"]["tags"] = list_values(text(cell))
        elif name not in _DROPPED:
            fields["properties"][name] = cell if isinstance(cell, (int, float, bool)) else text(cell)
    if "id" not in fields and fields.get("name"):
        fields["id"] = slug(nfc(fields["name"]))
    return fields


def _connection(row: dict[str, Any], where: str) -> dict[str, Any]:
    fields: dict[str, Any] = {"properties": {}}
    for name, cell in row.items():
        if name in ("source", "target", "type", "status", "date", "doc", "evidence"):
            fields[name] = text(cell)
        elif name == "confidence":
            fields["confidence"] = number(cell, where, "confidence")
        elif name == "description" and "evidence" not in row:
            fields["evidence"] = text(cell)
        elif name not in _DROPPED:
            fields["properties"][name] = cell if isinstance(cell, (int, float, bool)) else text(cell)
    return fields


class _Ends:
    """Resolves a From/To cell to an entity id: an element ID, its label, or a spelling of it."""

    def __init__(self, entities: list) -> None:
        self.ids = {e.id for e in entities}
        self.labels: dict[str, str] = {}
        self.keys: dict[str, str] = {}
        for e in entities:
            for name in e.aliases:
                self.labels.setdefault(name, e.id)
                self.keys.setdefault(key(name), e.id)

    def __call__(self, cell: str) -> str:
        name = nfc(cell)
        if name in self.ids:
            return name
        return self.labels.get(name) or self.keys.get(key(name)) or slug(name)


def read_kumu(path: str | Path, connections_path: str | Path | None = None,
              mapping: dict[str, str] | None = None, skip_bad_rows: bool = False,
              allow_external: bool = False) -> ImportBatch:
    """Read a Kumu workbook (``.xlsx``), or an elements CSV plus ``connections_path``, into an ``ImportBatch``.

    ``mapping`` renames columns, ours -> theirs (``{"kind": "Category"}``).
    """
    path = Path(path)
    if path.suffix.lower() == ".xlsx":
        data = read_bytes(path)
        elements, connections = read_sheets(path, data, ("Elements", "Connections"))
        document = import_document([path], [data])
    else:
        if connections_path is None:
            raise ImportFileError(f"{path}: a Kumu CSV import needs the connections CSV as well", str(path))
        elements, connections = read_csv(path), read_csv(Path(connections_path))
        document = import_document([path, Path(connections_path)], [elements.data, connections.data])
    out = Collector(elements.name, document.id, skip_bad_rows, allow_external)
    names = _columns(elements, _ELEMENT_COLUMNS, mapping)
    require(elements, names, ("name",))
    for line, row in records(elements, names):
        where = elements.where(line)
        try:
            fields = _element(row, where)
        except RecordError as exc:
            out.fail(str(exc), line)
            continue
        out.add_entity(where, line, fields)
    resolve = _Ends(out.entities)
    out.file = connections.name
    names = _columns(connections, _CONNECTION_COLUMNS, mapping)
    require(connections, names, ("source", "target"))
    for line, row in records(connections, names):
        where = connections.where(line)
        try:
            fields = _connection(row, where)
        except RecordError as exc:
            out.fail(str(exc), line)
            continue
        source = resolve(from_list_value(fields["source"])) if fields.get("source") else None
        for target in list_values(fields.get("target", "")) or [""]:
            out.add_link(where, line, {**fields, "source": source, "target": resolve(target) if target else None})
    return out.finish(document)
