"""Mentions of every kind, read from Vietnamese naming grammar on sentences written for the tests."""
from __future__ import annotations

import pytest

from ingest.articles.entities import Sentence, article_locality, find_mentions, fuzzy_place, person_name
from ingest.articles.lexicon import PLACES

DA_NANG = next(p for p in PLACES if p.name == "Đà Nẵng")


def mentions(text: str, refs: dict | None = None, locality=DA_NANG):
    found, roles = find_mentions(Sentence(text, locality, []), refs or {})
    return [(m.kind, m.text) for m in found], roles, found


@pytest.mark.parametrize("text,expected", [
    ("Sở KH&CN TP. Đà Nẵng đã họp.", ("Agency", "Sở KH&CN TP. Đà Nẵng")),
    ("Sở Thông tin và Truyền thông tỉnh Quảng Nam cho biết.", ("Agency", "Sở Thông tin và Truyền thông tỉnh Quảng Nam")),
    ("Bộ Kế hoạch và Đầu tư vừa công bố.", ("Agency", "Bộ Kế hoạch và Đầu tư")),
    ("UBND tỉnh Nghệ An đã phê duyệt.", ("Agency", "UBND tỉnh Nghệ An")),
    ("Hội đồng nhân dân TP. Cần Thơ giám sát.", ("Agency", "Hội đồng nhân dân TP. Cần Thơ")),
    ("Đại sứ quán Nhật Bản tại Việt Nam tài trợ.", ("Agency", "Đại sứ quán Nhật Bản")),
    ("Trung tâm Đổi mới sáng tạo Quốc gia phát động.", ("Organization", "Trung tâm Đổi mới sáng tạo Quốc gia")),
    ("Viện Nghiên cứu Phát triển Kinh tế - Xã hội công bố.", ("Organization", "Viện Nghiên cứu Phát triển Kinh tế")),
    ("Hiệp hội Doanh nghiệp nhỏ và vừa Việt Nam kiến nghị.", ("Organization", "Hiệp hội Doanh nghiệp nhỏ và vừa Việt Nam")),
    ("Quỹ Đầu tư Khởi nghiệp Sáng tạo Sao Mai rót vốn.", ("Fund", "Quỹ Đầu tư Khởi nghiệp Sáng tạo Sao Mai")),
    ("Khu công nghệ cao Hòa Lạc thu hút dự án.", ("Park", "Khu công nghệ cao Hòa Lạc")),
    ("Công viên phần mềm Đà Nẵng mở rộng.", ("Park", "Công viên phần mềm Đà Nẵng")),
    ("Đoàn thăm Daejeon Technopark hôm qua.", ("Park", "Daejeon Technopark")),
    ("Hội thảo Chuyển đổi số Miền Trung diễn ra sôi nổi.", ("Event", "Hội thảo Chuyển đổi số Miền Trung")),
    ("Cuộc thi Khởi nghiệp Sinh viên 2023 đã kết thúc.", ("Event", "Cuộc thi Khởi nghiệp Sinh viên 2023")),
    ("Sự kiện SMART CITY SUMMIT 2025 sẽ diễn ra.", ("Event", "SMART CITY SUMMIT 2025")),
    ("Techfest Quảng Ninh 2022 thu hút đông đảo.", ("Event", "Techfest Quảng Ninh 2022")),
    ("Đề án hỗ trợ hệ sinh thái khởi nghiệp tỉnh giai đoạn 2021-2025 được duyệt.",
     ("Program", "Đề án hỗ trợ hệ sinh thái khởi nghiệp tỉnh giai đoạn 2021-2025")),
    ("Theo Nghị định số 13/2019/NĐ-CP về doanh nghiệp.", ("Program", "Nghị định số 13/2019/NĐ-CP")),
    ("Thành phố vận hành nền tảng số kết nối cung cầu công nghệ.", ("Program", "nền tảng số kết nối cung cầu công nghệ")),
])
def test_named_bodies_events_programmes(text, expected):
    found, _, _ = mentions(text)
    assert expected in found


@pytest.mark.parametrize("text", [
    "Các trung tâm hỗ trợ khởi nghiệp cần liên kết.",
    "Mỗi năm có khoảng 80 cuộc thi về khởi nghiệp.",
    "Tại diễn đàn, các đại biểu thảo luận.",
    "Doanh nghiệp tham gia cuộc thi KHCN.",
    "Tiến tới thành lập các cụm, KCN công nghệ.",
])
def test_generic_nouns_are_not_names(text):
    found, _, _ = mentions(text)
    assert not [m for m in found if m[0] not in ("City", "Country")]


def test_places_with_prefixes_and_regions_that_are_not_places():
    found, _, _ = mentions("Đoàn TP. Hồ Chí Minh, tỉnh Gyeonggi và Tokyo sang khu vực Châu Á – Thái Bình Dương.")
    assert found == [("City", "TP. Hồ Chí Minh"), ("City", "tỉnh Gyeonggi"), ("City", "Tokyo")]


