"""Dataset loading end to end: parse, validate and write into a fresh embedded database.

Prints, for each dataset, the parse time and the write time and rate (links written per
second of writing). Targets on the 2-core reference machine: the YC dataset end to end in
under 10 s, the largest dataset (Crunchbase investor links) at >= 5,000 links/s.

    python bench/bench_datasets.py [DATASETS_DIR]

Runs in a temporary data directory with its own server, so it never touches your graph.
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main(directory: Path) -> None:
    for var in ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD"):
        os.environ.pop(var, None)
    os.environ["ECOGRAPH_HOME"] = tempfile.mkdtemp(prefix="ecograph-bench-")
    from graph import embedded
    from graph.connect import open_store
    from ingest.datasets import load_dataset

    store = open_store()
    try:
        for name, path in (("yc", directory / "yc_startups_2005_2014.csv"), ("crunchbase", directory)):
            start = time.perf_counter()
            batches = load_dataset(name, path, progress=False)
            parsed = time.perf_counter() - start
            for b in batches:
                t = time.perf_counter()
                summary = store.write_document(b.document, b.entities, b.links)
                dt = time.perf_counter() - t
                written = sum(summary.links.values())
                print(f"  {b.document.id:<45} {b.report.rows:>6} rows, {summary.entities_new + summary.entities_merged:>6} "
                      f"entities, {written:>6} links written in {dt:5.2f} s ({written / dt:,.0f} links/s)")
            total = time.perf_counter() - start
            print(f"{name}: parse {parsed:.2f} s, end to end {total:.2f} s")
    finally:
        store.close()
        embedded.stop()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "datasets")
