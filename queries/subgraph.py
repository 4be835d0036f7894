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

import threading
import weakref

import contextlib
import gc
import itertools
from collections.abc import Iterable, Iterator, Mapping

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


@contextlib.contextmanager
def bulk_build():
    """Pause the cyclic garbage collector while a graph is built.

    Building a graph allocates millions of small dicts and tuples and no reference cycles;
    the collector would rescan all of them again and again, which doubled the time to collapse
    500,000 links (10 s instead of 5).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


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
    with bulk_build():
        H.add_nodes_from((n, a) for n, a in G.nodes(data=True) if filters.keeps_node(a))
        H.add_edges_from(
            (u, v, k, a) for u, v, k, a in G.edges(keys=True, data=True)
            if u in H and v in H and filters.keeps_link(a)
        )
    return H


def check_weights(weights: Mapping[str, float] | None) -> None:
    """Raise ValueError naming the first link type whose weight is not a positive finite number:
    distances are ``1 / weight``, so zero or negative weights make shortest paths meaningless."""
    for t, w in (weights or {}).items():
        if isinstance(w, bool) or not isinstance(w, (int, float)) or not 0 < w < float("inf"):
            raise ValueError(f"weight of {t} must be a positive number, not {w!r}")


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
    return _distinct(G.edges(data=True))


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
        Per-type overrides of ``DEFAULT_WEIGHTS``.

    Returns
    -------
    networkx.Graph or networkx.DiGraph
        Every node of ``G`` with its attributes; one edge per connected pair with attributes
        ``weight`` (sum of distinct links' weights), ``distance`` (``1 / weight``), ``links``
        (number of distinct links) and ``types`` (sorted list). Self-loops are dropped: a body
        linked to itself says nothing about its position.
    """
    check_weights(weights)
    with bulk_build():
        return _collapse(G, directed, weights)


def _collapse(G: nx.MultiDiGraph, directed: bool, weights: Mapping[str, float] | None) -> nx.Graph | nx.DiGraph:
    ties: dict[tuple, list] = {}  # key -> [u, v, weight, links, types]; first-seen order and direction
    for u, v, a in distinct_links(G):
        if u == v:
            continue
        t = a.get("type")
        w = link_weight(a, weights)
        if directed:
            arcs = ((u, v), (v, u)) if t in SYMMETRIC_TYPES else ((u, v),)
        else:
            arcs = ((u, v),)
        for x, y in arcs:
            k = (x, y) if directed or x <= y else (y, x)
            tie = ties.get(k)
            if tie is None:
                ties[k] = [x, y, w, 1, {t}]
            else:
                tie[2] += w
                tie[3] += 1
                tie[4].add(t)
    H: nx.Graph = nx.DiGraph() if directed else nx.Graph()
    H.graph.update(G.graph)
    H.add_nodes_from(G.nodes(data=True))
    H.add_edges_from((x, y, {"weight": w, "links": n, "types": sorted(ts), "distance": 1.0 / w})
                     for x, y, w, n, ts in ties.values())
    return H


#: Simple graphs already collapsed from a projection, per (filters, direction, weights).
#: Projections are read-only once made (the store and the app hand out shared copies), so a
#: view made for one query serves the next ones on the same projection; it goes with it.
_VIEWS: "weakref.WeakKeyDictionary[nx.MultiDiGraph, dict]" = weakref.WeakKeyDictionary()
_VIEWS_LOCK = threading.Lock()


def weighted_view(G: nx.MultiDiGraph, filters: Filters | None = None, *, directed: bool = False,
                  weights: Mapping[str, float] | None = None) -> nx.Graph | nx.DiGraph:
    """``collapse(filter_graph(G, filters), ...)``: the simple graph most queries run on.

    The result is remembered for ``G`` and shared: callers must not modify it.
    """
    check_weights(weights)
    key = (filters, directed, tuple(sorted(weights.items())) if weights else None)
    with _VIEWS_LOCK:
        views = _VIEWS.setdefault(G, {})
        entry = views.setdefault(key, [threading.Lock(), None])
    with entry[0]:  # one thread collapses, the others wait for its result
        if entry[1] is None:
            entry[1] = collapse(filter_graph(G, filters), directed=directed, weights=weights)
        return entry[1]


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
