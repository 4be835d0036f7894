"""Shortest and k shortest paths, explained hop by hop."""
from __future__ import annotations

import pytest

from graph.filters import Filters
from queries.paths import find_paths, shortest_path
from queries.resolve import EntityLookupError
from tests.queries.collector import graphs_left_to_collector


def test_shortest_path_by_any_name_with_hops_explained(eco):
    res = shortest_path(eco, "tp hcm", "BUSAN")
    [p] = res.paths
    assert p.nodes == ["tp-hcm", "so-kh-cn-tp-hcm", "busan"]
    hop = p.hops[1]
    assert hop.text == "Sở KH&CN TP.HCM MET_WITH Busan, 2024-08-21, source 001_bai.txt (+1 more)"
    assert [link["date"] for link in hop.links] == ["2024-08-21", "2023-05-10"]
    assert hop.links[1]["source"] == "busan"  # shown in its stored direction
    assert hop.links[0]["evidence"]
    assert p.hops[0].text.startswith("Sở KH&CN TP.HCM LOCATED_IN TP.HCM, undated")


def test_node_and_type_exclusions(eco):
    res = shortest_path(eco, "TP.HCM", "Busan", exclude_nodes=["Sở Khoa học và Công nghệ TP.HCM"],
                        exclude_types=["SIGNED_AGREEMENT_WITH"])
    assert "so-kh-cn-tp-hcm" not in res.paths[0].nodes
    assert len(res.paths[0].hops) == 3  # through KOTRA and CBFEZ, or Startup X and FLY ASIA
    assert res.paths[0].nodes[-2] in {"cbfez", "fly-asia-2024"}


def test_k_shortest_are_distinct_and_ordered(eco):
    res = find_paths(eco, "tp-hcm", "busan", k=4)
    lengths = [len(p.hops) for p in res.paths]
    assert lengths == sorted(lengths) and len(res.paths) == 4
    assert len({tuple(p.nodes) for p in res.paths}) == 4
    frame = res.to_frame()
    assert list(frame.columns[:4]) == ["path", "step", "source", "target"]
    assert len(frame) == sum(lengths)


def test_weighted_prefers_strong_ties(eco):
    hops = shortest_path(eco, "Sở KH&CN TP.HCM", "Chungbuk", weighted=True).paths[0]
    assert hops.nodes[1] == "chungbuk-technopark"  # signed agreement, weight 3
    assert hops.cost == pytest.approx(1 / 3 + 1)


def test_disconnected_pair_is_an_answer_not_an_error(eco):
    eco.add_node("lonely", name="Lonely Fund", kind="Fund", aliases=[])
    res = shortest_path(eco, "Lonely Fund", "Busan")
    assert res.paths == [] and "not connected" in res.message
    res = shortest_path(eco, "IIA", "Busan", filters=Filters(types=frozenset({"COOPERATES_WITH", "MET_WITH"})),
                        exclude_nodes=["so-kh-cn-tp-hcm"])
    assert res.paths == []


def test_bad_input(eco):
    with pytest.raises(EntityLookupError, match="closest"):
        shortest_path(eco, "Busann", "TP.HCM")
    with pytest.raises(ValueError, match="k must be"):
        find_paths(eco, "busan", "tp-hcm", k=0)
    with pytest.raises(ValueError, match="same entity"):
        shortest_path(eco, "busan", "Busan")
    with pytest.raises(ValueError, match="removed by the filters"):
        shortest_path(eco, "busan", "iia", filters=Filters(kinds=frozenset({"City"})))


def test_directed_paths_follow_arrows(eco):
    assert shortest_path(eco, "israel", "iia", directed=True).paths == []
    assert shortest_path(eco, "iia", "israel", directed=True).paths[0].nodes == ["iia", "israel"]


@pytest.mark.parametrize("directed", [False, True])
def test_fewest_hops_search_equals_networkx_on_the_collapsed_graph(directed):
    import networkx as nx

    from queries.subgraph import collapse
    from tests.queries.handmade_graphs import random_projection

    G = random_projection(7, nodes=40, links=70)
    H = collapse(G, directed=directed)
    for s in list(G)[:12]:
        for t in list(G)[-12:]:
            if s == t:
                continue
            res = shortest_path(G, s, t, directed=directed)
            if nx.has_path(H, s, t):
                [p] = res.paths
                assert len(p.hops) == nx.shortest_path_length(H, s, t), (s, t)
                assert all(H.has_edge(u, v) for u, v in zip(p.nodes, p.nodes[1:]))
            else:
                assert res.paths == [] and "not connected" in res.message


@pytest.mark.parametrize("directed", [False, True])
@pytest.mark.parametrize("weighted", [False, True])
def test_k_shortest_paths_have_networkx_lengths(directed, weighted):
    """igraph's Yen against networkx's ``shortest_simple_paths``: same path costs, in order."""
    import itertools

    import networkx as nx

    from queries.subgraph import collapse
    from tests.queries.handmade_graphs import random_projection

    G = random_projection(9, nodes=30, links=110)
    H = collapse(G, directed=directed)
    weight = "distance" if weighted else None
    pairs = [(s, t) for s in list(G)[:6] for t in list(G)[-6:] if s != t]
    for s, t in pairs:
        res = find_paths(G, s, t, k=6, weighted=weighted, directed=directed)
        try:
            ref = list(itertools.islice(nx.shortest_simple_paths(H, s, t, weight=weight), 6))
        except nx.NetworkXNoPath:
            ref = []
        expect = [nx.path_weight(H, p, "distance") if weighted else len(p) - 1 for p in ref]
        assert [p.cost for p in res.paths] == pytest.approx(expect), (s, t)
        for p in res.paths:
            assert p.nodes[0] == s and p.nodes[-1] == t and len(set(p.nodes)) == len(p.nodes)
            assert all(H.has_edge(u, v) for u, v in zip(p.nodes, p.nodes[1:]))
            if weighted:
                assert p.cost == pytest.approx(nx.path_weight(H, p.nodes, "distance"))


def test_paths_leave_no_graph_to_the_collector(eco):
    with graphs_left_to_collector() as left:
        find_paths(eco, "tp-hcm", "busan", Filters(status="done"), k=3)
    assert left == []
