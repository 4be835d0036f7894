"""The hand-built ecosystem fixture shared by the query tests."""
from __future__ import annotations

import networkx as nx
import pytest

from tests.queries.handmade_graphs import projection


@pytest.fixture
def eco() -> nx.MultiDiGraph:
    """A Vietnam-Korea-Israel ecosystem of the shape the articles produce."""
    docs = {f"d{i}": {"title": f"Bài {i}", "date": "2024-08-22", "path": f"corpus/00{i}_bai.txt",
                      "kind": "article"} for i in range(1, 8)}
    nodes = [
        ("viet-nam", "Việt Nam", "Country", ["Vietnam", "VN"]),
        ("han-quoc", "Hàn Quốc", "Country", ["South Korea", "Korea"]),
        ("israel", "Israel", "Country"),
        ("tp-hcm", "TP.HCM", "City", ["Thành phố Hồ Chí Minh", "TP Hồ Chí Minh"]),
        ("busan", "Busan", "City"),
        ("chungbuk", "Chungbuk", "City", ["Chungcheongbuk"]),
        ("so-kh-cn-tp-hcm", "Sở KH&CN TP.HCM", "Agency", ["Sở Khoa học và Công nghệ TP.HCM"]),
        ("spark", "Trung tâm Khởi nghiệp sáng tạo TP.HCM", "Organization", ["SIHUB"]),
        ("kotra-hcm", "KOTRA TP.HCM", "Organization"),
        ("vkbia", "VKBIA", "Organization"),
        ("cbfez", "CBFEZ", "Agency"),
        ("chungbuk-technopark", "Chungbuk Technopark", "Park"),
        ("iia", "Israel Innovation Authority", "Agency", ["IIA"]),
        ("fly-asia-2024", "FLY ASIA 2024", "Event"),
        ("startup-x", "Startup X", "Startup"),
        ("le-thanh-minh", "Lê Thanh Minh", "Person"),
        ("oh-won-geon", "Oh Won Geon", "Person"),
    ]
    links = [
        ("tp-hcm", "LOCATED_IN", "viet-nam", "d1"),
        ("busan", "LOCATED_IN", "han-quoc", "d1"),
        ("chungbuk", "LOCATED_IN", "han-quoc", "d2"),
        ("so-kh-cn-tp-hcm", "LOCATED_IN", "tp-hcm", "d1"),
        ("spark", "LOCATED_IN", "tp-hcm", "d4"),
        ("kotra-hcm", "LOCATED_IN", "tp-hcm", "d6"),
        ("cbfez", "LOCATED_IN", "busan", "d4"),
        ("chungbuk-technopark", "LOCATED_IN", "chungbuk", "d2"),
        ("fly-asia-2024", "LOCATED_IN", "busan", "d5"),
        ("startup-x", "LOCATED_IN", "tp-hcm", "d5"),
        ("iia", "LOCATED_IN", "israel", "d3"),
        ("le-thanh-minh", "HOLDS_ROLE", "so-kh-cn-tp-hcm", "d1", None, "done", {"title": "Phó Giám đốc"}),
        ("oh-won-geon", "HOLDS_ROLE", "cbfez", "d4", None, "done", {"title": "Giám đốc"}),
        ("so-kh-cn-tp-hcm", "MET_WITH", "busan", "d1", "2024-08-21"),
        ("so-kh-cn-tp-hcm", "MET_WITH", "busan", "d2", "2024-08-21"),
        ("busan", "MET_WITH", "so-kh-cn-tp-hcm", "d3", "2023-05-10"),
        ("so-kh-cn-tp-hcm", "SIGNED_AGREEMENT_WITH", "chungbuk-technopark", "d2", "2024-10"),
        ("so-kh-cn-tp-hcm", "COOPERATES_WITH", "spark", "d4", "2023"),
        ("spark", "COOPERATES_WITH", "vkbia", "d4", "2023"),
        ("vkbia", "COOPERATES_WITH", "cbfez", "d4", "2023-06"),
        ("kotra-hcm", "MET_WITH", "so-kh-cn-tp-hcm", "d6", "2024-03-01"),
        ("kotra-hcm", "MET_WITH", "cbfez", "d6", "2024-04-02"),
        ("so-kh-cn-tp-hcm", "MET_WITH", "iia", "d3", "2024-01-15"),
        ("startup-x", "PARTICIPATED_IN", "fly-asia-2024", "d5", "2024-07"),
        ("busan", "ORGANIZED", "fly-asia-2024", "d5", "2024"),
        ("cbfez", "SIGNED_AGREEMENT_WITH", "spark", "d7", "2025", "planned"),
    ]
    return projection(nodes, links, docs)
