"""Which mentions can act in a clause: the subject or object of a verb, or one of a list.

A name in Vietnamese news often stands for something other than a party: a place that describes a
noun ("doanh nghiệp Nhật Bản") or a person ("Thủ tướng Nhật Bản Shinzo Abe"), a body's country
after a comma, an adjunct ("tại Hà Nội, ..."). The link rules ask these questions of every
mention before they let it take part in a link; the words they read are rows of
``data/link_words.tsv``.
"""
from __future__ import annotations

import re

from ingest.articles import lexicon as lx
from ingest.articles.cues import words
from ingest.articles.entities import Mention

MODIFIER_BEFORE = re.compile(rf"(?<!\w)(?:{words('modifier')})\s*$", re.IGNORECASE)
# "doanh nghiệp Nhật Bản": a place used as an adjective of a noun is not a party.
NOUN_BEFORE = re.compile(rf"(?<!\w)(?:{words('place_modifies')})\s*$", re.IGNORECASE)
# A place acts (is a subject) only at the start of its clause, after a conjunction or a delegation word.
PARTY_BEFORE = re.compile(rf"(?:^|[,.;:!?“\"–-]|(?<!\w)(?:{words('party_before')}))\s*$", re.IGNORECASE)
ADJUNCT = re.compile(rf"(?<!\w)(?:{words('adjunct')})\s*$", re.IGNORECASE)
TITLE_WORDS = "|".join(re.escape(t) for t in sorted({*lx.TITLES, "ông", "bà", "ngài", "đồng chí"}, key=len, reverse=True))
# Between two listed parties: a separator, then the titles of the next one ("A và Chủ tịch Quốc hội B").
LIST_GAP = re.compile(rf"^\s*(?:\([^)]*\)\s*)*(?:và|cùng|cùng với|với|,|;|–|-)\s*(?:(?:{TITLE_WORDS})\s*)*$",
                      re.IGNORECASE)
# Two mentions coordinated: "A và B", "A, B", "A cùng với B", "A (X) - B".
JOINT = re.compile(r"^\s*(?:\([^)]*\)\s*)*(?:và|cùng|cùng với|với|,|–|-)\s*$")
PLACE_OBJECT_GAP = re.compile(rf"^[\s,]*(?:(?:{words('place_object_gap')})[\s,]+)*$", re.IGNORECASE)


def clause_before(text: str, at: int, reach: int) -> str:
    """The words of ``at``'s clause before it, at most ``reach`` characters."""
    window = text[max(0, at - reach):at]
    return re.split(r"[.;:]", window)[-1]


def around(mentions: list[Mention], m: Mention) -> tuple[Mention | None, Mention | None]:
    """The mentions just before and just after ``m``."""
    k = next(i for i, x in enumerate(mentions) if x is m)
    return (mentions[k - 1] if k > 0 else None), (mentions[k + 1] if k + 1 < len(mentions) else None)


def blank(text: str, mentions: list[Mention]) -> str:
    """``text`` with the mentions' spans blanked, same length: words inside names ("Bộ Kế hoạch") are not cues."""
    chars = list(text)
    for m in mentions:
        chars[m.start:m.end] = " " * (m.end - m.start)
    return "".join(chars)


def bare(text: str, mentions: list[Mention], start: int, end: int) -> str:
    """``text[start:end]`` without the bodies named only in titles ("Chủ tịch [Quốc hội] B")."""
    out, at = [], start
    for m in mentions:
        if m.role and start <= m.start and m.end <= end:
            out.append(text[at:m.start])
            at = m.end
    return "".join(out) + text[at:end]


def acts(text: str, mentions: list[Mention], m: Mention, joined: bool = False) -> bool:
    """Whether ``m`` may be the subject of a verb: not a tag, not an adjunct ("tại X", "của X"), and a
    place only at the head of its clause. ``joined``: listed after a subject, where "với X" is a co-agent."""
    before = text[:m.start]
    if place_tag(text, mentions, m) or before.rstrip().endswith("("):
        return False
    if (ADJUNCT if joined else MODIFIER_BEFORE).search(before):
        return False
    return m.kind not in ("City", "Country") or m.pronoun or PARTY_BEFORE.search(before) is not None


def place_tag(text: str, mentions: list[Mention], m: Mention) -> bool:
    """A place that describes its neighbour instead of acting: "doanh nghiệp Nhật Bản", "(Nhật Bản)",
    "Thủ tướng Nhật Bản Shinzo Abe", "Ngân hàng BTMU, Nhật Bản tổ chức"."""
    if m.kind not in ("City", "Country"):
        return False
    before = text[:m.start]
    if NOUN_BEFORE.search(before) or before.rstrip().endswith("("):
        return True
    prev, nxt = around(mentions, m)
    named = re.match(r" (?-i:[A-ZĐ])\w", text[m.end:]) and (nxt is None or nxt.start > m.end + 1 or nxt.kind == "Person")
    if named:
        return True  # a person's nationality or the country of their title: "Nhật Bản Shinzo Abe"
    if m.kind == "Country" and prev is not None and prev.kind == "City" and re.fullmatch(r"\s*,\s*", text[prev.end:m.start]):
        return True  # "Buenos Aires, Argentina": the city's country
    if re.search(r"(?-i:[A-ZĐ])[^\W\d]*,\s*$", before) and (prev is None or prev.end < len(before.rstrip()) - 1):
        return True  # "đảo Phú Quý, Bình Thuận": the place of a name the reader did not know
    listed = re.match(r"\s*(?:và|cùng)(?!\w)", text[m.end:]) or (nxt is not None and nxt.kind == "Country"
                                                                 and re.fullmatch(r"\s*,\s*", text[m.end:nxt.start]))
    return m.kind == "Country" and prev is not None and prev.party and prev.kind not in ("City", "Country", "Person") \
        and re.fullmatch(r"\s*(?:\([^)]*\)\s*)?[,–-]\s*", text[prev.end:m.start]) is not None \
        and not listed  # a body's country after a comma or a dash: "Tập đoàn X - Hàn Quốc"
