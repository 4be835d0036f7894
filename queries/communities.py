"""Clusters of entities that deal mostly with each other (Louvain), described in words.

A community is only useful if it can be told apart at a glance, so each one is described by
its largest members (weighted degree), its dominant kinds and the places its members are in.

References
----------
.. [1] Blondel, V. D., Guillaume, J.-L., Lambiotte, R. and Lefebvre, E. (2008). Fast
   unfolding of communities in large networks. J. Stat. Mech. P10008
   (networkx's ``louvain_communities``).
.. [2] Newman, M. E. J. (2006). Modularity and community structure in networks. PNAS 103(23),
   8577-8582.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

import networkx as nx
import pandas as pd

from graph.filters import Filters
from queries.groups import UNKNOWN, group_label, group_of
from queries.subgraph import weighted_view


@dataclass
class Communities:
    """Louvain partition: its modularity, one described row per community, and membership."""

    modularity: float
    table: pd.DataFrame
    membership: dict[str, int]


def _shares(counter: Counter, top: int) -> str:
    total = sum(counter.values())
    return ", ".join(f"{k} {100 * n / total:.0f}%" for k, n in counter.most_common(top)) if total else ""


def communities(G: nx.MultiDiGraph, filters: Filters | None = None, *,
                weights: Mapping[str, float] | None = None, resolution: float = 1.0, seed: int = 0,
                top: int = 5, places: str = "country", min_size: int = 2) -> Communities:
    """Louvain communities of the undirected weighted filtered graph.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The full projection (places are read from it, see ``queries.groups``).
    filters : graph.filters.Filters, optional
    weights : mapping, optional
        Link-type weight overrides.
    resolution : float
        Louvain resolution: above 1 gives more, smaller communities.
    seed : int
        Louvain visits nodes in random order; a fixed seed makes the result repeatable.
    top : int
        Members, kinds and places named per community.
    places : str
        Grouping used for the ``places`` column (``"country"``, ``"city"`` or a property).
    min_size : int
        Smaller communities (isolated entities, lone pairs) are left out of ``table`` but
        kept in ``membership`` and in the modularity.

    Returns
    -------
    Communities
        ``modularity`` of the whole partition (weighted; NaN for a graph without links);
        ``table``: ``community`` (0 = largest), ``size``, ``internal_weight``, ``members``,
        ``kinds``, ``places``; ``membership``: node id -> community number.
    """
    if resolution <= 0:
        raise ValueError(f"resolution must be positive, not {resolution}")
    if top < 1:
        raise ValueError(f"top must be at least 1, not {top}")
    H = weighted_view(G, filters, weights=weights)
    cols = ["community", "size", "internal_weight", "members", "kinds", "places"]
    if H.number_of_nodes() == 0:
        return Communities(float("nan"), pd.DataFrame(columns=cols), {})
    parts = nx.community.louvain_communities(H, weight="weight", resolution=resolution, seed=seed)
    parts = sorted(parts, key=lambda c: (-len(c), min(c)))
    q = nx.community.modularity(H, parts, weight="weight", resolution=resolution) \
        if H.number_of_edges() else float("nan")
    where = group_of(G, places)
    strength = dict(H.degree(weight="weight"))
    rows = []
    for i, part in enumerate(parts):
        if len(part) < min_size:
            continue
        biggest = sorted(part, key=lambda n: (-strength[n], n))[:top]
        place_count = Counter(group_label(G, places, where[n]) for n in part if where.get(n, UNKNOWN) != UNKNOWN)
        rows.append({
            "community": i, "size": len(part),
            "internal_weight": H.subgraph(part).size(weight="weight"),
            "members": ", ".join(H.nodes[n].get("name", n) for n in biggest),
            "kinds": _shares(Counter(H.nodes[n].get("kind") for n in part), top),
            "places": _shares(place_count, top),
        })
    membership = {n: i for i, part in enumerate(parts) for n in part}
    return Communities(q, pd.DataFrame(rows, columns=cols), membership)
