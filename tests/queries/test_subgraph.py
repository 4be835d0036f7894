"""Filtering, weights and collapsing of a projection."""
from __future__ import annotations

import itertools

import pytest

from graph.filters import Filters
from queries.subgraph import (DEFAULT_WEIGHTS, PLANNED_FACTOR, collapse, distinct_links, filter_graph, link_weight,
                              links_among, links_of, weighted_view)
from tests.queries.collector import graphs_left_to_collector


def test_filters_drop_links_and_nodes_by_the_shared_rules(eco):
    F = filter_graph(eco, Filters(kinds=frozenset({"Agency", "City"}), types=frozenset({"MET_WITH"})))
    assert set(F) == {"tp-hcm", "busan", "chungbuk", "so-kh-cn-tp-hcm", "cbfez", "iia"}
    assert {a["type"] for _, _, a in F.edges(data=True)} == {"MET_WITH"}
    assert F.number_of_edges() == 4  # three reports of Sở-Busan meetings and the IIA meeting
    assert F.graph["documents"] is eco.graph["documents"]


def test_date_window_and_status(eco):
    F = filter_graph(eco, Filters(date_from="2024", status="done"))
    assert all(a["date"] and a["date"] >= "2024" for _, _, a in F.edges(data=True))
    assert not any(a["status"] == "planned" for _, _, a in F.edges(data=True))


def test_repeated_meetings_accumulate_but_one_meeting_reported_twice_counts_once(eco):
    H = collapse(eco)
    e = H["so-kh-cn-tp-hcm"]["busan"]
    assert e["links"] == 2  # 2024-08-21 (two articles) and 2023-05-10
    assert e["weight"] == 2 * DEFAULT_WEIGHTS["MET_WITH"]
    assert e["distance"] == pytest.approx(0.5)


def test_signed_agreement_is_stronger_than_one_attendance(eco):
    H = collapse(eco)
    assert H["so-kh-cn-tp-hcm"]["chungbuk-technopark"]["weight"] > H["startup-x"]["fly-asia-2024"]["weight"]
    assert link_weight({"type": "SIGNED_AGREEMENT_WITH", "status": "planned"}) == 3.0 * PLANNED_FACTOR


def test_weights_are_overridable(eco):
    H = weighted_view(eco, weights={"PARTICIPATED_IN": 5.0})
    assert H["startup-x"]["fly-asia-2024"]["weight"] == 5.0
    assert H["so-kh-cn-tp-hcm"]["busan"]["weight"] == 2.0  # other types keep their default


def test_directed_view_keeps_direction_except_for_symmetric_types(eco):
    D = collapse(eco, directed=True)
    assert D.has_edge("busan", "han-quoc") and not D.has_edge("han-quoc", "busan")
    assert D.has_edge("busan", "so-kh-cn-tp-hcm") and D.has_edge("so-kh-cn-tp-hcm", "busan")
    assert D.nodes["busan"]["kind"] == "City"


@pytest.mark.parametrize("directed", [False, True])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_local_ties_equal_the_collapsed_graph(directed, seed):
    """Paths and neighbourhoods read one entity's links instead of collapsing the whole graph."""
    from queries.subgraph import tie_degree, ties_of
    from tests.queries.handmade_graphs import random_projection

    G = random_projection(seed)
    weights = {"SUPPORTS": 0.75}
    H = collapse(G, directed=directed, weights=weights)
    for u in G:
        expect = {v: H[u][v]["weight"] for v in (H.successors(u) if directed else H.neighbors(u))}
        got = ties_of(G, u, directed=directed, weights=weights)
        assert got.keys() == expect.keys(), u
        assert all(got[v] == pytest.approx(expect[v]) for v in got), u
        assert tie_degree(G, u, directed=directed) == H.degree(u), u


def test_filtered_view_equals_the_filtered_copy(eco):
    from queries.subgraph import filtered_view

    f = Filters(kinds=frozenset({"Agency", "City", "Organization"}), status="done", date_from="2023")
    V, F = filtered_view(eco, f), filter_graph(eco, f)
    assert set(V) == set(F)
    assert sorted(V.edges(keys=True)) == sorted(F.edges(keys=True))


@pytest.mark.parametrize("w", [0, -1.0, float("inf"), "2"])
def test_weights_must_be_positive_numbers(eco, w):
    with pytest.raises(ValueError, match="weight of MET_WITH must be a positive number"):
        weighted_view(eco, weights={"MET_WITH": w})


@pytest.mark.parametrize("directed", [False, True])
def test_tie_neighbours_equal_the_collapsed_graph(directed):
    from queries.subgraph import tie_neighbours
    from tests.queries.handmade_graphs import random_projection

    G = random_projection(5)
    H = collapse(G, directed=directed)
    for u in G:
        if directed:
            assert set(tie_neighbours(G, u, directed=True)) == set(H.successors(u)), u
            assert set(tie_neighbours(G, u, directed=True, forward=False)) == set(H.predecessors(u)), u
        else:
            assert set(tie_neighbours(G, u)) == set(H.neighbors(u)), u


def test_filters_that_keep_everything_return_the_projection_itself(eco):
    assert filter_graph(eco, Filters()) is eco
    assert filter_graph(eco, None) is eco
    assert filter_graph(eco, Filters(status="done")) is not eco


def test_links_among_and_of_are_the_distinct_links_of_the_subgraph(eco):
    F = filter_graph(eco, Filters(date_from="2023"))
    for u, v in itertools.combinations(sorted(eco), 2):
        expected = sorted((x, y, a["type"], a["doc"]) for x, y, a in distinct_links(F.subgraph([u, v])))
        assert sorted((x, y, a["type"], a["doc"]) for x, y, a in links_among(F, (u, v))) == expected
    for n in F:
        touching = F.edge_subgraph([e for e in F.edges(keys=True) if n in e[:2]])
        expected = sorted((x, y, a["type"], a["doc"]) for x, y, a in distinct_links(touching))
        assert sorted((x, y, a["type"], a["doc"]) for x, y, a in links_of(F, n)) == expected
    assert any(len(list(links_among(F, (u, v)))) > 1 for u, v in itertools.combinations(F, 2))


def test_reading_links_leaves_no_graph_to_the_collector(eco):
    with graphs_left_to_collector() as left:
        F = filter_graph(eco, Filters(status="done"))
        list(distinct_links(F)), list(links_among(F, ("so-kh-cn-tp-hcm", "busan"))), list(links_of(F, "busan"))
        del F
    assert left == []
