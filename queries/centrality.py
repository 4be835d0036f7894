"""Who is central: degree, weighted degree, betweenness, closeness, eigenvector, PageRank.

networkx is the reference for every measure. Betweenness and closeness are all-pairs
shortest-path computations that pure Python makes slow (minutes at 5,000 nodes), so above
``IGRAPH_FROM`` nodes they run on igraph's compiled code, converted back to networkx's
normalisation; tests check that both engines give the same numbers on small graphs.

References
----------
.. [1] Freeman, L. C. (1977). A set of measures of centrality based on betweenness.
   Sociometry 40(1), 35-41.
.. [2] Brandes, U. (2001). A faster algorithm for betweenness centrality.
   Journal of Mathematical Sociology 25(2), 163-177.
.. [3] Wasserman, S. and Faust, K. (1994). Social Network Analysis. Cambridge UP (closeness
   corrected for disconnected graphs, as networkx's ``wf_improved``).
.. [4] Bonacich, P. (1987). Power and centrality: a family of measures. American Journal of
   Sociology 92(5), 1170-1182.
.. [5] Page, L., Brin, S., Motwani, R. and Winograd, T. (1999). The PageRank citation
   ranking: bringing order to the web. Stanford InfoLab.
"""
from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import networkx as nx
import pandas as pd

from graph.filters import Filters
from queries.subgraph import weighted_view

MEASURES = ("degree", "weighted_degree", "betweenness", "closeness", "eigenvector", "pagerank")
#: Graphs with at least this many nodes use igraph for betweenness and closeness.
IGRAPH_FROM = 500
#: Components up to this size use networkx's power iteration (scipy's sparse eigensolver needs
#: more nodes than the eigenvectors it is asked for, and is slower on tiny matrices).
SMALL_COMPONENT = 10


def _engine(H: nx.Graph, engine: str) -> str:
    if engine not in ("auto", "networkx", "igraph"):
        raise ValueError(f"engine must be auto, networkx or igraph, not {engine!r}")
    if engine == "auto":
        return "igraph" if H.number_of_nodes() >= IGRAPH_FROM else "networkx"
    return engine


def _to_igraph(H: nx.Graph):
    import igraph

    nodes = list(H)
    index = {n: i for i, n in enumerate(nodes)}
    g = igraph.Graph(n=len(nodes), edges=[(index[u], index[v]) for u, v in H.edges()],
                     directed=H.is_directed())
    g.es["distance"] = [d for _, _, d in H.edges(data="distance", default=1.0)]
    return g, nodes


def betweenness(H: nx.Graph, *, weighted: bool = True, engine: str = "auto") -> dict[str, float]:
    """Normalised betweenness centrality of simple graph ``H`` (from ``subgraph.collapse``).

    Equals ``networkx.betweenness_centrality(H, normalized=True, weight="distance")`` (or
    ``weight=None`` when ``weighted`` is False) whichever ``engine`` computes it
    (``"auto"``, ``"networkx"`` or ``"igraph"``), up to one caveat: networkx compares path
    lengths exactly, igraph within a small relative tolerance, so with distances such as
    ``1/3`` two paths of mathematically equal length may count as tied in igraph only.
    """
    n = H.number_of_nodes()
    if _engine(H, engine) == "networkx" or n < 3:
        return nx.betweenness_centrality(H, normalized=True, weight="distance" if weighted else None)
    g, nodes = _to_igraph(H)
    raw = g.betweenness(directed=H.is_directed(), weights="distance" if weighted else None)
    scale = (n - 1) * (n - 2) * (1 if H.is_directed() else 0.5)
    return {v: b / scale for v, b in zip(nodes, raw)}


def closeness(H: nx.Graph, *, weighted: bool = True, engine: str = "auto") -> dict[str, float]:
    """Closeness centrality of ``H`` with the Wasserman-Faust correction for disconnected graphs.

    Equals ``networkx.closeness_centrality(H, distance="distance", wf_improved=True)``: a node
    reaching ``r - 1`` others at total distance ``s`` scores ``(r - 1) / s * (r - 1) / (n - 1)``,
    so members of small components do not look central. On a ``DiGraph`` distances are
    measured *to* the node (incoming), as in networkx.
    """
    n = H.number_of_nodes()
    dist = "distance" if weighted else None
    if _engine(H, engine) == "networkx" or n < 2:
        return nx.closeness_centrality(H, distance=dist, wf_improved=True)
    g, nodes = _to_igraph(H)
    mode = "in" if H.is_directed() else "all"
    inverse = g.closeness(mode=mode, weights=dist, normalized=True)
    reach = g.neighborhood_size(order=n, mode=mode)
    return {v: 0.0 if math.isnan(c) or r < 2 else c * (r - 1) / (n - 1)
            for v, c, r in zip(nodes, inverse, reach)}


