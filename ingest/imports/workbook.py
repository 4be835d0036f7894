"""The sheets of an ``.xlsx`` workbook as tables, read within ``limits``.

openpyxl trusts the file: it inflates every part it opens, pads each row out to the sheet's
declared dimension and fills the gaps up to a row's declared number. So the archive's
unpacked size is checked before openpyxl sees it, a sheet whose declared dimension is over
the limits is refused, and the rows are then read with the dimension ignored and each row's
width, the row count and the cell count checked as they come. A part that is not well-formed
XML makes openpyxl raise whatever its parser raises; those are turned into one line naming
the file and the sheet.
"""
from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.utils import get_column_letter

from ingest.imports import limits
from ingest.imports.batch import ImportFileError
from ingest.imports.tabular import Table, text

#: What openpyxl raises on a malformed part: XML parse errors are ``SyntaxError``s, bad
#: attribute values ``ValueError``/``TypeError``, missing parts ``KeyError``, broken streams the rest.
_MALFORMED = (SyntaxError, ValueError, TypeError, KeyError, IndexError, AttributeError,
              zipfile.BadZipFile, zlib.error, EOFError, OSError)


def _detail(exc: BaseException) -> str:
    first = str(exc).splitlines()[0] if str(exc) else "malformed part"
    return f"{type(exc).__name__}: {first[:200]}"


def check_archive(path: Path, data: bytes) -> None:
    """Refuse a workbook with too many parts or one that unpacks to more than the limit.

    zipfile never inflates a part past its declared size, so the declared sizes bound the work.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            parts = z.infolist()
    except (zipfile.BadZipFile, ValueError) as exc:
        raise ImportFileError(f"{path}: not a readable .xlsx workbook ({exc})", str(path)) from None
    if len(parts) > limits.MAX_XLSX_PARTS:
        raise ImportFileError(f"{path}: {len(parts)} parts in the workbook, over the limit of "
                              f"{limits.MAX_XLSX_PARTS}", str(path))
    unpacked = sum(p.file_size for p in parts)
    if unpacked > limits.MAX_XLSX_UNPACKED_BYTES:
        raise ImportFileError(f"{path}: the workbook unpacks to more than "
                              f"{limits.MAX_XLSX_UNPACKED_BYTES / 2**20:g} MiB (limit), "
                              f"{unpacked / 2**20:,.0f} MiB", str(path))


def _check_dimension(ws: Any, where: str, path: Path) -> None:
    rows, columns = ws.max_row, ws.max_column
    if rows is None or columns is None:
        return
    if rows > limits.MAX_SHEET_ROWS or columns > limits.MAX_SHEET_COLUMNS:
        declared = f"A1:{get_column_letter(columns)}{rows}"
        raise ImportFileError(f"{where}: the sheet declares {declared} ({rows:,} rows by {columns:,} "
                              f"columns), over the limit of {limits.MAX_SHEET_ROWS:,} rows by "
                              f"{limits.MAX_SHEET_COLUMNS:,} columns", str(path))


def _rows(ws: Any, where: str, path: Path) -> list[tuple[int, list[Any]]]:
    """The sheet's rows, trailing empty cells dropped, each checked against the limits as read."""
    ws.reset_dimensions()
    rows: list[tuple[int, list[Any]]] = []
    cells = 0
    for i, values in enumerate(ws.iter_rows(max_row=limits.MAX_SHEET_ROWS + 1, values_only=True), start=1):
        if i > limits.MAX_SHEET_ROWS:
            raise ImportFileError(f"{where}: more than {limits.MAX_SHEET_ROWS:,} rows (limit)", str(path), i)
        row = list(values)
        while row and row[-1] is None:
            row.pop()
        if len(row) > limits.MAX_SHEET_COLUMNS:
            raise ImportFileError(f"{where}, row {i}: {len(row):,} columns, over the limit of "
                                  f"{limits.MAX_SHEET_COLUMNS:,}", str(path), i)
        cells += sum(c is not None for c in row)
        if cells > limits.MAX_SHEET_CELLS:
            raise ImportFileError(f"{where}: more than {limits.MAX_SHEET_CELLS:,} non-empty cells (limit)",
                                  str(path), i)
        rows.append((i, row))
    return rows


def read_sheets(path: Path, data: bytes, names: tuple[str, ...]) -> list[Table]:
    """The sheets called ``names`` (any case; sheets marked "(ignore)" skipped) as tables."""
    check_archive(path, data)
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except _MALFORMED as exc:
        raise ImportFileError(f"{path}: not a readable .xlsx workbook ({_detail(exc)})", str(path)) from None
    try:
        by_name = {ws.title.strip().casefold(): ws for ws in book.worksheets if "(ignore)" not in ws.title}
        tables = []
        for name in names:
            ws = by_name.get(name.casefold())
            if ws is None:
                raise ImportFileError(f"{path}: no sheet named {name!r} (sheets: "
                                      f"{', '.join(ws.title for ws in book.worksheets)})", str(path))
            where = f"{path}, sheet {name}"
            _check_dimension(ws, where, path)
            try:
                rows = _rows(ws, where, path)
            except ImportFileError:
                raise
            except _MALFORMED as exc:
                raise ImportFileError(f"{where}: malformed sheet XML ({_detail(exc)})", str(path)) from None
            header = [text(c) if c is not None else "" for c in rows[0][1]] if rows else []
            body = [(i, r) for i, r in rows[1:] if any(c is not None and text(c) for c in r)]
            if not header or not any(header):
                raise ImportFileError(f"{where}, row 1: no header row", str(path), 1)
            tables.append(Table(where, "row", header, body, data))
        return tables
    finally:
        book.close()
