"""Generic import: JSON graph files, CSV node/link pairs and Kumu spreadsheets as records.

Every reader returns an ``ImportBatch`` and raises ``ImportFileError`` (a ``RecordError``)
naming the file, row and field of the first bad row, unless ``skip_bad_rows`` is set; the
store writes a batch whole or not at all.
"""
from __future__ import annotations

from pathlib import Path

from ingest.imports.batch import ImportBatch, ImportFileError
from ingest.imports.csv_pair import read_csv_pair
from ingest.imports.json_graph import read_json
from ingest.imports.kumu import read_kumu
from ingest.imports.tabular import read_csv

__all__ = ["ImportBatch", "ImportFileError", "read_csv_pair", "read_import", "read_json", "read_kumu"]


def read_import(paths: list[str | Path], mapping: dict[str, str] | None = None,
                skip_bad_rows: bool = False, allow_external: bool = False) -> ImportBatch:
    """Pick the reader from the files given: one ``.json``, one ``.xlsx``, or two CSVs.

    Two CSVs whose first has a ``Label`` column are Kumu's layout (elements, then connections);
    any other pair is nodes, then links.
    """
    paths = [Path(p) for p in paths]
    opts = dict(mapping=mapping, skip_bad_rows=skip_bad_rows, allow_external=allow_external)
    suffixes = [p.suffix.lower() for p in paths]
    if suffixes == [".json"]:
        return read_json(paths[0], **opts)
    if suffixes == [".xlsx"]:
        return read_kumu(paths[0], **opts)
    if len(paths) == 2:
        if "label" in (h.lower() for h in read_csv(paths[0]).header):
            return read_kumu(paths[0], paths[1], **opts)
        return read_csv_pair(paths[0], paths[1], **opts)
    raise ImportFileError(f"{', '.join(map(str, paths))}: expected one .json file, one .xlsx workbook "
                          "or two CSV files (nodes and links, or Kumu elements and connections)",
                          str(paths[0]) if paths else "")