def test_misspelt_province_is_read_through_the_gazetteer():
    assert fuzzy_place("Gyeongsnagbuk").name == "Gyeongbuk"
    _, _, found = mentions("Doanh nghiệp của tỉnh Chungchoengbuk tham dự.")
    assert found[0].place.name == "Chungbuk"


@pytest.mark.parametrize("text,person,title,body", [
    ("Bà Lê Thị Thu Hà (Phó Giám đốc Sở Tài chính TP. Đà Nẵng) phát biểu.", "Lê Thị Thu Hà",
     "Phó Giám đốc", "Sở Tài chính TP. Đà Nẵng"),
    ("Ông Kim Min Soo – Chủ tịch Công viên công nghệ Gyeonggi cho biết.", "Kim Min Soo",
     "Chủ tịch", "Công viên công nghệ Gyeonggi"),
    ("Ông Trần Văn Bình, Giám đốc Trung tâm Khởi nghiệp Đà Nẵng, nhấn mạnh.", "Trần Văn Bình",
     "Giám đốc", "Trung tâm Khởi nghiệp Đà Nẵng"),
    ("Phó Chủ tịch UBND tỉnh Quảng Nam Hồ Quang Bửu phát biểu.", "Hồ Quang Bửu", "Phó Chủ tịch",
     "UBND tỉnh Quảng Nam"),
    ("Ông Yoon, Seok - Min - Giám đốc Văn phòng xúc tiến đầu tư tỉnh Gyeonggi cho biết.", "Yoon, Seok - Min",
     "Giám đốc", "Văn phòng xúc tiến đầu tư tỉnh Gyeonggi"),
    ("Bà Trương Ngọc Anh (Phó trưởng Phòng Quản lý Công nghệ) chia sẻ.", "Trương Ngọc Anh", "Phó trưởng",
     "Phòng Quản lý Công nghệ"),
    ("Ông David Cohen, Đại sứ Israel tại Việt Nam, dự lễ.", "David Cohen", "Đại sứ", "Israel"),
])
def test_people_and_their_roles(text, person, title, body):
    _, roles, _ = mentions(text)
    assert [(r.person.text, r.title, r.body.text) for r in roles] == [(person, title, body)]
    assert roles[0].body.role


def test_korean_name_forms_share_one_display_form():
    assert person_name("Yoon, Seok - Min") == person_name("Yoon Seok – Min") == "Yoon Seok-Min"


def test_given_name_alone_is_a_weak_reference():
    _, _, found = mentions("Theo bà Hà, thành phố cần thêm vốn.")
    assert [(m.kind, m.text, m.weak) for m in found] == [("Person", "Hà", True)]


def test_acronym_defined_elsewhere_is_found_through_refs():
    found, _, _ = mentions("Đà Nẵng sẽ phối hợp với KOICA.", refs={("KOICA",): "Agency"})
    assert ("Agency", "KOICA") in found


def test_bracketed_acronym_and_bracketed_name_become_aliases():
    _, _, found = mentions("Cơ quan Hợp tác Quốc tế Hàn Quốc (KOICA) và GLOBAL START 2024 (Ngày hội khởi nghiệp toàn cầu).")
    assert "KOICA" in found[0].aliases
    event = next(m for m in found if m.kind == "Event")
    assert "Ngày hội khởi nghiệp toàn cầu" in event.aliases
    assert not any(m.text == "Ngày hội khởi nghiệp toàn cầu" for m in found)


def test_pronouns_resolve_to_the_article_city_and_the_last_province():
    last: list = []
    s1 = Sentence("Ông Park, Giám đốc Văn phòng đầu tư tỉnh Gyeonggi cho biết, tỉnh đã cử 5 doanh nghiệp.", DA_NANG, last)
    found, _ = find_mentions(s1, {})
    assert [m.place.name for m in found if m.pronoun] == ["Gyeonggi"]
    found, _ = find_mentions(Sentence("Thành phố đã xây dựng trung tâm dữ liệu.", DA_NANG, last), {})
    assert [m.place.name for m in found if m.pronoun] == ["Đà Nẵng"]
    found, _ = find_mentions(Sentence("Busan là thành phố cảng.", DA_NANG, last), {})
    assert not [m for m in found if m.pronoun]


def test_article_locality_prefers_vietnamese_cities():
    text = "Đà Nẵng làm việc với Seoul. Seoul và Busan giới thiệu. Đà Nẵng cảm ơn Seoul."
    assert article_locality(text).name == "Đà Nẵng"


@pytest.mark.parametrize("text,expected", [
    ("Năm ngoái, quỹ đầu tư mạo hiểm Blue Lotus Capital rót vốn.", ("Fund", "Blue Lotus Capital")),
    ("Hôm qua startup MedTech Nova công bố sản phẩm.", ("Startup", "MedTech Nova")),
    ("Theo đó công ty khởi nghiệp AgriLink mở rộng.", ("Startup", "AgriLink")),
])
def test_companies_named_after_their_common_noun(text, expected):
    found, _, _ = mentions(text)
    assert expected in found


def test_nationality_after_a_common_noun_is_not_a_company():
    found, _, _ = mentions("Startup Việt gọi vốn thành công.")
    assert not [m for m in found if m[0] == "Startup"]
