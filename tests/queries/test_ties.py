"""The vectorised ties against the rule applied link by link, and their matrices and igraph form."""
from __future__ import annotations

import networkx as nx
import numpy as np
import pytest

from graph.filters import Filters
from graph.ontology import SYMMETRIC_TYPES
from queries.subgraph import collapse, distinct_links, filter_graph, link_weight, weighted_view
from queries.ties import graph_ties, shared_ties, tie_arrays
from tests.queries.handmade_graphs import projection, random_projection


def collapse_link_by_link(G: nx.MultiDiGraph, directed: bool, weights=None) -> nx.Graph:
    """The collapsing rule written plainly: the reference ``collapse`` must equal."""
    ties: dict[tuple, list] = {}
    for u, v, a in distinct_links(G):
        if u == v:
            continue
        t = a.get("type")
        arcs = ((u, v), (v, u)) if directed and t in SYMMETRIC_TYPES else ((u, v),)
        for x, y in arcs:
            k = (x, y) if directed or x <= y else (y, x)
            tie = ties.setdefault(k, [x, y, 0.0, 0, set()])
            tie[2] += link_weight(a, weights)
            tie[3] += 1
            tie[4].add(t)
    H = nx.DiGraph() if directed else nx.Graph()
    H.add_nodes_from(G.nodes(data=True))
    H.add_edges_from((x, y, {"weight": w, "links": n, "types": sorted(ts), "distance": 1 / w})
                     for x, y, w, n, ts in ties.values())
    return H


@pytest.mark.parametrize("directed", [False, True])
@pytest.mark.parametrize("seed", range(8))
def test_collapse_equals_the_rule_link_by_link(seed, directed):
    G = random_projection(seed, nodes=25, links=120)
    weights = {"SUPPORTS": 0.75}
    ours, ref = collapse(G, directed=directed, weights=weights), collapse_link_by_link(G, directed, weights)
    assert list(ours.nodes(data=True)) == list(ref.nodes(data=True))
    assert [(u, v) for u, v in ours.edges()] == [(u, v) for u, v in ref.edges()]  # same order, same direction
    for u, v, d in ref.edges(data=True):
        got = ours[u][v]
        assert got["weight"] == pytest.approx(d["weight"]) and got["distance"] == pytest.approx(d["distance"])
        assert (got["links"], got["types"]) == (d["links"], d["types"])


def test_filters_give_the_ties_of_the_filtered_copy():
    G = random_projection(3)
    f = Filters(types=frozenset({"MET_WITH", "SUPPORTS"}), status="done", date_from="2024")
    a, b = tie_arrays(G, f), tie_arrays(filter_graph(G, f))
    assert a.nodes == b.nodes
    for name in ("src", "dst", "weight", "links", "types"):
        assert np.array_equal(getattr(a, name), getattr(b, name)), name


def test_no_filters_and_empty_filters_share_one_set_of_ties():
    """The app asks with ``Filters()``, the queries' default is None: one computation serves both."""
    G = random_projection(4)
    assert shared_ties(G, Filters()) is shared_ties(G)
    assert weighted_view(G, Filters(), directed=True) is weighted_view(G, None, directed=True)
    assert shared_ties(G, Filters(status="done")) is not shared_ties(G)


def test_the_most_confident_report_decides_the_status():
    """Two reports of one meeting: the planned one is more confident, so the meeting counts as planned."""
    G = projection([("a", "A", "Agency"), ("b", "B", "Agency")],
                   [("a", "MET_WITH", "b", "d1", "2024-05-02", "done", {"confidence": 0.6}),
                    ("b", "MET_WITH", "a", "d2", "2024-05-02", "planned", {"confidence": 0.9}),
                    ("a", "MET_WITH", "b", "d3", None, "done")])
    T = tie_arrays(G)
    assert T.links.tolist() == [2] and T.weight.tolist() == [pytest.approx(0.5 + 1.0)]
    assert (T.nodes[T.src[0]], T.nodes[T.dst[0]]) == ("b", "a")  # the kept report's direction


