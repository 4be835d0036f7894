"""One weighted tie per connected pair, as flat arrays: what the compiled engines read.

A projection holds every reported link. Most measures want one tie per pair (``queries.subgraph``
states the rule: distinct links add up their ``queries.weights`` weight). Walking half a million
links in Python to apply that rule, and then walking the resulting networkx graph again to hand
it to scipy or igraph, was most of the time of every large query. Here the links are read once
into columns and the rule is applied with numpy; sparse matrices and igraph graphs are then
made from the arrays directly.

The arrays keep networkx's orders, so a graph built from them (``subgraph.collapse``) is the
same, node for node and edge for edge, as one built link by link: nodes in projection order,
ties in the order of their first link, each tie in the direction of the first distinct link
that makes it.
"""
from __future__ import annotations

import contextlib
import gc
import weakref
import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property

import networkx as nx
import numpy as np
import pandas as pd

from graph.filters import Filters
from graph.ontology import SYMMETRIC_TYPES
from queries.memo import shared
from queries.weights import (DEFAULT_TIES, OTHER_WEIGHT, PLANNED_FACTOR, check_weights, route_types, weight_table,
                             weights_key)


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


@dataclass(frozen=True, eq=False)
class Ties:
    """Ties between ``nodes``: tie ``i`` joins ``nodes[src[i]]`` and ``nodes[dst[i]]``.

    ``weight`` is the tie's summed weight, ``distance`` its length for shortest paths
    (``1 / weight`` for ties made from links), ``links`` the number of distinct links behind it
    and ``types`` a bit mask over ``type_names`` (sorted, so set bits read in order give
    sorted names). Undirected ties are stored once.
    """

    nodes: list
    directed: bool
    src: np.ndarray
    dst: np.ndarray
    weight: np.ndarray
    distance: np.ndarray
    links: np.ndarray
    types: np.ndarray
    type_names: tuple[str, ...]

    def __iter__(self):
        return iter(self.nodes)

    def __len__(self) -> int:
        return len(self.nodes)

    def number_of_nodes(self) -> int:
        """As networkx's: the measures of ``queries.centrality`` take ties or a graph alike."""
        return len(self.nodes)

    def number_of_edges(self) -> int:
        return len(self.src)

    def is_directed(self) -> bool:
        return self.directed

    def degree(self, weighted: bool = False) -> np.ndarray:
        """Each node's number of ties (in + out when directed), or their summed weight."""
        w = self.weight if weighted else None
        n = len(self.nodes)
        return np.bincount(self.src, weights=w, minlength=n) + np.bincount(self.dst, weights=w, minlength=n)

    @cached_property
    def index(self) -> dict:
        """Node -> its position in ``nodes``."""
        return {n: i for i, n in enumerate(self.nodes)}

    def matrix(self, values: str | None = "weight", *, symmetric: bool = False):
        """The ties as a scipy CSR adjacency matrix over ``nodes``.

        ``values`` is ``"weight"``, ``"distance"`` or None (ones). Undirected ties fill both
        triangles. ``symmetric`` reads a directed graph as undirected, a pair's entry being the
        larger of its two arcs.
        """
        import scipy.sparse as sp

        n = len(self.nodes)
        data = np.ones(len(self.src)) if values is None else getattr(self, values)
        if not self.directed:
            return sp.csr_array((np.concatenate([data, data]), (np.concatenate([self.src, self.dst]),
                                                                  np.concatenate([self.dst, self.src]))), shape=(n, n))
        A = sp.csr_array((data, (self.src, self.dst)), shape=(n, n))
        return sp.csr_array(A.maximum(A.T)) if symmetric else A

    @cached_property
    def igraph(self):
        """The ties as an igraph ``Graph`` (vertex ``i`` is ``nodes[i]``), with edge attributes
        ``weight`` and ``distance``. Made once and shared: callers must not modify it."""
        import igraph

        # a list of tuples: igraph converts it six times faster than a numpy array
        g = igraph.Graph(n=len(self.nodes), edges=list(zip(self.src.tolist(), self.dst.tolist())),
                         directed=self.directed)
        g.es["weight"] = self.weight.tolist()
        g.es["distance"] = self.distance.tolist()
        return g

    def type_lists(self) -> list[list[str]]:
        """Each tie's link types as a sorted list (lists shared between ties with the same types)."""
        names: dict[int, list[str]] = {}
        out = []
        for m in self.types.tolist():
            if m not in names:
                names[m] = [t for b, t in enumerate(self.type_names) if m >> b & 1]
            out.append(names[m])
        return out


