"""Parse time of each dataset in ../shared/datasets (no database): rows, records and rates.

Run: .venv/bin/python bench/bench_datasets_parse.py [DATASETS_DIR]
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

from graph.model import validate_batch
from ingest.datasets import load_dataset

ROOT = Path(__file__).resolve().parents[1]


def main(directory: Path) -> None:
    for name, path in (("yc", directory / "yc_startups_2005_2014.csv"), ("crunchbase", directory)):
        start = time.perf_counter()
        batches = load_dataset(name, path, progress=False)
        parsed = time.perf_counter() - start
        for b in batches:
            validate_batch(b.entities, b.links)
        validated = time.perf_counter() - start - parsed
        rows = sum(b.report.rows for b in batches)
        links = sum(len(b.links) for b in batches)
        entities = sum(len(b.entities) for b in batches)
        print(f"{name:<11} {len(batches)} file(s) {rows:>7} rows -> {entities:>6} entities, {links:>6} links: "
              f"parse {parsed:6.2f} s ({links / parsed:,.0f} links/s), validate {validated:5.2f} s")
        for b in batches:
            print(f"  {b.document.id:<45} {b.report.rows:>6} rows {len(b.links):>6} links")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "datasets")
