"""One dataset file as one batch of records, built up row by row.

The store writes a batch in one transaction and needs every link end inside it, so the
builder keeps one entity per id (later rows add aliases and fill missing properties) and
drops repeated links, counting what it drops so the report can say so.
"""
from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.model import Document, Entity, Link
from graph.ontology import LINK_TYPES


@dataclass
class BatchReport:
    """What happened to one file: rows read, rows skipped (with where and why), figures."""

    path: str
    rows: int = 0
    skipped: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)

    def skip(self, line: int, reason: str) -> None:
        self.skipped.append(f"{self.path}, line {line}: {reason}")

    def warn(self, line: int, reason: str) -> None:
        self.warnings.append(f"{self.path}, line {line}: {reason}")


@dataclass
class DatasetBatch:
    """The records of one input file, written by the store in one transaction."""

    document: Document
    entities: list[Entity]
    links: list[Link]
    report: BatchReport


def dataset_document(path: Path, title: str, date: str | None = None) -> Document:
    """The provenance record of a dataset file: named by its file name, like articles."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return Document(path.name, title, str(path), digest, date, "dataset")


class BatchBuilder:
    """Entities by id and links without repeats, for one file."""

    def __init__(self, document: Document, report: BatchReport):
        self.document = document
        self.report = report
        self._entities: dict[str, Entity] = {}
        self._links: dict[tuple, Link] = {}

    def add(self, e: Entity) -> str:
        """Add ``e`` or fold it into the entity of the same id; return the id.

        An id keeps the kind it was first given: callers choose kinds before ids, so a clash
        here means one name stands for two things and is reported, not silently relabelled.
        """
        known = self._entities.get(e.id)
        if known is None:
            self._entities[e.id] = Entity(e.id, e.name, e.kind, list(e.aliases), dict(e.properties),
                                          e.confidence)
            return e.id
        if known.kind != e.kind:
            self.report.counts["kind clashes"] += 1
            self.report.warnings.append(f"{self.report.path}: {e.name!r} is a {e.kind} and a "
                                        f"{known.kind}; kept as {known.kind} ({e.id})")
        known.aliases += [a for a in e.aliases if a not in known.aliases]
        for k, v in e.properties.items():
            if v is not None:
                known.properties.setdefault(k, v)
        return e.id

    def link(self, source: str, target: str, type_: str, date: str | None = None,
             properties: dict[str, Any] | None = None) -> bool:
        """Add a link once per (source, target, type, date); return whether it was new."""
        k = (source, target, type_, date)
        if k in self._links:
            self.report.counts[f"repeated {type_} links dropped"] += 1
            return False
        self._links[k] = Link(source, target, type_, self.document.id, date=date,
                              properties={p: v for p, v in (properties or {}).items() if v is not None})
        return True

    def batch(self) -> DatasetBatch:
        """The batch so far, with the report's counts of entities and links by kind and type.

        A link whose ends the ontology does not allow for its type (a fund "invested in" a
        fund) is dropped and counted: the kinds were settled by rules, and the store and the
        queries rely on the ontology's ends.
        """
        links = []
        for x in self._links.values():
            t = LINK_TYPES[x.type]
            if self._entities[x.source].kind in t.sources and self._entities[x.target].kind in t.targets:
                links.append(x)
            else:
                self.report.counts[f"{x.type} links with disallowed ends dropped"] += 1
        self.report.counts["entities"] = len(self._entities)
        for t, n in Counter(x.type for x in links).items():
            self.report.counts[f"{t} links"] = n
        for k, n in Counter(e.kind for e in self._entities.values()).items():
            self.report.counts[f"{k} entities"] = n
        return DatasetBatch(self.document, list(self._entities.values()), links, self.report)
