"""Centrality measures against hand values and networkx, and igraph against networkx."""
from __future__ import annotations

import math
import random

import networkx as nx
import pytest

from graph.filters import Filters
from queries.centrality import betweenness, centrality, closeness, eigenvector
from queries.subgraph import collapse
from tests.queries.handmade_graphs import simple


def test_star_hand_values():
    df = centrality(simple([("hub", "a"), ("hub", "b"), ("hub", "c")])).set_index("id")
    assert df.loc["hub", "degree"] == 3
    assert df.loc["hub", "betweenness"] == pytest.approx(1.0)
    assert df.loc["hub", "closeness"] == pytest.approx(1.0)
    assert df.loc["a", "closeness"] == pytest.approx(3 / 5)
    assert df.loc["a", "betweenness"] == 0
    assert df.loc["hub", "pagerank_rank"] == 1 and df.loc["a", "pagerank_rank"] == 2
    assert df.loc["hub", "degree_pct"] == 100.0 and df.loc["a", "degree_pct"] == 75.0


def test_weighted_degree_uses_link_weights(eco):
    df = centrality(eco).set_index("id")
    H = collapse(eco)
    assert df.loc["so-kh-cn-tp-hcm", "weighted_degree"] == pytest.approx(H.degree("so-kh-cn-tp-hcm", weight="weight"))
    assert df.loc["so-kh-cn-tp-hcm", "weighted_degree_rank"] == 1


def test_one_kind_is_ranked_among_its_kind(eco):
    df = centrality(eco, kind="Agency", by="betweenness")
    assert set(df["kind"]) == {"Agency"}
    assert df.iloc[0]["id"] == "so-kh-cn-tp-hcm"
    assert sorted(df["betweenness_rank"]) == [1, 2, 3]


def test_eigenvector_on_disconnected_graph():
    G = simple([("hub", "a"), ("hub", "b"), ("hub", "c"), ("x", "y")])
    H = collapse(G)
    H.add_node("alone")
    ev = eigenvector(H)
    assert math.fsum(v * v for v in ev.values()) == pytest.approx(1.0)
    assert ev["alone"] == 0
    star = nx.eigenvector_centrality(H.subgraph(["hub", "a", "b", "c"]), weight="weight")
    assert ev["hub"] / ev["a"] == pytest.approx(star["hub"] / star["a"], rel=1e-6)
    assert ev["x"] == pytest.approx(ev["y"])


def test_eigenvector_equals_networkx_on_connected_graph(eco):
    H = collapse(eco)
    ours = eigenvector(H)
    ref = nx.eigenvector_centrality(H, max_iter=1000, tol=1e-9, weight="weight")
    assert all(ours[n] == pytest.approx(ref[n], abs=1e-6) for n in H)


def _random_graph(seed: int, directed: bool) -> nx.Graph:
    rng = random.Random(seed)
    H = nx.gnm_random_graph(40, 70, seed=seed, directed=directed)
    H.add_nodes_from(range(40, 44))  # isolated nodes and a separate component
    H.add_edge(41, 42)
    for _, _, e in H.edges(data=True):
        e["weight"] = rng.choice([0.5, 1.0, 2.0, 4.0])  # exact distances: ties are ties in both engines
        e["distance"] = 1 / e["weight"]
    return nx.relabel_nodes(H, {n: f"n{n}" for n in H})


@pytest.mark.parametrize("directed", [False, True])
@pytest.mark.parametrize("weighted", [False, True])
def test_igraph_engine_gives_networkx_numbers(directed, weighted):
    H = _random_graph(7, directed)
    for f in (betweenness, closeness):
        a = f(H, weighted=weighted, engine="networkx")
        b = f(H, weighted=weighted, engine="igraph")
        assert all(a[n] == pytest.approx(b[n], abs=1e-9) for n in H), f.__name__


def test_empty_selection_gives_empty_table(eco):
    df = centrality(eco, Filters(kinds=frozenset({"Fund"})))
    assert df.empty and "pagerank_rank" in df.columns


def test_unknown_sort_column():
    with pytest.raises(ValueError, match="cannot sort"):
        centrality(simple([("a", "b")]), names=["degree"], by="pagerank")
