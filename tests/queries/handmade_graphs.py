"""Builders of small projections by hand, following the projection contract of notes/CONTEXT.md."""
from __future__ import annotations

import networkx as nx


def projection(nodes: list[tuple], links: list[tuple], documents: dict | None = None) -> nx.MultiDiGraph:
    """Build a projection from ``(id, name, kind, aliases, props)`` and
    ``(source, type, target, doc, date, status, props)`` tuples (trailing fields optional)."""
    G = nx.MultiDiGraph()
    G.graph["documents"] = documents or {}
    for n in nodes:
        i, name, kind, *rest = n
        aliases = rest[0] if rest else []
        props = rest[1] if len(rest) > 1 else {}
        G.add_node(i, name=name, kind=kind, aliases=aliases, sources=[], confidence=1.0, **props)
    for link in links:
        u, t, v, doc, *rest = link
        date = rest[0] if rest else None
        status = rest[1] if len(rest) > 1 else "done"
        props = rest[2] if len(rest) > 2 else {}
        G.add_edge(u, v, key=f"{t}|{doc}", type=t, status=status, date=date, doc=doc,
                   evidence=f"{u} {t} {v} ({doc})", confidence=props.pop("confidence", 0.9), **props)
    return G


def simple(edges, kind="Organization", directed=False, type_="MET_WITH") -> nx.MultiDiGraph:
    """A projection of one link per edge of ``edges`` (node ids used as names)."""
    nodes = sorted({n for e in edges for n in e[:2]})
    return projection([(n, n, kind) for n in nodes], [(u, type_, v, f"d{i}") for i, (u, v) in enumerate(edges)])


def random_projection(seed: int, nodes: int = 30, links: int = 90) -> nx.MultiDiGraph:
    """A projection of random links of mixed types (symmetric or not), statuses and dates, with
    repeated reports of one meeting, repeated meetings and a self-loop: the cases the collapsing
    rules treat differently."""
    import random

    rng = random.Random(seed)
    ids = [f"n{i}" for i in range(nodes)]
    groups = "ABC"
    types = ["MET_WITH", "COOPERATES_WITH", "SUPPORTS", "INVESTED_IN", "PARTICIPATED_IN"]
    spec = []
    for i in range(links):
        u, v = rng.choice(ids), rng.choice(ids)
        date = rng.choice([None, "2023", "2024-05", "2024-05-02"])
        spec.append((u, rng.choice(types), v, f"d{rng.randrange(links // 3)}", date,
                     "planned" if rng.random() < 0.2 else "done"))
    spec.append((ids[0], "MET_WITH", ids[0], "d0", "2024"))
    return projection([(n, f"Name {n}", "Organization", [], {"team": rng.choice(groups)}) for n in ids], spec)