def _codes(values: tuple) -> tuple[np.ndarray, list]:
    """Integer codes of ``values`` (any hashable objects, None included) in order of first
    appearance, and the distinct values."""
    column = np.fromiter(values, dtype=object, count=len(values))  # keeps tuples whole
    codes, distinct = pd.factorize(column, use_na_sentinel=False)
    return codes.astype(np.int64), list(distinct)


def _first_per_group(codes: np.ndarray) -> np.ndarray:
    """Index of the first element of each group ``0 .. codes.max()`` (codes in order of first appearance)."""
    return np.unique(codes, return_index=True)[1]


def tie_arrays(G: nx.MultiDiGraph, filters: Filters | None = None, *, directed: bool = False,
               weights: Mapping[str, float] | None = None) -> Ties:
    """The ties of projection ``G`` under ``filters`` (the rule of ``subgraph.collapse``).

    Links of the same type between the same ends (either way for symmetric types) with the
    same date, or undated from the same document, are one link, represented by its most
    confident report (the first one on equal confidence), whose status decides its weight.
    Self-loops are dropped. ``directed``: symmetric types make arcs both ways.
    """
    check_weights(weights)
    filters = no_filter_as_none(filters)
    if filters is None:
        nodes = list(G)
        keep = None
    else:
        nodes = [n for n, a in G.nodes(data=True) if filters.keeps_node(a)]
        keep = set(nodes)
    index = {n: i for i, n in enumerate(nodes)}
    rows = []
    with bulk_build():
        for u, nbrs in G.adjacency():
            if keep is not None and u not in keep:
                continue
            i = index[u]
            for v, keyed in nbrs.items():
                if keep is not None and v not in keep:
                    continue
                j = index[v]
                for a in keyed.values():
                    if filters is None or filters.keeps_link(a):
                        rows.append((i, j, a.get("type"), a.get("status") == "planned",
                                     a.get("date") or ("doc", a.get("doc")), a.get("confidence") or 0))
        return _ties(nodes, rows, directed, weight_table(weights))


def _ties(nodes: list, rows: list[tuple], directed: bool, table: Mapping[str, float]) -> Ties:
    n = len(nodes)
    if rows:
        src_col, dst_col, type_col, planned_col, when_col, conf_col = zip(*rows)
    else:
        src_col = dst_col = type_col = planned_col = when_col = conf_col = ()
    i = np.array(src_col, dtype=np.int64)
    j = np.array(dst_col, dtype=np.int64)
    seen, found = _codes(type_col)
    names = sorted(found, key=lambda t: (t is None, t or ""))
    t = np.array([names.index(x) for x in found] or [0], dtype=np.int64)[seen]
    per_type = np.array([table.get(x, OTHER_WEIGHT) for x in names] or [0.0])
    w = per_type[t] * np.where(np.array(planned_col, dtype=bool), PLANNED_FACTOR, 1.0)
    sym = np.array([x in SYMMETRIC_TYPES for x in names] or [False])[t]
    when, _ = _codes(when_col)
    conf = np.array(conf_col, dtype=float)

    # one row per distinct link: its most confident report, in order of first report
    lo = np.where(sym, np.minimum(i, j), i)
    hi = np.where(sym, np.maximum(i, j), j)
    pair = pd.factorize(lo * max(n, 1) + hi)[0]
    key = pd.factorize((pair * max(len(names), 1) + t) * (int(when.max()) + 1 if len(when) else 1) + when)[0]
    order = np.lexsort((np.arange(len(key)), -conf, key))
    best = order[np.r_[True, key[order][1:] != key[order][:-1]]] if len(order) else order
    best = best[i[best] != j[best]]

    # arcs: each distinct link, followed by its reverse when the type is symmetric and ties directed
    x, y, wa, ta = i[best], j[best], w[best], t[best]
    if directed:
        back = sym[best]
        slot = np.concatenate([2 * np.arange(len(best)), 2 * np.flatnonzero(back) + 1])
        ordered = np.argsort(slot, kind="stable")
        x, y = np.concatenate([x, j[best][back]])[ordered], np.concatenate([y, i[best][back]])[ordered]
        wa, ta = np.concatenate([wa, wa[back]])[ordered], np.concatenate([ta, ta[back]])[ordered]
        tie = pd.factorize(x * max(n, 1) + y)[0]
    else:
        tie = pd.factorize(np.minimum(x, y) * max(n, 1) + np.maximum(x, y))[0]
    first = _first_per_group(tie)
    k = len(first)
    weight = np.bincount(tie, weights=wa, minlength=k)
    mask = np.zeros(k, dtype=np.int64 if len(names) < 63 else object)
    np.bitwise_or.at(mask, tie, (np.ones(len(ta), dtype=mask.dtype) << ta.astype(mask.dtype)))
    return Ties(nodes=nodes, directed=directed, src=x[first], dst=y[first], weight=weight,
                distance=1.0 / weight, links=np.bincount(tie, minlength=k), types=mask, type_names=tuple(names))


