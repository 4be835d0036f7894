"""Reading one article file into text, or refusing it with a reason a user can act on.

Users point the extractor at whatever they saved: text files in odd encodings, whole web
pages, the occasional PDF or English page. Each refusal names the file and why, so that one
bad file is reported and skipped instead of stopping a batch or producing a garbage graph.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

MAX_BYTES = 5 * 1024 * 1024
#: Past this an input is not one news article (a dump, a log, a bomb of repeated text), and
#: reading it would take minutes: the longest real articles are a few thousand words. A long
#: line is no reason to refuse: pages saved without line breaks hold a whole article (or a
#: resolution's full text) on one line, which ``sentences`` splits and bounds.
MAX_TEXT_CHARS = 300_000
ARTICLE_SUFFIXES = (".txt", ".html", ".htm", ".md", "")

# Letters only Vietnamese uses among Latin scripts (tone marks on vowels, ơ, ư, đ, ă, â, ê, ô).
_VIETNAMESE_LETTERS = re.compile(
    "[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]", re.IGNORECASE)
_LETTERS = re.compile(r"[^\W\d_]")
_HTML = re.compile(r"^\s*(<!doctype html|<html|<head|<body|<meta|<div|<p[ >])", re.IGNORECASE)


class ArticleRejected(ValueError):
    """A file that is not a Vietnamese article we can read; the message is the reason."""


@dataclass
class RawArticle:
    """The decoded main text of one file, with the page title when the page had one."""

    path: Path
    text: str
    title: str | None
    checksum: str
    kind: str  # "text" or "html"


def _decode(data: bytes, path: Path) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise ArticleRejected(f"{path.name}: not UTF-8 and no text encoding could be detected")
    return str(best)


def _looks_binary(data: bytes) -> bool:
    sample = data[:4096]
    if b"\x00" in sample:
        return True
    control = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return control > len(sample) * 0.05


def _html_text(html: str) -> tuple[str, str | None]:
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=False,
                               favor_recall=True) or ""
    meta = trafilatura.extract_metadata(html)
    title = meta.title if meta is not None and meta.title else None
    return text, title


def vietnamese_share(text: str) -> float:
    """Share of letters that are Vietnamese-only: about 0.15-0.3 in Vietnamese, ~0 in English."""
    letters = len(_LETTERS.findall(text[:20000]))
    return len(_VIETNAMESE_LETTERS.findall(text[:20000])) / letters if letters else 0.0


def load_article(path: Path, max_bytes: int = MAX_BYTES) -> RawArticle:
    """Return the article's text, or raise ``ArticleRejected`` naming the file and the reason."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ArticleRejected(f"{path.name}: cannot read ({exc.strerror})") from None
    if size > max_bytes:
        raise ArticleRejected(f"{path.name}: {size / 1e6:.1f} MB is over the "
                              f"{max_bytes / 1e6:.0f} MB limit for one article")
    data = path.read_bytes()
    checksum = hashlib.sha256(data).hexdigest()
    if not data.strip():
        raise ArticleRejected(f"{path.name}: empty file")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):  # UTF-16 with its byte-order mark
        try:
            data = data.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError:
            raise ArticleRejected(f"{path.name}: marked UTF-16 but not valid UTF-16") from None
    if _looks_binary(data):
        raise ArticleRejected(f"{path.name}: binary file, not text or HTML")
    text = _decode(data, path)
    kind, title = "text", None
    if path.suffix.lower() in (".html", ".htm") or _HTML.match(text):
        kind = "html"
        text, title = _html_text(text)
        if not text.strip():
            raise ArticleRejected(f"{path.name}: no article text found in the HTML page")
    if len(text) > MAX_TEXT_CHARS:
        raise ArticleRejected(f"{path.name}: {len(text):,} characters of text is more than one article "
                              f"(limit {MAX_TEXT_CHARS:,})")
    share = vietnamese_share(text)
    if share < 0.04:
        raise ArticleRejected(f"{path.name}: not Vietnamese text "
                              f"({share:.0%} Vietnamese letters; English or other language?)")
    return RawArticle(path, text.replace("\r\n", "\n").replace("\r", "\n"), title, checksum, kind)
