"""The hand-typed rows of the gazetteer: TSV files in ``data/``, one fact a row, each with its source.

Only what the libraries lack is typed: Vietnamese spellings of foreign places, the display
names the project's ids are made from, the 2025 province mergers, ministries and
international organisations. Blank lines and lines starting with ``#`` are comments.
"""
from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).with_name("data")


@lru_cache(maxsize=None)
def rows(name: str) -> tuple[dict[str, str], ...]:
    """The rows of ``data/<name>.tsv`` as dicts keyed by its header, every row with a ``source``."""
    with open(DATA / f"{name}.tsv", encoding="utf-8", newline="") as f:
        lines = [line for line in f if line.strip() and not line.startswith("#")]
    out = tuple(dict(r) for r in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    for r in out:
        if not r.get("source") or None in r or any(v is None for v in r.values()):
            raise ValueError(f"data/{name}.tsv: malformed row {r}")
    return out


def split(cell: str) -> tuple[str, ...]:
    """A ``|``-separated cell as its parts, blanks dropped."""
    return tuple(p.strip() for p in cell.split("|") if p.strip())
