"""Rows of a CSV file or a spreadsheet sheet, with their line numbers, and cell conversion.

CSV and sheet cells are text (or, from ``.xlsx``, numbers and dates), while records need
lists, numbers and ISO dates; the conversions live here so that the CSV-pair and Kumu
readers agree on them. Headers in ``neo4j-admin import`` style (``id:ID``, ``aliases:string[]``,
``:START_ID``) are understood, so the project's own CSV export reads back in.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graph.export.cells import restore
from graph.model import RecordError, check_date
from ingest.imports import limits
from ingest.imports.batch import ImportFileError
from ingest.imports.source import decode, read_bytes

_NEO4J_SPECIAL = {":ID": "id", ":LABEL": "kind", ":START_ID": "source", ":END_ID": "target", ":TYPE": "type"}
_NON_WORD = re.compile(r"\W+")
TRUE, FALSE = ("true", "yes", "1"), ("false", "no", "0")


@dataclass
class Table:
    """A header and the non-blank rows under it, each with the line (or sheet row) it starts on."""

    name: str          # how errors name it: the file, or "file, sheet S"
    line_word: str     # "line" for CSV, "row" for sheets
    header: list[str]
    rows: list[tuple[int, list[Any]]]
    data: bytes

    def where(self, line: int) -> str:
        return f"{self.name}, {self.line_word} {line}"


def _blank(cells: list[Any]) -> bool:
    return all(c is None or (isinstance(c, str) and not c.strip()) for c in cells)


def read_csv(path: Path) -> Table:
    """Read a CSV file (comma, semicolon or tab separated, as Excel saves it in various locales).

    The quote our exports put before a cell that would run as a formula is taken off again.
    """
    data = read_bytes(path)
    text = decode(data, path)
    first = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first.count)
    csv.field_size_limit(limits.MAX_CSV_FIELD_CHARS)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[tuple[int, list[Any]]] = []
    header: list[str] | None = None
    start = 1
    try:
        for cells in reader:
            cells = [restore(c) for c in cells]
            if header is None:
                header = [c.strip() for c in cells]
            elif not _blank(cells):
                rows.append((start, cells))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise ImportFileError(f"{path}, line {start}: bad CSV: {exc}", str(path), start) from None
    if not header or _blank(header):
        raise ImportFileError(f"{path}, line 1: no header row", str(path), 1)
    return Table(str(path), "line", header, rows, data)


def records(table: Table, aliases: dict[str, str]) -> list[tuple[int, dict[str, Any]]]:
    """Each row as {column: cell}, columns renamed through ``aliases`` (theirs -> ours), empty cells left out."""
    names = [aliases.get(h, h) for h in table.header]
    out = []
    for line, cells in table.rows:
        if len(cells) > len(names):
            raise ImportFileError(f"{table.where(line)}: row has {len(cells)} cells but the header has "
                                  f"{len(names)} columns", table.name, line)
        row = {n: c for n, c in zip(names, cells)
               if n and c is not None and not (isinstance(c, str) and not c.strip())}
        out.append((line, row))
    return out


def require(table: Table, aliases: dict[str, str], columns: tuple[str, ...]) -> None:
    """Raise naming the header line if one of ``columns`` (our names) is missing."""
    have = {aliases.get(h, h) for h in table.header}
    for col in columns:
        if col not in have:
            raise ImportFileError(f"{table.where(1)}: missing column {col!r} "
                                  f"(columns: {', '.join(table.header)})", table.name, 1)


def neo4j_header(name: str) -> tuple[str, str | None]:
    """``aliases:string[]`` -> (``aliases``, ``string[]``); ``:START_ID`` -> (``source``, None)."""
    if name.upper() in _NEO4J_SPECIAL:
        return _NEO4J_SPECIAL[name.upper()], None
    base, sep, kind = name.partition(":")
    if not sep or not base:
        return name, None
    if kind.upper().startswith("ID"):
        return base, None
    return base, kind.lower()


def text(value: Any) -> str:
    """A cell as text: spreadsheet numbers without a spurious ``.0``, dates as ISO."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()[:10]
    return str(value).strip()


def number(value: Any, where: str, name: str) -> float:
    """A cell that must be a finite number (``0,8`` with a decimal comma is accepted; ``nan``,
    ``inf`` and ``1e999``, which ``float`` takes, are not)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        n = float(value)
    else:
        try:
            n = float(text(value).replace(",", "."))
        except ValueError:
            raise RecordError(f"{where}: {name} {value!r} is not a number") from None
    if not math.isfinite(n):
        raise RecordError(f"{where}: {name} {value!r} is not a finite number")
    return n


def split(value: Any, delimiter: str) -> list[str]:
    """A multi-valued cell (``a;b`` or ``a|b``) as a list, blanks dropped."""
    return [p.strip() for p in text(value).split(delimiter) if p.strip()]


def typed(value: Any, kind: str | None, where: str, name: str, delimiter: str = ";") -> Any:
    """Convert a property cell by its neo4j-style type (``int``, ``float``, ``boolean``, ``date``, ``X[]``).

    A ``date`` must be a real ISO date (``2023-02-30`` and ``31/31/2024`` are refused).
    """
    if kind is None:
        return value if isinstance(value, (int, float, bool)) else text(value)
    if kind.endswith("[]"):
        return [typed(v, kind[:-2], where, name) for v in split(value, delimiter)]
    if kind in ("int", "long", "short", "byte"):
        n = number(value, where, name)
        if not n.is_integer():
            raise RecordError(f"{where}: {name} {value!r} is not a whole number")
        return int(n)
    if kind in ("float", "double"):
        return number(value, where, name)
    if kind == "date":
        return check_date(text(value), f"{where}, {name}")
    if kind == "boolean":
        if isinstance(value, bool):
            return value
        t = text(value).lower()
        if t in TRUE or t in FALSE:
            return t in TRUE
        raise RecordError(f"{where}: {name} {value!r} is not true or false")
    return text(value)


def snake(header: str) -> str:
    """A free column header as a property key: ``Net worth`` -> ``net_worth``."""
    return _NON_WORD.sub("_", header.strip().lower()).strip("_") or "column"
