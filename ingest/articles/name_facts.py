"""Links the names state by themselves, without a verb: where a body is, what it belongs to, who holds a title.

"Sở KH&CN TP.HCM" is in TP.HCM, "Osaka (Nhật Bản)" is in Japan, "Phòng X (Sở Y)" is part of Sở Y,
"ông A, Giám đốc Sở B" holds a role at Sở B, "X từ Hàn Quốc" comes from Korea. Some facts need
both ends named somewhere in the article, not in one sentence: a city's country from the
gazetteer, the country of a national office ("Thủ tướng X"), the park a management board is
named after; ``Known`` remembers what the article has named so far.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from graph.names import fold
from ingest.articles import lexicon as lx
from ingest.articles.entities import Mention, Role
from ingest.articles.parties import JOINT, LIST_GAP

HOME = "Việt Nam"  # a Vietnamese province's country goes without saying
_EVENT_PLACE = re.compile(r"(?:được tổ chức|tổ chức|diễn ra|sắp tới|khai mạc|sẽ diễn ra|đang diễn ra)"
                          r"(?:[^.;,]{0,25}?)\s(?:tại|ở)\s*$", re.IGNORECASE)
_COMPANIES = ("Fund", "Startup", "Organization", "Park")
# "A và B (Hàn Quốc)": one bracket for both; "A cùng B (Mỹ)" places only B.
_SHARED = re.compile(r"^\s*(?:\([^)]*\)\s*)*(?:và|,)\s*$")


@dataclass(frozen=True)
class Fact:
    """A timeless link read from names; ``evidence`` when it was read in an earlier sentence."""

    type: str
    source: Mention
    target: Mention
    confidence: float
    title: str | None = None
    evidence: str | None = None


def stated(text: str, mentions: list[Mention], roles: list[Role]) -> list[Fact]:
    """The facts one sentence's names state: locality, brackets, origin, roles, divisions."""
    return [*_places(text, mentions), *_origin(text, mentions),
            *(Fact("HOLDS_ROLE", r.person, r.body, 0.85, r.title) for r in roles if r.person.entity and r.body.entity),
            *_divisions(text, mentions), *_belongs(text, mentions)]


def _places(text: str, mentions: list[Mention]) -> list[Fact]:
    out = [Fact("LOCATED_IN", m, m.loc_entity, 0.9 if not m.locality_inherited else 0.6) for m in mentions
           if m.locality is not None and m.kind not in ("City", "Country", "Person") and m.loc_entity]
    for k, m in enumerate(mentions):
        nxt = mentions[k + 1] if k + 1 < len(mentions) else None
        if nxt is None or nxt.kind not in ("City", "Country") or m.kind == "Country":
            continue
        gap = text[m.end:nxt.start]
        bracket = re.fullmatch(r"\s*(?:\([^()]*\)\s*)?\(\s*", gap) and text[nxt.end:nxt.end + 2].strip().startswith(")")
        comma = re.fullmatch(r"\s*,\s*", gap) and nxt.kind == "Country" and re.match(r"\s*[.,;)”\"]|\s*$",
                                                                                      text[nxt.end:nxt.end + 2])
        if m.kind == "City" and m.locality is not None and m.locality.country and nxt.place is not None \
                and nxt.place.name != m.locality.country:
            continue
        if bracket or comma:
            for sub in [m, *_joined_before(text, mentions, k)]:
                if sub.kind != "Person":
                    out.append(Fact("LOCATED_IN", sub, nxt, 0.85))
                    if sub.loc_entity is not None and sub.loc_entity.kind == "City" \
                            and text[:sub.end].endswith(sub.locality_text or "\0"):
                        out.append(Fact("LOCATED_IN", sub.loc_entity, nxt, 0.8))
        if m.kind == "Event" and re.search(r"\s(?:tại|ở)\s*$", gap):
            out.append(Fact("LOCATED_IN", m, nxt, 0.8))
    for k, m in enumerate(mentions):
        if m.kind in ("City", "Country") and _EVENT_PLACE.search(text[:m.start][-120:]):
            events = [e for e in mentions[:k] if e.kind == "Event" and e.end <= m.start and m.start - e.end < 130]
            if events:
                out.append(Fact("LOCATED_IN", events[-1], m, 0.75))
    return out


def _joined_before(text: str, mentions: list[Mention], k: int) -> list[Mention]:
    """Mentions coordinated with ``mentions[k]`` before it ("A và B (Hàn Quốc)")."""
    out = []
    while k > 0 and _SHARED.match(text[mentions[k - 1].end:mentions[k].start]) \
            and mentions[k - 1].kind not in ("City", "Country", "Person"):
        k -= 1
        out.append(mentions[k])
    return out


