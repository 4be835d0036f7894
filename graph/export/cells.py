"""Cell text for spreadsheets: formula injection neutralised on the way out, undone on the way in.

A spreadsheet opening a CSV runs a cell that begins with ``=``, ``+``, ``-`` or ``@`` as a
formula, and a leading tab or carriage return can hide such a cell; an entity named
``=HYPERLINK(...)`` in an article or a dataset would then act on the reader's machine. As
OWASP's CSV injection guidance recommends, such a cell is written with a single quote in front.
So that our own exports read back exactly, a text that already begins with a quote followed by
one of those characters (or by another quote) gets a quote too, and ``restore`` takes off
exactly one: the pair is a bijection on all text. Only text is touched; numbers stay numbers.
"""
from __future__ import annotations

from typing import Any

#: First characters that make a spreadsheet read a cell as a formula (OWASP, CSV Injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"


def neutralise(value: Any) -> Any:
    """``value`` with a quote in front if it is text a spreadsheet would run (or would lose a quote of)."""
    if not isinstance(value, str):
        return value
    if value[:1] in FORMULA_STARTS or (value[:1] == QUOTE and value[1:2] in (*FORMULA_STARTS, QUOTE)):
        return QUOTE + value
    return value


def restore(cell: str) -> str:
    """Undo ``neutralise``: drop the quote it put in front of a formula character or a quote."""
    if cell[:1] == QUOTE and cell[1:2] in (*FORMULA_STARTS, QUOTE):
        return cell[1:]
    return cell


def safe_row(row: list[Any]) -> list[Any]:
    """Every text cell of ``row`` neutralised."""
    return [neutralise(c) for c in row]
