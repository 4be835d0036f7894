"""Time of each query on a synthetic ecosystem projection (default: demo size, target < 1 s each).

Run: .venv/bin/python bench/bench_queries.py [--nodes 1500] [--links 5000] [--seed 1]

The generator makes a projection of the contract in notes/CONTEXT.md: countries and cities
(LOCATED_IN chains), bodies of every kind placed in cities, and dated, sourced links between
them by preferential attachment, so degrees are heavy-tailed as in the real graph.
"""
from __future__ import annotations

import argparse
import random
import time

import networkx as nx

KIND_SHARES = {"Startup": 0.35, "Organization": 0.2, "Agency": 0.12, "Fund": 0.08, "Event": 0.08,
               "Program": 0.05, "Park": 0.03, "Person": 0.09}
PARTY_TYPES = ["MET_WITH", "COOPERATES_WITH", "SIGNED_AGREEMENT_WITH", "SUPPORTS", "VISITED", "INVESTED_IN",
               "PART_OF", "FOUNDED", "RUNS"]


def synthetic(nodes: int = 1500, links: int = 5000, seed: int = 1) -> nx.MultiDiGraph:
    """A projection with ``nodes`` entities and about ``links`` links."""
    rng = random.Random(seed)
    G = nx.MultiDiGraph()
    n_docs = max(links // 15, 1)
    G.graph["documents"] = {f"doc{i}": {"title": f"Article {i}", "date": "2024", "path": f"corpus/{i:04d}.txt",
                                        "kind": "article"} for i in range(n_docs)}
    countries = [f"country-{i}" for i in range(8)]
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
    targets: list[str] = bodies[:5]
    made = G.number_of_edges()
    while made < links:
        u = rng.choice(bodies)
        v = rng.choice(targets) if rng.random() < 0.7 else rng.choice(bodies)
        if u == v:
            continue
        kv = G.nodes[v]["kind"]
        t = ("PARTICIPATED_IN" if kv in ("Event", "Program") else
             "HOLDS_ROLE" if G.nodes[u]["kind"] == "Person" else rng.choice(PARTY_TYPES))
        date = f"{rng.randint(2015, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        link(u, v, t, "planned" if rng.random() < 0.1 else "done", date)
        targets += [u, v]
        made += 1
    return G


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--nodes", type=int, default=1500)
    ap.add_argument("--links", type=int, default=5000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()

    from queries.brief import visit_brief
    from queries.brokers import brokerage_roles, brokers, connectors, cut_points
    from queries.centrality import centrality
    from queries.communities import communities
    from queries.ego import ego_network
    from queries.paths import find_paths
    from queries.timeline import links_per_year, new_partners_per_year

    t = time.perf_counter()
    import igraph  # noqa: F401  (one-off import costs, paid once per process, reported apart)
    import scipy.sparse.linalg  # noqa: F401
    print(f"imports (scipy, igraph): {time.perf_counter() - t:.2f} s")
    t = time.perf_counter()
    G = synthetic(args.nodes, args.links, args.seed)
    print(f"synthetic projection: {G.number_of_nodes()} nodes, {G.number_of_edges()} links "
          f"({time.perf_counter() - t:.2f} s to build)")
    hub = max((n for n in G if G.nodes[n]["kind"] == "Organization"), key=G.degree)
    far = min((n for n in G if G.nodes[n]["kind"] == "Startup" and G.degree(n) > 1), key=G.degree)
    agency = max((n for n in G if G.nodes[n]["kind"] == "Agency"), key=G.degree)
    cases = {
        "centrality (all six measures)": lambda: centrality(G),
        "centrality, networkx engine (reference)": lambda: centrality(G, engine="networkx"),
        "brokers (by country)": lambda: brokers(G),
        "brokerage roles (by kind)": lambda: brokerage_roles(G, "kind"),
        "connectors country-0 / country-1": lambda: connectors(G, "country-0", "Country 1"),
        "bridges and articulation points": lambda: cut_points(G),
        "path, shortest": lambda: find_paths(G, far, agency),
        "path, 5 shortest weighted": lambda: find_paths(G, far, agency, k=5, weighted=True),
        "ego, 2 hops, budget 100": lambda: ego_network(G, hub, hops=2),
        "communities (Louvain)": lambda: communities(G),
        "timeline, links per year": lambda: links_per_year(G),
        "timeline, new partners of one entity": lambda: new_partners_per_year(G, entity=hub),
        "brief (city-0, home = the hub)": lambda: visit_brief(G, "city-0", hub),
    }
    width = max(map(len, cases))
    for name, run in cases.items():
        t = time.perf_counter()
        run()
        s = time.perf_counter() - t
        over = s >= 1 and "reference" not in name
        print(f"{name:<{width}}  {s:7.3f} s{'  (over the 1 s target)' if over else ''}")


if __name__ == "__main__":
    main()
