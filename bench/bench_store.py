"""Store throughput: upsert a synthetic graph into the embedded database, then project it.

Prints entities/s and links/s (provenance included: a Document node, MENTIONS of every
entity, the source on every link), projection seconds, and the peak memory of this Python
process. Targets on the 2-core reference machine: >= 15,000 entities/s, >= 5,000 links/s,
projection of 100,000 links < 5 s, peak memory < 1 GB.

    python bench/bench_store.py [--entities 20000] [--links 100000] [--docs 20]

Runs in a temporary data directory with its own server, so it never touches your graph.
"""
from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=20000)
    parser.add_argument("--links", type=int, default=100000)
    parser.add_argument("--docs", type=int, default=20, help="documents the graph is split into")
    args = parser.parse_args()
    for var in ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD"):
        os.environ.pop(var, None)
    os.environ["ECOGRAPH_HOME"] = tempfile.mkdtemp(prefix="ecograph-bench-")

    from graph import embedded
    from graph.connect import open_store
    from graph.model import Document, Entity, Link, validate_batch
    from graph.ontology import KINDS

    rng = random.Random(7)
    kinds = list(KINDS)
    types = ["MET_WITH", "COOPERATES_WITH", "SIGNED_AGREEMENT_WITH", "PARTICIPATED_IN", "SUPPORTS"]
    entities = [Entity(f"e{i}", f"Entity number {i}", kinds[i % len(kinds)], [f"E{i}", f"Thực thể {i}"],
                       {"founded": 2000 + i % 20}) for i in range(args.entities)]
    batches = []
    per_doc_e = args.entities // args.docs
    per_doc_l = args.links // args.docs
    for d in range(args.docs):
        es = entities[d * per_doc_e:(d + 1) * per_doc_e]
        ids = [e.id for e in es]
        ls = [Link(rng.choice(ids), rng.choice(ids), rng.choice(types), f"doc{d}",
                   date=f"20{rng.randrange(10, 25)}-{rng.randrange(1, 13):02d}", evidence="synthetic",
                   confidence=0.9) for _ in range(per_doc_l)]
        batches.append((Document(f"doc{d}", f"doc {d}", f"doc{d}", f"c{d}"), *validate_batch(es, ls)))
    store = open_store()
    try:
        t = time.perf_counter()
        for doc, es, _ in batches:
            store.write_document(doc, es, [])
        t_e = time.perf_counter() - t
        t = time.perf_counter()
        n_links = 0
        for doc, es, ls in batches:
            n_links += sum(store.write_document(doc, es, ls, force=True).links.values())
        t_all = time.perf_counter() - t
        t_l = max(t_all - t_e, 1e-9)  # the forced rewrite repeats the entity work
        t = time.perf_counter()
        g = store.project()
        t_p = time.perf_counter() - t
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"entities: {len(entities)} in {t_e:.2f} s = {len(entities) / t_e:,.0f} entities/s")
        print(f"links: {n_links} in {t_l:.2f} s = {n_links / t_l:,.0f} links/s "
              f"(document rewrite incl. entities: {t_all:.2f} s)")
        print(f"projection: {g.number_of_nodes()} nodes, {g.number_of_edges()} links in {t_p:.2f} s")
        print(f"peak memory of this process: {peak:,.0f} MB")
    finally:
        store.close()
        embedded.stop()


if __name__ == "__main__":
    main()