def test_empty_and_linkless_projections():
    assert len(tie_arrays(nx.MultiDiGraph()).src) == 0
    T = tie_arrays(projection([("a", "A", "Agency")], []))
    assert T.nodes == ["a"] and len(T.weight) == 0 and T.matrix().shape == (1, 1)


@pytest.mark.parametrize("directed", [False, True])
def test_matrix_and_igraph_hold_the_view(directed):
    G = random_projection(4)
    H = weighted_view(G, directed=directed)
    T = graph_ties(H)
    assert T is shared_ties(G, directed=directed)  # the view's own arrays, not a second walk
    A = T.matrix("distance")
    idx = T.index
    for u, v, d in H.edges(data=True):
        assert A[idx[u], idx[v]] == pytest.approx(d["distance"])
        if not directed:
            assert A[idx[v], idx[u]] == pytest.approx(d["distance"])
    assert A.nnz == H.number_of_edges() * (1 if directed else 2)
    g = T.igraph
    assert (g.vcount(), g.ecount(), g.is_directed()) == (len(H), H.number_of_edges(), directed)
    assert sorted(g.es["weight"]) == pytest.approx(sorted(d for _, _, d in H.edges(data="weight")))


def test_a_hand_built_graph_is_read_as_it_is():
    H = nx.Graph()
    H.add_edge("a", "b", weight=2.0, distance=7.0)
    H.add_edge("b", "c")
    T = graph_ties(H)
    assert T.weight.tolist() == [2.0, 1.0] and T.distance.tolist() == [7.0, 1.0]


def test_symmetric_matrix_of_a_directed_graph_keeps_the_stronger_arc():
    G = projection([("a", "A", "Fund"), ("b", "B", "Startup")],
                   [("a", "INVESTED_IN", "b", "d1", "2024"), ("b", "SUPPORTS", "a", "d2", "2024")])
    T = tie_arrays(G, directed=True)
    A = T.matrix("weight", symmetric=True).toarray()
    assert A.tolist() == [[0.0, 2.0], [2.0, 0.0]]


def test_undated_links_are_told_apart_by_document_alone():
    """Every link undated: the (doc, id) keys must stay whole keys, not become array rows."""
    G = projection([("a", "A", "Agency"), ("b", "B", "Agency")],
                   [("a", "MET_WITH", "b", "d1"), ("a", "MET_WITH", "b", "d2"), ("b", "MET_WITH", "a", "d1")])
    T = tie_arrays(G)
    assert T.links.tolist() == [2] and T.weight.tolist() == [2.0]


def test_every_link_type_has_a_tie_class():
    from graph.ontology import LINK_TYPES
    from queries.weights import TIE_CLASSES

    assert set(TIE_CLASSES) == set(LINK_TYPES)
    assert {t for t, c in TIE_CLASSES.items() if c == "place"} == {"LOCATED_IN"}


def test_route_filters_walk_only_on_the_chosen_classes():
    from graph.filters import Filters
    from queries.ties import route_filters

    default = route_filters().types
    assert "MET_WITH" in default and "HOLDS_ROLE" in default
    assert "LOCATED_IN" not in default and "PARTICIPATED_IN" not in default
    assert "ORGANIZED" in route_filters(ties={"co-attendance"}).types
    mine = route_filters(Filters(types=frozenset({"MET_WITH", "LOCATED_IN"}), status="done"))
    assert mine.types == {"MET_WITH"} and mine.status == "done"
    for bad, why in (({"place"}, "never a route"), ({"friendship"}, "unknown"), (set(), "at least one")):
        with pytest.raises(ValueError, match=why):
            route_filters(ties=bad)


def test_place_ties_make_no_betweenness(eco):
    from queries.centrality import centrality

    df = centrality(eco, names=("betweenness",), by="betweenness").set_index("id")
    assert df.loc["tp-hcm", "betweenness"] == 0  # everyone in TP.HCM is LOCATED_IN it, nobody met it
    assert df.iloc[0].name == "so-kh-cn-tp-hcm"
