"""Time and peak memory of each query on a synthetic ecosystem projection, from demo size to 1M links.

Run: .venv/bin/python bench/bench_queries.py [--size demo|10k|100k|500k|1m] [--links N] [--nodes N]
     [--seed 1] [--timeout 600] [--only NAME ...] [--error]

``--size`` picks the number of links (demo: 5,000 links on 1,500 entities; the others: that many
links on one entity per five links, so 500k is the target size of 100,000 entities and
500,000 links). Targets: on the demo graph every query under 1 s; at 100,000 entities and
500,000 links centrality without betweenness under 10 s, approximate betweenness and brokers
under 60 s, path and ego under 0.5 s.

The generator makes a projection of the contract in notes/CONTEXT.md: countries and cities
(LOCATED_IN chains: bodies in cities, cities in countries), bodies of every kind, and dated
links with statuses and source documents between them, both ends drawn in proportion to a
Zipf weight (Chung-Lu), so degrees follow a power law with a few hubs, as in the real graph.

Seconds are wall-clock and CPU (user + system) time; on a shared machine the CPU time is the
steadier figure. Each query runs in a forked child of the process that holds the projection, so one query's
garbage does not inflate the next one's figures. Memory is the child's peak resident set size
(``resource.getrusage(RUSAGE_SELF).ru_maxrss``), which starts at the parent's resident size (the
projection is included); the line above the table gives that baseline. A query still running
after ``--timeout`` seconds is killed and reported as such.

``--error`` measures sampled betweenness and closeness against the exact values on the same kind
of graph (Spearman rank correlation over all nodes and over the exact top 50, the largest and
median relative error in the exact top 50, and how many of the exact top 50 the estimate
also puts in its top 50). Times there are CPU seconds.
"""
from __future__ import annotations

import argparse
import itertools
import os
import random
import resource
import select
import signal
import time

import networkx as nx

KIND_SHARES = {"Startup": 0.35, "Organization": 0.2, "Agency": 0.12, "Fund": 0.08, "Event": 0.08,
               "Program": 0.05, "Park": 0.03, "Person": 0.09}
PARTY_TYPES = ["MET_WITH", "COOPERATES_WITH", "SIGNED_AGREEMENT_WITH", "SUPPORTS", "VISITED", "INVESTED_IN",
               "PART_OF", "FOUNDED", "RUNS"]
SIZES = {"demo": (5_000, 1_500), "10k": (10_000, 2_000), "100k": (100_000, 20_000),
         "500k": (500_000, 100_000), "1m": (1_000_000, 200_000)}
#: Exponent of the degree distribution (real collaboration networks: 2 to 3).
GAMMA = 2.5
#: Above this many links the pure-networkx reference engine is not run (it takes hours).
REFERENCE_UP_TO = 20_000