def graph_ties(H: nx.Graph | Ties) -> Ties:
    """The ties of simple graph ``H`` as it is (its ``weight`` and ``distance`` attributes,
    default 1), or the ones it was made from when ``H`` is a shared view (``remember``)."""
    if isinstance(H, Ties):
        return H
    made = made_from(H)
    if made is not None:
        return made
    nodes = list(H)
    index = {v: i for i, v in enumerate(nodes)}
    edges = list(H.edges(data=True))
    m = len(edges)
    return Ties(nodes=nodes, directed=H.is_directed(),
                src=np.fromiter((index[u] for u, _, _ in edges), dtype=np.int64, count=m),
                dst=np.fromiter((index[v] for _, v, _ in edges), dtype=np.int64, count=m),
                weight=np.fromiter((d.get("weight", 1.0) for _, _, d in edges), dtype=float, count=m),
                distance=np.fromiter((d.get("distance", 1.0) for _, _, d in edges), dtype=float, count=m),
                links=np.fromiter((d.get("links", 1) for _, _, d in edges), dtype=np.int64, count=m),
                types=np.zeros(m, dtype=np.int64), type_names=())


#: Shared views and the ties they were made from (see ``remember``).
_MADE_FROM: "weakref.WeakKeyDictionary[nx.Graph, Ties]" = weakref.WeakKeyDictionary()


def no_filter_as_none(filters: Filters | None) -> Filters | None:
    """None for filters that keep everything: the fast path, and one shared key, for both ways
    of asking for the whole graph (the app passes ``Filters()``, the queries' default is None)."""
    return None if filters == Filters() else filters


def route_filters(filters: Filters | None = None, ties: Iterable[str] = DEFAULT_TIES) -> Filters:
    """``filters`` narrowed to the link types of tie classes ``ties`` (``queries.weights.TIE_CLASSES``).

    The one place a query's choice of tie classes takes effect: the ties, views and searches
    made under the result (``tie_arrays``, ``shared_ties``, ``filtered_view``) walk only on
    those types, and share their cached results with every other query asking the same.
    A ``types`` filter of the user's is kept (the intersection).
    """
    allowed = route_types(ties)
    filters = filters or Filters()
    types = allowed if filters.types is None else frozenset(filters.types) & allowed
    return dataclasses.replace(filters, types=types)


def shared_ties(G: nx.MultiDiGraph, filters: Filters | None = None, *, directed: bool = False,
                weights: Mapping[str, float] | None = None) -> Ties:
    """``tie_arrays(G, filters, ...)``, made once per projection and shared: callers must not modify it."""
    check_weights(weights)
    key = ("ties", no_filter_as_none(filters), directed, weights_key(weights))
    return shared(G, key, lambda: tie_arrays(G, filters, directed=directed, weights=weights))


def remember(H: nx.Graph, ties: Ties) -> nx.Graph:
    """Record that shared view ``H`` was made from ``ties`` (so ``graph_ties(H)`` is free) and return ``H``."""
    _MADE_FROM[H] = ties
    return H


def made_from(H: nx.Graph) -> Ties | None:
    """The ties shared view ``H`` was made from (``remember``), or None for any other graph."""
    return _MADE_FROM.get(H)
