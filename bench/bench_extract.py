"""Article extraction speed: start-up time and articles per second on the seed articles x 100.

Run: .venv/bin/python bench/bench_extract.py [N_DOCS]   (targets: start-up < 5 s, >= 20 articles/s)
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "seeds"
STARTUP = ("import time; t = time.perf_counter(); "
           "from ingest.articles.pipeline import extract_file; "
           "extract_file({path!r}); print(time.perf_counter() - t)")


def main(n_docs: int = 500) -> None:
    seeds = sorted(SEEDS.glob("*.txt"))
    if not seeds:
        sys.exit(f"no seed articles under {SEEDS}")
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", STARTUP.format(path=str(seeds[0]))], capture_output=True,
                         text=True, check=True)
    wall = time.perf_counter() - started
    print(f"start-up (fresh interpreter, import + first article): {float(out.stdout):.2f} s "
          f"({wall:.2f} s with interpreter start)")

    from ingest.articles.pipeline import extract_paths

    with tempfile.TemporaryDirectory() as tmp:
        for i in range(n_docs):
            src = seeds[i % len(seeds)]
            shutil.copyfile(src, Path(tmp) / f"{i:04d}_{src.name}")
        extract_paths([seeds[0]], progress=False)  # warm caches, as after start-up
        t = time.perf_counter()
        batch = extract_paths([tmp], progress=False)
        seconds = time.perf_counter() - t
    read = len(batch.articles) - len(batch.skipped)
    print(f"articles: {read} read in {seconds:.2f} s -> {read / seconds:.1f} articles/s (one core)")
    print(f"entities (merged): {len(batch.entities)}, links: {len(batch.links)}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 500)
