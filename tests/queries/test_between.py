"""Sides by place and the brokers between them; Gould-Fernandez roles on the side partition."""
from __future__ import annotations

import networkx as nx
import pytest

from graph.filters import Filters
from queries.between import side_brokers
from queries.roles import main_role, side_role_counts
from queries.sides import body_side, place_side, split
from tests.queries.handmade_graphs import projection


@pytest.mark.parametrize("sender, broker, receiver, role", [
    ("a", "a", "a", "coordinator"),
    ("a", "b", "a", "itinerant"),
    ("a", "b", "b", "gatekeeper"),
    ("a", "a", "b", "representative"),
    ("a", None, "b", "liaison"),
])
def test_the_five_elementary_triads_of_gould_and_fernandez(sender, broker, receiver, role):
    """Gould and Fernandez (1989, Sociological Methodology 19, figure 1): in the two-path
    ``a -> v -> c`` with no arc ``a -> c``, ``v`` plays exactly the role its pattern names and
    nothing else; the third group of the liaison is the outside of both sides."""
    D = nx.DiGraph([("s", "v"), ("v", "r")])
    side = {"s": sender, "v": broker, "r": receiver}.get
    counts = side_role_counts(D, side, ["s", "v", "r"])
    assert counts.loc["v", role] == 1 and counts.loc["v", "total"] == 1
    assert counts.loc[["s", "r"], "total"].sum() == 0
    assert main_role(counts.loc["v"]) == role
    closed = nx.DiGraph([("s", "v"), ("v", "r"), ("s", "r")])
    assert side_role_counts(closed, side, ["v"]).loc["v", "total"] == 0


def test_only_pairs_of_side_members_count():
    """An outsider between two other outsiders brokers nothing between the sides."""
    H = nx.Graph([("o1", "v"), ("v", "o2"), ("v", "a1"), ("v", "b1")])
    side = {"a1": "a", "b1": "b"}.get
    counts = side_role_counts(H, side, ["v"]).loc["v"]
    assert counts["liaison"] == 2 and counts["total"] == 2  # a1 -> v -> b1 and back


def test_undirected_ties_make_gatekeeper_and_representative_equal():
    H = nx.Graph([("a1", "v"), ("a2", "v"), ("v", "b1")])
    counts = side_role_counts(H, {"a1": "a", "a2": "a", "v": "a", "b1": "b"}.get, ["v"]).loc["v"]
    assert (counts["coordinator"], counts["gatekeeper"], counts["representative"]) == (2, 2, 2)
    assert main_role(counts) == "coordinator/gatekeeper/representative"


def test_place_side_follows_located_in_and_part_of_chains(eco):
    eco.add_node("cbfez-office", name="CBFEZ office", kind="Agency", aliases=[])
    eco.add_edge("cbfez-office", "cbfez", type="PART_OF", doc="d4", status="done")
    korea = place_side(eco, "han-quoc")
    assert {"busan", "chungbuk", "cbfez", "cbfez-office", "chungbuk-technopark", "oh-won-geon"} <= korea
    assert not korea & {"so-kh-cn-tp-hcm", "iia", "vkbia"}
    sides = split(eco, "Vietnam", "Korea")
    assert (sides.side("le-thanh-minh"), sides.side("cbfez-office"), sides.side("vkbia")) == ("a", "b", None)
    with pytest.raises(ValueError, match="inside"):
        split(eco, "Busan", "Hàn Quốc")


def test_body_side_is_the_body_its_people_divisions_and_programmes():
    G = projection([("so", "Sở", "Agency"), ("phong", "Phòng", "Agency"), ("p", "P", "Person"),
                    ("q", "Q", "Person"), ("plan", "Đề án", "Program"), ("hcm", "TP.HCM", "City")],
                   [("phong", "PART_OF", "so", "d"), ("p", "HOLDS_ROLE", "phong", "d"), ("q", "HOLDS_ROLE", "so", "d"),
                    ("so", "RUNS", "plan", "d"), ("so", "LOCATED_IN", "hcm", "d")])
    assert body_side(G, "so") == {"so", "phong", "p", "q", "plan"}
    assert body_side(G, "p") == {"so", "phong", "p", "q", "plan"}  # a person speaks for their body


