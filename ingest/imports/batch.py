"""What an import reader returns, and the one place where a file's rows become checked records.

Readers only parse their format into dicts keyed by our field names; turning those into
``Entity``/``Link`` records, validating them, checking link ends and deciding whether a bad
row stops the import or is skipped happens here, so every format reports errors the same way:
one line naming the file, the row and the field.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from graph.model import Document, Entity, Link, RecordError, validate_batch, validate_entity, validate_link
from graph.ontology import KINDS, LINK_TYPES

ENTITY_FIELDS = ("id", "name", "kind", "aliases", "confidence", "properties")
LINK_FIELDS = ("source", "target", "type", "doc", "status", "date", "evidence", "confidence", "properties")
_KIND_BY_FOLD = {k.casefold(): k for k in KINDS}


class ImportFileError(RecordError):
    """A bad input file: the message is one line naming the file, the row and the field."""

    def __init__(self, message: str, file: str, line: int | None = None):
        super().__init__(message)
        self.file = file
        self.line = line


@dataclass
class ImportBatch:
    """One imported file (or pair of files) as records ready for the store.

    ``document`` is the import file itself; ``documents`` are the sources the file declares
    (the articles its facts were read from). ``external`` lists link ends that are not
    entities of the file, kept only when the reader was called with ``allow_external=True``:
    the store must check that they already exist before writing anything.
    """

    document: Document
    entities: list[Entity]
    links: list[Link]
    skipped: list[str] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    external: list[str] = field(default_factory=list)


def canonical_kind(value: Any) -> Any:
    """``person`` or ``PERSON`` -> ``Person``; anything else is returned for validation to reject."""
    if isinstance(value, str):
        return _KIND_BY_FOLD.get(value.strip().casefold(), value.strip())
    return value


def canonical_type(value: Any) -> Any:
    """``met with``, ``Met-With`` or ``met_with`` -> ``MET_WITH``; unknown names pass through."""
    if isinstance(value, str):
        name = "_".join(value.replace("-", " ").replace("_", " ").split()).upper()
        return name if name in LINK_TYPES else value.strip()
    return value


def _text_field(fields: dict[str, Any], name: str, where: str) -> None:
    value = fields.get(name)
    if value is None or value == "":
        raise RecordError(f"{where}: missing {name}")
    if not isinstance(value, str):
        raise RecordError(f"{where}: {name} must be text, got {type(value).__name__}")


def _finite(fields: dict[str, Any], where: str) -> None:
    """Refuse NaN and infinities (JSON's ``NaN``/``Infinity``, CSV's ``inf``): no store or tool can use them."""
    props = fields.get("properties")
    values = [("confidence", fields.get("confidence"))]
    values += list(props.items()) if isinstance(props, dict) else []
    for name, value in values:
        for v in value if isinstance(value, list) else [value]:
            if isinstance(v, float) and not math.isfinite(v):
                raise RecordError(f"{where}: {name} {v!r} is not a finite number")


class Collector:
    """Accumulates one file's records, raising on the first bad row or listing it as skipped."""

    def __init__(self, file: str, document_id: str, skip_bad_rows: bool = False,
                 allow_external: bool = False):
        self.file = file
        self.document_id = document_id
        self.skip_bad_rows = skip_bad_rows
        self.allow_external = allow_external
        self.entities: list[Entity] = []
        self.links: list[tuple[str, int, Link]] = []
        self.skipped: list[str] = []
        self._kinds: dict[str, tuple[str, int]] = {}
        self._skipped_ids: set[str] = set()

    def fail(self, message: str, line: int | None, entity_id: Any = None) -> None:
        """Raise ``message`` as an ``ImportFileError``, or list it as skipped in skip mode."""
        if not self.skip_bad_rows:
            raise ImportFileError(message, self.file, line)
        self.skipped.append(message)
        if isinstance(entity_id, str):
            self._skipped_ids.add(entity_id)

    def add_entity(self, where: str, line: int, fields: dict[str, Any]) -> None:
        """Check one entity row (``where`` is e.g. ``file, line 7``) and keep it."""
        eid = fields.get("id")
        where = f"{where}, entity {eid!r}" if isinstance(eid, str) and eid else where
        try:
            _text_field(fields, "kind", where)
            _finite(fields, where)
            entity = validate_entity(Entity(
                id=eid, name=fields.get("name"), kind=canonical_kind(fields.get("kind")),
                aliases=fields.get("aliases") if fields.get("aliases") is not None else [],
                properties=fields.get("properties") or {},
                confidence=1.0 if fields.get("confidence") is None else fields["confidence"]), where)
            first = self._kinds.setdefault(entity.id, (entity.kind, line))
            if first[0] != entity.kind:
                raise RecordError(f"{where}: kind {entity.kind} conflicts with kind {first[0]} "
                                  f"given for the same id on line {first[1]}")
        except RecordError as exc:
            self.fail(str(exc), line, eid)
            return
        self.entities.append(entity)

    def add_link(self, where: str, line: int, fields: dict[str, Any]) -> None:
        """Check one link row; a missing ``doc`` means the import file itself."""
        desc = f"{fields.get('source')!r} -{fields.get('type')}-> {fields.get('target')!r}"
        where = f"{where}, link {desc}"
        try:
            _text_field(fields, "type", where)
            _finite(fields, where)
            status = fields.get("status")
            if status is not None and not isinstance(status, str):
                raise RecordError(f"{where}: status must be text, got {type(status).__name__}")
            link = validate_link(Link(
                source=fields.get("source"), target=fields.get("target"),
                type=canonical_type(fields.get("type")),
                doc=fields.get("doc") or self.document_id,
                status=status.strip().lower() if status else "done",
                date=fields.get("date"), evidence=fields.get("evidence"),
                confidence=1.0 if fields.get("confidence") is None else fields["confidence"],
                properties=fields.get("properties") or {}), where)
        except RecordError as exc:
            self.fail(str(exc), line)
            return
        self.links.append((where, line, link))

    def finish(self, document: Document, documents: list[Document] | None = None) -> ImportBatch:
        """Check link ends against the file's entities and return the batch."""
        known = {e.id for e in self.entities}
        external: set[str] = set()
        links: list[Link] = []
        for where, line, link in self.links:
            bad = None
            for end, eid in (("source", link.source), ("target", link.target)):
                if eid in known:
                    continue
                if eid in self._skipped_ids:
                    bad = f"{where}: {end} {eid!r} is an entity skipped as bad"
                elif not self.allow_external:
                    bad = (f"{where}: {end} {eid!r} is not an entity of this file "
                           f"(allow external ids to link to entities already stored)")
                else:
                    continue
                break
            if bad:
                self.fail(bad, line)
                continue
            external.update(e for e in (link.source, link.target) if e not in known)
            links.append(link)
        entities, links = validate_batch(self.entities, links)
        return ImportBatch(document, entities, links, self.skipped, documents or [], sorted(external))