def _origin(text: str, mentions: list[Mention]) -> list[Fact]:
    """Where a company comes from: "X (đến) từ Hàn Quốc", "sàn X của Mỹ", "doanh nghiệp đến từ
    Hàn Quốc như A, B"."""
    out = []
    for k, m in enumerate(mentions):
        if m.kind != "Country" or m.role:
            continue
        prev = mentions[k - 1] if k > 0 else None
        if prev is not None and prev.kind in _COMPANIES and re.fullmatch(
                r"\s*(?:(?:(?:đến|tới)\s+)?từ|của)\s+", text[prev.end:m.start], re.IGNORECASE):
            out.append(Fact("LOCATED_IN", prev, m, 0.75))
        if re.search(r"(?<!\w)(?:đến|tới) từ\s*$", text[:m.start], re.IGNORECASE) and re.match(r"\s*như\s", text[m.end:]):
            listed = [x for x in mentions if x.start > m.end and x.kind in _COMPANIES]
            named = listed[:1]
            for x in listed[1:]:
                if not LIST_GAP.match(text[named[-1].end:x.start]):
                    break
                named.append(x)
            out += [Fact("LOCATED_IN", x, m, 0.7) for x in named]
    return out


def _divisions(text: str, mentions: list[Mention]) -> list[Fact]:
    """"Phòng X" with no place of its own belongs to the department named with it."""
    out = []
    for m in mentions:
        if m.kind == "Agency" and m.head in lx.DIVISION_HEADS and m.locality is None:
            parent = _parent(text, mentions, m)
            if parent is not None:
                out.append(Fact("PART_OF", m, parent, 0.7))
    return out


def _parent(text: str, mentions: list[Mention], division: Mention) -> Mention | None:
    after = [p for p in mentions if p.start >= division.end and p.kind == "Agency"
             and re.fullmatch(r"\s*[(,]\s*", text[division.end:p.start])]
    if after:
        return after[0]
    if not division.role or re.search(r"(?<!\w)của\s*$", text[:division.start]):
        return None  # only a title's division ("bà A (Trưởng phòng X)") belongs to the body named before
    before = [p for p in mentions if p.end <= division.start and division.start - p.end <= 80
              and p.kind == "Agency" and not p.role
              and p.head not in lx.DIVISION_HEADS and not JOINT.match(text[p.end:division.start])]
    return before[-1] if before else None  # not a peer listed with it ("Ban A và Ban B"), not a title's body


def _belongs(text: str, mentions: list[Mention]) -> list[Fact]:
    """"X trực thuộc Y", "X (NIC) thuộc Bộ KH&ĐT", "Trung tâm X (Đại học Y)": X is part of Y."""
    out = []
    for k, m in enumerate(mentions[:-1]):
        nxt = mentions[k + 1]
        if m.kind not in ("Agency", "Organization", "Fund", "Park") or nxt.kind not in ("Agency", "Organization"):
            continue
        gap = text[m.end:nxt.start]
        bracket = re.fullmatch(r"\s*\(\s*", gap) and text[nxt.end:].lstrip().startswith(")") \
            and m.head and nxt.head and m.head != nxt.head
        said = re.fullmatch(r"\s*(?:\([^()]*\)\s*)?(?:là (?:cơ quan|đơn vị|tổ chức) )?(?:trực thuộc|thuộc)\s+", gap)
        if bracket or said:
            out.append(Fact("PART_OF", m, nxt, 0.75))
    return out


@dataclass
class Known:
    """What the article has named so far, for facts whose two ends stand in different sentences."""

    places: dict[str, Mention] = field(default_factory=dict)  # place name -> a resolved mention of it
    pending: list[tuple[Role, str]] = field(default_factory=list)  # roles at a place not yet named
    boards: list[Mention] = field(default_factory=list)       # "Ban Quản lý X" named so far
    parks: list[Mention] = field(default_factory=list)
    located: set[str] = field(default_factory=set)            # cities already placed in their country

    def read(self, text: str, mentions: list[Mention], roles: list[Role]) -> list[Fact]:
        """A city's country, a national office's country ("Thủ tướng X" of Việt Nam), a board's park."""
        out = []
        for m in mentions:
            if m.place is not None:
                self.places.setdefault(m.place.name, m)
        self.pending += [(r, text) for r in roles if r.person.entity and not r.body.entity and r.body.place is not None]
        for role, said in self.pending:
            body = self.places.get(role.body.place.name)
            if body is not None:
                out.append(Fact("HOLDS_ROLE", role.person, body, 0.8, role.title, said))
        self.pending = [(r, t) for r, t in self.pending if r.body.place.name not in self.places]
        for city in [m for m in self.places.values() if m.kind == "City" and m.place.country
                     and m.place.country != HOME]:
            country = self.places.get(city.place.country)
            if country is not None and city.place.name not in self.located:
                self.located.add(city.place.name)
                out.append(Fact("LOCATED_IN", city, country, 0.8))
        self.boards += [m for m in mentions if m.kind == "Agency" and m.head in lx.BOARD_HEADS]
        self.parks += [m for m in mentions if m.kind == "Park"]
        fresh = {id(m) for m in mentions}
        out += [Fact("RUNS", board, park, 0.75) for board in self.boards for park in self.parks
                if (id(board) in fresh or id(park) in fresh) and fold(board.text).endswith(fold(park.text))]
        return out
