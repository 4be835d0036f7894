"""Who is central: degree, weighted degree, betweenness, closeness, eigenvector, PageRank.

networkx is the reference for every measure. Betweenness and closeness are all-pairs
shortest-path computations that pure Python makes slow (minutes at 5,000 nodes), so above
``IGRAPH_FROM`` nodes they, and PageRank, run on igraph's compiled code, converted back to
networkx's normalisation; tests check that both engines give the same numbers on small graphs.

Even compiled, exact betweenness and closeness cost one shortest-path search per node, hours
at 100,000 entities. Above ``EXACT_COST`` (nodes x (nodes + ties)) they are therefore
*estimated* from a sample of pivot nodes (``pivots``), as in networkx's ``k`` option:

- betweenness (Brandes and Pich [6]_): the dependencies of ``k`` uniformly sampled sources,
  scaled by ``n / k`` (by ``n / (k - 1)`` for the pivots themselves, which never depend on
  themselves), so the estimate is unbiased and equals
  ``networkx.betweenness_centrality(H, k=k, seed=seed)`` for the same sample;
- closeness (Eppstein and Wang [7]_): a node's mean distance is the mean of its distances from
  the pivots that reach it; the share of nodes it is reached from is exact on undirected graphs
  (its component's size) and the share of pivots reaching it on directed ones. A node no
  pivot reaches scores 0.

Measured error (``bench/bench_queries.py --error``: synthetic graph of 5,000 entities and
25,000 links, three seeds): closeness from 32 pivots has Spearman rank correlation 0.998 with
the exact values and at most 16% relative error in the exact top 50; betweenness from 128
pivots has Spearman 0.93 overall and 0.77-0.84 within the top 50, whose values are off by a
median 32-40% (at most 120-270%), with 36-40 of the exact top 50 in the estimated top 50. So
sampled betweenness finds the brokers but does not rank them finely; ask for more pivots (the
error falls as one over their square root) or ``pivots="exact"`` when that matters.

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
.. [6] Brandes, U. and Pich, C. (2007). Centrality estimation in large networks.
   International Journal of Bifurcation and Chaos 17(7), 2303-2318.
.. [7] Eppstein, D. and Wang, J. (2004). Fast approximation of centrality. Journal of Graph
   Algorithms and Applications 8(1), 39-45.
"""
from __future__ import annotations

import math
import os
import pickle
import random
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from collections.abc import Iterable, Mapping, Sequence

import networkx as nx
import pandas as pd

from graph.filters import Filters
from queries.subgraph import weighted_view
from queries.ties import Ties, graph_ties, route_filters, shared_ties
from queries.weights import DEFAULT_TIES

MEASURES = ("degree", "weighted_degree", "betweenness", "closeness", "eigenvector", "pagerank")
#: Graphs with at least this many nodes use igraph for betweenness and closeness.
IGRAPH_FROM = 500
#: Above this exact cost (nodes x (nodes + ties), about a minute of igraph) betweenness and
#: closeness are estimated from pivots.
EXACT_COST = 2e9
#: Pivots sampled when ``pivots="auto"`` picks an estimate (see the module docstring); closeness,
#: an average, needs fewer than betweenness, a sum dominated by a few sources.
DEFAULT_PIVOTS = 128
CLOSENESS_PIVOTS = 32
#: Sampled betweenness above this cost (pivots x (nodes + ties), about 5 s of one core) is
#: spread over worker processes (``_dependencies_spread``).
PARALLEL_FROM = 1e7
#: Components up to this size are solved with a dense eigensolver (scipy's sparse one needs
#: more nodes than the eigenvectors it is asked for, and is slower on tiny matrices).
SMALL_COMPONENT = 10


def _engine(H: nx.Graph | Ties, engine: str) -> str:
    if engine not in ("auto", "networkx", "igraph"):
        raise ValueError(f"engine must be auto, networkx or igraph, not {engine!r}")
    if engine == "auto":
        engine = "igraph" if H.number_of_nodes() >= IGRAPH_FROM else "networkx"
    if engine == "networkx" and isinstance(H, Ties):
        raise TypeError("the networkx engine needs a networkx graph, not ties")
    return engine


