"""Removing page furniture so that only the article's own sentences reach extraction.

Saved news pages carry site headers, menus, copyright lines, visit counters, comment forms,
related-article lists, bylines and photo captions. Left in, they add false entities (the site
owner named in a copyright line) and false links. The rules read the shape of a line, not the
site it came from.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# A line that starts the tail of a page: nothing after it belongs to the article.
_TAIL_STARTS = re.compile(
    r"^\s*(có thể bạn quan tâm|tin liên quan|bài viết liên quan|tin cùng chuyên mục|các tin khác|"
    r"tin khác|xem thêm|ý kiến bình luận|bình luận|gửi bình luận|ý kiến bạn đọc|đọc thêm)\s*:?\s*$",
    re.IGNORECASE)
_FURNITURE = re.compile(
    r"^\s*(bản quyền|copyright|©|thiết kế và phát triển|thiết kế bởi|phát triển bởi|"
    r"tổng số truy cập|lượt truy cập|số lượt truy cập|đang truy cập|đang trực tuyến|"
    r"họ và tên|họ tên|email|e-mail|lời bình|xác thực|mã xác nhận|gửi|chia sẻ bài viết|"
    r"trang chủ|in bài|tags?\s*:|từ khóa\s*:|nguồn\s*:|ảnh\s*:|>>)",
    re.IGNORECASE)
_SOURCE_TAG = re.compile(r"^\s*\((?:[A-ZĐ][\w.]*\s?){1,4}\)\s*[-–—]\s*")
_PHOTO_CREDIT = re.compile(r"\s*\((?:ảnh|ảnh minh họa|ảnh minh hoạ|nguồn)\s*:[^)]*\)", re.IGNORECASE)
_TERMINAL = re.compile(r"[.!?…:;\"”»)]\s*$|\.\.\.\s*$")
_CAPTION_WORDS = 10
_MENU_ITEM_CHARS = 40


@dataclass
class CleanText:
    """The article's title (if the page shows one) and its body paragraphs, in order."""

    title: str | None
    paragraphs: list[str]


def _is_upper_header(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters) and len(line.split()) >= 2


def _is_menu(line: str) -> bool:
    """Short items between bars ("Trang chủ | Tin tức | ..."); a long paragraph with bars is text."""
    bars = line.count("|")
    return bars >= 3 and len(line) / (bars + 1) <= _MENU_ITEM_CHARS


def _paragraph(line: str) -> str | None:
    """Return the paragraph text of ``line``, or None when the line is furniture or a caption."""
    text = " ".join(line.split())
    if not text or _FURNITURE.match(text) or _is_upper_header(text):
        return None
    if _is_menu(text):
        return None
    text = _PHOTO_CREDIT.sub("", _SOURCE_TAG.sub("", text))
    captioned = text.endswith("|")
    text = text.rstrip("| ").strip()
    if not text:
        return None
    if captioned and not _TERMINAL.search(text):
        return None
    if not _TERMINAL.search(text) and len(text.split()) < _CAPTION_WORDS:
        return None  # a byline, a short caption, an image file name
    return text


def clean(text: str, title: str | None = None, skip: set[int] | frozenset[int] = frozenset()) -> CleanText:
    """Split ``text`` into its article paragraphs; ``skip`` holds line numbers already read (the date line)."""
    lines = text.split("\n")
    paragraphs: list[str] = []
    for i, line in enumerate(lines):
        if _TAIL_STARTS.match(line):
            break
        if i in skip:
            continue
        if title is None and not paragraphs:
            candidate = " ".join(line.split())
            if (candidate and not _FURNITURE.match(candidate) and not _is_upper_header(candidate)
                    and not candidate.endswith("|") and 4 <= len(candidate.split()) <= 30
                    and not _TERMINAL.search(candidate)):
                title = candidate
        para = _paragraph(line)
        if para is not None:
            paragraphs.append(para)
    if title and paragraphs and paragraphs[0] != title and title not in paragraphs:
        paragraphs.insert(0, title)
    return CleanText(title, paragraphs)
