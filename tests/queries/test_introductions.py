"""Who can introduce A to B: actors with real ties to B's side, never a place nor A's own side."""
from __future__ import annotations

import pytest

from graph.filters import Filters
from queries.introductions import introductions
from queries.paths import shortest_path
from tests.queries.collector import graphs_left_to_collector
from tests.queries.handmade_graphs import projection


def test_introducers_of_the_so_to_cbfez(eco):
    res = introductions(eco, "Sở KH&CN TP.HCM", "CBFEZ")
    assert [x.id for x in res.introducers] == ["kotra-hcm", "spark", "vkbia"]  # done tie before planned one
    kotra = res.introducers[0]
    assert [h.text for h in kotra.route] == ["KOTRA TP.HCM MET_WITH Sở KH&CN TP.HCM, 2024-03-01, source Bài 6 (2024-08-22)"]
    assert [(lk["date"], lk["status"], lk["doc"]) for h in kotra.onward for lk in h.links] == [
        ("2024-04-02", "done", "d6")]
    assert res.introducers[1].planned_only and not kotra.planned_only
    assert len(res.introducers[2].route) == 2  # VKBIA through SIHUB


def test_no_place_and_nothing_of_ones_own_introduces():
    G = projection(
        [("vn", "Việt Nam", "Country"), ("kr", "Hàn Quốc", "Country"), ("hcm", "TP.HCM", "City"),
         ("so", "Sở KH&CN TP.HCM", "Agency"), ("phong", "Phòng ĐMST", "Agency"), ("p", "Chị P", "Person"),
         ("plan", "Đề án", "Program"), ("park", "Technopark", "Park"), ("x", "Sở KH&CN Hải Phòng", "Agency")],
        [("hcm", "LOCATED_IN", "vn", "d"), ("so", "LOCATED_IN", "hcm", "d"), ("park", "LOCATED_IN", "kr", "d"),
         ("phong", "PART_OF", "so", "d"), ("p", "HOLDS_ROLE", "phong", "d"), ("so", "RUNS", "plan", "d"),
         ("vn", "COOPERATES_WITH", "kr", "d"), ("hcm", "MET_WITH", "park", "d", "2024"),
         ("p", "MET_WITH", "park", "d", "2024"), ("phong", "MET_WITH", "park", "d", "2024"),
         ("plan", "SUPPORTS", "park", "d"), ("x", "SIGNED_AGREEMENT_WITH", "park", "d", "2023"),
         ("kr", "MET_WITH", "x", "d")])
    res = introductions(G, "so", "Technopark")
    assert [x.id for x in res.introducers] == ["x"]  # not TP.HCM, its division, its person or its programme
    assert not res.introducers[0].reachable
    [direct] = shortest_path(G, "so", "Technopark").paths  # through its own division, not TP.HCM nor a country
    assert direct.nodes == ["so", "phong", "park"]
    korea = introductions(G, "so", "Hàn Quốc")
    # a country's government that met X is a party on its side, strongest tie first
    assert [x.id for x in korea.introducers] == ["x"] and korea.introducers[0].knows == ["Technopark", "Hàn Quốc"]


def test_a_shared_event_introduces_only_when_asked():
    G = projection([("a", "A", "Startup"), ("x", "X", "Fund"), ("b", "B", "Park"), ("e", "Demo Day", "Event")],
                   [("a", "MET_WITH", "x", "d"), ("x", "PARTICIPATED_IN", "e", "d", "2024"),
                    ("b", "ORGANIZED", "e", "d", "2024")])
    assert introductions(G, "a", "b").introducers == []
    [x] = introductions(G, "a", "b", ties={"interaction", "co-attendance"}).introducers
    assert x.id == "x" and [h.target for h in x.onward] == ["e", "b"] and len(x.route) == 1


def test_bad_input_and_collector(eco):
    with pytest.raises(ValueError, match="max_hops"):
        introductions(eco, "Busan", "IIA", max_hops=0)
    with pytest.raises(ValueError, match="top"):
        introductions(eco, "Busan", "IIA", top=0)
    with graphs_left_to_collector() as left:
        introductions(eco, "Sở KH&CN TP.HCM", "CBFEZ", Filters(status="done"))
    assert left == []
