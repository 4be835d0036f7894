"""Name boundaries at Vietnamese word boundaries, and place names only as whole words in context.

Every sentence is written for the test; each case is a shape of error seen on real news.
"""
from __future__ import annotations

import pytest

from ingest.articles.entities import Sentence, find_mentions
from ingest.articles.lexicon import PLACES
from ingest.articles.words import is_syllable_word, word_end

HA_NOI = next(p for p in PLACES if p.name == "Hà Nội")


def found(text: str) -> list[tuple[str, str]]:
    ms, _ = find_mentions(Sentence(text, HA_NOI, []), {})
    return [(m.kind, m.text) for m in ms]


def test_word_end_takes_the_lower_case_syllables_of_one_word():
    assert word_end(["Bộ", "Ngoại", "giao", "và"], 1) == 3
    assert word_end(["Sở", "Giao", "dịch", "chứng", "khoán"], 1) == 3
    assert word_end(["Việt", "Nam", "và"], 1) == 2  # "Nam và" is no word
    assert word_end(["Hàn", "Quốc"], 0) == 1  # capitalised syllables are the name's own rules' business


def test_common_one_syllable_words_are_known():
    assert is_syllable_word("Đức") and is_syllable_word("Anh")
    assert not is_syllable_word("Busan")


@pytest.mark.parametrize("text,name", [
    ("Đại diện Bộ Ngoại giao phát biểu khai mạc.", "Bộ Ngoại giao"),
    ("Viện Hàn lâm Khoa học xã hội công bố báo cáo.", "Viện Hàn lâm Khoa học xã hội"),
    ("Công ty được niêm yết trên Sở Giao dịch chứng khoán.", "Sở Giao dịch"),
    ("Sinh viên trường Đại học Nông lâm đã tham gia.", "Đại học Nông lâm"),
])
def test_a_name_runs_to_the_end_of_its_last_word(text, name):
    assert name in [t for _, t in found(text)]


@pytest.mark.parametrize("text,not_a_place", [
    ("Phó Thủ tướng Lê Thái Bình phát biểu tại hội nghị.", "Thái Bình"),
    ("Ông Vũ Đức Hải cho biết dự án đã xong.", "Đức"),
    ("Học viên được học tiếng Anh miễn phí.", "Anh"),
    ("Phòng Pháp chế của công ty soạn hợp đồng.", "Pháp"),
    ("Vinh quang thuộc về những người dám nghĩ.", "Vinh"),
])
def test_a_place_name_inside_other_words_is_no_place(text, not_a_place):
    assert not [t for k, t in found(text) if k in ("City", "Country") and t == not_a_place]


def test_a_place_name_standing_alone_is_still_a_place():
    assert ("Country", "Đức") in found("Đoàn doanh nghiệp Đức đến thăm Việt Nam.")
    assert ("City", "Thái Bình") in found("Đoàn công tác tỉnh Thái Bình đến thăm Hà Nội.") \
        or ("City", "tỉnh Thái Bình") in found("Đoàn công tác tỉnh Thái Bình đến thăm Hà Nội.")


def test_a_national_office_before_a_name_is_a_person_and_a_role_in_the_country():
    ms, roles = find_mentions(Sentence("Thủ tướng Trần Minh Khoa tiếp đoàn doanh nghiệp.", HA_NOI, []), {})
    assert ("Person", "Trần Minh Khoa") in [(m.kind, m.text) for m in ms]
    assert [(r.person.text, r.body.place.name, r.title) for r in roles] == [("Trần Minh Khoa", "Việt Nam", "Thủ tướng")]


def test_a_foreign_name_after_a_title_is_a_person():
    assert ("Person", "John Miller") in found("Tổng thống John Miller phát biểu tại diễn đàn.")
    assert ("Person", "Anna-Liisa Virtanen") in found("Đại sứ quán đã đón bà Anna-Liisa Virtanen.")


def test_a_list_after_a_common_noun_names_each_company():
    got = found("Nhiều doanh nghiệp như Alphatel, Betacom và Gamma Soft đã mở phòng thí nghiệm.")
    assert [t for k, t in got if k == "Organization"] == ["Alphatel", "Betacom", "Gamma Soft"]
    got = found("Các startup nổi tiếng như Zeta, Omicron hay Kappa đều nhận vốn.")
    assert [t for k, t in got if k == "Startup"] == ["Zeta", "Omicron", "Kappa"]


def test_a_title_before_a_company_and_a_foreign_name_splits_them():
    ms, roles = find_mentions(Sentence("Phó chủ tịch tập đoàn Omnia Global Peter Hall cho biết.", HA_NOI, []), {})
    assert [(r.person.text, r.body.text) for r in roles] == [("Peter Hall", "Omnia Global")]


def test_a_middle_initial_stays_in_the_name():
    assert ("Person", "Mark T. Ellison") in found("Ông Mark T. Ellison đã phát biểu.")


@pytest.mark.parametrize("text,name", [
    ("Hội Liên hiệp Nông dân Việt Nam tổ chức hội nghị.", "Hội Liên hiệp Nông dân Việt Nam"),
    ("Đại diện Liên hiệp các Hội Văn học Nghệ thuật phát biểu.", "Liên hiệp các Hội Văn học Nghệ thuật"),
    ("Sinh viên Trường Đại học Việt - Đức nhận giải.", "Trường Đại học Việt - Đức"),
    ("Đoàn công tác của Ban Tuyên giáo Trung ương đến thăm.", "Ban Tuyên giáo Trung ương"),
])
def test_heads_inside_names(text, name):
    assert name in [t for _, t in found(text)]


def test_an_event_committee_is_no_body():
    assert not [t for _, t in found("Ban Tổ chức cho biết cuộc thi đã nhận 300 hồ sơ.") if t.startswith("Ban")]


def test_a_vietnamese_country_name_before_a_fund_is_its_nationality():
    assert ("Fund", "Lumen Partners") in found("Quỹ đầu tư Hàn Quốc Lumen Partners vừa rót vốn.") \
        or ("Fund", "Lumen Partners") in found("Nhà đầu tư Hàn Quốc Lumen Partners vừa rót vốn.")
    assert ("Organization", "Vietnam Airlines") in found("Các hãng hàng không như Vietnam Airlines mở đường bay.")


def test_a_lower_case_name_up_to_its_bracketed_acronym():
    assert "Trung tâm hỗ trợ sáng kiến nông thôn" in [t for _, t in found(
        "Dự án do Trung tâm hỗ trợ sáng kiến nông thôn (RISC) thực hiện.")]
    got = [t for _, t in found("Trung tâm này cho biết dự án được Quỹ ABC tài trợ (ABC).")]
    assert not [t for t in got if t.startswith("Trung tâm")]


def test_a_capitalised_later_word_of_a_head_is_the_same_head():
    assert ("Park", "Khu Công nghiệp Tân Phú") in found("Đoàn đã thăm Khu Công nghiệp Tân Phú.")


def test_generic_acronyms_are_no_company():
    assert not [t for k, t in found("Tỉnh có nhiều doanh nghiệp FDI đầu tư.") if k == "Organization"]


def test_ngai_is_an_honorific():
    assert ("Person", "Lee Min Soo") in found("Chủ tịch thành phố đã tiếp ngài Lee Min Soo tại trụ sở.")
