"""Neighbourhoods within a node budget."""
from __future__ import annotations

import networkx as nx
import pytest

from graph.filters import Filters
from queries.ego import ego_network


def test_one_hop(eco):
    res = ego_network(eco, "Busan")
    assert set(res.nodes["id"]) == {"busan", "han-quoc", "so-kh-cn-tp-hcm", "cbfez", "fly-asia-2024"}
    assert res.cut["cut"].sum() == 0
    assert res.graph.graph["documents"] and res.graph.number_of_edges() >= 4


def test_budget_keeps_strongest_and_reports_the_cut(eco):
    res = ego_network(eco, ["Sở KH&CN TP.HCM"], hops=2, budget=4)
    kept = res.nodes.set_index("id")
    assert len(kept) == 4
    # strongest one-hop ties of the Sở: Chungbuk Technopark (signed, 3), SIHUB (cooperation, 2) and Busan or
    # Lê Thanh Minh (2)
    assert {"so-kh-cn-tp-hcm", "chungbuk-technopark", "spark"} <= set(kept.index)
    cut = res.cut.set_index("kind")
    assert cut["reached"].sum() - cut["kept"].sum() == cut["cut"].sum() > 0
    assert "cut by the budget of 4" in res.message
    assert nx.is_connected(res.graph.to_undirected())


def test_deeper_hops_are_reached_through_kept_nodes(eco):
    res = ego_network(eco, "iia", hops=3, budget=6)
    assert nx.is_connected(res.graph.to_undirected())
    assert res.nodes["hops"].max() <= 3


def test_filters_apply(eco):
    res = ego_network(eco, "Busan", Filters(types=frozenset({"MET_WITH"})))
    assert set(res.nodes["id"]) == {"busan", "so-kh-cn-tp-hcm"}


def test_absurd_parameters(eco):
    with pytest.raises(ValueError, match="hops must be"):
        ego_network(eco, "Busan", hops=50)
    with pytest.raises(ValueError, match="budget"):
        ego_network(eco, ["Busan", "IIA"], budget=1)


def test_budget_zero_and_unknown_centre(eco):
    from queries.resolve import EntityLookupError

    with pytest.raises(ValueError, match="budget must be at least the number of centres"):
        ego_network(eco, "Busan", budget=0)
    with pytest.raises(EntityLookupError, match="closest: Busan"):
        ego_network(eco, "Busam")


@pytest.mark.parametrize("directed", [False, True])
def test_local_neighbourhood_equals_the_collapsed_graph_rule(directed):
    """Ranking reads only the centres' links; check it against strengths taken from ``collapse``."""
    from queries.subgraph import collapse
    from tests.queries.handmade_graphs import random_projection

    G = random_projection(4, nodes=40, links=120)
    H = collapse(G, directed=directed)
    res = ego_network(G, "n1", hops=1, budget=6, directed=directed)
    nbrs = set(H.successors("n1") if directed else H.neighbors("n1"))
    ranked = sorted(nbrs, key=lambda n: (-H["n1"][n]["weight"], -H.degree(n), n))
    assert list(res.nodes["id"]) == ["n1", *ranked[:5]]
    assert list(res.nodes["degree"]) == [H.degree(n) for n in res.nodes["id"]]
