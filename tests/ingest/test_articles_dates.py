"""The article's date line and every relative date form, resolved at the text's precision."""
from __future__ import annotations

import pytest

from ingest.articles.dates import PLAUSIBLE_YEARS, article_date, date_near, find_dates, reference_date


@pytest.mark.parametrize("line,iso", [
    ("Thứ hai, 03/06/2024 09:15", "2024-06-03"),
    ("Chủ nhật, 7/1/2024", "2024-01-07"),
    ("14-02-2021", "2021-02-14"),
    ("09.11.2019 | 08:00", "2019-11-09"),
    ("Ngày 5 tháng 6 năm 2023", "2023-06-05"),
])
def test_date_line(line, iso):
    assert article_date(["Tiêu đề bài báo", "", line, "Nội dung."]) == (iso, 2)


def test_year_of_a_named_edition_when_there_is_no_date_line():
    lines = ["Khai mạc Techmart Đà Nẵng 2022 với hơn 200 gian hàng.", "Năm 2020 có 100 gian hàng."]
    assert article_date(lines) == ("2022", None)


def test_no_date_at_all():
    assert article_date(["Một bài viết không có ngày.", "Năm 2030 thành phố sẽ phát triển."]) == (None, None)


def test_two_named_years_are_ambiguous():
    assert article_date(["Diễn đàn ABC 2021 và Diễn đàn XYZ 2022 cùng diễn ra."]) == (None, None)


REF = "2024-09-20"


@pytest.mark.parametrize("text,iso", [
    ("Chiều 18/9, đoàn công tác đã đến thăm.", "2024-09-18"),
    ("Sáng ngày 3.9 hai bên làm việc.", "2024-09-03"),
    ("Hội thảo diễn ra ngày 2/7.", "2024-07-02"),
    ("Sự kiện sẽ tổ chức trong tháng 11.", "2024-11"),
    ("Từ tháng 12.2024, hai bên sẽ phối hợp.", "2024-12"),
    ("Dự kiến khai trương vào tháng 3/2025.", "2025-03"),
    ("Tuần lễ dự kiến tổ chức trong quý IV năm nay.", "2024"),
    ("Dự án hoàn thành quý 2/2025.", "2025"),
    ("Chuyến công tác hồi tháng 5 vừa qua.", "2024-05"),
    ("Chuyến công tác hồi tháng 11 vừa qua.", "2023-11"),
    ("Cuộc thi bắt đầu từ năm 2022.", "2022"),
    ("Năm nay thành phố tổ chức lần thứ ba.", "2024"),
    ("Năm tới hai bên sẽ ký kết.", "2025"),
    ("Năm ngoái hai bên đã ký kết.", "2023"),
    ("Văn bản ngày 12/03/2023 đã được ban hành.", "2023-03-12"),
    ("Chuyến thăm từ ngày 4-8/6/2024 đã kết thúc.", "2024-06-04"),
])
def test_relative_dates_resolve_against_the_article_date(text, iso):
    assert date_near(text, REF, 0) == iso


@pytest.mark.parametrize("text", [
    "Hải Phòng xếp thứ 2/11 tỉnh trong vùng.",
    "Chỉ số đạt 52,32 điểm.",
    "Hơn 2.000 việc làm mới.",
    "Giai đoạn 2021-2025 có 7 nội dung.",
])
def test_numbers_that_are_not_dates(text):
    assert find_dates(text, REF) == []


def test_day_and_month_without_a_reference_year_stay_unknown():
    assert date_near("Chiều 21/8 hai bên làm việc.", None, 0) is None


def test_the_expression_closest_to_the_cue_wins():
    text = "Năm 2022 lần đầu tổ chức; chiều 5/10 hai bên đã ký kết."
    assert date_near(text, REF, text.index("ký kết")) == "2024-10-05"


@pytest.mark.parametrize("text,ref,iso", [
    ("Sáng ngày 19/5, hai bên đã ký kết.", "2017", "2017-05-19"),
    ("Hội thảo diễn ra vào ngày 8-9/2.", "2017", "2017-02-08"),
    ("Sự kiện sẽ tổ chức trong tháng 11.", "2017", "2017-11"),
    ("Hai bên sẽ gặp lại trong tháng tới.", "2017-12-20", "2018-01"),
    ("Đoàn đã sang thăm hồi tháng trước.", "2017-01-05", "2016-12"),
])
def test_a_publication_date_from_outside_resolves_relative_dates(text, ref, iso):
    assert date_near(text, ref, 0) == iso


@pytest.mark.parametrize("text,ref", [
    ("Hai bên sẽ gặp lại trong tháng tới.", "2017"),     # which month follows "2017" is not known
    ("Hai bên sẽ gặp lại trong tháng tới.", None),
    ("Dự án kéo dài 6 tháng sau khi ký.", "2017-06-27"),  # a duration, not "next month"
    ("Sáng ngày 19/5, hai bên đã ký kết.", None),
])
def test_nothing_is_resolved_beyond_what_the_reference_knows(text, ref):
    assert date_near(text, ref, 0) is None


@pytest.mark.parametrize("in_text,published,expected", [
    ("2017-05-19", "2017", ("2017-05-19", None)),   # the date line adds precision to the year
    ("2017", "2017-05-19", ("2017-05-19", None)),
    (None, "2017", ("2017", None)),
    ("2017-05-19", None, ("2017-05-19", None)),
])
def test_the_reference_is_the_outside_date_made_precise_by_an_agreeing_date_line(in_text, published, expected):
    assert reference_date(in_text, published) == expected


def test_the_outside_date_wins_over_a_date_line_that_disagrees():
    date, note = reference_date("2016-05-19", "2017-05-19")
    assert date == "2017-05-19" and "2016-05-19" in note


def test_a_count_is_not_a_year_and_invents_no_reference():
    lines = ["Hơn 2000 doanh nghiệp tham gia Ngày hội khởi nghiệp.",
             "Sáng 19/5, ngày hội khai mạc năm 2017."]
    assert article_date(lines) == (None, None)


def test_a_named_year_far_from_every_year_written_is_no_reference():
    lines = ["Giải thưởng Sao Khuê 1990 được trao.", "Sáng 19/5, lễ trao giải năm 2017 diễn ra."]
    assert article_date(lines) == (None, None)


def test_a_year_far_from_the_reference_never_dates_a_link():
    text = "Công ty thành lập năm 1998; sáng 19/5 hai bên đã ký kết hợp tác."
    assert date_near(text, "2017-06-01", text.index("thành lập")) == "2017-05-19"
    before, after = PLAUSIBLE_YEARS
    assert find_dates(f"năm {2017 - before}", "2017") == [(0, str(2017 - before))]
    assert find_dates(f"năm {2017 - before - 1}", "2017") == []
    assert find_dates(f"năm {2017 + after + 1}", "2017") == []
    assert find_dates("năm 1998", None) == [(0, "1998")]  # written out, without a reference: the text's own
