"""Uploaded files to records that are reviewed before anything is written.

The Ingest page reads uploads into ``Staged`` documents (with one message per file that could
not be used), shows what they would add next to what the store already knows, and writes them
only when the user says so. Kept apart from the page so that reading and writing can be
tested without a browser.
"""
from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from graph.model import Document, Entity, Link, RecordError
from graph.store import Store, WriteSummary

#: What the user says the files are -> the file suffixes accepted for it.
KINDS = {"articles": ("txt", "html", "htm"), "import": ("json", "csv", "xlsx"), "yc": ("csv",)}


@dataclass
class Staged:
    """One document's records, read but not written."""

    document: Document
    entities: list[Entity]
    links: list[Link]
    cited: list[Document] = field(default_factory=list)

    def split(self, known: set[str]) -> tuple[list[Entity], list[Entity]]:
        """The entities new to the graph, and those that merge with an entity it has."""
        return ([e for e in self.entities if e.id not in known], [e for e in self.entities if e.id in known])


def _read(kind: str, paths: list[Path], store: Store) -> tuple[list[Staged], list[str]]:
    staged: list[Staged] = []
    errors: list[str] = []
    if kind == "articles":
        from ingest.articles.pipeline import extract_paths

        batch = extract_paths(paths, known=store.known_entities(), progress=False)
        staged = [Staged(a.document, a.entities, a.links) for a in batch.articles if not a.skipped]
        errors = [a.skipped for a in batch.skipped]
    elif kind == "import":
        from ingest.imports import read_import

        try:
            b = read_import(paths)
            staged, errors = [Staged(b.document, b.entities, b.links, list(b.documents))], list(b.skipped)
        except (RecordError, OSError, ValueError) as exc:
            errors = [str(exc)]
    elif kind == "yc":
        from ingest.datasets import load_dataset

        for p in paths:
            try:
                for b in load_dataset("yc", p):
                    staged.append(Staged(b.document, b.entities, b.links))
                    errors += b.report.skipped
            except (RecordError, OSError, ValueError) as exc:
                errors.append(f"{p.name}: {exc}")
    else:
        raise ValueError(f"unknown kind of upload {kind!r}; expected one of {', '.join(KINDS)}")
    return staged, errors


def read_uploads(kind: str, files: list[tuple[str, bytes]], store: Store) -> tuple[list[Staged], list[str]]:
    """Read uploaded ``(file name, content)`` pairs as ``kind``; no database write.

    The files are copied under their own names into a temporary folder (an article's
    document id is its file name, so re-uploading an article updates it rather than adding a
    twin), read there, and the folder removed.
    """
    folder = Path(tempfile.mkdtemp(prefix="ecograph-upload-"))
    try:
        paths = []
        for name, content in files:
            p = folder / Path(name).name
            p.write_bytes(content)
            paths.append(p)
        return _read(kind, paths, store)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def commit(staged: list[Staged], store: Store) -> list[WriteSummary]:
    """Write each staged document in its own transaction, as the CLI's ingest does."""
    return [store.write_document(s.document, s.entities, s.links, cited=s.cited) for s in staged]
