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
    assert b.links["doc_path"].iloc[0] == "Bài 1 (2024-08-22)"
    assert b.planned["type"].tolist() == ["SIGNED_AGREEMENT_WITH"]  # CBFEZ and SIHUB, 2025
    # KOTRA met both the Sở and CBFEZ; SIHUB cooperates with the Sở but only plans to sign with CBFEZ
    intro = b.intermediaries.set_index("id")
    assert list(intro.index[:2]) == ["kotra-hcm", "spark"]
    assert intro.loc["kotra-hcm", "route"] == [
        "KOTRA TP.HCM MET_WITH Sở KH&CN TP.HCM, 2024-03-01, source Bài 6 (2024-08-22)",
        "KOTRA TP.HCM MET_WITH CBFEZ, 2024-04-02, source Bài 6 (2024-08-22)"]
    assert intro.loc["vkbia", "route_hops"] == 2  # through SIHUB
    assert not set(intro.index) & {"busan", "tp-hcm", "viet-nam", "han-quoc", "le-thanh-minh", "iia"}


def test_city_target_takes_in_what_is_located_there(eco):
    b = visit_brief(eco, "Hàn Quốc", "Sở KH&CN TP.HCM")
    assert {"busan", "cbfez", "chungbuk-technopark"} <= set(b.actors["id"])
    assert "2024-10" in set(b.links["date"])


def test_markdown_and_json(eco):
    vi = to_markdown(visit_brief(eco, "Busan", "so-kh-cn-tp-hcm", lang="vi"))
    assert vi.startswith("# Hồ sơ chuyến công tác: Busan")
    assert "Sở KH&CN TP.HCM làm việc với Busan, 21/08/2024, nguồn Bài 1 (22/08/2024)" in vi
    written = "\n".join(line for line in vi.splitlines() if not line.lstrip().startswith(">"))  # not quotes
    assert "### Cơ quan nhà nước" in vi and "MET_WITH" not in written and "Agency" not in written
    assert "1. **KOTRA TP.HCM** (Tổ chức): có quan hệ với CBFEZ; liên hệ gần nhất 02/04/2024" in vi
    b = visit_brief(eco, "Busan", "so-kh-cn-tp-hcm")
    assert "## Who can introduce us" in to_markdown(b)
    data = json.loads(json.dumps(to_json(b), ensure_ascii=False))
    assert data["target"]["id"] == "busan" and data["intermediaries"][0]["id"] == "kotra-hcm"
    with pytest.raises(ValueError, match="lang"):
        visit_brief(eco, "Busan", "so-kh-cn-tp-hcm", lang="fr")


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
    assert b.links["doc_path"].tolist() == ["Bài 1 (2024-08-22) <https://example.org/bai-1>", "Bài 3 (2024-08-22)"]
    assert "source Bài 1 (2024-08-22) <https://example.org/bai-1>" in to_markdown(b)
    G.graph["documents"] = {**docs, "d3": {"path": "corpus/003_bai.txt"}}
    b = visit_brief(G, "Busan", "Sở KH&CN TP.HCM")
    assert b.links["doc_path"].tolist()[1] == "003_bai.txt"  # no title nor URL: the file, as a last resort


def test_evidence_is_quoted_only_in_the_language_of_the_brief(eco):
    from queries.wording import written_in

    assert written_in("Đoàn công tác Busan làm việc với Sở", "vi") and written_in("Busan met the department", "en")
    assert not written_in("Busan met the department", "vi")
    G = eco.copy()
    for _, _, a in G.edges(data=True):
        a["evidence"] = "Hai bên đã làm việc" if a.get("doc") == "d1" else "The two sides met"
    vi = to_markdown(visit_brief(G, "Busan", "Sở KH&CN TP.HCM", lang="vi"))
    en = to_markdown(visit_brief(G, "Busan", "Sở KH&CN TP.HCM"))
    assert "> Hai bên đã làm việc" in vi and "The two sides met" not in vi
    assert "> The two sides met" in en and "Hai bên" not in en
