"""What is known about an article from outside its text: a manifest row or a batch-wide date.

Many saved articles carry no date line (a 2017 page printed without its header), so "ngày
19/5" has no year unless someone says when the article was published. A manifest CSV says it
per file (columns ``file``, ``published`` and optionally ``url``, ``title``, ``publisher``);
``--published`` says it for a whole batch. Both are checked before any article is read, and a
bad row stops the run with the manifest's name and the row's line, because a silently wrong
publication date would date every link in the article wrongly.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Iterable

from graph.model import RecordError, check_date

REQUIRED_COLUMNS = ("file", "published")
OPTIONAL_COLUMNS = ("url", "title", "publisher")


class ManifestError(ValueError):
    """A manifest that cannot be used; the message names the file and the row."""


@dataclass(frozen=True)
class Source:
    """An article's publication date (ISO, maybe year-only) and where it was published."""

    published: str | None = None
    url: str | None = None
    title: str | None = None
    publisher: str | None = None


@dataclass(frozen=True)
class ManifestRow:
    """One row: the file it names (as written, with forward slashes) and what it says of it."""

    line: int
    file: str
    source: Source


def check_published(value: str, where: str) -> str:
    """``value`` as an ISO date (YYYY, YYYY-MM or YYYY-MM-DD), or ``ManifestError`` naming ``where``."""
    try:
        iso = check_date(value.strip(), where)
    except RecordError as exc:
        raise ManifestError(str(exc)) from None
    if iso is None:
        raise ManifestError(f"{where}: no publication date")
    return iso


def read_manifest(path: Path) -> list[ManifestRow]:
    """Every row of the manifest at ``path``, checked: a named file, a real date, no file twice."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ManifestError(f"manifest {path}: cannot read ({exc})") from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    columns = [c.strip().lower() for c in reader.fieldnames or []]
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    if missing:
        raise ManifestError(f"manifest {path}: no column {', '.join(missing)} "
                            f"(the header must name {', '.join(REQUIRED_COLUMNS)}; "
                            f"optional: {', '.join(OPTIONAL_COLUMNS)})")
    rows: list[ManifestRow] = []
    seen: dict[str, int] = {}
    for record in reader:
        line = reader.line_num
        where = f"manifest {path}, line {line}"
        cells = {(k or "").strip().lower(): (v or "").strip() for k, v in record.items() if isinstance(v, str)}
        name = cells.get("file", "")
        if not name:
            raise ManifestError(f"{where}: no file name")
        key = PurePosixPath(name.replace("\\", "/")).as_posix()
        if key in seen:
            raise ManifestError(f"{where}: {name} is already listed on line {seen[key]}")
        seen[key] = line
        published = check_published(cells["published"], f"{where} ({name})") if cells.get("published") else None
        rows.append(ManifestRow(line, key, Source(published, *(cells.get(c) or None for c in OPTIONAL_COLUMNS))))
    return rows


def _names(file: Path, base: Path) -> set[str]:
    """The names a manifest row may use for ``file``: its base name and its path relative to ``base``."""
    names = {file.name, file.as_posix()}
    try:
        names.add(file.resolve().relative_to(base.resolve()).as_posix())
    except ValueError:
        pass
    return names


def match_manifest(path: Path, files: Iterable[Path]) -> dict[Path, Source]:
    """Each article file's manifest row, by base name or by path relative to the manifest's folder.

    Every row must name exactly one of ``files``: a row for a file not given (a typo, or the
    wrong folder) is an error, as is a base name two given files share.
    """
    path = Path(path)
    files = list(files)
    by_name: dict[str, list[Path]] = {}
    for f in files:
        for name in _names(f, path.parent):
            by_name.setdefault(name, []).append(f)
    out: dict[Path, Source] = {}
    for row in read_manifest(path):
        where = f"manifest {path}, line {row.line}"
        found = by_name.get(row.file, [])
        if not found:
            raise ManifestError(f"{where}: {row.file} is not among the articles given")
        if len(set(found)) > 1:
            raise ManifestError(f"{where}: {row.file} names {len(set(found))} of the articles given "
                                f"({', '.join(sorted(f.as_posix() for f in set(found))[:3])}); "
                                "write its path relative to the manifest's folder")
        out[found[0]] = row.source
    return out


def batch_sources(files: Iterable[Path], manifest: Path | None = None,
                  published: str | None = None) -> dict[Path, Source]:
    """What is known about each file from outside: its manifest row, else the batch's date.

    A manifest row without a date takes ``published`` too.
    """
    files = list(files)
    if published is not None:
        published = check_published(published, "--published")
    rows = match_manifest(manifest, files) if manifest is not None else {}
    out: dict[Path, Source] = {}
    for f in files:
        row = rows.get(f, Source())
        if row.published is None and published is not None:
            row = Source(published, row.url, row.title, row.publisher)
        if row != Source():
            out[f] = row
    return out
