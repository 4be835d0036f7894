"""Brokerage roles (Gould & Fernandez 1989), Burt's measures, cut points and sole connectors.

The role tests use the five elementary triads that define the roles in Gould and Fernandez
(1989, figure 1); the expected counts and variances are checked against a full enumeration
of every digraph on four nodes, weighted by its probability under the Bernoulli null.
"""
from __future__ import annotations

import itertools
import math

import networkx as nx
import pytest

from graph.filters import Filters
from tests.queries.handmade_graphs import projection, simple
from tests.queries.collector import graphs_left_to_collector
from queries.brokers import (brokerage_roles, brokers, role_counts, constraint, role_expectations,
                             sole_connectors)
from queries.cuts import cut_points
from queries.roles import ROLES, role_of
from queries.groups import group_of
from queries.subgraph import collapse, filter_graph
from queries.ties import route_filters


def digraph(arcs, nodes=()):
    D = nx.DiGraph()
    D.add_nodes_from(nodes)
    D.add_edges_from(arcs)
    return D


@pytest.mark.parametrize("groups, role", [
    ("AAA", "coordinator"),
    ("ABA", "itinerant"),
    ("ABB", "gatekeeper"),
    ("AAB", "representative"),
    ("ABC", "liaison"),
])
def test_each_elementary_triad_gives_its_role(groups, role):
    D = digraph([("a", "v"), ("v", "c")])
    counts = role_counts(D, dict(zip("avc", groups)))
    assert counts.loc["v", role] == 1
    assert counts.loc["v", "total"] == 1
    assert counts.loc[["a", "c"], "total"].sum() == 0


def test_closed_triad_and_reciprocated_pair_are_not_brokerage():
    assert role_counts(digraph([("a", "v"), ("v", "c"), ("a", "c")]), dict.fromkeys("avc", "A"))["total"].sum() == 0
    assert role_counts(digraph([("a", "v"), ("v", "a")]), dict.fromkeys("av", "A"))["total"].sum() == 0


def brute_force(arcs: set, groups: dict) -> dict:
    """Role counts straight from the definition: every ordered triple."""
    out = {v: dict.fromkeys([*ROLES, "total"], 0) for v in groups}
    for a, v, c in itertools.permutations(groups, 3):
        if (a, v) in arcs and (v, c) in arcs and (a, c) not in arcs:
            out[v][role_of(groups[a], groups[v], groups[c])] += 1
            out[v]["total"] += 1
    return out


def test_counts_equal_brute_force_on_a_mixed_graph():
    arcs = [(1, 2), (2, 3), (3, 1), (2, 4), (4, 5), (5, 2), (1, 4), (6, 2), (2, 6), (3, 6), (5, 6), (6, 7), (7, 3)]
    groups = {1: "A", 2: "A", 3: "B", 4: "B", 5: "C", 6: "A", 7: "C"}
    assert role_counts(digraph(arcs), groups).to_dict("index") == brute_force(set(arcs), groups)


@pytest.mark.parametrize("groups", [{0: "A", 1: "A", 2: "A", 3: "B"}, {0: "A", 1: "A", 2: "B", 3: "C"}])
def test_expectation_and_variance_are_exact_under_the_bernoulli_null(groups):
    """Enumerate all 4,096 digraphs on 4 nodes; weight each by d^k (1-d)^(12-k)."""
    nodes = list(groups)
    possible = [(a, b) for a in nodes for b in nodes if a != b]
    observed = digraph([(0, 1), (1, 2), (2, 3), (3, 0), (1, 3)], nodes)  # density 5/12
    d = nx.density(observed)
    mean, sd = role_expectations(observed, groups)
    cols = [*ROLES, "total"]
    m1 = {v: dict.fromkeys(cols, 0.0) for v in nodes}
    m2 = {v: dict.fromkeys(cols, 0.0) for v in nodes}
    for bits in itertools.product((0, 1), repeat=len(possible)):
        arcs = {e for e, b in zip(possible, bits) if b}
        p = d ** len(arcs) * (1 - d) ** (len(possible) - len(arcs))
        for v, c in brute_force(arcs, groups).items():
            for r in cols:
                m1[v][r] += p * c[r]
                m2[v][r] += p * c[r] ** 2
    for v in nodes:
        for r in cols:
            assert mean.loc[v, r] == pytest.approx(m1[v][r], abs=1e-12), (v, r)
            assert sd.loc[v, r] == pytest.approx(math.sqrt(m2[v][r] - m1[v][r] ** 2), abs=1e-9), (v, r)


