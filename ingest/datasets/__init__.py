"""Startup datasets as records: one ``DatasetBatch`` per input file, no database access.

``load_dataset("yc", path)`` and ``load_dataset("crunchbase", directory)`` are what the CLI
and the store call; each parser lives in its own module and is registered here by name.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from ingest.datasets.crunchbase import load_crunchbase
from ingest.datasets.records import BatchReport, DatasetBatch
from ingest.datasets.yc import load_yc

__all__ = ["DATASETS", "BatchReport", "DatasetBatch", "load_dataset"]

#: Dataset name -> parser of a path (a file for "yc", a directory or {role: path} for "crunchbase").
DATASETS: dict[str, Callable[..., list[DatasetBatch]]] = {
    "yc": lambda path, progress=None: [load_yc(path)],
    "crunchbase": load_crunchbase,
}


def load_dataset(name: str, path: Path | str | dict, progress: bool | None = None) -> list[DatasetBatch]:
    """Parse dataset ``name`` at ``path`` into batches, one per file, to be written one by one.

    ``progress`` shows a tqdm bar on the long files (None: only on a terminal).
    """
    try:
        parse = DATASETS[name]
    except KeyError:
        raise ValueError(f"unknown dataset {name!r}; expected one of {', '.join(DATASETS)}") from None
    return parse(path, progress=progress)
