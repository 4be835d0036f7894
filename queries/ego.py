"""The neighbourhood of one or more entities, to a few hops, within a node budget.

Two hops around a ministry already reach most of a national ecosystem, so the neighbourhood is
cut to a budget. It is grown hop by hop: at each hop the candidates are ranked by the strength
of their ties to the nodes already kept (``queries.subgraph`` weights), then by degree, and
taken while the budget lasts. Only the links of the entities reached are read (never the
whole graph), so the answer takes a fraction of a second on large graphs. Every kept node is therefore reachable from a centre through
kept nodes, and what was left out is reported by kind rather than silently dropped.
"""
from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import networkx as nx
import pandas as pd

from graph.filters import Filters
from queries.resolve import find_entities
from queries.subgraph import filtered_view, tie_degree, tie_neighbours, ties_of

MAX_HOPS = 3


@dataclass
class EgoResult:
    """A neighbourhood: the sub-projection, its nodes, and what the budget cut."""

    centers: list[str]
    graph: nx.MultiDiGraph
    nodes: pd.DataFrame
    cut: pd.DataFrame
    message: str


def _strongest(strength: Mapping[str, float], room: int, deg) -> list[str]:
    """The ``room`` candidates first by ``(-strength, -deg, id)``, in that order.

    Only the candidates tied in strength with the last one taken need their degree for the
    cut; around a hub that spares reading the links of thousands of neighbours.
    """
    if len(strength) <= room:
        return sorted(strength, key=lambda n: (-strength[n], -deg(n), n))
    bar = heapq.nlargest(room, strength.values())[-1]
    above = [n for n, w in strength.items() if w > bar]
    at_bar = sorted((n for n, w in strength.items() if w == bar), key=lambda n: (-deg(n), n))
    return sorted(above + at_bar[:room - len(above)], key=lambda n: (-strength[n], -deg(n), n))


def ego_network(G: nx.MultiDiGraph, centers: str | Iterable[str], filters: Filters | None = None, *,
                hops: int = 1, budget: int = 100, directed: bool = False,
                weights: Mapping[str, float] | None = None) -> EgoResult:
    """Entities within ``hops`` of ``centers``, at most ``budget`` of them.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A projection.
    centers : str or iterable of str
        Ids, names or aliases (``queries.resolve``).
    filters : graph.filters.Filters, optional
    hops : int
        1 to ``MAX_HOPS``.
    budget : int
        Most nodes returned, centres included (at least the number of centres).
    directed : bool
        Follow outgoing links only (symmetric types both ways).
    weights : mapping, optional
        Link-type weight overrides for ranking neighbours.

    Returns
    -------
    EgoResult
        ``graph``: the filtered projection restricted to the kept nodes (a copy, with
        ``graph["documents"]``). ``nodes``: ``id``, ``name``, ``kind``, ``hops``, ``strength``
        (tie weight to kept nodes one hop nearer), ``degree``. ``cut``: per kind, nodes
        ``reached`` within ``hops``, ``kept`` and ``cut``. ``message`` summarises.

    Raises
    ------
    ValueError
        ``hops`` or ``budget`` out of range, or a centre removed by the filters.
    queries.resolve.EntityLookupError
        Unknown or ambiguous names.
    """
    if not 1 <= hops <= MAX_HOPS:
        raise ValueError(f"hops must be between 1 and {MAX_HOPS}, not {hops}")
    ids = find_entities(G, [centers] if isinstance(centers, str) else centers)
    if not ids:
        raise ValueError("no centre given")
    if budget < len(ids):
        raise ValueError(f"budget must be at least the number of centres ({len(ids)}), not {budget}")
    F = filtered_view(G, filters)
    missing = [c for c in ids if c not in F]
    if missing:
        raise ValueError(f"removed by the filters: {', '.join(missing)}")
    ties: dict[str, dict[str, float]] = {}

    def tied(u: str) -> dict[str, float]:
        if u not in ties:
            ties[u] = ties_of(F, u, directed=directed, weights=weights)
        return ties[u]

    reached = {c: 0 for c in ids}
    frontier = list(ids)
    for h in range(1, hops + 1):
        nxt = {n: h for u in frontier for n in tie_neighbours(F, u, directed=directed) if n not in reached}
        reached.update(nxt)
        frontier = list(nxt)

    degree: dict[str, int] = {}

    def deg(n: str) -> int:
        if n not in degree:
            degree[n] = tie_degree(F, n, directed=directed)
        return degree[n]

    kept = {c: 0.0 for c in ids}
    layer = list(ids)
    for h in range(1, hops + 1):
        room = budget - len(kept)
        if room <= 0:
            break
        strength: dict[str, float] = Counter()
        for u in layer:
            for n, w in tied(u).items():
                if reached[n] == h and n not in kept:
                    strength[n] += w
        layer = _strongest(strength, room, deg)
        kept.update((n, strength[n]) for n in layer)
        if not layer:
            break

    kinds_reached = Counter(G.nodes[n].get("kind") for n in reached)
    kinds_kept = Counter(G.nodes[n].get("kind") for n in kept)
    cut = pd.DataFrame([{"kind": k, "reached": r, "kept": kinds_kept[k], "cut": r - kinds_kept[k]}
                        for k, r in kinds_reached.most_common()], columns=["kind", "reached", "kept", "cut"])
    nodes = pd.DataFrame([{"id": n, "name": G.nodes[n].get("name", n), "kind": G.nodes[n].get("kind"),
                           "hops": reached[n], "strength": s, "degree": deg(n)} for n, s in kept.items()],
                         columns=["id", "name", "kind", "hops", "strength", "degree"])
    sub = nx.MultiDiGraph(F.subgraph(kept))
    sub.graph.update(F.graph)
    dropped = len(reached) - len(kept)
    message = f"{len(kept)} entities within {hops} hop(s)"
    if dropped:
        message += f"; {dropped} more cut by the budget of {budget} (" + ", ".join(
            f"{r['kind']} {r['cut']}" for r in cut.to_dict("records") if r["cut"]) + ")"
    return EgoResult(ids, sub, nodes, cut, message)
