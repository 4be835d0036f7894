"""Filtering, weights and collapsing of a projection."""
from __future__ import annotations

import pytest

from graph.filters import Filters
from queries.subgraph import DEFAULT_WEIGHTS, PLANNED_FACTOR, collapse, filter_graph, link_weight, weighted_view


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