def pivot_count(H: nx.Graph | Ties, pivots: int | str = "auto", default: int = DEFAULT_PIVOTS) -> int | None:
    """How many pivots an estimate of ``H`` uses, or None for the exact value.

    ``pivots`` is ``"auto"`` (exact up to ``EXACT_COST``, else ``default``), ``"exact"``, or a
    number of pivots (at least 1; as many as the nodes means exact).
    """
    n = H.number_of_nodes()
    if pivots == "exact":
        return None
    if pivots == "auto":
        return default if n * (n + H.number_of_edges()) > EXACT_COST and n > default else None
    if isinstance(pivots, bool) or not isinstance(pivots, int):
        raise ValueError(f"pivots must be 'auto', 'exact' or a number of nodes, not {pivots!r}")
    if pivots < 1:
        raise ValueError(f"pivots must be at least 1, not {pivots}")
    return None if pivots >= n else pivots


def sample_pivots(H: nx.Graph | Ties, k: int, seed: int | None) -> list:
    """``k`` nodes drawn as networkx's ``betweenness_centrality(k=k, seed=seed)`` draws them."""
    return random.Random(seed).sample(list(H), k)


def betweenness(H: nx.Graph | Ties, *, weighted: bool = True, engine: str = "auto", pivots: int | str = "auto",
                seed: int | None = 0) -> dict[str, float]:
    """Normalised betweenness centrality of simple graph ``H`` (from ``subgraph.collapse``), exact or sampled.

    Exact, it equals ``networkx.betweenness_centrality(H, normalized=True, weight="distance")``
    (or ``weight=None`` when ``weighted`` is False) whichever ``engine`` computes it
    (``"auto"``, ``"networkx"`` or ``"igraph"``), up to one caveat: networkx compares path
    lengths exactly, igraph within a small relative tolerance, so with distances such as
    ``1/3`` two paths of mathematically equal length may count as tied in igraph only.
    With ``pivots`` (see ``pivot_count``) it is the Brandes-Pich estimate from that many
    sources drawn with ``seed``, equal to networkx's with ``k=pivots, seed=seed``.
    """
    n = H.number_of_nodes()
    k = pivot_count(H, pivots)
    dist = "distance" if weighted else None
    if n < 3 or _engine(H, engine) == "networkx":
        return nx.betweenness_centrality(H, k=k, normalized=True, weight=dist, seed=seed)
    T = graph_ties(H)
    g, nodes = T.igraph, T.nodes
    scale = 1 / ((n - 1) * (n - 2)) * (1 if H.is_directed() else 2)
    if k is None:
        raw = g.betweenness(directed=H.is_directed(), weights=dist)
        return {v: b * scale for v, b in zip(nodes, raw)}
    chosen = sample_pivots(H, k, seed)
    index = T.index
    # igraph counts a source's pairs once on undirected graphs (half of networkx's dependency)
    raw = _dependencies_spread(T, dist, [index[v] for v in chosen])
    own = set(chosen)
    return {v: b * scale * (n - 1) / ((k - 1) if v in own else k) if (k > 1 or v not in own) else math.nan
            for v, b in zip(nodes, raw)}


