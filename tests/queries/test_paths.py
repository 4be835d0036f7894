"""Shortest and k shortest paths, explained hop by hop."""
from __future__ import annotations

import pytest

from graph.filters import Filters
from queries.paths import find_paths, shortest_path
from queries.resolve import EntityLookupError
from queries.weights import ROUTE_CLASSES
from tests.queries.handmade_graphs import projection
from tests.queries.collector import graphs_left_to_collector


def test_shortest_path_by_any_name_with_hops_explained(eco):
    res = shortest_path(eco, "kotra tp hcm", "BUSAN")
    [p] = res.paths
    assert p.nodes == ["kotra-hcm", "so-kh-cn-tp-hcm", "busan"]
    hop = p.hops[1]
    assert hop.text == "Sở KH&CN TP.HCM MET_WITH Busan, 2024-08-21, source Bài 1 (2024-08-22) (+1 more)"
    assert [link["date"] for link in hop.links] == ["2024-08-21", "2023-05-10"]
    assert hop.links[1]["source"] == "busan"  # shown in its stored direction
    assert hop.links[0]["evidence"]
    assert p.hops[0].text == "KOTRA TP.HCM MET_WITH Sở KH&CN TP.HCM, 2024-03-01, source Bài 6 (2024-08-22)"


def test_no_path_through_a_place_or_along_a_place_tie(eco):
    """Startup X and the Sở are both in TP.HCM: that makes them no acquaintances, and Busan,
    which organised the event Startup X attended, is no hop either."""
    assert shortest_path(eco, "Startup X", "Sở KH&CN TP.HCM").paths == []
    assert shortest_path(eco, "Startup X", "Sở KH&CN TP.HCM", ties={"interaction", "co-attendance"}).paths == []
    assert shortest_path(eco, "tp hcm", "Busan").paths == []  # TP.HCM has no tie but where things are
    with pytest.raises(ValueError, match="never a route"):
        shortest_path(eco, "Startup X", "Busan", ties={"place"})


def test_co_attendance_is_a_route_only_when_asked():
    G = projection([("a", "A", "Startup"), ("b", "B", "Fund"), ("e", "Demo Day", "Event")],
                   [("a", "PARTICIPATED_IN", "e", "d1", "2024"), ("b", "ORGANIZED", "e", "d1", "2024")])
    assert shortest_path(G, "a", "b").paths == []
    assert shortest_path(G, "a", "b", ties={"interaction", "co-attendance"}).paths[0].nodes == ["a", "e", "b"]


def test_affiliation_is_a_route_unless_left_out(eco):
    assert shortest_path(eco, "Lê Thanh Minh", "Busan").paths[0].nodes == ["le-thanh-minh", "so-kh-cn-tp-hcm", "busan"]
    assert shortest_path(eco, "Lê Thanh Minh", "Busan", ties={"interaction"}).paths == []


def test_node_and_type_exclusions(eco):
    res = shortest_path(eco, "KOTRA TP.HCM", "VKBIA", exclude_nodes=["CBFEZ"])
    assert res.paths[0].nodes == ["kotra-hcm", "so-kh-cn-tp-hcm", "spark", "vkbia"]
    assert shortest_path(eco, "KOTRA TP.HCM", "VKBIA", exclude_nodes=["CBFEZ"],
                         exclude_types=["COOPERATES_WITH"]).paths == []


def test_k_shortest_are_distinct_and_ordered(eco):
    res = find_paths(eco, "kotra-hcm", "busan", k=3)
    lengths = [len(p.hops) for p in res.paths]
    assert lengths == sorted(lengths) == [2, 4, 5]
    assert len({tuple(p.nodes) for p in res.paths}) == 3
    frame = res.to_frame()
    assert list(frame.columns[:4]) == ["path", "step", "source", "target"]
    assert len(frame) == sum(lengths)


def test_weighted_prefers_strong_ties(eco):
    hops = shortest_path(eco, "KOTRA TP.HCM", "SIHUB", weighted=True).paths[0]
    assert hops.nodes[1] == "so-kh-cn-tp-hcm"  # cooperation, weight 2, over CBFEZ's planned signing, 1.5
    assert hops.cost == pytest.approx(1 + 1 / 2)


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
    assert shortest_path(eco, "so-kh-cn-tp-hcm", "le-thanh-minh", directed=True).paths == []
    assert shortest_path(eco, "le-thanh-minh", "so-kh-cn-tp-hcm", directed=True).paths[0].nodes == [
        "le-thanh-minh", "so-kh-cn-tp-hcm"]


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
            res = shortest_path(G, s, t, directed=directed, ties=ROUTE_CLASSES)
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
        res = find_paths(G, s, t, k=6, weighted=weighted, directed=directed, ties=ROUTE_CLASSES)
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
        find_paths(eco, "kotra-hcm", "busan", Filters(status="done"), k=3)
    assert left == []
