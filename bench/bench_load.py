"""Load test: simulated app users running explore, path and brokers queries while an ingest runs.

The users call what the app's pages call (``app.web.data``: the cached projection and the
cached query answers, keyed by the store's version), each in a thread of its own, against
the demo graph enlarged with the Crunchbase dataset (the biggest one). A quarter of the way
in, an ingest of articles starts in another process, so versions change and projections are
rebuilt under load, in the background, each in a process of its own (``app.web.projector``).
The users run in a process of their own, the app's stand-in, which serves a graph it did
not load. Prints p50/p95/p99 latency per action and overall, the errors, and that process's
resident memory: at the start (after one request of each kind, which builds what every
later request on the projection shares), every 30 s, at its peak, at the end, and once the
users have left and the heap is released; and the peak of the projecting processes, which
live only while they project. The ingests make the graph bigger, and so the answers the
users get: to tell growth of the data from growth of the process, a fresh process then runs
the same users for ``FRESH`` seconds on the final graph, without ingest, and reports the same.

    python bench/bench_load.py [--users 20] [--seconds 300] [--ingests 1] [--datasets DIR]

Targets: p95 under 2 s, zero errors, flat memory. Runs in a temporary data directory with
its own server, so it never touches your graph; every request goes to 127.0.0.1.
"""
from __future__ import annotations

import argparse
import contextlib
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

import psutil
import streamlit.logger

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
FRESH = 60  # seconds the fresh process runs the users on the final graph


def _percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))] if values else float("nan")


def _build(datasets: Path) -> None:
    """Load the demo graph and Crunchbase into the data directory, and leave its server running.

    Built in the process that orchestrates, not in the one measured: loading a dataset leaves
    its own heap behind (about 120 MB here), which an app serving a graph that the CLI loaded
    never holds.
    """
    from app.cli.demo import load_demo
    from graph.connect import open_store
    from ingest.datasets import load_dataset

    t = time.perf_counter()
    with open_store() as store:
        load_demo(store)
        for batch in load_dataset("crunchbase", datasets, progress=False):
            store.write_document(batch.document, batch.entities, batch.links)
    print(f"graph built in {time.perf_counter() - t:.0f} s", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=300)
    parser.add_argument("--datasets", type=Path, default=ROOT.parent / "shared" / "datasets")
    parser.add_argument("--ingests", type=int, default=1,
                        help="Ingests of 50 new articles to run one after the other (default 1), to see "
                             "whether memory settles at one level or grows with each.")
    parser.add_argument("--home", type=Path,
                        help="Serve the graph that another run of this bench built and still serves, rather "
                             "than building one: what the measured processes do.")
    args = parser.parse_args()
    for var in ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD"):
        os.environ.pop(var, None)
    home = args.home or Path(tempfile.mkdtemp(prefix="ecograph-load-"))
    os.environ["ECOGRAPH_HOME"] = str(home / "home")
    if args.home is not None:
        _serve(home, args.users, args.seconds, args.ingests)
        return
    from graph import embedded

    try:
        _build(args.datasets)
        runs = [("the app", args.ingests, args.seconds)]
        if args.ingests:
            runs.append((f"a fresh app on the final graph, without ingest, for {FRESH} s", 0, FRESH))
        for label, ingests, seconds in runs:
            print(f"{label}:", flush=True)
            subprocess.run([sys.executable, __file__, "--home", str(home), "--ingests", str(ingests),
                            "--seconds", str(seconds), "--users", str(args.users)], cwd=ROOT, check=True)
    finally:
        embedded.stop()
        shutil.rmtree(home, ignore_errors=True)


