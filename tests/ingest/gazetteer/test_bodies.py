"""Ministries, national bodies and international organisations, found by any written form."""
from __future__ import annotations

from ingest.gazetteer import BODIES, find_body


def test_ministries_by_name_abbreviation_and_english():
    most = find_body("Bộ Khoa học và Công nghệ")
    assert most is find_body("Bộ KH&CN") is find_body("Bộ KHCN") is find_body("MOST")
    assert most is find_body("Ministry of Science and Technology") and most.kind == "Agency"
    assert find_body("MOFA").name == "Bộ Ngoại giao"
    assert find_body("MPI").name == "Bộ Kế hoạch và Đầu tư"


def test_international_organisations_are_organizations_named_in_english():
    wb = find_body("Ngân hàng Thế giới")
    assert wb is find_body("WB") and wb.name == "World Bank" and wb.kind == "Organization" and wb.country is None
    assert find_body("Ngân hàng Phát triển châu Á").name == "Asian Development Bank"
    assert find_body("Liên minh châu Âu") is find_body("EU")
    assert find_body("KOTRA").country == "KR"


def test_table_is_general_knowledge_with_sources():
    assert all(b.source.startswith("hand:") and b.kind in ("Agency", "Organization") for b in BODIES)
    assert find_body("Sở KH&CN TP.HCM") is None  # a local body is read from the text, not the table
    ministries = [b for b in BODIES if b.name.startswith("Bộ ") and b.country == "VN"]
    assert len(ministries) >= 20