def synthetic(nodes: int = 1500, links: int = 5000, seed: int = 1) -> nx.MultiDiGraph:
    """A projection with ``nodes`` entities and about ``links`` links."""
    rng = random.Random(seed)
    G = nx.MultiDiGraph()
    n_docs = max(links // 15, 1)
    G.graph["documents"] = {f"doc{i}": {"title": f"Article {i}", "date": "2024", "path": f"corpus/{i:04d}.txt",
                                        "kind": "article"} for i in range(n_docs)}
    countries = [f"country-{i}" for i in range(max(min(nodes // 500, 40), 8))]
    cities = [f"city-{i}" for i in range(max(nodes // 40, 2))]
    for c in countries:
        G.add_node(c, name=c.replace("-", " ").title(), kind="Country", aliases=[], sources=[], confidence=1.0)
    for c in cities:
        G.add_node(c, name=c.replace("-", " ").title(), kind="City", aliases=[], sources=[], confidence=1.0)
    kinds = rng.choices(list(KIND_SHARES), weights=list(KIND_SHARES.values()), k=nodes - len(countries) - len(cities))
    bodies = [f"e{i}" for i in range(len(kinds))]
    for b, k in zip(bodies, kinds):
        G.add_node(b, name=f"{k} {b}", kind=k, aliases=[f"{k[0]}{b}"], sources=[], confidence=1.0)

    def link(u, v, t, status="done", date=None):
        doc = f"doc{rng.randrange(n_docs)}"
        G.add_edge(u, v, key=f"{t}|{doc}", type=t, status=status, date=date, doc=doc,
                   evidence=f"{u} {t} {v}", confidence=round(rng.uniform(0.5, 1.0), 2))

    for c in cities:
        link(c, rng.choice(countries), "LOCATED_IN")
    for b in bodies:
        if rng.random() < 0.8:
            link(b, rng.choice(cities), "LOCATED_IN")
    # Chung-Lu: both ends drawn with probability proportional to a Zipf weight, so expected
    # degrees follow a power law with exponent GAMMA (a few hubs with thousands of links).
    cum = list(itertools.accumulate((i + 1) ** (-1 / (GAMMA - 1)) for i in range(len(bodies))))
    made = G.number_of_edges()
    while made < links:
        batch = links - made + 16
        for u, v in zip(rng.choices(bodies, cum_weights=cum, k=batch), rng.choices(bodies, cum_weights=cum, k=batch)):
            if u == v:
                continue
            kv = G.nodes[v]["kind"]
            t = ("PARTICIPATED_IN" if kv in ("Event", "Program") else
                 "HOLDS_ROLE" if G.nodes[u]["kind"] == "Person" else rng.choice(PARTY_TYPES))
            date = f"{rng.randint(2015, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            link(u, v, t, "planned" if rng.random() < 0.1 else "done", date)
        made = G.number_of_edges()
    return G


def rss_mb() -> float:
    """Peak resident set size of this process so far, in MB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (user + system), so the worker
    processes of sampled betweenness count; a forked child starts from zero."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def measure(run, timeout: float) -> tuple[str, float | None, float | None, float | None]:
    """Run ``run()`` in a forked child: ``(status, wall seconds, CPU seconds, peak MB)``; status ``ok``,
    ``timeout`` or the error."""
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        try:
            t, c = time.perf_counter(), cpu_seconds()
            run()
            msg = f"ok {time.perf_counter() - t} {cpu_seconds() - c} {rss_mb()}"
        except Exception as e:  # reported in the table, the bench goes on
            msg = f"error {type(e).__name__}: {e}"
        os.write(w, msg.encode())
        os._exit(0)
    os.close(w)
    ready, _, _ = select.select([r], [], [], timeout)
    if not ready:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(r)
        return "timeout", None, None, None
    data = b""
    while chunk := os.read(r, 4096):
        data += chunk
    os.close(r)
    os.waitpid(pid, 0)
    text = data.decode()
    if text.startswith("ok "):
        _, s, c, mb = text.split()
        return "ok", float(s), float(c), float(mb)
    return text or "child died", None, None, None


def cases(G: nx.MultiDiGraph, links: int) -> tuple[dict, dict]:
    """The queries to time, named, with their targets (seconds) where the issue sets one: those
    timed from the bare projection, and those timed after it, once the ties every query shares
    have been made (as the app makes them with each projection)."""
    from queries.brief import visit_brief
    from queries.between import side_brokers
    from queries.brokers import brokerage_roles, brokers
    from queries.cuts import cut_points
    from queries.centrality import betweenness, centrality
    from queries.communities import communities
    from queries.ego import ego_network
    from queries.paths import find_paths
    from queries.subgraph import weighted_view
    from queries.ties import shared_ties
    from queries.timeline import links_per_year, new_partners_per_year

    hub = max((n for n in G if G.nodes[n]["kind"] == "Organization"), key=G.degree)
    far = min((n for n in G if G.nodes[n]["kind"] == "Startup" and G.degree(n) > 1), key=G.degree)
    agency = max((n for n in G if G.nodes[n]["kind"] == "Agency"), key=G.degree)
    startup = max((n for n in G if G.nodes[n]["kind"] == "Startup"), key=G.degree)
    five = ["degree", "weighted_degree", "closeness", "eigenvector", "pagerank"]
    cold = {
        "ties of the projection (numpy)": (lambda: shared_ties(G).igraph, None),
        "weighted view (networkx graph of the ties)": (lambda: weighted_view(G), None),
        "centrality without betweenness": (lambda: centrality(G, names=five), 10),
        "path, 5 shortest weighted": (lambda: find_paths(G, far, agency, k=5, weighted=True), None),
    }
    out = {
        "betweenness (auto: sampled above threshold)": (lambda: betweenness(weighted_view(G)), 60),
        "centrality (all six measures)": (lambda: centrality(G), None),
        "brokers (by country)": (lambda: brokers(G), 60),
        "brokerage roles (by kind)": (lambda: brokerage_roles(G, "kind"), 60),
        "brokers between country-0 / country-1": (lambda: side_brokers(G, "country-0", "Country 1"), None),
        "bridges and articulation points": (lambda: cut_points(G), None),
        "path, shortest (ids)": (lambda: find_paths(G, far, agency), 0.5),
        "path, shortest (names)": (lambda: find_paths(G, G.nodes[far]["name"], G.nodes[agency]["name"]), 0.5),
        "path, 5 shortest weighted": (lambda: find_paths(G, far, agency, k=5, weighted=True), 0.5),
        "path, 5 fewest hops": (lambda: find_paths(G, far, agency, k=5), 0.5),
        "ego, 2 hops, budget 100 (hub)": (lambda: ego_network(G, hub, hops=2), 0.5),
        "ego, 1 hop (startup)": (lambda: ego_network(G, G.nodes[startup]["name"]), 0.5),
        "communities (Louvain)": (lambda: communities(G), None),
        "timeline, links per year": (lambda: links_per_year(G), None),
        "timeline, new partners of one entity": (lambda: new_partners_per_year(G, entity=hub), None),
        "brief (city-0, home = the hub)": (lambda: visit_brief(G, "city-0", hub), None),
    }
    if links <= REFERENCE_UP_TO:
        out["centrality, networkx engine (reference)"] = (lambda: centrality(G, engine="networkx"), None)
    return cold, out


def approximation_error(seed: int, nodes: int, links: int, repeats: int) -> None:
    """Print how far sampled betweenness and closeness are from the exact values on one synthetic graph."""
    import numpy as np
    from scipy.stats import spearmanr

    from queries.centrality import CLOSENESS_PIVOTS, DEFAULT_PIVOTS, betweenness, closeness
    from queries.subgraph import weighted_view

    H = weighted_view(synthetic(nodes, links, seed))
    ids = list(H)
    for name, f, k in (("betweenness", betweenness, DEFAULT_PIVOTS), ("closeness", closeness, CLOSENESS_PIVOTS)):
        t = time.process_time()
        exact = f(H, pivots="exact")
        te = time.process_time() - t
        ex = np.array([exact[n] for n in ids])
        top = np.argsort(-ex, kind="stable")[:50]
        print(f"{name} on {H.number_of_nodes()} nodes, {H.number_of_edges()} ties: exact {te:.1f} s CPU; "
              f"{k} pivots, {repeats} seeds:")
        for s in range(repeats):
            t = time.process_time()
            approx = f(H, pivots=k, seed=s)
            ta = time.process_time() - t
            ap = np.array([approx[n] for n in ids])
            rel = np.abs(ap[top] - ex[top]) / ex[top]
            overlap = len(set(top) & set(np.argsort(-ap, kind="stable")[:50]))
            print(f"  seed {s}: {ta:5.2f} s CPU  spearman all {spearmanr(ex, ap).statistic:.4f}  "
                  f"top-50 {spearmanr(ex[top], ap[top]).statistic:.4f}  max rel. error top-50 {rel.max():.3f} "
                  f"(median {np.median(rel):.3f})  top-50 overlap {overlap}/50", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", choices=list(SIZES), default="demo")
    ap.add_argument("--links", type=int, default=None, help="Links (overrides --size).")
    ap.add_argument("--nodes", type=int, default=None, help="Entities (default: from --size, or links / 5).")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--timeout", type=float, default=600, help="Seconds before a query is killed.")
    ap.add_argument("--only", nargs="+", default=None, help="Run only the queries whose name starts so.")
    ap.add_argument("--error", action="store_true",
                    help="Measure the error of sampled betweenness and closeness against exact values instead.")
    args = ap.parse_args()
    links, nodes = SIZES[args.size]
    if args.links is not None:
        links, nodes = args.links, args.links // 5
    nodes = args.nodes or nodes

    t = time.perf_counter()
    import igraph  # noqa: F401  (one-off import costs, paid once per process, reported apart)
    import scipy.sparse.linalg  # noqa: F401

    print(f"imports (scipy, igraph): {time.perf_counter() - t:.2f} s")
    if args.error:
        approximation_error(args.seed, nodes, links, 3)
        return
    t = time.perf_counter()
    G = synthetic(nodes, links, args.seed)
    print(f"synthetic projection: {G.number_of_nodes()} entities, {G.number_of_edges()} links "
          f"({time.perf_counter() - t:.1f} s to build); resident {rss_mb():.0f} MB (peak RSS, ru_maxrss)")
    cold, warm = cases(G, links)
    if args.only:
        cold, warm = ({k: v for k, v in d.items() if any(k.startswith(o) for o in args.only)} for d in (cold, warm))
    width = max(map(len, [*cold, *warm, "query"]))
    print(f"{'query':<{width}}  {'wall s':>8}  {'CPU s':>8}  {'peak MB':>8}  target")
    for title, todo in (("from the bare projection", cold), ("after the projection and its shared ties", warm)):
        if not todo:
            continue
        if todo is warm:
            from queries.ties import shared_ties

            shared_ties(G).igraph  # made in this process, so every forked query finds them
        print(f"-- {title}")
        for name, (run, target) in todo.items():
            report(name, width, target, args.size, measure(run, args.timeout))


def report(name: str, width: int, target: float | None, size: str, result) -> None:
    """One line of the table, flagging a target missed."""
    status, s, c, mb = result
    if status != "ok":
        print(f"{name:<{width}}  {status}", flush=True)
        return
    goal = target if target is not None else (1 if size == "demo" and "reference" not in name else None)
    flag = "" if goal is None else f"< {goal} s" + ("" if s < goal else "  OVER")
    print(f"{name:<{width}}  {s:8.3f}  {c:8.3f}  {mb:8.0f}  {flag}", flush=True)


if __name__ == "__main__":
    main()
