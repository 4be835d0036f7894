"""Cut points: the ties and the entities whose loss splits the network.

A bridge is a tie whose removal disconnects its two ends; an articulation point an entity
whose removal splits its component. Both are found by one depth-first search with lowpoints
(Hopcroft and Tarjan [1]_), with how much each cuts off, so the fragile links of an
ecosystem come first. Only route ties count (``queries.weights.TIE_CLASSES``).

References
----------
.. [1] Hopcroft, J. and Tarjan, R. (1973). Algorithm 447: efficient algorithms for graph
   manipulation. Communications of the ACM 16(6), 372-378.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx
import pandas as pd

from graph.filters import Filters
from queries.subgraph import weighted_view
from queries.ties import route_filters
from queries.weights import DEFAULT_TIES


@dataclass
class CutPoints:
    """Links and entities whose removal splits the (undirected) filtered graph."""

    bridges: pd.DataFrame
    articulation_points: pd.DataFrame


def _dfs_cuts(H: nx.Graph) -> tuple[list[tuple[str, str, int]], list[tuple[str, list[int]]]]:
    """One iterative depth-first search (Hopcroft-Tarjan lowpoints) giving, with subtree sizes,
    each bridge with the size of the side below it, and each articulation point with the
    sizes of the pieces its component falls into without it."""
    disc: dict[str, int] = {}
    low: dict[str, int] = {}
    size: dict[str, int] = {}
    bridges, points = [], []
    for root in H:
        if root in disc:
            continue
        comp = len(nx.node_connected_component(H, root))
        disc[root] = low[root] = 0
        size[root] = 1
        counter = 1
        stack = [(root, None, iter(H[root]))]
        cut_below: dict[str, list[int]] = defaultdict(list)
        while stack:
            v, parent, it = stack[-1]
            for w in it:
                if w not in disc:
                    disc[w] = low[w] = counter
                    size[w] = 1
                    counter += 1
                    stack.append((w, v, iter(H[w])))
                    break
                if w != parent:
                    low[v] = min(low[v], disc[w])
            else:
                stack.pop()
                if parent is None:
                    continue
                low[parent] = min(low[parent], low[v])
                size[parent] += size[v]
                if low[v] > disc[parent]:
                    bridges.append((parent, v, min(size[v], comp - size[v])))
                if low[v] >= disc[parent]:
                    cut_below[parent].append(size[v])
        for v, below in cut_below.items():
            pieces = below if v == root else below + [comp - 1 - sum(below)]
            if len(pieces) > 1:
                points.append((v, pieces))
    return bridges, points


def cut_points(G: nx.MultiDiGraph, filters: Filters | None = None, *,
               ties: Iterable[str] = DEFAULT_TIES) -> CutPoints:
    """Bridges and articulation points of the undirected filtered graph of tie classes ``ties``.

    Returns
    -------
    CutPoints
        ``bridges``: ``source``, ``source_name``, ``target``, ``target_name``, ``types``, and
        ``cut_off`` (nodes on the smaller side once the link is gone), largest first.
        ``articulation_points``: ``id``, ``name``, ``kind``, ``pieces`` (components its own
        component falls into without it) and ``cut_off`` (nodes outside the largest of them).
    """
    H = weighted_view(G, route_filters(filters, ties))
    bridges, points = _dfs_cuts(H)
    rows = [{"source": u, "source_name": H.nodes[u].get("name", u), "target": v,
             "target_name": H.nodes[v].get("name", v), "types": ", ".join(H[u][v]["types"]), "cut_off": cut}
            for u, v, cut in bridges]
    bridges_df = pd.DataFrame(rows, columns=["source", "source_name", "target", "target_name", "types", "cut_off"])
    ap = pd.DataFrame([{"id": v, "name": H.nodes[v].get("name", v), "kind": H.nodes[v].get("kind"),
                        "pieces": len(p), "cut_off": sum(p) - max(p)} for v, p in points],
                      columns=["id", "name", "kind", "pieces", "cut_off"])
    return CutPoints(
        bridges_df.sort_values(["cut_off", "source", "target"], ascending=[False, True, True]).reset_index(drop=True),
        ap.sort_values(["cut_off", "id"], ascending=[False, True]).reset_index(drop=True))
