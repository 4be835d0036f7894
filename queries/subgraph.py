"""From the projection to the graph a query runs on: filtered, directed or not, weighted, simple.

The projection keeps every reported link (one edge per type and document). Most measures want
one weighted tie per pair instead, so this module decides once how links add up to a tie.

Link weights (``DEFAULT_WEIGHTS``, overridable by passing ``weights``):

=========================  ======  ===================================================
type                       weight  why
=========================  ======  ===================================================
SIGNED_AGREEMENT_WITH      3.0     a signed commitment is the strongest tie reported
COOPERATES_WITH            2.0     ongoing joint work without a signing
INVESTED_IN, ACQUIRED      2.0     money changed hands
PART_OF, HOLDS_ROLE, RUNS  2.0     structural membership or control
FOUNDED                    2.0
MET_WITH, VISITED          1.0     one working session; repeated ones add up
SUPPORTS, ORGANIZED        1.0
LOCATED_IN                 1.0
PARTICIPATED_IN            0.5     attending an event is a weak, often crowded tie
=========================  ======  ===================================================

A pair's tie weight is the sum over its *distinct* links, where links of the same type and
the same date between the same pair are one occurrence (the same meeting reported by several
articles counts once; three meetings on three dates count three times). Planned links count
``PLANNED_FACTOR`` of their weight. Distances for shortest paths, betweenness and closeness
are ``1 / weight``, so strong ties are short.
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping

import networkx as nx

from graph.filters import Filters
from graph.ontology import SYMMETRIC_TYPES

DEFAULT_WEIGHTS: dict[str, float] = {
    "SIGNED_AGREEMENT_WITH": 3.0,
    "COOPERATES_WITH": 2.0,
    "INVESTED_IN": 2.0,
    "ACQUIRED": 2.0,
    "PART_OF": 2.0,
    "HOLDS_ROLE": 2.0,
    "RUNS": 2.0,
    "FOUNDED": 2.0,
    "MET_WITH": 1.0,
    "VISITED": 1.0,
    "SUPPORTS": 1.0,
    "ORGANIZED": 1.0,
    "LOCATED_IN": 1.0,
    "PARTICIPATED_IN": 0.5,
}
#: Weight of a type missing from the table.
OTHER_WEIGHT = 1.0
#: Share of its weight that a planned (not yet done) link contributes.
PLANNED_FACTOR = 0.5


def filter_graph(G: nx.MultiDiGraph, filters: Filters | None = None) -> nx.MultiDiGraph:
    """Return the part of projection ``G`` that passes ``filters``, as a new ``MultiDiGraph``.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A projection (node key = entity id, edge attrs ``type``, ``status``, ``date``, ...).
    filters : graph.filters.Filters, optional
        Nodes failing ``Filters.keeps_node`` are dropped with their links; links failing
        ``Filters.keeps_link`` are dropped. Nodes left without links are kept, so a kind
        filter alone does not hide isolated entities. ``None`` keeps everything.

    Returns
    -------
    networkx.MultiDiGraph
        Attributes, including ``G.graph["documents"]``, are shared with ``G`` (not copied).
    """
    if filters is None:
        return G
    H = nx.MultiDiGraph()
    H.graph.update(G.graph)
    H.add_nodes_from((n, a) for n, a in G.nodes(data=True) if filters.keeps_node(a))
    H.add_edges_from(
        (u, v, k, a) for u, v, k, a in G.edges(keys=True, data=True)
        if u in H and v in H and filters.keeps_link(a)
    )
    return H


def link_weight(attrs: Mapping, weights: Mapping[str, float] | None = None) -> float:
    """Weight of one link from its ``type`` and ``status`` (see the module table).

    ``weights`` replaces entries of ``DEFAULT_WEIGHTS`` type by type; types it does not name
    keep their default.
    """
    table = DEFAULT_WEIGHTS if weights is None else {**DEFAULT_WEIGHTS, **weights}
    w = table.get(attrs.get("type"), OTHER_WEIGHT)
    return w * PLANNED_FACTOR if attrs.get("status") == "planned" else w


def distinct_links(G: nx.MultiDiGraph) -> Iterator[tuple[str, str, dict]]:
    """Yield ``(u, v, attrs)`` once per distinct link: same ends, type and date count once.

    Symmetric types match in either stored direction. The most confident report is kept, so
    its evidence is the one shown. Undated links are all distinct (nothing says they are the
    same occurrence) unless they also share the document.
    """
    best: dict[tuple, tuple[str, str, dict]] = {}
    for u, v, a in G.edges(data=True):
        t = a.get("type")
        ends = tuple(sorted((u, v))) if t in SYMMETRIC_TYPES else (u, v)
        occurrence = a.get("date") or ("doc", a.get("doc"))
        k = (ends, t, occurrence)
        if k not in best or (a.get("confidence") or 0) > (best[k][2].get("confidence") or 0):
            best[k] = (u, v, a)
    yield from best.values()


def collapse(G: nx.MultiDiGraph, *, directed: bool = False,
             weights: Mapping[str, float] | None = None) -> nx.Graph | nx.DiGraph:
    """Collapse projection ``G`` to a simple weighted ``Graph`` (or ``DiGraph``).

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A (filtered) projection.
    directed : bool
        If True return a ``DiGraph`` in which symmetric types (MET_WITH,
        SIGNED_AGREEMENT_WITH, COOPERATES_WITH) give arcs both ways and the others keep their
        stored direction. If False (default) return an undirected ``Graph``.
    weights : mapping, optional
        Per-type overrides of ``DEFAULT_WEIGHTS``.

    Returns
    -------
    networkx.Graph or networkx.DiGraph
        Every node of ``G`` with its attributes; one edge per connected pair with attributes
        ``weight`` (sum of distinct links' weights), ``distance`` (``1 / weight``), ``links``
        (number of distinct links) and ``types`` (sorted list). Self-loops are dropped: a body
        linked to itself says nothing about its position.
    """
    H: nx.Graph = nx.DiGraph() if directed else nx.Graph()
    H.graph.update(G.graph)
    H.add_nodes_from(G.nodes(data=True))
    for u, v, a in distinct_links(G):
        if u == v:
            continue
        w = link_weight(a, weights)
        arcs = [(u, v)]
        if directed and a.get("type") in SYMMETRIC_TYPES:
            arcs.append((v, u))
        for x, y in arcs:
            if H.has_edge(x, y):
                e = H[x][y]
                e["weight"] += w
                e["links"] += 1
                if a.get("type") not in e["types"]:
                    e["types"] = sorted([*e["types"], a.get("type")])
            else:
                H.add_edge(x, y, weight=w, links=1, types=[a.get("type")])
    for _, _, e in H.edges(data=True):
        e["distance"] = 1.0 / e["weight"]
    return H


def weighted_view(G: nx.MultiDiGraph, filters: Filters | None = None, *, directed: bool = False,
                  weights: Mapping[str, float] | None = None) -> nx.Graph | nx.DiGraph:
    """``collapse(filter_graph(G, filters), ...)``: the simple graph most queries run on."""
    return collapse(filter_graph(G, filters), directed=directed, weights=weights)