def eigenvector(H: nx.Graph) -> dict[str, float]:
    """Eigenvector centrality that stays defined on disconnected graphs.

    The leading eigenvector of a disconnected graph is zero outside one component, and
    networkx's power iteration may not converge there. Here each connected component gets
    its own leading eigenvector (unit norm, weights ``weight``), scaled by the square root of
    its share of the non-isolated nodes, so the whole vector has unit norm and, on a
    connected graph, equals ``networkx.eigenvector_centrality(H, weight="weight")``. An
    isolated node scores 0. Directed graphs are read as undirected: on a graph with sources and
    sinks the directed eigenvector is zero almost everywhere (use PageRank for direction).
    """
    U = H.to_undirected(as_view=True) if H.is_directed() else H
    n = sum(1 for v in U if U.degree(v) > 0)
    out: dict[str, float] = {}
    for comp in nx.connected_components(U):
        if len(comp) == 1:
            out.update(dict.fromkeys(comp, 0.0))
            continue
        sub = U.subgraph(comp)
        if len(comp) > SMALL_COMPONENT:
            x = nx.eigenvector_centrality_numpy(sub, weight="weight")
        else:
            x = nx.eigenvector_centrality(sub, max_iter=1000, tol=1e-9, weight="weight")
        scale = math.sqrt(len(comp) / n)
        out.update({v: abs(c) * scale for v, c in x.items()})
    return out


def measures(H: nx.Graph, names: Sequence[str] = MEASURES, *, engine: str = "auto") -> pd.DataFrame:
    """The centrality ``names`` of every node of simple weighted graph ``H``, one column each."""
    unknown = set(names) - set(MEASURES)
    if unknown:
        raise ValueError(f"unknown measure(s) {sorted(unknown)}; expected some of {MEASURES}")
    cols: dict[str, Mapping[str, float]] = {}
    for m in names:
        if m == "degree":
            cols[m] = dict(H.degree())
        elif m == "weighted_degree":
            cols[m] = dict(H.degree(weight="weight"))
        elif m == "betweenness":
            cols[m] = betweenness(H, engine=engine)
        elif m == "closeness":
            cols[m] = closeness(H, engine=engine)
        elif m == "eigenvector":
            cols[m] = eigenvector(H)
        elif m == "pagerank":
            cols[m] = nx.pagerank(H, weight="weight") if H.number_of_edges() else \
                dict.fromkeys(H, 1.0 / max(len(H), 1))
    return pd.DataFrame({m: pd.Series(c, dtype=float) for m, c in cols.items()}, index=list(H))


def add_ranks(df: pd.DataFrame, columns: Sequence[str]) -> pd.DataFrame:
    """Add ``<col>_rank`` (1 = highest, ties share the best rank) and ``<col>_pct`` columns.

    The percentile is the share of rows scoring at most the row's value, in percent, so the
    top node of 200 scores 100 and a node tied with everyone scores 100 too.
    """
    out = df.copy()
    for c in columns:
        out[f"{c}_rank"] = out[c].rank(ascending=False, method="min").astype("Int64")
        out[f"{c}_pct"] = (out[c].rank(pct=True, method="max") * 100).round(1)
    return out


def node_table(H: nx.Graph, ids: Sequence[str]) -> pd.DataFrame:
    """``id``, ``name`` and ``kind`` columns for ``ids``, the first columns of most results."""
    return pd.DataFrame({
        "id": list(ids),
        "name": [H.nodes[n].get("name", n) for n in ids],
        "kind": [H.nodes[n].get("kind") for n in ids],
    })


def centrality(G: nx.MultiDiGraph, filters: Filters | None = None, *, kind: str | None = None,
               directed: bool = False, weights: Mapping[str, float] | None = None,
               names: Sequence[str] = MEASURES, by: str = "pagerank",
               engine: str = "auto") -> pd.DataFrame:
    """Centrality of every entity (or of one kind) with rank and percentile columns.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A projection.
    filters : graph.filters.Filters, optional
        Applied before anything is measured.
    kind : str, optional
        Report only entities of this kind. Scores are still measured on the whole filtered
        graph (a fund's betweenness counts paths through startups), but ranks and percentiles
        are among the reported kind.
    directed : bool
        Measure on the directed view (see ``subgraph.collapse``). Degree is then in + out.
    weights : mapping, optional
        Link-type weight overrides (``subgraph.DEFAULT_WEIGHTS``). Weighted degree, eigenvector
        and PageRank use weights; betweenness and closeness use distances ``1 / weight``.
    names : sequence of str
        Which of ``MEASURES`` to compute.
    by : str
        Sort column (descending).
    engine : {"auto", "networkx", "igraph"}
        For betweenness and closeness (see ``betweenness``).

    Returns
    -------
    pandas.DataFrame
        ``id``, ``name``, ``kind``, one column per measure, then ``<measure>_rank`` and
        ``<measure>_pct``; empty (with these columns) when nothing passes the filters.
    """
    if by not in names:
        raise ValueError(f"cannot sort by {by!r}: not among the measures {list(names)}")
    H = weighted_view(G, filters, directed=directed, weights=weights)
    scores = measures(H, names, engine=engine)
    keep = [n for n in H if kind is None or H.nodes[n].get("kind") == kind]
    df = pd.concat([node_table(H, keep), scores.loc[keep].reset_index(drop=True)], axis=1)
    df = add_ranks(df, names)
    return df.sort_values([by, "id"], ascending=[False, True], kind="stable").reset_index(drop=True)