def _serve(home: Path, users: int, seconds: float, ingests: int) -> None:
    """Run the users (and the ingests) in this process, the app's stand-in, and report."""
    streamlit.logger.set_log_level("error")  # "no runtime found", for every cache: there is none, by design
    from app.web import data, heap
    from graph.filters import Filters
    from queries.weights import DEFAULT_TIES

    ties = tuple(sorted(DEFAULT_TIES))  # the classes the app's pages open with
    store = data.get_store()
    counts = store.counts()
    print(f"graph: {counts['entities']} entities, {counts['links']} links")
    demo_ids = sorted({n for n, a in data.projection(data.version()).nodes(data=True)
                       if "vn_kr_il_ecosystem.json" in (a.get("sources") or [])})
    names = [data.projection(data.version()).nodes[n]["name"] for n in demo_ids]

    def explore(rng: random.Random) -> None:
        v = data.version()
        hits = data.search(v, rng.choice(names)[:8], 10)
        if hits:
            data.neighbourhood(v, (hits[0]["id"],), Filters(), rng.choice([1, 2]), 60)

    def path(rng: random.Random) -> None:
        v = data.version()
        a, b = rng.sample(demo_ids, 2)
        data.find_paths(v, a, b, Filters(), rng.choice([1, 3]), (), (), False, ties, "en")

    def brokers(rng: random.Random) -> None:
        v = data.version()
        data.side_brokers(v, "viet-nam", "han-quoc", Filters(), ties, "en")

    actions = {"explore": explore, "path": path, "brokers": brokers}
    latencies: dict[str, list[float]] = defaultdict(list)
    errors: list[str] = []
    stop = threading.Event()
    lock = threading.Lock()

    def user(seed: int) -> None:
        rng = random.Random(seed)
        while not stop.is_set():
            name = rng.choice(list(actions))
            t0 = time.perf_counter()
            try:
                with data.reading():  # as the app's page runs do
                    actions[name](rng)
            except Exception as exc:  # a load test counts every failure, whatever it is
                with lock:
                    errors.append(f"{name}: {type(exc).__name__}: {exc}")
            with lock:
                latencies[name].append(time.perf_counter() - t0)
            time.sleep(rng.uniform(0.2, 1.0))  # a person reads the answer before the next click

    warm = random.Random(0)
    for action in actions.values():  # what the first users build once per projection is part of the start
        action(warm)
    proc = psutil.Process()
    rss_start = proc.memory_info().rss
    rss: list[float] = []
    peak = {"app": 0.0, "projector": 0.0}

    def sample() -> None:
        """Every second for the peaks, every 30 s for the series."""
        tick = 0
        while not stop.wait(1):
            tick += 1
            now = proc.memory_info().rss / 2**20
            peak["app"] = max(peak["app"], now)
            with contextlib.suppress(psutil.Error):
                peak["projector"] = max([peak["projector"]] + [
                    c.memory_info().rss / 2**20 for c in proc.children()
                    if "app.web.projector" in c.cmdline()])
            if tick % 30 == 0:
                rss.append(now)

    threading.Thread(target=sample, daemon=True).start()
    batches = []
    for b in range(ingests):
        folder = home / f"articles-{b}"
        folder.mkdir()
        for i in range(10):
            for seed in sorted((ROOT.parent / "shared" / "corpus" / "seeds").glob("*.txt")):
                shutil.copy(seed, folder / f"{b}-{i}_{seed.name}")  # a new name is a new document
        batches.append(folder)
    threads = [threading.Thread(target=user, args=(i,), daemon=True) for i in range(users)]
    started = time.monotonic()
    for th in threads:
        th.start()
    for folder in batches:
        time.sleep(seconds / 4 if folder is batches[0] else seconds / 8)
        begun = time.monotonic() - started
        ingest = subprocess.run([sys.executable, "-m", "app.cli.main", "ingest", "articles", str(folder), "--quiet"],
                                cwd=ROOT, capture_output=True, text=True)
        print(f"ingest during the run, {begun:.0f} s to {time.monotonic() - started:.0f} s: exit {ingest.returncode}, "
              f"{(ingest.stderr.strip().splitlines() or [''])[0]}")
    time.sleep(max(0.0, seconds - (time.monotonic() - started)))
    ran = time.monotonic() - started  # longer than --seconds when the ingests take longer
    stop.set()
    for th in threads:
        th.join(120)
    deadline = time.monotonic() + 300
    while data._served().building and time.monotonic() < deadline:  # a rebuild started by the last requests
        time.sleep(0.5)
    rss_end = proc.memory_info().rss  # once what the last requests asked for is swapped in
    heap.release()
    rss_left = proc.memory_info().rss
    every = [x for xs in latencies.values() for x in xs]
    print(f"{users} users for {ran:.0f} s: {len(every)} requests, {len(errors)} errors")
    for name, xs in sorted(latencies.items()) + [("all", every)]:
        print(f"  {name:<8} n={len(xs):>5}  p50 {_percentile(xs, .5):6.3f} s  p95 {_percentile(xs, .95):6.3f} s  "
              f"p99 {_percentile(xs, .99):6.3f} s  max {max(xs):6.2f} s  mean {statistics.fmean(xs):6.3f} s")
    for e in errors[:10]:
        print(f"  error: {e}")
    print(f"memory of this process: {rss_start / 2**20:,.0f} MB at the start, {rss_end / 2**20:,.0f} MB at the end, "
          f"{rss_left / 2**20:,.0f} MB once the users left and the heap was released; "
          f"every 30 s: {', '.join(f'{x:,.0f}' for x in rss)} MB; peak {peak['app']:,.0f} MB")
    print(f"peak of a projecting process (alive only while it projects): {peak['projector']:,.0f} MB")
    store.close()


if __name__ == "__main__":
    main()
