"""Article extraction speed and yield: start-up, articles per second on one core, what each stage costs.

Reads a corpus (the pool of 473 unannotated articles by default) twice in one process pinned
to one core: once as ``ecograph extract`` does, for articles per second, and once with each
stage wrapped in a timer, for its share (load, clean, dates, sentence split, mention finding,
NER, resolution, links). Prints articles read and skipped, entities by kind and links by type.

Run: .venv/bin/python bench/bench_extract.py [CORPUS_DIR] [--manifest CSV] [--ner]
Targets: start-up < 5 s; >= 10 articles/s on one core; no article skipped on the pool.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from collections import Counter, defaultdict
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

ROOT = Path(__file__).resolve().parents[1]
POOL = ROOT.parent / "shared" / "corpus" / "pool"
STARTUP = ("import time; t = time.perf_counter(); "
           "from ingest.articles.pipeline import extract_file; "
           "extract_file({path!r}); print(time.perf_counter() - t)")


def _one_core() -> str:
    """Pin this process to one CPU, so articles/s is a one-core figure; say which."""
    if not hasattr(os, "sched_setaffinity"):
        return "not pinned (no sched_setaffinity here)"
    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return f"pinned to CPU {cpu}"


def _startup(article: Path) -> None:
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", STARTUP.format(path=str(article))], capture_output=True,
                         text=True, check=True, cwd=ROOT)
    wall = time.perf_counter() - started
    print(f"start-up (fresh interpreter, import + first article): {float(out.stdout):.2f} s "
          f"({wall:.2f} s with interpreter start)")


@contextmanager
def _timed_stages(totals: dict[str, float], sentences: Counter) -> Iterator[None]:
    """Wrap the pipeline's stage functions so that each call adds its time to ``totals[stage]``.

    The pipeline calls its stages through names it imported, so replacing those names (and
    two methods) times every call without touching the pipeline's code. ``sentences`` counts
    what the splitter returns.
    """
    from ingest.articles import ner, pipeline
    from ingest.articles.links import LinkReader
    from ingest.articles.resolve import Resolver

    def timer(stage: str, fn: Callable) -> Callable:
        def timed(*args, **kwargs):
            t = time.perf_counter()
            try:
                out = fn(*args, **kwargs)
            finally:
                totals[stage] += time.perf_counter() - t
            if stage == "sentence split":
                sentences["sentences"] += len(out)
            return out
        return timed

    patches = [(pipeline, "load_article", "load"), (pipeline, "clean", "clean"),
               (pipeline, "article_date", "dates"), (pipeline, "find_dates", "dates"),
               (pipeline, "split_sentences", "sentence split"), (pipeline, "find_mentions", "mentions"),
               (pipeline, "article_locality", "mentions"), (pipeline, "_refs", "mentions"),
               (ner, "person_mentions", "NER (underthesea)"), (pipeline, "group_mentions", "resolution"),
               (Resolver, "resolve", "resolution"), (LinkReader, "read", "links"), (pipeline, "_dedupe", "links")]
    saved = [(owner, name, getattr(owner, name)) for owner, name, _ in patches]
    try:
        for owner, name, stage in patches:
            setattr(owner, name, timer(stage, getattr(owner, name)))
        yield
    finally:
        for owner, name, fn in saved:
            setattr(owner, name, fn)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=POOL, help=f"articles to read (default {POOL})")
    parser.add_argument("--ner", action="store_true", help="also time underthesea's NER (slow: ~4 ms a sentence)")
    parser.add_argument("--manifest", type=Path,
                        help="the corpus's publication dates (as `ecograph extract --manifest`)")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from ingest.articles.pipeline import collect_files, extract_paths

    files = collect_files([args.corpus])
    if not files:
        sys.exit(f"no articles under {args.corpus}")
    _startup(files[0])
    print(f"corpus: {args.corpus} ({len(files)} files), {_one_core()}")
    extract_paths([files[0]], progress=False)  # warm caches, as after start-up

    t = time.perf_counter()
    batch = extract_paths(files, progress=False, manifest=args.manifest)
    seconds = time.perf_counter() - t
    read = len(batch.articles) - len(batch.skipped)
    print(f"articles: {read} read, {len(batch.skipped)} skipped, in {seconds:.2f} s "
          f"-> {read / seconds:.1f} articles/s (one core; target >= 10)")
    for a in batch.skipped:
        print(f"  skipped {a.skipped}")
    kinds = Counter(e.kind for e in batch.entities)
    types = Counter(link.type for link in batch.links)
    print(f"entities (merged): {len(batch.entities)}: " + ", ".join(f"{k} {n}" for k, n in kinds.most_common()))
    print(f"links: {len(batch.links)} ({sum(1 for lk in batch.links if lk.date)} dated, "
          f"{sum(1 for lk in batch.links if lk.status == 'planned')} planned): "
          + ", ".join(f"{k} {n}" for k, n in types.most_common()))

    totals: dict[str, float] = defaultdict(float)
    sentences: Counter = Counter()
    with _timed_stages(totals, sentences):
        t = time.perf_counter()
        extract_paths(files, progress=False, ner=args.ner, manifest=args.manifest)
        timed = time.perf_counter() - t
    print(f"time by stage ({sentences['sentences']:,} sentences; {timed:.2f} s with timers"
          + (", NER on" if args.ner else ", NER off: --ner to time it") + "):")
    for stage, s in sorted(totals.items(), key=lambda kv: -kv[1]):
        print(f"  {stage:<20} {s:7.2f} s  {s / timed:6.1%}  {1000 * s / len(files):6.1f} ms/article")
    other = timed - sum(totals.values())
    print(f"  {'other (validation)':<20} {other:7.2f} s  {other / timed:6.1%}")


if __name__ == "__main__":
    main()
