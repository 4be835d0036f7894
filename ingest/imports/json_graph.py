"""The JSON graph format (``shared/eval/README.md``): what ``export json`` writes and curated files use.

    {"documents": [{"id", "title", "publisher", "date", "path", "checksum", "kind"} | "id", ...],
     "entities":  [{"id", "name", "kind", "aliases", "confidence", "properties", ...}],
     "relations": [{"source", "target", "type", "status", "date", "doc", "evidence",
                    "confidence", "properties", ...}]}

Keys beyond these are taken as properties, so a hand-written file can say ``"website": ...``
or ``"title": ...`` without nesting. Errors give the line each record starts on, which the
standard parser does not report, hence the small walker over the top-level arrays. Nesting is
checked before parsing (``limits.MAX_JSON_DEPTH``): the parser recurses once per level.
"""
from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

from graph.model import Document, RecordError, validate_document
from ingest.imports import limits
from ingest.imports.batch import ENTITY_FIELDS, LINK_FIELDS, Collector, ImportBatch, ImportFileError
from ingest.imports.source import decode, import_document, read_bytes

_WS = re.compile(r"[ \t\n\r]*")
_NESTING = re.compile(r'"(?:[^"\\]|\\.)*"|[\[{\]}]')
#: Node attributes of an export that the store derives again on import.
_DERIVED = ("sources",)


def _top_level(text: str) -> tuple[dict[str, Any], dict[str, list[int]]]:
    """The top-level object, and for each of its array values the line each element starts on."""
    decoder = json.JSONDecoder()
    values: dict[str, Any] = {}
    lines: dict[str, list[int]] = {}
    pos, line = 0, 1

    def line_at(i: int) -> int:
        nonlocal pos, line
        line += text.count("\n", pos, i)
        pos = i
        return line

    i = _WS.match(text).end() + 1  # past "{", checked by the caller
    while True:
        i = _WS.match(text, i).end()
        if text[i] == "}":
            return values, lines
        if text[i] == ",":
            i = _WS.match(text, i + 1).end()
        key, i = json.decoder.scanstring(text, i + 1)
        i = _WS.match(text, _WS.match(text, i).end() + 1).end()  # past ":"
        if text[i] != "[":
            values[key], i = decoder.raw_decode(text, i)
            continue
        items, starts = [], []
        i += 1
        while True:
            i = _WS.match(text, i).end()
            if text[i] == "]":
                i += 1
                break
            if text[i] == ",":
                i = _WS.match(text, i + 1).end()
            starts.append(line_at(i))
            item, i = decoder.raw_decode(text, i)
            items.append(item)
        values[key], lines[key] = items, starts


def _check_depth(text: str, path: Path) -> None:
    """Refuse arrays and objects nested deeper than the limit, naming the line where it is passed."""
    depth = 0
    for m in _NESTING.finditer(text):
        token = m.group()
        if token in "[{":
            depth += 1
            if depth > limits.MAX_JSON_DEPTH:
                line = text.count("\n", 0, m.start()) + 1
                raise ImportFileError(f"{path}, line {line}: arrays and objects nested more than "
                                      f"{limits.MAX_JSON_DEPTH} levels (limit)", str(path), line)
        elif token in "]}":
            depth -= 1


def _split(record: dict[str, Any], known: tuple[str, ...]) -> dict[str, Any]:
    """Known fields as they are; every other key folded into ``properties``."""
    fields = {k: v for k, v in record.items() if k in known}
    extra = {k: v for k, v in record.items() if k not in known and k not in _DERIVED}
    if extra:
        props = fields.get("properties")
        fields["properties"] = {**extra, **props} if isinstance(props, dict) else props or extra
    return fields


def _declared_document(item: Any, where: str) -> Document:
    if isinstance(item, str):
        item = {"id": item}
    if not isinstance(item, dict):
        raise RecordError(f"{where}: a document must be an object or an id, got {type(item).__name__}")
    title = item.get("title")
    publisher = item.get("publisher")
    if isinstance(title, str) and isinstance(publisher, str) and publisher not in title:
        title = f"{title} — {publisher}"
    checksum = item.get("checksum") or hashlib.sha256(
        json.dumps(item, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()
    return validate_document(Document(id=item.get("id"), title=title, path=item.get("path") or "",
                                      checksum=checksum, date=item.get("date"),
                                      kind=item.get("kind") or "article"), where)


def _renamed(record: Any, mapping: dict[str, str] | None) -> Any:
    if not mapping or not isinstance(record, dict):
        return record
    theirs = {v: k for k, v in mapping.items()}
    return {theirs.get(k, k): v for k, v in record.items()}


def read_json(path: str | Path, mapping: dict[str, str] | None = None, skip_bad_rows: bool = False,
              allow_external: bool = False) -> ImportBatch:
    """Read a JSON graph file into an ``ImportBatch``.

    ``mapping`` renames keys (ours -> theirs, e.g. ``{"relations": "edges", "source": "from"}``).
    Raises ``ImportFileError`` naming the file, line and field of the first bad record, unless
    ``skip_bad_rows`` is set, in which case bad records are listed in ``skipped``.
    """
    path = Path(path)
    data = read_bytes(path)
    text = decode(data, path)
    _check_depth(text, path)
    try:
        top = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFileError(f"{path}, line {exc.lineno}, column {exc.colno}: bad JSON: {exc.msg}",
                              str(path), exc.lineno) from None
    except ValueError as exc:  # e.g. an integer longer than Python converts
        raise ImportFileError(f"{path}: bad JSON: {exc}", str(path)) from None
    if not isinstance(top, dict):
        raise ImportFileError(f"{path}, line 1: expected an object with \"entities\" and \"relations\", "
                              f"got {type(top).__name__}", str(path), 1)
    values, lines = _top_level(text)
    values = _renamed(values, mapping)
    lines = _renamed(lines, mapping)
    rel_key = "relations" if "relations" in values else "links"
    if "entities" not in values and rel_key not in values:
        raise ImportFileError(f"{path}, line 1: no \"entities\" or \"relations\" list", str(path), 1)
    document = import_document([path], [data])
    out = Collector(str(path), document.id, skip_bad_rows, allow_external)
    documents: list[Document] = []
    for key, kind in (("documents", "document"), ("entities", "entity"), (rel_key, "link")):
        items = values.get(key, [])
        if not isinstance(items, list):
            raise ImportFileError(f"{path}: \"{key}\" must be a list, got {type(items).__name__}", str(path))
        for item, line in zip(items, lines.get(key, [])):
            where = f"{path}, line {line}"
            if kind == "document":
                try:
                    documents.append(_declared_document(item, where))
                except RecordError as exc:
                    out.fail(str(exc), line)
                continue
            item = _renamed(item, mapping)
            if not isinstance(item, dict):
                out.fail(f"{where}: {kind}: must be an object, got {type(item).__name__}", line)
            elif kind == "entity":
                out.add_entity(where, line, _split(item, ENTITY_FIELDS))
            else:
                out.add_link(where, line, _split(item, LINK_FIELDS))
    return out.finish(document, documents)
