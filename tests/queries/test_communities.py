"""Louvain communities and their descriptions."""
from __future__ import annotations

import itertools

import pytest

from tests.queries.handmade_graphs import projection
from queries.communities import communities


def two_cliques():
    nodes = [(f"a{i}", f"A{i}", "Startup" if i else "Fund") for i in range(4)] + \
            [(f"b{i}", f"B{i}", "Agency") for i in range(4)] + [("vn", "Việt Nam", "Country")]
    links = [(u, "MET_WITH", v, f"d{u}{v}") for g in "ab" for u, v in itertools.combinations([f"{g}{i}" for i in range(4)], 2)]
    links.append(("a0", "MET_WITH", "b0", "dx"))
    links += [(f"a{i}", "LOCATED_IN", "vn", "dl") for i in range(4)]
    return projection(nodes, links)


def test_two_cliques_and_hand_modularity():
    from graph.filters import Filters
    res = communities(two_cliques(), Filters(types=frozenset({"MET_WITH"})), seed=1)
    assert len(res.table) == 2
    # m = 13 unit links; each side: 6 inside, degree sum 13 -> Q = 2 (6/13 - (13/26)^2)
    assert res.modularity == pytest.approx(2 * (6 / 13 - 0.25))
    a = res.table[res.table["members"].str.contains("A0")].iloc[0]
    assert a["kinds"] == "Startup 75%, Fund 25%"
    assert a["places"] == "Việt Nam 100%"
    assert a["members"].startswith("A0")  # the member with the link across is the strongest


def test_seed_makes_it_repeatable(eco):
    assert communities(eco, seed=3).membership == communities(eco, seed=3).membership


def test_empty_graph():
    res = communities(projection([], []))
    assert res.table.empty


def test_absurd_parameters_and_empty_projection(eco):
    import math

    import pytest

    from queries.communities import communities
    from tests.queries.handmade_graphs import projection

    with pytest.raises(ValueError, match="top must be at least 1"):
        communities(eco, top=0)
    res = communities(projection([], []))
    assert res.table.empty and math.isnan(res.modularity)
