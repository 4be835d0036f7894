"""From the projection to the graph a query runs on: filtered, directed or not, weighted, simple.

The projection keeps every reported link (one edge per type and document). Most measures want
one weighted tie per pair instead, so this module decides once how links add up to a tie.

Link weights are ``queries.weights``'s table. A pair's tie weight is the sum over its *distinct*
links, where links of the same type and the same date between the same pair are one occurrence
(the same meeting reported by several articles counts once; three meetings on three dates
count three times). Distances for shortest paths, betweenness and closeness are ``1 / weight``,
so strong ties are short. ``queries.ties`` applies the rule to a whole projection at once.
"""
from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Mapping

import networkx as nx

from graph.filters import Filters
from graph.ontology import SYMMETRIC_TYPES
from queries.memo import shared
from queries.ties import Ties, bulk_build, no_filter_as_none, remember, shared_ties, tie_arrays
from queries.weights import DEFAULT_WEIGHTS, OTHER_WEIGHT, PLANNED_FACTOR, check_weights, link_weight, weights_key

__all__ = ["DEFAULT_WEIGHTS", "OTHER_WEIGHT", "PLANNED_FACTOR", "check_weights", "collapse",
           "distinct_links", "filter_graph", "filtered_view", "graph_of", "link_weight", "links_among",
           "links_of", "tie_degree", "tie_neighbours", "ties_of", "weighted_view"]


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
        ``None``, or filters that keep everything (``Filters()``, the app's default), return
        ``G`` itself: callers must not modify the result.
    """
    filters = no_filter_as_none(filters)
    if filters is None:
        return G
    H = nx.MultiDiGraph()
    H.graph.update(G.graph)
    with bulk_build():
        H.add_nodes_from((n, a) for n, a in G.nodes(data=True) if filters.keeps_node(a))
        H.add_edges_from(
            (u, v, k, a) for u, v, k, a in G.edges(keys=True, data=True)
            if u in H and v in H and filters.keeps_link(a)
        )
    return H


def distinct_links(G: nx.MultiDiGraph) -> Iterator[tuple[str, str, dict]]:
    """Yield ``(u, v, attrs)`` once per distinct link: same ends, type and date count once.

    Symmetric types match in either stored direction. The most confident report is kept, so
    its evidence is the one shown. Undated links are all distinct (nothing says they are the
    same occurrence) unless they also share the document. Read from the adjacency rather
    than ``G.edges``, for the reason ``links_among`` gives.
    """
    return _distinct((u, v, a) for u, nbrs in G.succ.items() for v, keyed in nbrs.items() for a in keyed.values())


def links_among(F: nx.MultiDiGraph, nodes: Iterable[str]) -> Iterator[tuple[str, str, dict]]:
    """``distinct_links(F.subgraph(nodes))`` for a few nodes (the ends of a hop, an entity and
    a partner), without making the subgraph view.

    A networkx view whose edges have been read keeps them in a view that points back at it: a
    reference cycle, which holds ``F`` until the collector's next full pass. With ``F`` a
    filtered copy of a large projection, that kept tens of MB per query alive under load.
    """
    nodes = [n for n in dict.fromkeys(nodes) if n in F]
    pairs = (itertools.product(nodes, repeat=2) if F.is_directed()
             else itertools.combinations_with_replacement(nodes, 2))
    return _distinct((u, v, a) for u, v in pairs if F.has_edge(u, v) for a in F[u][v].values())


def links_of(F: nx.MultiDiGraph, node: str) -> Iterator[tuple[str, str, dict]]:
    """The distinct links of ``node``, in and out (``distinct_links`` of the links that touch
    it), read from the adjacency for the reason ``links_among`` gives."""
    out = ((node, v, a) for v, keyed in F.succ[node].items() for a in keyed.values())
    into = ((u, node, a) for u, keyed in F.pred[node].items() for a in keyed.values() if u != node)
    return _distinct(itertools.chain(into, out))


def _distinct(edges: Iterable[tuple[str, str, dict]]) -> Iterator[tuple[str, str, dict]]:
    best: dict[tuple, tuple[str, str, dict]] = {}
    for u, v, a in edges:
        t = a.get("type")
        ends = ((u, v) if u <= v else (v, u)) if t in SYMMETRIC_TYPES else (u, v)
        k = (ends, t, a.get("date") or ("doc", a.get("doc")))
        seen = best.get(k)
        if seen is None or (a.get("confidence") or 0) > (seen[2].get("confidence") or 0):
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
        Per-type overrides of ``queries.weights.DEFAULT_WEIGHTS``.

    Returns
    -------
    networkx.Graph or networkx.DiGraph
        Every node of ``G`` with its attributes; one edge per connected pair with attributes
        ``weight`` (sum of distinct links' weights), ``distance`` (``1 / weight``), ``links``
        (number of distinct links) and ``types`` (sorted list). Self-loops are dropped: a body
        linked to itself says nothing about its position. Nodes come in ``G``'s order and
        edges in the order of their first link (``queries.ties``).
    """
    return graph_of(G, tie_arrays(G, directed=directed, weights=weights))


def graph_of(G: nx.MultiDiGraph, ties: Ties) -> nx.Graph | nx.DiGraph:
    """The simple networkx graph of ``ties`` (made from projection ``G``), with ``G``'s node attributes."""
    H: nx.Graph = nx.DiGraph() if ties.directed else nx.Graph()
    H.graph.update(G.graph)
    nodes = ties.nodes
    with bulk_build():
        H.add_nodes_from((n, G.nodes[n]) for n in nodes)
        H.add_edges_from((nodes[x], nodes[y], {"weight": w, "links": k, "types": ts, "distance": d})
                         for x, y, w, k, ts, d in zip(ties.src.tolist(), ties.dst.tolist(), ties.weight.tolist(),
                                                      ties.links.tolist(), ties.type_lists(), ties.distance.tolist()))
    return H


def weighted_view(G: nx.MultiDiGraph, filters: Filters | None = None, *, directed: bool = False,
                  weights: Mapping[str, float] | None = None) -> nx.Graph | nx.DiGraph:
    """``collapse(filter_graph(G, filters), ...)``: the simple graph most queries run on.

    The result is made once per projection and shared (``queries.ties.shared``): callers must
    not modify it. ``queries.ties.graph_ties`` gives its arrays without another walk.
    """
    check_weights(weights)
    key = ("view", no_filter_as_none(filters), directed, weights_key(weights))

    def make() -> nx.Graph:
        ties = shared_ties(G, filters, directed=directed, weights=weights)
        return remember(graph_of(G, ties), ties)

    return shared(G, key, make)


def filtered_view(G: nx.MultiDiGraph, filters: Filters | None = None) -> nx.MultiDiGraph:
    """``filter_graph`` as a read-only view: nothing is copied, so queries that only look around
    a few entities (paths, neighbourhoods) do not pay for the whole graph."""
    if filters is None:
        return G
    return nx.subgraph_view(G, filter_node=lambda n: filters.keeps_node(G.nodes[n]),
                            filter_edge=lambda u, v, k: filters.keeps_link(G[u][v][k]))


def _incident(F: nx.MultiDiGraph, u: str) -> Iterator[tuple[str, str, dict]]:
    for v, keyed in F.succ[u].items():
        for a in keyed.values():
            yield u, v, a
    for x, keyed in F.pred[u].items():
        if x != u:
            for a in keyed.values():
                yield x, u, a


def ties_of(F: nx.MultiDiGraph, u: str, *, directed: bool = False,
            weights: Mapping[str, float] | None = None) -> dict[str, float]:
    """The tie weights ``collapse(F, directed=directed)[u]`` would give ``u``, from ``u``'s own links only.

    Undirected: every neighbour. Directed: the targets of ``u``'s arcs (its outgoing links and
    symmetric links either way). Same rule as ``collapse`` (distinct links, planned factor).
    """
    check_weights(weights)
    out: dict[str, float] = {}
    for x, y, a in _distinct(_incident(F, u)):
        if x == y:
            continue
        other = y if x == u else x
        if directed and x != u and a.get("type") not in SYMMETRIC_TYPES:
            continue
        out[other] = out.get(other, 0.0) + link_weight(a, weights)
    return out


def tie_degree(F: nx.MultiDiGraph, u: str, *, directed: bool = False) -> int:
    """``collapse(F, directed=directed).degree(u)`` from ``u``'s own links (in + out arcs when directed)."""
    if not directed:
        return len((set(F.succ[u]) | set(F.pred[u])) - {u})
    outs, ins = set(F.succ[u]), set(F.pred[u])
    for v, keyed in F.succ[u].items():
        if any(a.get("type") in SYMMETRIC_TYPES for a in keyed.values()):
            ins.add(v)
    for x, keyed in F.pred[u].items():
        if any(a.get("type") in SYMMETRIC_TYPES for a in keyed.values()):
            outs.add(x)
    return len(outs - {u}) + len(ins - {u})


def tie_neighbours(F: nx.MultiDiGraph, u: str, *, directed: bool = False, forward: bool = True) -> Iterator[str]:
    """The entities ``u`` has a tie with in ``collapse(F, directed=directed)`` (possibly repeated).

    Directed: forward the targets of ``u``'s arcs, backward their sources (symmetric types
    count both ways). Cheaper than ``ties_of`` when only who, not how strongly, matters.
    """
    if not directed:
        return (x for x in itertools.chain(F.succ[u], F.pred[u]) if x != u)
    along, against = (F.succ, F.pred) if forward else (F.pred, F.succ)
    return (x for x in itertools.chain(along[u], (x for x, keyed in against[u].items()
                                                  if any(a.get("type") in SYMMETRIC_TYPES for a in keyed.values())))
            if x != u)
