"""Centrality measures against hand values and networkx, and igraph against networkx."""
from __future__ import annotations

import math
import random

import networkx as nx
import pytest

from graph.filters import Filters
from queries.centrality import betweenness, centrality, closeness, eigenvector
from queries.subgraph import collapse, filter_graph
from queries.ties import route_filters
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
    H = collapse(filter_graph(eco, route_filters()))
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


@pytest.mark.parametrize("directed", [False, True])
@pytest.mark.parametrize("weighted", [False, True])
@pytest.mark.parametrize("k", [1, 5, 20])
def test_sampled_betweenness_is_networkx_sampling_on_igraph(directed, weighted, k):
    """Brandes-Pich pivots: the same sample and scaling as networkx's ``k`` option."""
    H = _random_graph(11, directed)
    ref = nx.betweenness_centrality(H, k=k, seed=4, normalized=True, weight="distance" if weighted else None)
    for engine in ("igraph", "networkx"):
        ours = betweenness(H, weighted=weighted, engine=engine, pivots=k, seed=4)
        assert all(ours[n] == pytest.approx(ref[n], abs=1e-9, nan_ok=True) for n in H), engine


def test_exact_unless_asked_or_too_large():
    from queries.centrality import DEFAULT_PIVOTS, EXACT_COST, pivot_count

    H = _random_graph(3, False)
    exact = betweenness(H, engine="networkx")
    assert betweenness(H, pivots=len(H), engine="igraph") == pytest.approx(exact)
    assert betweenness(H, pivots="exact", engine="igraph") == pytest.approx(exact)
    assert pivot_count(H) is None
    big = nx.empty_graph(int(EXACT_COST ** 0.5) + 1)
    assert pivot_count(big) == DEFAULT_PIVOTS and pivot_count(big, "exact") is None


@pytest.mark.parametrize("bad", [0, -3, "many", True, 2.5])
def test_absurd_pivots_are_refused(bad):
    with pytest.raises(ValueError, match="pivots must be"):
        betweenness(_random_graph(3, False), pivots=bad)


@pytest.mark.parametrize("directed", [False, True])
@pytest.mark.parametrize("weighted", [False, True])
def test_sampled_closeness_with_every_node_as_pivot_is_exact(directed, weighted):
    """The estimator's reach and distance sums are exact when every node is a pivot."""
    from queries.centrality import _sampled_closeness

    H = _random_graph(5, directed)
    ref = nx.closeness_centrality(H, distance="distance" if weighted else None, wf_improved=True)
    ours = _sampled_closeness(H, len(H), "distance" if weighted else None, seed=0)
    assert all(ours[n] == pytest.approx(ref[n], abs=1e-12) for n in H)


def test_sampled_closeness_is_close_on_a_connected_graph():
    H = nx.relabel_nodes(nx.connected_watts_strogatz_graph(300, 6, 0.1, seed=2), str)
    nx.set_edge_attributes(H, 1.0, "distance")
    exact, approx = closeness(H), closeness(H, pivots=60, seed=1)
    assert max(abs(approx[n] - exact[n]) / exact[n] for n in H) < 0.15


@pytest.mark.parametrize("directed", [False, True])
def test_igraph_pagerank_gives_networkx_numbers(directed):
    from queries.centrality import pagerank

    H = _random_graph(9, directed)
    for _, _, e in H.edges(data=True):
        e["weight"] = 1 / e["distance"]
    ref = nx.pagerank(H, weight="weight", tol=1e-12, max_iter=1000)
    ours = pagerank(H, engine="igraph")
    assert all(ours[n] == pytest.approx(ref[n], abs=1e-9) for n in H)
    assert pagerank(H, engine="networkx") == pytest.approx(nx.pagerank(H, weight="weight"))


def test_eigenvector_of_a_large_component_equals_networkx():
    H = _random_graph(13, False)
    giant = H.subgraph(max(nx.connected_components(H), key=len))
    ref = nx.eigenvector_centrality_numpy(giant, weight="weight")
    ours = eigenvector(giant)
    assert all(ours[n] == pytest.approx(abs(ref[n]), abs=1e-9) for n in giant)


def test_every_measure_on_an_empty_projection():
    from tests.queries.handmade_graphs import projection

    df = centrality(projection([], []))
    assert df.empty and "betweenness_rank" in df.columns


def test_sampled_betweenness_spread_over_processes_gives_the_same_numbers(monkeypatch):
    """Worker processes each take a share of the pivots; the sums must not change."""
    import queries.centrality as c

    H = nx.relabel_nodes(nx.barabasi_albert_graph(600, 3, seed=2), {n: f"n{n}" for n in range(600)})
    for _, _, e in H.edges(data=True):
        e["distance"] = 1.0
    alone = betweenness(H, engine="igraph", pivots=40, seed=5)
    monkeypatch.setattr(c, "PARALLEL_FROM", 0)
    monkeypatch.setattr(c.os, "cpu_count", lambda: 2)
    spawned = []
    real = c.subprocess.Popen
    monkeypatch.setattr(c.subprocess, "Popen", lambda *a, **k: spawned.append(a[0][-1]) or real(*a, **k))
    spread = betweenness(H, engine="igraph", pivots=40, seed=5)
    assert spawned == ["queries.dependency_worker"] * 2
    assert all(spread[n] == pytest.approx(alone[n], rel=1e-9, abs=1e-12) for n in H)
