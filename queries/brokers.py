"""Bridging organisations: structural holes, Gould-Fernandez brokerage roles, sole connectors.

Who connects two places' ecosystems is ``queries.between``; roles on its side partition are
``queries.roles``; bridges and articulation points are ``queries.cuts``.

Brokerage (Gould and Fernandez [1]_): ``v`` brokers the ordered pair ``(a, c)`` when
``a -> v -> c`` and there is no arc ``a -> c`` (``a``, ``v``, ``c`` distinct). With a grouping
of the nodes (country, city, kind, any property, see ``queries.groups``) each brokered pair
takes one of five roles, by the groups of sender ``a``, broker ``v`` and receiver ``c``:

==============  =================  =====================================================
role            pattern a -> v -> c  meaning
==============  =================  =====================================================
coordinator     A -> A -> A         mediates inside its own group
itinerant       A -> B -> A         an outsider mediating inside another group ("consultant")
gatekeeper      A -> B -> B         lets an outsider in to its own group
representative  A -> A -> B         carries its own group's contact out to another group
liaison         A -> B -> C         links two groups, belonging to neither
==============  =================  =====================================================

Undirected links are read as arcs both ways (as statnet's ``sna::brokerage`` and UCINET do),
so gatekeeper and representative counts are then equal.

Expected counts and z-scores follow the published method: under the null hypothesis each
arc is present independently with the observed density ``d`` (a Bernoulli digraph on the
same nodes and groups), a given ordered pair is brokered with probability
``p = d^2 (1 - d)``, and the count of role ``r`` for ``v`` has mean ``N_r p`` and variance
``N_r p (1 - p) + C_r d^3 (1 - d)^3``, where ``N_r`` is the number of ordered pairs of the
role's pattern and ``C_r`` the number of ordered pairs of such pairs sharing the sender or
the receiver (which share the arc ``a -> v`` or ``v -> c`` and so are correlated); this is the
exact variance, as computed by ``sna::brokerage`` [2]_. On undirected data the null
(independent arcs) is an approximation, so read the z-scores as a ranking, not a test.

References
----------
.. [1] Gould, R. V. and Fernandez, R. M. (1989). Structures of mediation: a formal approach
   to brokerage in transaction networks. Sociological Methodology 19, 89-126.
.. [2] Butts, C. T. sna: Tools for Social Network Analysis, ``brokerage``. R package.
.. [3] Burt, R. S. (1992). Structural Holes: The Social Structure of Competition.
   Harvard University Press (constraint and effective size; networkx's implementations).
.. [4] Tarjan, R. E. (1974). A note on finding the bridges of a graph. Information Processing
   Letters 2(6), 160-161 (bridges and articulation points; networkx's implementations).
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping

import networkx as nx
import pandas as pd

from graph.filters import Filters
from queries.centrality import betweenness, node_table
from queries.groups import UNKNOWN, group_label, group_of
from queries.roles import ROLES, role_of
from queries.subgraph import weighted_view
from queries.ties import graph_ties, route_filters
from queries.weights import DEFAULT_TIES

def _role_codes(ga, gv, gc):
    """``ROLES`` index of each (sender, broker, receiver) group triple, as ``role_of`` (arrays)."""
    import numpy as np

    return np.where(ga == gc, np.where(ga == gv, 0, 1), np.where(gc == gv, 2, np.where(ga == gv, 3, 4)))


def _support(arcs_src, arcs_dst, n: int):
    """Undirected support of the arcs (no self-loops) as an igraph graph, for triangle listing."""
    import igraph
    import numpy as np

    lo, hi = np.minimum(arcs_src, arcs_dst), np.maximum(arcs_src, arcs_dst)
    pairs = np.unique(lo * n + hi)
    return igraph.Graph(n=n, edges=list(zip((pairs // n).tolist(), (pairs % n).tolist())))


def _triangles(g) -> "np.ndarray":
    """Every triangle of simple undirected igraph ``g`` once, as a (t, 3) integer array."""
    import numpy as np

    t = g.list_triangles()
    return np.array(t, dtype=np.int64).reshape(-1, 3)


ORDERINGS = ((0, 1, 2), (0, 2, 1), (1, 0, 2), (1, 2, 0), (2, 0, 1), (2, 1, 0))


def role_counts(D: nx.Graph | nx.DiGraph, groups: Mapping[str, str]) -> pd.DataFrame:
    """Observed brokerage counts by role for every node of simple digraph ``D``.

    An undirected ``D`` is read as arcs both ways (as ``D.to_directed()``).

    Counts come from group tallies of each broker's in- and out-neighbours (the products
    count every two-path ``a -> v -> c``), minus the two-paths that are not brokerage: those
    with ``a = c`` (reciprocated arcs) and those closed by an arc ``a -> c``, which lie on a
    triangle of the undirected support. So the cost grows with arcs and triangles, not with the
    (much larger) number of two-paths; everything is array arithmetic (numpy, scipy.sparse) and
    igraph's triangle listing. ``role_counts_reference`` is the plain version it is tested
    against.

    Returns
    -------
    pandas.DataFrame
        Indexed by node, one column per role in ``ROLES`` plus ``total``.
    """
    import numpy as np
    import scipy.sparse as sp

    T = graph_ties(D)
    nodes = T.nodes
    n = len(nodes)
    labels, code = np.unique(np.array([str(groups[v]) for v in nodes] or [""], dtype=object), return_inverse=True)
    code = code[:n]
    a, c = T.src, T.dst
    if not T.directed:
        a, c = np.concatenate([a, c]), np.concatenate([c, a])
    a, c = a[a != c], c[a != c]
    k = max(len(labels), 1)
    ones = np.ones(len(a))
    CP = sp.csr_array((ones, (c, code[a])), shape=(n, k))  # CP[v, h]: in-neighbours of v in group h
    CS = sp.csr_array((ones, (a, code[c])), shape=(n, k))  # CS[v, h]: out-neighbours of v in group h
    rows = np.arange(n)
    own_p, own_s = CP[rows, code] if n else np.zeros(0), CS[rows, code] if n else np.zeros(0)
    ins, outs = np.bincount(c, minlength=n).astype(float), np.bincount(a, minlength=n).astype(float)
    itin = np.asarray(CP.multiply(CS).sum(axis=1)).ravel() - own_p * own_s
    count = np.column_stack([own_p * own_s, itin, (ins - own_p) * own_s, own_p * (outs - own_s),
                             (ins - own_p) * (outs - own_s) - itin]).astype(np.int64)
    keys = np.sort(a * n + c)

    def has(x, y):
        pos = np.searchsorted(keys, x * n + y)
        return (pos < len(keys)) & (keys[np.minimum(pos, len(keys) - 1)] == x * n + y) if len(keys) else \
            np.zeros(len(x), dtype=bool)

    not_brokered = []
    back = has(c, a)  # a -> v and v -> a: the pair (a, a) is not brokerage
    not_brokered.append((c[back], _role_codes(code[a[back]], code[c[back]], code[a[back]])))
    tri = _triangles(_support(a, c, n)) if len(a) else np.zeros((0, 3), dtype=np.int64)
    for i, j, l in ORDERINGS:
        x, v, y = tri[:, i], tri[:, j], tri[:, l]
        closed = has(x, v) & has(v, y) & has(x, y)
        not_brokered.append((v[closed], _role_codes(code[x[closed]], code[v[closed]], code[y[closed]])))
    for v, r in not_brokered:
        np.subtract.at(count, (v, r), 1)
    df = pd.DataFrame(count, index=nodes, columns=list(ROLES))
    df["total"] = count.sum(axis=1)
    return df.astype(int)


def role_counts_reference(D: nx.DiGraph, groups: Mapping[str, str]) -> pd.DataFrame:
    """``role_counts`` by a loop over each broker's neighbours: the slow version it is tested against."""
    rows = {}
    for v in D:
        P = [a for a in D.pred[v] if a != v]
        S = {c for c in D.succ[v] if c != v}
        gv = groups[v]
        cp, cs = Counter(groups[a] for a in P), Counter(groups[c] for c in S)
        itin = sum(cp[h] * cs[h] for h in cp if h != gv)
        count = {
            "coordinator": cp[gv] * cs[gv],
            "itinerant": itin,
            "gatekeeper": (len(P) - cp[gv]) * cs[gv],
            "representative": cp[gv] * (len(S) - cs[gv]),
            "liaison": (len(P) - cp[gv]) * (len(S) - cs[gv]) - itin,
        }
        for a in P:
            ga = groups[a]
            if a in S:
                count[role_of(ga, gv, ga)] -= 1
            for c in S & set(D.succ[a]):
                if c != a:
                    count[role_of(ga, gv, groups[c])] -= 1
        count["total"] = sum(count.values())
        rows[v] = count
    return pd.DataFrame.from_dict(rows, orient="index", columns=[*ROLES, "total"]).astype(int)


