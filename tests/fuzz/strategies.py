"""Hostile inputs shared by the property tests and the fuzz run (bench/fuzz_inputs.py)."""
from __future__ import annotations

from hypothesis import strategies as st

VIETNAMESE = "ạảãàáâậầấẩẫăắằặẳẵđĐêềếểễệôồốộổỗơờớợởỡưừứựửữ"
#: Text that looks like the news: Vietnamese words, dates, abbreviations, punctuation, noise.
PIECES = st.sampled_from([
    "Sở KH&CN", "TP.HCM", "Thành phố", "UBND", "ngày 21/8", "Chiều 2/7", "tháng 10", "quý IV năm nay",
    "hồi tháng 5 vừa qua", "năm 2022", "ông", "bà", "Giám đốc", "Phó Chủ tịch", "(", ")", "–", "-", ",", ".",
    "Hàn Quốc", "Busan", "ký kết", "hợp tác", "làm việc với", "sẽ", "dự kiến", "Techfest", "2023", "\n",
    "Thứ năm, 22/08/2024 13:20", "27-05-2020", "31/02/2024", "99/99/9999", "Quỹ", "công viên công nghệ",
    "Có thể bạn quan tâm", "©", "Lượt xem: 1234", "\x00", "\ufeff", "🚀", "\u202e", "<div>", "'", '"', "\\", "}",
    "$rows", "MATCH (n) DETACH DELETE n",
])
NEWSLIKE = st.lists(st.one_of(PIECES, st.text(alphabet=VIETNAMESE + "abcdefghijklmnopqrstuvwxyz ABCDEFG0123456789",
                                                max_size=12)), max_size=80).map(" ".join)
ANY_TEXT = st.one_of(st.text(max_size=400), NEWSLIKE)
