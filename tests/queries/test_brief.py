"""Visit brief for a delegation."""
from __future__ import annotations

import json

import pytest

from graph.filters import Filters
from queries.brief import to_json, to_markdown, visit_brief
from tests.queries.collector import graphs_left_to_collector


def test_brief_for_busan(eco):
    b = visit_brief(eco, "Busan", "Sở KH&CN TP.HCM")
    actors = b.actors.set_index("id")
    assert {"busan", "cbfez", "fly-asia-2024"} <= set(actors.index)
    assert actors.loc["cbfez", "people"] == "Oh Won Geon (Giám đốc)"
    assert "oh-won-geon" not in actors.index
    assert list(b.links["date"]) == ["2024-08-21", "2023-05-10"]
    assert b.links["doc_path"].iloc[0] == "001_bai.txt"
    assert b.planned["type"].tolist() == ["SIGNED_AGREEMENT_WITH"]  # CBFEZ and SIHUB, 2025
    # SIHUB (cooperates with the Sở, plans to sign with CBFEZ) and KOTRA (met both) are tied to both sides
    top = b.intermediaries.set_index("id").iloc[:2]
    assert set(top.index) == {"spark", "kotra-hcm"}
    assert top.loc["kotra-hcm", "reason"] == ("linked to the home side (Sở KH&CN TP.HCM (MET_WITH)) and to the "
                                              "target side (CBFEZ (MET_WITH))")
    vkbia = b.intermediaries.set_index("id").loc["vkbia"]
    assert (vkbia["home_hops"], vkbia["target_hops"]) == (2, 1)
    assert vkbia["reason"].endswith("2 links from the home side via Trung tâm Khởi nghiệp sáng tạo TP.HCM")


def test_city_target_takes_in_what_is_located_there(eco):
    b = visit_brief(eco, "Hàn Quốc", "Sở KH&CN TP.HCM")
    assert {"busan", "cbfez", "chungbuk-technopark"} <= set(b.actors["id"])
    assert "2024-10" in set(b.links["date"])


def test_markdown_and_json(eco):
    b = visit_brief(eco, "Busan", "so-kh-cn-tp-hcm")
    vi = to_markdown(b, "vi")
    assert vi.startswith("# Hồ sơ chuyến công tác: Busan")
    assert "Sở KH&CN TP.HCM MET_WITH Busan, 2024-08-21, source 001_bai.txt" in vi
    assert "## Best intermediaries" in to_markdown(b, "en")
    data = json.loads(json.dumps(to_json(b), ensure_ascii=False))
    assert data["target"]["id"] == "busan" and data["intermediaries"][0]["id"] == "spark"
    with pytest.raises(ValueError, match="lang"):
        to_markdown(b, "fr")


def test_bad_input(eco):
    with pytest.raises(ValueError, match="same entity"):
        visit_brief(eco, "Busan", "busan")
    with pytest.raises(ValueError, match="max_hops"):
        visit_brief(eco, "Busan", "IIA", max_hops=9)


def test_absurd_parameters(eco):
    with pytest.raises(ValueError, match="top must be at least 1"):
        visit_brief(eco, "Busan", "spark", top=0)
    with pytest.raises(ValueError, match="max_hops must be between 2 and 4"):
        visit_brief(eco, "Busan", "spark", max_hops=50)


def test_a_brief_leaves_no_graph_to_the_collector(eco):
    with graphs_left_to_collector() as left:
        visit_brief(eco, "Busan", "Sở KH&CN TP.HCM", Filters(status="done"))
    assert left == []


def test_a_source_with_a_url_is_cited_by_title_and_url(eco):
    G = eco.copy()
    docs = G.graph["documents"]
    G.graph["documents"] = {**docs, "d1": {**docs["d1"], "url": "https://example.org/bai-1"}}
    b = visit_brief(G, "Busan", "Sở KH&CN TP.HCM")
    assert b.links["doc_path"].tolist() == ["Bài 1 <https://example.org/bai-1>", "003_bai.txt"]  # no URL: the file
    assert "source Bài 1 <https://example.org/bai-1>" in to_markdown(b)
