"""Records that flow from ``ingest`` to the store, and their validation.

A record is checked once, here, before anything is written: an importer or extractor that
builds records gets a ``RecordError`` naming the record and the field, and the store can
assume every record it receives is well-formed.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from graph.names import nfc, slug
from graph.ontology import KINDS, LINK_TYPES, STATUSES

_ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_SCALARS = (str, int, float, bool)


class RecordError(ValueError):
    """A record that cannot be stored; the message names the record and the field."""


@dataclass
class Entity:
    """A node: ``id`` is a stable slug, ``aliases`` every surface form seen."""

    id: str
    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    properties: dict[str, Any] = field(default_factory=dict)
    confidence: float = 1.0


@dataclass
class Link:
    """A dated, sourced relationship; ``doc`` is the id of the document it was read from."""

    source: str
    target: str
    type: str
    doc: str
    status: str = "done"
    date: str | None = None
    evidence: str | None = None
    confidence: float = 1.0
    properties: dict[str, Any] = field(default_factory=dict)


@dataclass
class Document:
    """One article or dataset file: the unit of provenance and of one write transaction."""

    id: str
    title: str
    path: str
    checksum: str
    date: str | None = None
    kind: str = "article"
    url: str | None = None        # where it was published, when a manifest says (the brief cites it)
    publisher: str | None = None


def entity_id(name: str) -> str:
    """The id an entity named ``name`` gets: its slug, stable across re-ingests."""
    return slug(name)


def check_date(value: Any, where: str) -> str | None:
    """Return an ISO date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) or None; raise on anything else."""
    if value is None or value == "":
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    if not isinstance(value, str) or not _ISO_DATE.match(value):
        raise RecordError(f"{where}: date {value!r} is not ISO 8601 (YYYY, YYYY-MM or YYYY-MM-DD)")
    parts = [int(p) for p in value.split("-")]
    try:
        dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError as exc:
        raise RecordError(f"{where}: date {value!r} is not a real date ({exc})") from None
    return value


def _text(value: Any, where: str, name: str, required: bool = True) -> str:
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise RecordError(f"{where}: missing {name}")
        return ""
    if not isinstance(value, str):
        raise RecordError(f"{where}: {name} must be text, got {type(value).__name__}")
    return nfc(value)


def _confidence(value: Any, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        raise RecordError(f"{where}: confidence {value!r} must be a number from 0 to 1")
    return float(value)


def _properties(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise RecordError(f"{where}: properties must be an object")
    out: dict[str, Any] = {}
    for k, v in value.items():
        if v is None:
            continue
        if isinstance(v, list) and all(isinstance(x, _SCALARS) for x in v):
            out[str(k)] = [nfc(x) if isinstance(x, str) else x for x in v]
        elif isinstance(v, _SCALARS):
            out[str(k)] = nfc(v) if isinstance(v, str) else v
        else:
            raise RecordError(f"{where}: property {k!r} must be a text, number, boolean or list of them")
    return out


def validate_entity(e: Entity, where: str = "") -> Entity:
    """Return a normalised copy of ``e`` (NFC text, deduplicated aliases) or raise ``RecordError``."""
    where = where or f"entity {e.id!r}"
    eid = _text(e.id, where, "id")
    name = _text(e.name, where, "name")
    if e.kind not in KINDS:
        raise RecordError(f"{where}: unknown kind {e.kind!r} (expected one of {', '.join(KINDS)})")
    if not isinstance(e.aliases, (list, tuple)):
        raise RecordError(f"{where}: aliases must be a list of names")
    aliases: list[str] = []
    for a in [name, *e.aliases]:
        a = _text(a, where, "alias")
        if a not in aliases:
            aliases.append(a)
    return Entity(eid, name, e.kind, aliases, _properties(e.properties, where),
                  _confidence(e.confidence, where))


def validate_link(link: Link, where: str = "") -> Link:
    """Return a normalised copy of ``link`` or raise ``RecordError`` naming it."""
    where = where or f"link {link.source!r} -{link.type}-> {link.target!r}"
    source = _text(link.source, where, "source")
    target = _text(link.target, where, "target")
    if link.type not in LINK_TYPES:
        raise RecordError(f"{where}: unknown link type {link.type!r} "
                          f"(expected one of {', '.join(LINK_TYPES)})")
    if link.status not in STATUSES:
        raise RecordError(f"{where}: status {link.status!r} must be 'done' or 'planned'")
    evidence = _text(link.evidence, where, "evidence", required=False) or None
    return Link(source, target, link.type, _text(link.doc, where, "doc"), link.status,
                check_date(link.date, where), evidence, _confidence(link.confidence, where),
                _properties(link.properties, where))


def validate_document(d: Document, where: str = "") -> Document:
    """Return a normalised copy of ``d`` or raise ``RecordError`` naming it."""
    where = where or f"document {d.id!r}"
    return Document(_text(d.id, where, "id"), _text(d.title, where, "title", required=False) or d.id,
                    _text(d.path, where, "path", required=False), _text(d.checksum, where, "checksum"),
                    check_date(d.date, where), _text(d.kind, where, "kind"),
                    _text(d.url, where, "url", required=False) or None,
                    _text(d.publisher, where, "publisher", required=False) or None)


def validate_batch(entities: list[Entity], links: list[Link]) -> tuple[list[Entity], list[Link]]:
    """Validate a document's records together: every link end must be one of its entities or known ids.

    Entities with the same id are merged (aliases united) so that one batch never asks the
    store to create the same node twice.
    """
    merged: dict[str, Entity] = {}
    for i, e in enumerate(entities):
        e = validate_entity(e, f"entity #{i + 1} ({e.id!r})")
        if e.id in merged:
            prev = merged[e.id]
            if prev.kind != e.kind:
                raise RecordError(f"entity #{i + 1} ({e.id!r}): kind {e.kind} conflicts with "
                                  f"kind {prev.kind} given earlier for the same id")
            prev.aliases += [a for a in e.aliases if a not in prev.aliases]
            prev.properties.update(e.properties)
            prev.confidence = max(prev.confidence, e.confidence)
        else:
            merged[e.id] = e
    out_links = [validate_link(link, f"link #{i + 1} ({link.source!r} -{link.type}-> {link.target!r})")
                 for i, link in enumerate(links)]
    return list(merged.values()), out_links