def test_coordinator_moments_match_the_published_closed_form():
    """sna::brokerage: E = (n-1)(n-2) d^2 (1-d); Var = E (1 - d^2 (1-d) + 2 (n-3) d (1-d)^2)."""
    D = digraph([(i, (i + 1) % 7) for i in range(7)] + [(0, 3), (4, 1)])
    groups = {i: "A" if i < 5 else "B" for i in range(7)}
    d, n = nx.density(D), 5
    mean, sd = role_expectations(D, groups)
    e = (n - 1) * (n - 2) * d ** 2 * (1 - d)
    assert mean.loc[0, "coordinator"] == pytest.approx(e)
    assert sd.loc[0, "coordinator"] ** 2 == pytest.approx(e * (1 - d ** 2 * (1 - d) + 2 * (n - 3) * d * (1 - d) ** 2))


def test_hand_computed_z_score():
    """1 -> 2 -> 3 -> 4, groups A A B B: node 2 is a representative, node 3 a gatekeeper.

    d = 3/12; p = d^2 (1-d) = 0.046875; for node 2 (own group {1, 2}, two outsiders) N = 2,
    C = 2: E = 0.09375, Var = 2 p (1-p) + 2 d^3 (1-d)^3 = 0.1025390625, z = 0.90625 / 0.3202172.
    """
    G = projection([(str(i), str(i), "Organization", [], {"team": "AB"[i > 2]}) for i in range(1, 5)],
                   [("1", "MET_WITH", "2", "d1"), ("2", "MET_WITH", "3", "d2"), ("3", "MET_WITH", "4", "d3")])
    G = nx.MultiDiGraph(G)
    for _, _, a in G.edges(data=True):
        a["type"] = "SUPPORTS"  # directed type, so the arcs keep their direction
    df = brokerage_roles(G, "team", directed=True).set_index("id")
    assert df.loc["2", "representative"] == 1 and df.loc["2", "total"] == 1
    assert df.loc["3", "gatekeeper"] == 1
    assert df.loc["2", "exp_representative"] == pytest.approx(0.09375, abs=1e-3)
    assert df.loc["2", "z_representative"] == pytest.approx(0.90625 / math.sqrt(0.1025390625), abs=1e-3)


def test_undirected_links_count_both_ways():
    G = projection([("a", "a", "Organization", [], {"team": "A"}), ("v", "v", "Organization", [], {"team": "A"}),
                    ("c", "c", "Organization", [], {"team": "B"})],
                   [("a", "MET_WITH", "v", "d1"), ("v", "MET_WITH", "c", "d2")])
    row = brokerage_roles(G, "team").set_index("id").loc["v"]
    assert (row["gatekeeper"], row["representative"], row["total"]) == (1, 1, 2)


def test_country_grouping_follows_located_in_chains(eco):
    groups = group_of(eco, "country")
    assert groups["cbfez"] == "han-quoc"  # CBFEZ -> Busan -> Hàn Quốc
    assert groups["so-kh-cn-tp-hcm"] == "viet-nam"
    assert groups["han-quoc"] == "han-quoc"
    assert groups["vkbia"] == "?"
    assert group_of(eco, "city")["fly-asia-2024"] == "busan"


def test_country_property_is_used_when_no_chain(eco):
    eco.nodes["vkbia"]["country"] = "Han Quoc"
    assert group_of(eco, "country")["vkbia"] == "han-quoc"


def test_burt_measures_by_hand():
    """Star with three unlinked contacts and a triangle (unit weights)."""
    df = brokers(simple([("hub", "a"), ("hub", "b"), ("hub", "c"), ("x", "y"), ("y", "z"), ("z", "x")]),
                 by="kind").set_index("id")
    assert df.loc["hub", "constraint"] == pytest.approx(3 * (1 / 3) ** 2)
    assert df.loc["hub", "effective_size"] == pytest.approx(3)
    assert df.loc["a", "constraint"] == pytest.approx(1)
    assert df.loc["x", "constraint"] == pytest.approx(2 * (1 / 2 + 1 / 4) ** 2)
    assert df.loc["x", "effective_size"] == pytest.approx(1)
    assert df.loc["hub", "betweenness"] == pytest.approx(3 / 15)  # 3 of the 15 pairs of 7 nodes


