"""Checks on a dataset file and its cells that every dataset parser shares.

Dataset files are large, public and hand-edited: a cell can say ``inf`` or ``NaN`` (which
``float`` accepts and ``int`` cannot take), a field can run past the csv module's limit, and
a path can name a device. Each check here either refuses the file in one line naming it and
the line, or leaves the cell out with a warning naming the line, never a traceback.
"""
from __future__ import annotations

import csv
import math
from pathlib import Path

from ingest.datasets.records import BatchReport
from ingest.imports import limits
from ingest.imports.source import check_regular


def open_checked(path: Path) -> None:
    """Refuse a path that is not a regular file, and set the csv field limit the readers rely on.

    A field over the limit then makes the reader raise ``csv.Error``, which the parsers turn into
    ``bad_csv`` naming the line.
    """
    check_regular(path)
    csv.field_size_limit(limits.MAX_CSV_FIELD_CHARS)


def bad_csv(path: Path, line: int, exc: Exception) -> ValueError:
    """The one-line error for a CSV the csv module cannot read (a field over the limit, a NUL byte)."""
    return ValueError(f"{path}, line {line}: bad CSV: {exc}")


def whole(cell: str | None) -> int | None:
    """A whole number from a numeric cell ("1750000", "2012.0", "3,000"); None if none or not finite."""
    try:
        value = float((cell or "").replace(",", "").strip())
    except ValueError:
        return None
    return int(value) if math.isfinite(value) else None


def whole_or_warn(cell: str | None, report: BatchReport, line: int, field: str) -> int | None:
    """``whole(cell)``, with a warning naming the line when the cell is a number but not a finite one."""
    try:
        value = float((cell or "").replace(",", "").strip())
    except ValueError:
        return None
    if not math.isfinite(value):
        report.warn(line, f"field {field!r} is {cell!r}, not a finite number; left out")
        return None
    return int(value)
