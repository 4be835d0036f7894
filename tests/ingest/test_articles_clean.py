"""Page furniture removal: each rule on a line of its own kind."""
from __future__ import annotations

import pytest

from ingest.articles.clean import clean

BODY = "Sở Công Thương tỉnh Long An đã ký kết thỏa thuận hợp tác với một tập đoàn của Singapore."


def paragraphs(*lines: str) -> list[str]:
    return clean("\n".join([BODY, *lines])).paragraphs


@pytest.mark.parametrize("line", [
    "Bản quyền © 2023 Cổng thông tin điện tử tỉnh Long An",
    "Copyright 2022 Báo Điện tử",
    "Thiết kế và phát triển bởi Công ty Phần mềm ABC",
    "Tổng số truy cập: 1234567",
    "Lượt truy cập: 98765",
    "Họ và tên",
    "Email",
    "Xác thực",
    "Trang chủ | Tin tức | Sự kiện | Liên hệ",
    ">>Đọc thêm: Long An thu hút đầu tư",
    "SỞ CÔNG THƯƠNG TỈNH LONG AN",
    "Nguyễn Hòa",
    "Minh Anh – baolongan.vn",
    "Ảnh: Hoàng Lâm",
    "anh1",
    "Quang cảnh buổi ký kết",
    "Lãnh đạo tỉnh chụp ảnh lưu niệm |",
])
def test_furniture_line_is_removed(line):
    assert paragraphs(line) == [BODY]


def test_everything_after_related_articles_is_dropped():
    got = paragraphs("Có thể bạn quan tâm", "Long An ký kết hợp tác với Nhật Bản về nông nghiệp công nghệ cao.")
    assert got == [BODY]
    assert clean(BODY + "\nÝ kiến bình luận\nBình luận hay của một người đọc về chuyện này.").paragraphs == [BODY]


def test_source_tag_and_photo_credit_are_stripped():
    got = clean("(TTXVN) - " + BODY + " (Ảnh: Thanh Tùng)").paragraphs
    assert got == [BODY]


def test_long_caption_sentence_and_trailing_bar_are_kept_as_text():
    caption = "Đoàn công tác của tỉnh Long An đến thăm và làm việc tại khu công nghệ cao của Singapore"
    assert caption in paragraphs(caption)
    assert paragraphs(BODY + " |")[-1] == BODY


def test_title_is_the_first_heading_line():
    text = clean("SỞ CÔNG THƯƠNG\nLong An hợp tác với Singapore về logistics\n\n" + BODY)
    assert text.title == "Long An hợp tác với Singapore về logistics"
    assert text.paragraphs[0] == text.title


def test_line_with_the_date_is_skipped_when_told():
    text = clean("Tiêu đề bài viết về Long An hôm nay\n12-03-2024\n" + BODY, skip={1})
    assert "12-03-2024" not in text.paragraphs


def test_a_long_paragraph_with_bars_is_text_not_a_menu():
    menu = "Trang chủ | Tin tức | Khởi nghiệp | Liên hệ"
    long_line = " | ".join([BODY] * 4)
    assert paragraphs(menu) == [BODY] and paragraphs(long_line) == [BODY, long_line]
