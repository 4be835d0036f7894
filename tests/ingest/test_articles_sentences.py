"""Sentence splitting around Vietnamese abbreviations and number formats."""
from __future__ import annotations

import pytest

from ingest.articles.sentences import split_sentences


@pytest.mark.parametrize("text", [
    "Sở KH&CN TP. HCM đã ký kết hợp tác với đối tác Nhật Bản.",
    "Đoàn công tác của TP.HCM đến thăm Seoul.",
    "Chỉ số của Đà Nẵng đạt 48,75 điểm trong năm nay.",
    "Sáng 15.8 hai bên làm việc tại Hà Nội.",
    "TS. Nguyễn Văn Bình và PGS. Trần Thị Hoa tham dự hội thảo.",
    "Ông Kim J. Park phát biểu tại diễn đàn.",
])
def test_no_split_inside(text):
    assert split_sentences(text) == [text]


def test_splits_between_sentences_and_after_quotes():
    text = 'Hai bên đã ký kết. Ông Minh nói: "Đây là bước tiến." Sau đó đoàn thăm Khu công nghệ cao. 2 doanh nghiệp tham gia.'
    assert split_sentences(text) == ["Hai bên đã ký kết.", 'Ông Minh nói: "Đây là bước tiến."',
                                      "Sau đó đoàn thăm Khu công nghệ cao.", "2 doanh nghiệp tham gia."]


def test_no_split_before_lower_case():
    assert len(split_sentences("Các lĩnh vực như logistics... và du lịch đều tăng.")) == 1
