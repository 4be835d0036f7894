"""Sentence splitting around Vietnamese abbreviations and number formats."""
from __future__ import annotations

import pytest

from ingest.articles.sentences import MAX_SENTENCE_CHARS, split_sentences


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


def test_a_page_on_one_line_splits_into_its_sentences():
    sentences = [f"Sáng {d}/5, đoàn công tác số {d} đã làm việc với Sở KH&CN TP. HCM." for d in range(1, 29)]
    line = " ".join(sentences * 40)  # ~60,000 characters on one line
    assert split_sentences(line) == sentences * 40


def test_text_without_sentence_punctuation_is_cut_into_bounded_pieces():
    line = ("các doanh nghiệp khởi nghiệp sáng tạo trong vùng kinh tế trọng điểm " * 800).strip()
    pieces = split_sentences(line)
    assert all(len(p) <= MAX_SENTENCE_CHARS for p in pieces) and len(pieces) > 1
    assert " ".join(pieces) == line  # cut at spaces: no word is lost or split


def test_an_overlong_sentence_is_cut_at_a_clause_break():
    clause = "hỗ trợ doanh nghiệp khởi nghiệp đổi mới sáng tạo tại địa phương"
    line = "; ".join([clause] * 60) + "."
    pieces = split_sentences(line)
    assert len(pieces) > 1 and all(p.endswith(";") for p in pieces[:-1])
    assert pieces[-1].endswith(".")


def test_one_unbroken_token_is_still_bounded():
    assert [len(p) for p in split_sentences("x" * (2 * MAX_SENTENCE_CHARS + 5))] == [
        MAX_SENTENCE_CHARS, MAX_SENTENCE_CHARS, 5]