def test_burt_measures_equal_networkx_weighted(eco):
    H = collapse(filter_graph(eco, route_filters()))
    df = brokers(eco).set_index("id")
    ref = nx.constraint(H, weight="weight")
    assert df.loc["so-kh-cn-tp-hcm", "constraint"] == pytest.approx(ref["so-kh-cn-tp-hcm"])


def test_sole_connector_of_an_otherwise_unconnected_pair(eco):
    groups = group_of(eco, "country")
    sole = sole_connectors(collapse(eco), groups)
    assert sole[frozenset({"viet-nam", "israel"})] == {"so-kh-cn-tp-hcm", "iia"}
    assert sole[frozenset({"viet-nam", "han-quoc"})] == set()  # several independent ties
    table = brokers(eco).set_index("id")
    # IIA's only tie reaches Korea too, in two steps through the Sở
    assert table.loc["iia", "exclusive_pairs"] == "Hàn Quốc – Israel; Israel – Việt Nam"
    assert table.loc["so-kh-cn-tp-hcm", "exclusive"] == 2


def test_liaison_alone_is_the_sole_connector():
    G = projection([("vn", "VN", "Country"), ("kr", "KR", "Country"), ("a", "A", "Agency"), ("b", "B", "Agency"),
                    ("x", "X", "Organization")],
                   [("a", "LOCATED_IN", "vn", "d"), ("b", "LOCATED_IN", "kr", "d"), ("x", "MET_WITH", "a", "d"),
                    ("x", "MET_WITH", "b", "d")])
    sole = sole_connectors(collapse(G), group_of(G, "country"))
    assert sole[frozenset({"vn", "kr"})] == {"x", "a", "b"}


def test_bridges_and_articulation_points(eco):
    cuts = cut_points(eco)
    ap = cuts.articulation_points.set_index("id")
    # without the Sở: Busan, Chungbuk Technopark, IIA and Lê Thanh Minh are cut off from the rest
    assert (ap.loc["so-kh-cn-tp-hcm", "pieces"], ap.loc["so-kh-cn-tp-hcm", "cut_off"]) == (5, 4)
    assert "busan" not in ap.index  # no place tie is a route: Busan hangs on the Sở alone
    assert {frozenset((r["source"], r["target"])) for r in cuts.bridges.to_dict("records")} == {
        frozenset(p) for p in [("so-kh-cn-tp-hcm", "busan"), ("so-kh-cn-tp-hcm", "chungbuk-technopark"),
                               ("so-kh-cn-tp-hcm", "iia"), ("le-thanh-minh", "so-kh-cn-tp-hcm"),
                               ("oh-won-geon", "cbfez")]}
    assert set(cuts.bridges["cut_off"]) == {1}
    with_places = cut_points(eco, ties={"interaction", "affiliation", "co-attendance"})
    assert with_places.bridges["types"].str.contains("PARTICIPATED_IN").any()


@pytest.mark.parametrize("directed", [False, True])
def test_fast_constraint_equals_networkx(directed):
    import random
    rng = random.Random(3)
    H = nx.gnm_random_graph(30, 60, seed=3, directed=directed)
    H.add_node(99)
    for _, _, e in H.edges(data=True):
        e["weight"] = rng.choice([0.5, 1.0, 2.0, 3.0])
    ours, ref = constraint(H), nx.constraint(H, weight="weight")
    assert math.isnan(ours[99]) and math.isnan(ref[99])
    assert all(ours[n] == pytest.approx(ref[n], rel=1e-9) for n in H if n != 99)