def _dependencies_spread(T: Ties, dist: str | None, sources: list[int]):
    """The summed dependencies of ``sources`` on every node, over one worker process per core.

    Dependencies of different sources add up, so each worker takes a share of the sources.
    Sampled betweenness at 100,000 entities is the slowest query there is, and igraph holds the
    GIL, so threads would not help. Below ``PARALLEL_FROM`` (or on one core) it runs here.
    Workers are fresh interpreters (``queries.dependency_worker``): forking the app's threaded
    server is unsafe, and multiprocessing's spawn would run the caller's main script again.
    """
    import numpy as np

    def alone() -> list[float]:
        return T.igraph.betweenness(directed=T.directed, weights=dist, sources=sources, targets=None)

    workers = min(os.cpu_count() or 1, len(sources))
    if workers < 2 or len(sources) * (len(T) + T.number_of_edges()) < PARALLEL_FROM:
        return alone()
    args = (len(T), T.src.tolist(), T.dst.tolist(), T.directed, None if dist is None else getattr(T, dist).tolist())
    tasks = [pickle.dumps((*args, sources[i::workers]), protocol=pickle.HIGHEST_PROTOCOL) for i in range(workers)]
    try:
        procs = [subprocess.Popen([sys.executable, "-m", "queries.dependency_worker"], stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in tasks]
    except OSError:  # no processes to be had here
        return alone()
    with ThreadPoolExecutor(len(procs)) as talk:  # feed and drain every pipe at once
        outputs = list(talk.map(lambda pt: pt[0].communicate(pt[1]), zip(procs, tasks)))
    for p, (_, err) in zip(procs, outputs):
        if p.returncode != 0:
            raise RuntimeError(f"betweenness worker failed ({p.returncode}): {err.decode(errors='replace')[-500:]}")
    return np.sum([pickle.loads(out) for out, _ in outputs], axis=0).tolist()


def closeness(H: nx.Graph | Ties, *, weighted: bool = True, engine: str = "auto", pivots: int | str = "auto",
              seed: int | None = 0) -> dict[str, float]:
    """Closeness centrality of ``H`` with the Wasserman-Faust correction for disconnected graphs.

    Exact, it equals ``networkx.closeness_centrality(H, distance="distance", wf_improved=True)``:
    a node reaching ``r - 1`` others at total distance ``s`` scores
    ``(r - 1) / s * (r - 1) / (n - 1)``, so members of small components do not look central. On
    a ``DiGraph`` distances are measured *to* the node (incoming), as in networkx. With
    ``pivots`` (``pivot_count``) it is estimated from the distances of that many sampled nodes
    (see the module docstring), with scipy's Dijkstra whatever ``engine`` says.
    """
    n = H.number_of_nodes()
    dist = "distance" if weighted else None
    k = pivot_count(H, pivots, CLOSENESS_PIVOTS)
    if k is not None:
        return _sampled_closeness(H, k, dist, seed)
    if n < 2 or _engine(H, engine) == "networkx":
        return nx.closeness_centrality(H, distance=dist, wf_improved=True)
    T = graph_ties(H)
    g, nodes = T.igraph, T.nodes
    mode = "in" if H.is_directed() else "all"
    inverse = g.closeness(mode=mode, weights=dist, normalized=True)
    reach = g.neighborhood_size(order=n, mode=mode)
    return {v: 0.0 if math.isnan(c) or r < 2 else c * (r - 1) / (n - 1)
            for v, c, r in zip(nodes, inverse, reach)}


def _sampled_closeness(H: nx.Graph | Ties, k: int, dist: str | None, seed: int | None) -> dict[str, float]:
    import numpy as np
    from scipy.sparse.csgraph import connected_components, dijkstra

    n = H.number_of_nodes()
    T = graph_ties(H)
    nodes, index = T.nodes, T.index
    chosen = np.array([index[v] for v in sample_pivots(H, k, seed)])
    A = T.matrix(dist)
    # the matrix of undirected ties is symmetric already; directed=False would symmetrise it again
    d = dijkstra(A, directed=True, indices=chosen, unweighted=dist is None)
    d[np.arange(k), chosen] = np.inf  # a pivot says nothing about its own distance
    reached = np.isfinite(d)
    hits = reached.sum(axis=0)
    total = np.where(reached, d, 0.0).sum(axis=0)
    if H.is_directed():
        others = np.full(n, k, dtype=float)
        others[chosen] -= 1
        share = np.divide(hits, others, out=np.zeros(n), where=others > 0)
    else:
        _, label = connected_components(A, directed=False)
        share = (np.bincount(label)[label] - 1) / max(n - 1, 1)
    with np.errstate(divide="ignore", invalid="ignore"):
        c = np.where((hits > 0) & (total > 0), hits / total * share, 0.0)
    return dict(zip(nodes, c.tolist()))


def pagerank(H: nx.Graph | Ties, *, engine: str = "auto") -> dict[str, float]:
    """PageRank (damping 0.85, weights ``weight``); equals ``networkx.pagerank(H, weight="weight")``.

    networkx iterates to a tolerance; igraph (PRPACK) solves the same linear system directly,
    so the two agree to about ``1e-6`` of a score, and igraph is used from ``IGRAPH_FROM`` nodes.
    """
    if H.number_of_edges() == 0:
        return dict.fromkeys(H, 1.0 / max(len(H), 1))
    if _engine(H, engine) == "networkx":
        return nx.pagerank(H, weight="weight")
    T = graph_ties(H)
    g, nodes = T.igraph, T.nodes
    return dict(zip(nodes, g.pagerank(directed=H.is_directed(), weights="weight", damping=0.85)))


def eigenvector(H: nx.Graph | Ties) -> dict[str, float]:
    """Eigenvector centrality that stays defined on disconnected graphs.

    The leading eigenvector of a disconnected graph is zero outside one component, and
    networkx's power iteration may not converge there. Here each connected component gets
    its own leading eigenvector (unit norm, weights ``weight``), scaled by the square root of
    its share of the non-isolated nodes, so the whole vector has unit norm and, on a
    connected graph, equals ``networkx.eigenvector_centrality(H, weight="weight")``. An
    isolated node scores 0. Directed graphs are read as undirected, a pair weighing as its
    stronger arc: on a graph with sources and sinks the directed eigenvector is zero almost
    everywhere (use PageRank for direction). Components up to ``SMALL_COMPONENT`` nodes are
    solved densely (scipy's sparse solver needs more nodes than eigenvectors asked for).
    """
    import numpy as np
    from scipy.sparse.csgraph import connected_components
    from scipy.sparse.linalg import eigsh

    T = graph_ties(H)
    nodes = T.nodes
    if not nodes:
        return {}
    A = T.matrix("weight", symmetric=True)
    A.setdiag(0)
    A.eliminate_zeros()
    n = int((np.diff(A.indptr) > 0).sum())
    _, label = connected_components(A, directed=False)
    score = np.zeros(len(nodes))
    for members in np.split(np.argsort(label, kind="stable"), np.cumsum(np.bincount(label))[:-1]):
        if len(members) == 1:
            continue
        sub = A[members][:, members]
        if len(members) > SMALL_COMPONENT:
            vec = eigsh(sub, k=1, which="LA")[1][:, 0]
        else:
            vec = np.linalg.eigh(sub.toarray())[1][:, -1]
        score[members] = np.abs(vec) / np.linalg.norm(vec) * math.sqrt(len(members) / n)
    return dict(zip(nodes, score.tolist()))


def measures(H: nx.Graph | Ties, names: Sequence[str] = MEASURES, *, engine: str = "auto",
             pivots: int | str = "auto", seed: int | None = 0) -> pd.DataFrame:
    """The centrality ``names`` of every node of simple weighted graph ``H``, one column each.

    ``H`` may also be its ``queries.ties.Ties`` when the compiled engines are used (every
    measure then reads the arrays, and no networkx graph need be built).
    ``pivots`` and ``seed`` choose exact or sampled betweenness and closeness (``pivot_count``).
    """
    unknown = set(names) - set(MEASURES)
    if unknown:
        raise ValueError(f"unknown measure(s) {sorted(unknown)}; expected some of {MEASURES}")
    cols: dict[str, Mapping[str, float]] = {}
    for m in names:
        if m in ("degree", "weighted_degree"):
            T = graph_ties(H)
            cols[m] = dict(zip(T.nodes, T.degree(weighted=m == "weighted_degree").tolist()))
        elif m == "betweenness":
            cols[m] = betweenness(H, engine=engine, pivots=pivots, seed=seed)
        elif m == "closeness":
            cols[m] = closeness(H, engine=engine, pivots=pivots, seed=seed)
        elif m == "eigenvector":
            cols[m] = eigenvector(H)
        elif m == "pagerank":
            cols[m] = pagerank(H, engine=engine)
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
               engine: str = "auto", pivots: int | str = "auto", seed: int | None = 0,
               ties: Iterable[str] = DEFAULT_TIES) -> pd.DataFrame:
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
        Link-type weight overrides (``queries.weights.DEFAULT_WEIGHTS``). Weighted degree, eigenvector
        and PageRank use weights; betweenness and closeness use distances ``1 / weight``.
    names : sequence of str
        Which of ``MEASURES`` to compute.
    by : str
        Sort column (descending).
    engine : {"auto", "networkx", "igraph"}
        For betweenness, closeness and PageRank (see ``betweenness``).
    pivots : "auto", "exact" or int
        Exact or sampled betweenness and closeness (``pivot_count``); ``"auto"`` samples
        ``DEFAULT_PIVOTS`` nodes on graphs too large for the exact values.
    seed : int, optional
        Seed of the pivot sample, so estimates are repeatable.
    ties : iterable of str
        Tie classes measured on (``queries.weights.TIE_CLASSES``; default interaction and
        affiliation, so that sharing a country is no tie).

    Returns
    -------
    pandas.DataFrame
        ``id``, ``name``, ``kind``, one column per measure, then ``<measure>_rank`` and
        ``<measure>_pct``; empty (with these columns) when nothing passes the filters.
    """
    if by not in names:
        raise ValueError(f"cannot sort by {by!r}: not among the measures {list(names)}")
    filters = route_filters(filters, ties)
    T = shared_ties(G, filters, directed=directed, weights=weights)
    compiled = engine == "igraph" or (engine == "auto" and len(T) >= IGRAPH_FROM)
    H = T if compiled else weighted_view(G, filters, directed=directed, weights=weights)
    scores = measures(H, names, engine=engine, pivots=pivots, seed=seed)
    keep = [n for n in T.nodes if kind is None or G.nodes[n].get("kind") == kind]
    df = pd.concat([node_table(G, keep), scores.loc[keep].reset_index(drop=True)], axis=1)
    df = add_ranks(df, names)
    return df.sort_values([by, "id"], ascending=[False, True], kind="stable").reset_index(drop=True)