def test_brokers_between_vietnam_and_korea_are_actors(eco):
    res = side_brokers(eco, "viet nam", "Korea")
    df = res.brokers.set_index("id")
    assert not set(eco.nodes[x]["kind"] for x in df.index) & {"City", "Country"}
    assert df.index[0] == "so-kh-cn-tp-hcm"  # reaches Busan and Chungbuk Technopark
    assert (df.loc["so-kh-cn-tp-hcm", "reach_b"], df.loc["so-kh-cn-tp-hcm", "partners_b"]) == (
        2, ["Chungbuk Technopark", "Busan"])
    assert df.loc["so-kh-cn-tp-hcm", "side"] == "Việt Nam" and df["side"].isna().sum() == 1  # VKBIA
    assert df.loc["kotra-hcm", "role"] == "gatekeeper/representative"  # the Sở and CBFEZ never met
    assert df.loc["vkbia", "brokered"] == 0  # SIHUB and CBFEZ plan to sign directly
    assert "iia" not in df.index and "startup-x" not in df.index
    done = side_brokers(eco, "Vietnam", "han-quoc", Filters(status="done")).brokers.set_index("id")
    assert done.loc["vkbia", "role"] == "liaison"
    assert res.links["source_label"].str.match(r"Bài \d \(2024-08-22\)$").all() and res.links["evidence"].notna().all()
    assert "6 broker(s) connect Việt Nam and Hàn Quốc" == res.message


def test_brokers_reached_only_through_an_event_count_when_asked():
    G = projection([("vn", "Việt Nam", "Country"), ("kr", "Hàn Quốc", "Country"), ("a", "A", "Startup"),
                    ("b", "B", "Park"), ("e", "Demo Day", "Event"), ("x", "X", "Fund")],
                   [("a", "LOCATED_IN", "vn", "d"), ("b", "LOCATED_IN", "kr", "d"),
                    ("x", "PARTICIPATED_IN", "e", "d"), ("a", "PARTICIPATED_IN", "e", "d"), ("x", "MET_WITH", "b", "d")])
    assert side_brokers(G, "vn", "kr").brokers.empty
    assert side_brokers(G, "vn", "kr").message == "no body or person has ties to both Việt Nam and Hàn Quốc"
    e = G.nodes["e"]
    e["kind"] = "Event"
    G.add_edge("e", "vn", type="LOCATED_IN", doc="d", status="done")  # the event is in Việt Nam
    both = side_brokers(G, "vn", "kr", ties={"interaction", "co-attendance"}).brokers
    assert list(both["id"]) == ["x"] and both.iloc[0]["role"] == "liaison"


def test_side_brokers_leave_no_graph_to_the_collector(eco):
    from tests.queries.collector import graphs_left_to_collector

    with graphs_left_to_collector() as left:
        side_brokers(eco, "viet-nam", "han-quoc", Filters(status="done"))
    assert left == []


def test_the_role_shown_is_the_one_that_joins_the_sides():
    G = projection([("vn", "Việt Nam", "Country"), ("kr", "Hàn Quốc", "Country"), ("so", "Sở", "Agency"),
                    ("a1", "A1", "Startup"), ("a2", "A2", "Startup"), ("a3", "A3", "Startup"), ("k", "K", "Park")],
                   [*[(n, "LOCATED_IN", "vn", "d") for n in ("so", "a1", "a2", "a3")], ("k", "LOCATED_IN", "kr", "d"),
                    *[("so", "SUPPORTS", n, "d") for n in ("a1", "a2", "a3")], ("so", "MET_WITH", "k", "d")])
    row = side_brokers(G, "vn", "kr").brokers.set_index("id").loc["so"]
    assert (row["coordinator"], row["gatekeeper"], row["representative"]) == (6, 3, 3)
    assert row["role"] == "gatekeeper/representative"