def test_cut_points_equal_removal_by_brute_force():
    H = nx.relabel_nodes(nx.gnm_random_graph(40, 45, seed=5), str)
    G = simple(list(H.edges()))
    cuts = cut_points(G)
    U = collapse(G)
    assert {frozenset(e) for e in nx.bridges(U)} == {frozenset((r.source, r.target)) for r in cuts.bridges.itertuples()}
    assert set(nx.articulation_points(U)) == set(cuts.articulation_points["id"])
    for r in cuts.articulation_points.itertuples():
        comp = nx.node_connected_component(U, r.id) - {r.id}
        sizes = sorted(len(c) for c in nx.connected_components(U.subgraph(comp)))
        assert (r.pieces, r.cut_off) == (len(sizes), sum(sizes[:-1]))
    for r in cuts.bridges.itertuples():
        rest = nx.restricted_view(U, [], [(r.source, r.target)])
        a, b = len(nx.node_connected_component(rest, r.source)), len(nx.node_connected_component(rest, r.target))
        assert r.cut_off == min(a, b)


def _random_digraph(seed: int, symmetric: bool):
    import random

    rng = random.Random(seed)
    H = nx.gnm_random_graph(40, 160, seed=seed, directed=not symmetric)
    D = H.to_directed() if symmetric else H
    D.add_nodes_from([40, 41])  # isolated
    D.add_edge(5, 5)  # a self-loop never brokers
    return D, {v: rng.choice("ABCD") for v in D}


@pytest.mark.parametrize("symmetric", [False, True])
@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_vectorised_role_counts_equal_the_reference_and_the_definition(symmetric, seed):
    from queries.brokers import role_counts_reference

    D, groups = _random_digraph(seed, symmetric)
    fast = role_counts(D, groups)
    assert fast.equals(role_counts_reference(D, groups).loc[fast.index])
    arcs = {(u, v) for u, v in D.edges() if u != v}
    assert fast.to_dict("index") == brute_force(arcs, groups)


@pytest.mark.parametrize("directed", [False, True])
@pytest.mark.parametrize("seed", [1, 2])
def test_triangle_based_structural_holes_equal_networkx(directed, seed):
    import random

    from queries.brokers import structural_holes

    rng = random.Random(seed)
    H = nx.gnm_random_graph(35, 120, seed=seed, directed=directed)
    H.add_node(99)
    for _, _, e in H.edges(data=True):
        e["weight"] = rng.choice([0.5, 1.0, 2.0, 3.0])
    burt, size = structural_holes(H)
    # nodes=...: networkx's per-node code, which follows the definition (its whole-graph scipy shortcut
    # divides m_vw by w's largest mutual weight instead of v's, and differs on weighted graphs)
    ref_c, ref_e = nx.constraint(H, weight="weight"), nx.effective_size(H, nodes=list(H), weight="weight")
    assert math.isnan(burt[99]) and math.isnan(size[99]) and math.isnan(ref_e[99])
    assert all(burt[n] == pytest.approx(ref_c[n], rel=1e-9) for n in H if n != 99)
    # networkx's per-node code also gives NaN to a directed node with in-links only; here it has a size
    assert all(size[n] == pytest.approx(ref_e[n], rel=1e-9) for n in H if n != 99 and not math.isnan(ref_e[n]))
    assert not any(math.isnan(size[n]) for n in H if n != 99)


def test_brokers_table_uses_the_same_roles_as_the_roles_table(eco):
    table = brokers(eco, by="kind").set_index("id")
    roles = brokerage_roles(eco, "kind").set_index("id")
    assert table["total"].equals(roles.loc[table.index, "total"])
    assert table.loc["so-kh-cn-tp-hcm", "effective_size"] == pytest.approx(
        nx.effective_size(collapse(filter_graph(eco, route_filters())), nodes=["so-kh-cn-tp-hcm"], weight="weight")["so-kh-cn-tp-hcm"])


def test_sampled_betweenness_in_the_brokers_table(eco):
    exact = brokers(eco).set_index("id")["betweenness"]
    sampled = brokers(eco, pivots=5, seed=2).set_index("id")["betweenness"]
    assert not sampled.equals(exact)
    assert brokers(eco, pivots="exact").set_index("id")["betweenness"].equals(exact)
    with pytest.raises(ValueError, match="pivots must be at least 1"):
        brokers(eco, pivots=0)


def test_brokerage_on_an_empty_projection_and_an_empty_selection(eco):
    empty = projection([], [])
    assert brokers(empty).empty and brokerage_roles(empty).empty
    cuts = cut_points(empty)
    assert cuts.bridges.empty and cuts.articulation_points.empty
    assert brokers(eco, filters=Filters(kinds=frozenset({"Fund"}))).empty