def role_expectations(D: nx.Graph | nx.DiGraph, groups: Mapping[str, str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Mean and standard deviation of each role count under the Bernoulli-digraph null.

    See the module docstring for the model; the density ``d`` is that of ``D``.

    Returns
    -------
    (mean, sd) : tuple of pandas.DataFrame
        Indexed like ``role_counts``, same columns.
    """
    N = D.number_of_nodes()
    d = nx.density(D) if N > 1 else 0.0
    p, q = d * d * (1 - d), d ** 3 * (1 - d) ** 3
    size = Counter(groups[v] for v in D)
    s2 = sum(n * (n - 1) for n in size.values())
    s3 = sum(n * (n - 1) * (n - 2) for n in size.values())
    cache: dict[str, tuple[dict, dict]] = {}
    for g, ng in size.items():
        m, O = ng - 1, N - ng
        others2 = s2 - ng * (ng - 1)
        others3 = s3 - ng * (ng - 1) * (ng - 2)
        liaison_c = 2 * sum(n * (O - n) * (O - n - 1) for h, n in size.items() if h != g)
        pairs = {
            "coordinator": (m * (m - 1), 2 * m * (m - 1) * (m - 2)),
            "itinerant": (others2, 2 * others3),
            "gatekeeper": (O * m, O * m * (m - 1) + m * O * (O - 1)),
            "representative": (O * m, O * m * (m - 1) + m * O * (O - 1)),
            "liaison": (O * (O - 1) - others2, liaison_c),
            "total": ((N - 1) * (N - 2), 2 * (N - 1) * (N - 2) * (N - 3)),
        }
        cache[g] = ({r: n * p for r, (n, _) in pairs.items()},
                    {r: math.sqrt(max(n * p * (1 - p) + c * q, 0.0)) for r, (n, c) in pairs.items()})
    cols = [*ROLES, "total"]
    mean = pd.DataFrame.from_dict({v: cache[groups[v]][0] for v in D}, orient="index", columns=cols)
    sd = pd.DataFrame.from_dict({v: cache[groups[v]][1] for v in D}, orient="index", columns=cols)
    return mean, sd


def structural_holes(H: nx.Graph, weight: str = "weight") -> tuple[dict[str, float], dict[str, float]]:
    """Burt's constraint and effective size of every node, as networkx computes them.

    Equal to ``networkx.constraint(H, weight=weight)`` and ``networkx.effective_size(H,
    nodes=list(H), weight=weight)`` (self-loops ignored; isolated nodes get NaN). networkx 3.6's
    whole-graph shortcut (``effective_size`` without ``nodes``) divides ``m_jq`` by ``q``'s
    largest mutual weight instead of ``j``'s, so on weighted graphs it departs from Burt's
    definition and from its own per-node code; this follows the definition. With ``p_ij`` the share of
    ``i``'s mutual tie weight (``w_ij + w_ji``) going to ``j`` and ``m_jq`` the mutual weight of
    ``j`` and ``q`` over ``j``'s largest:

    - constraint ``c_i = sum_j (p_ij + sum_q p_iq p_qj)^2`` over the neighbours ``j`` of ``i``;
    - effective size ``e_i = sum_j (1 - sum_q p_iq m_jq)``.

    Both inner sums are non-zero only when ``i``, ``j`` and ``q`` form a triangle, so they are
    accumulated over the triangles (igraph lists them) instead of over products of the whole
    matrix: networkx's effective size forms a dense nodes x nodes matrix (80 GB at 100,000
    nodes) and its constraint loops over pairs in Python.
    """
    import numpy as np
    import scipy.sparse as sp

    nodes = list(H)
    n = len(nodes)
    if not n:
        return {}, {}
    if weight in ("weight", "distance", None):
        W = graph_ties(H).matrix(weight)
    else:
        W = sp.csr_array(nx.to_scipy_sparse_array(H, nodelist=nodes, weight=weight, format="csr"))
    A = (W + W.T).tocsr()
    A.setdiag(0)
    A.eliminate_zeros()
    A.sort_indices()
    rows = np.repeat(np.arange(n), np.diff(A.indptr))
    cols = A.indices.astype(np.int64)
    total = np.bincount(rows, weights=A.data, minlength=n)
    peak = np.zeros(n)
    np.maximum.at(peak, rows, A.data)
    p = A.data / total[rows]
    m = A.data / peak[rows]
    keys = rows * n + cols  # sorted: rows ascending, columns sorted within each row

    def at(x, y):
        return np.searchsorted(keys, x * n + y)

    indirect = np.zeros(len(keys))
    redundancy = np.zeros(n)
    upper = rows < cols
    tri = _triangles(_support(rows[upper], cols[upper], n)) if upper.any() else np.zeros((0, 3), dtype=np.int64)
    for i, j, l in ORDERINGS:
        u, v, w = tri[:, i], tri[:, j], tri[:, l]
        puw = p[at(u, w)]
        np.add.at(indirect, at(u, v), puw * p[at(w, v)])
        np.add.at(redundancy, u, puw * m[at(v, w)])
    c = np.bincount(rows, weights=(p + indirect) ** 2, minlength=n)
    degree = np.diff(A.indptr)
    e = degree - redundancy
    alone = degree == 0
    c[alone] = e[alone] = np.nan
    return dict(zip(nodes, c.tolist())), dict(zip(nodes, e.tolist()))


def constraint(H: nx.Graph, weight: str = "weight") -> dict[str, float]:
    """Burt's constraint of every node; equals ``networkx.constraint(H, weight=weight)``."""
    return structural_holes(H, weight)[0]


def brokerage_roles(G: nx.MultiDiGraph, by: str = "country", filters: Filters | None = None, *,
                    directed: bool = False, kind: str | None = None,
                    ties: Iterable[str] = DEFAULT_TIES) -> pd.DataFrame:
    """Gould-Fernandez brokerage role counts, expected counts and z-scores of every entity.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The full projection; groups are read from it (``queries.groups.group_of``), the
        brokerage from its filtered part.
    by : str
        The grouping: ``"country"``, ``"city"`` (from LOCATED_IN chains), ``"kind"`` or any
        node property.
    filters : graph.filters.Filters, optional
    directed : bool
        Use link direction (symmetric types count both ways). Default: undirected, links read
        as arcs both ways.
    kind : str, optional
        Report only brokers of this kind (counts are over the whole filtered graph).
    ties : iterable of str
        Tie classes brokerage runs along (``queries.weights.TIE_CLASSES``).

    Returns
    -------
    pandas.DataFrame
        ``id``, ``name``, ``kind``, ``group``; per role and ``total``: the count, ``exp_<role>``
        and ``z_<role>`` (NaN where the null gives no variance); sorted by ``total``.
    """
    groups = group_of(G, by)
    return _roles_table(G, weighted_view(G, route_filters(filters, ties), directed=directed), by, groups, kind)


def _roles_table(G: nx.MultiDiGraph, D: nx.Graph, by: str, groups: Mapping[str, str],
                 kind: str | None) -> pd.DataFrame:
    counts = role_counts(D, groups)
    mean, sd = role_expectations(D, groups)
    z = (counts - mean) / sd.where(sd > 0)
    keep = [v for v in D if kind is None or D.nodes[v].get("kind") == kind]
    df = node_table(D, keep)
    df["group"] = [group_label(G, by, groups[v]) for v in keep]
    counts, mean, z = counts.loc[keep], mean.loc[keep], z.loc[keep]
    for r in [*ROLES, "total"]:
        df[r] = counts[r].to_numpy()
        df[f"exp_{r}"] = mean[r].to_numpy().round(3)
        df[f"z_{r}"] = z[r].to_numpy().round(3)
    return df.sort_values(["total", "id"], ascending=[False, True], kind="stable").reset_index(drop=True)


def sole_connectors(H: nx.Graph, groups: Mapping[str, str]) -> dict[frozenset, set[str]]:
    """For each pair of groups, the nodes that every connection between the two passes through.

    A connection between groups ``A`` and ``B`` is a link between a member of ``A`` and a member
    of ``B``, or a path ``a - x - c`` through a member ``x`` of a third group. A node is a sole
    connector of the pair when removing it leaves the two groups with no connection of
    either form: the only bridge, or the only pair of bridge-heads. Direction is ignored.
    ``UNKNOWN`` is not treated as a group here (unplaced nodes do not make a place pair).

    Returns
    -------
    dict
        ``frozenset({A, B})`` -> set of node ids (empty when the pair is connected in
        several independent ways); only pairs with at least one connection appear.
    """
    U = H.to_undirected(as_view=True) if H.is_directed() else H
    inter: dict[frozenset, set[str]] = {}

    def meet(pair: frozenset, nodes: set[str]) -> None:
        if pair in inter:
            inter[pair] &= nodes
        else:
            inter[pair] = set(nodes)

    for u, v in U.edges():
        gu, gv = groups[u], groups[v]
        if gu != gv and UNKNOWN not in (gu, gv):
            meet(frozenset((gu, gv)), {u, v})
    for x in U:
        gx = groups[x]
        by_group: dict[str, list[str]] = defaultdict(list)
        for a in U[x]:
            if groups[a] not in (gx, UNKNOWN):
                by_group[groups[a]].append(a)
        gs = sorted(by_group)
        for i, g1 in enumerate(gs):
            for g2 in gs[i + 1:]:
                pair = frozenset((g1, g2))
                if pair in inter and not inter[pair]:
                    continue
                nodes = {x}
                for g in (g1, g2):
                    if len(by_group[g]) == 1:
                        nodes.add(by_group[g][0])
                meet(pair, nodes)
    return inter


def exclusive_pairs(H: nx.Graph, groups: Mapping[str, str]) -> dict[str, list[frozenset]]:
    """Node -> the pairs of groups it alone connects (see ``sole_connectors``)."""
    out: dict[str, list[frozenset]] = defaultdict(list)
    for pair, nodes in sole_connectors(H, groups).items():
        for v in nodes:
            out[v].append(pair)
    return out


def _pair_text(G: nx.Graph, by: str, pair: frozenset) -> str:
    return " – ".join(sorted(group_label(G, by, g) for g in pair))


def brokers(G: nx.MultiDiGraph, by: str = "country", filters: Filters | None = None, *,
            directed: bool = False, weights: Mapping[str, float] | None = None,
            kind: str | None = None, engine: str = "auto", pivots: int | str = "auto",
            seed: int | None = 0, ties: Iterable[str] = DEFAULT_TIES) -> pd.DataFrame:
    """One table of brokerage measures per entity: who bridges, how much, between what.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The full projection.
    by : str
        Grouping for roles and exclusive pairs (see ``brokerage_roles``).
    filters, directed, weights, kind, engine, pivots, seed, ties
        As for ``queries.centrality.centrality`` (betweenness is sampled on large graphs).

    Returns
    -------
    pandas.DataFrame
        ``id``, ``name``, ``kind``, ``group``, ``degree``, ``betweenness`` (normalised, on
        distances ``1 / weight``), ``constraint`` and ``effective_size`` (Burt, weighted; see
        ``structural_holes``; NaN for isolated nodes), the five role counts, ``total`` and their z-scores,
        ``exclusive`` (number of group pairs the entity alone connects) and ``exclusive_pairs``
        (those pairs as text). Sorted by betweenness.
    """
    H = weighted_view(G, route_filters(filters, ties), directed=directed, weights=weights)
    groups = group_of(G, by)
    roles = _roles_table(G, H, by, groups, None).set_index("id")
    between = betweenness(H, engine=engine, pivots=pivots, seed=seed)
    burt, effective = structural_holes(H)
    excl = exclusive_pairs(H, groups)
    keep = [v for v in H if kind is None or H.nodes[v].get("kind") == kind]
    df = node_table(H, keep)
    df["group"] = [group_label(G, by, groups[v]) for v in keep]
    df["degree"] = [H.degree(v) for v in keep]
    df["betweenness"] = [between[v] for v in keep]
    df["constraint"] = [burt[v] for v in keep]
    df["effective_size"] = [effective[v] for v in keep]
    roles = roles.loc[keep]
    for c in [*ROLES, "total", *(f"z_{r}" for r in [*ROLES, "total"])]:
        df[c] = roles[c].to_numpy()
    df["exclusive"] = [len(excl.get(v, ())) for v in keep]
    df["exclusive_pairs"] = ["; ".join(sorted(_pair_text(G, by, p) for p in excl.get(v, ()))) for v in keep]
    return df.sort_values(["betweenness", "id"], ascending=[False, True], kind="stable").reset_index(drop=True)
