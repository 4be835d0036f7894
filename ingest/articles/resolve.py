"""One entity per real thing: mentions grouped within an article, then matched to known entities.

A body is written out in full, abbreviated, with or without its city, with or without
diacritics, and misspelt; a person is named in full once and by given name after. Two keys
decide that two forms are the same thing: a structural key (kind, head and domain with
abbreviations expanded, locality) for built names, and the folded alias key for everything
else, with a small edit distance tolerated for long names. All forms are kept as aliases.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable

from graph.model import Entity
from graph.names import fold, slug
from ingest.articles import lexicon as lx
from ingest.articles.entities import (Mention, Sentence, find_mentions, fuzzy_equal, known_place,
                                      person_name)

_ABBR = sorted(lx.ABBREVIATIONS, key=len, reverse=True)
_ABBR_RE = re.compile(r"(?<![\w&])(" + "|".join(re.escape(a) for a in _ABBR) + r")(?![\w&])")
# Words of a body's name that say what sort of office it is, not which one ("investment office"
# and "management board" of the same zone are one authority).
_GENERIC = frozenset("ban quan ly van phong so trung tam co quan khu to chuc dau".split())
#: Heads whose yearless, placeless name is the article's locality's own ("Cổng thông tin ...").
_LOCAL_DESCRIPTIVE = frozenset({"Trung tâm", "Cổng thông tin", "cổng thông tin", "Đề án", "đề án",
                                "Techfest", "TECHFEST", "Techmart"})
_SCOPE = ("the gioi", "quoc te", "quoc gia", "toan cau", "chau a", "chau au", "khu vuc", "viet nam")


_VARIANT_RE = re.compile(r"^(" + "|".join(re.escape(v) for v in sorted(lx.HEAD_VARIANTS, key=len, reverse=True))
                         + r")(?!\w)")


def expand(text: str) -> str:
    """``text`` with its abbreviations written out ("Sở KH&CN" -> "Sở Khoa học và Công nghệ") and its
    head in its one form ("Trường Đại học X" -> "Đại học X")."""
    text = _VARIANT_RE.sub(lambda m: lx.HEAD_VARIANTS[m.group(1)], text)
    return _ABBR_RE.sub(lambda m: lx.ABBREVIATIONS[m.group(1)], text)


def match_key(text: str) -> str:
    """The key two spellings of one name share: abbreviations expanded, "và" and punctuation dropped."""
    words = [w for w in re.split(r"[\W_]+", fold(expand(text)).replace("&", " va ")) if w and w != "va"]
    return "".join(words)


def _distinctive(core: str) -> frozenset[str]:
    return frozenset(w for w in fold(expand(core)).split() if w not in _GENERIC and w != "va")


@dataclass
class Candidate:
    """An entity as the article names it, before it is matched against what is already known."""

    kind: str
    name: str
    struct: str | None
    aliases: list[str] = field(default_factory=list)
    properties: dict = field(default_factory=dict)
    confidence: float = 0.8
    head: str | None = None
    core: str = ""
    locality: lx.Place | None = None
    year: str | None = None
    id: str | None = None

    def add_alias(self, *forms: str) -> None:
        for f in forms:
            f = " ".join(f.split())
            if f and f not in self.aliases:
                self.aliases.append(f)

    def keys(self) -> set[str]:
        return {match_key(a) for a in [self.name, *self.aliases] if match_key(a)}


def place_candidate(place: lx.Place, kind: str, written: str | None, confidence: float) -> Candidate:
    """The candidate for a gazetteer place, keyed so every spelling of it resolves to one entity."""
    c = Candidate(kind, place.name, f"place:{slug(place.name)}", confidence=confidence)
    c.add_alias(place.name, *place.aliases[:1])
    if written:
        c.add_alias(written)
    if place.country:
        c.properties["country"] = place.country
    c.locality = place
    return c


def place_entity(name: str, kind: str | None = None) -> Entity | None:
    """The entity articles give the gazetteer place written ``name`` (None if it is not one).

    Datasets name places in English ("USA", "San Francisco"); going through the same gazetteer
    and the same id rule as :class:`Resolver` makes a dataset's city the article's city. The
    match is exact (folded) because a dataset's unknown town must not become a known one by
    an edit distance.
    """
    place = known_place(name)
    if place is None or (kind is not None and place.kind != kind):
        return None
    c = place_candidate(place, place.kind, name, 1.0)
    return Entity(slug(c.name), c.name, c.kind, list(c.aliases), dict(c.properties), c.confidence)


def candidate(m: Mention, locality: lx.Place | None) -> Candidate:
    if m.kind in ("City", "Country") and m.place is not None:
        return place_candidate(m.place, m.kind, None if m.pronoun else m.text, m.confidence)
    if m.kind == "Person":
        name = person_name(m.text)
        c = Candidate("Person", name, f"person:{match_key(name)}", confidence=m.confidence)
        c.add_alias(name, m.text, *m.aliases)
        return c
    core = m.core or m.text
    place = m.locality
    inherit = (m.head in lx.LOCAL_HEADS or m.head in _LOCAL_DESCRIPTIVE or m.of_context) and place is None \
        and not any(s in fold(core) for s in _SCOPE)
    if inherit and locality is not None:
        place = locality
        m.locality_inherited = True
    m.locality = place
    if m.head in lx.NATIONAL_HEADS and place is not None and place.name == lx.HOME_COUNTRY:
        place = None  # "Chính phủ Việt Nam" is "Chính phủ": named apart from its country, not another body
    full_core = expand(core) if m.kind in ("Agency", "Park", "Organization", "Fund") else core
    if m.kind in ("Agency", "Park", "Organization", "Fund"):
        full_core = full_core[:1].upper() + full_core[1:]
    if m.kind == "Agency" and m.head in lx.BOARD_HEADS and place is None:
        full_core = expand(core)
    written = place is not None and any(fold(a) in fold(full_core) for a in place.aliases)
    name = " ".join(p for p in (full_core, place.name if place and not written else None, m.year) if p)
    struct = f"{m.kind}:{match_key(full_core)}@{slug(place.name) if place else ''}#{m.year or ''}"
    c = Candidate(m.kind, name, struct, confidence=m.confidence, head=m.head, core=core,
                  locality=place, year=m.year)
    c.add_alias(name, m.text, *m.aliases)
    if m.locality_inherited:
        c.add_alias(core)
    if m.kind == "Organization" and m.head:
        c.properties["type"] = _org_type(m.head)
    if m.kind == "Fund":
        tail = _proper_tail(m.text)
        if tail:
            c.add_alias(tail)  # "Quỹ đầu tư mạo hiểm X Ventures" and "Quỹ X Ventures" are one fund
    return c


def _proper_tail(text: str) -> str | None:
    """The run of capitalised words that ends a fund's name after its common words, if several."""
    words = text.split()
    k = len(words)
    while k > 1 and words[k - 1][:1].isupper():
        k -= 1
    tail = words[k:]
    return " ".join(tail) if len(tail) >= 2 and k >= 1 else None


_PERIOD = re.compile(r"\s+(?:giai đoạn\s+(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d|đến năm\s+(?:19|20)\d\d)$", re.IGNORECASE)


def _unperiod_keys(c: Candidate) -> set[str]:
    return {match_key(_PERIOD.sub("", a)) for a in [c.name, *c.aliases]} - {""}


def _bare_key(c: Candidate) -> str:
    """A programme's or event's name without its head ("VIC Connect" of "Chương trình VIC Connect")."""
    if not c.head or not c.core.startswith(c.head):
        return ""
    return match_key(c.core[len(c.head):])


def _board_of(a: Candidate, b: Candidate) -> bool:
    """"Ban Quản lý Khu kinh tế X" and "Khu kinh tế X": the zone named for the authority running it."""
    board, zone = (a, b) if a.kind == "Agency" else (b, a)
    if board.kind != "Agency" or zone.kind != "Park" or board.head not in lx.BOARD_HEADS:
        return False
    return bool(zone.core) and match_key(board.core[len(board.head):]) == match_key(zone.core) \
        and (board.locality is None or zone.locality is None or board.locality == zone.locality)


def _org_type(head: str) -> str:
    h = fold(head)
    for word, kind in (("dai hoc", "university"), ("hoc vien", "university"), ("vien", "institute"),
                       ("hiep hoi", "association"), ("hoi", "association"), ("vuon uom", "incubator"),
                       ("trung tam", "centre"), ("cong ty", "company"), ("tap doan", "corporation"),
                       ("ngan hang", "bank")):
        if h.startswith(word):
            return kind
    return "organization"


def _same(a: Candidate, b: Candidate) -> bool:
    """Whether two candidates of one article are the same thing."""
    if {a.kind, b.kind} == {"Agency", "Park"}:
        return _board_of(a, b)
    if a.kind != b.kind:
        return False
    if a.struct and a.struct == b.struct:
        return True
    if a.kind in ("City", "Country"):
        return False
    if a.keys() & b.keys():
        return True
    if a.kind == "Person":
        return _fuzzy_ok(a) and _fuzzy_ok(b) and any(fuzzy_equal(x, y) for x in a.keys() for y in b.keys()
                                                      if len(x) >= 8)
    if a.kind in ("Program", "Event") and (_unperiod_keys(a) & _unperiod_keys(b)
                                          or _bare_key(a) in b.keys() or _bare_key(b) in a.keys()):
        return True
    if a.kind in ("Program", "Event") and a.head and a.head == b.head \
            and (a.locality is None or b.locality is None or a.locality == b.locality):
        ya, yb = re.findall(r"(?:19|20)\d\d", a.name), re.findall(r"(?:19|20)\d\d", b.name)
        wa, wb = set(fold(a.core).split()), set(fold(b.core).split())
        if ya == yb and wa and wb:
            shared = len(wa & wb)
            if shared / len(wa | wb) >= 0.6 or (ya and shared / min(len(wa), len(wb)) >= 0.8):
                return True
    if a.kind == "Agency" and a.head != b.head and {a.head, b.head} <= lx.BOARD_HEADS | {"Văn phòng"}:
        da, db = _distinctive(a.core), _distinctive(b.core)
        compatible = (a.locality is None or b.locality is None or a.locality == b.locality)
        return bool(da) and da == db and compatible
    return False


def _fuzzy_ok(c: Candidate) -> bool:
    """Whether a misspelling may be forgiven: places and romanised foreign names, not Vietnamese names.

    Vietnamese names and body names differ by one letter too often ("Hà Nam" / "Hà Nội",
    "An" / "Anh") for an edit distance to mean a typo.
    """
    if c.kind == "City":
        return True
    return c.kind == "Person" and c.name.split()[0] not in lx.SURNAMES


def _refers_to(weak: Mention, cands: list[Candidate]) -> Candidate | None:
    """The candidate a weak mention (a given name, an acronym, "hội nghị kết nối này") stands for."""
    k = match_key(weak.text)
    for c in cands:
        if c.kind == weak.kind and k in c.keys():
            return c
    if weak.kind == "Person":
        given = fold(weak.text).split()[-1]
        people = [c for c in cands if c.kind == "Person" and fold(c.name).split()[-1] == given]
        return people[0] if len(people) == 1 else None
    if weak.kind == "Event":
        events = [c for c in cands if c.kind == "Event" and any(
            a.startswith(k) or a.replace(c.year or "@", "") == k for a in c.keys())]
        return events[0] if len(events) == 1 else None
    return None


def group_mentions(mentions: list[Mention], locality: lx.Place | None
                   ) -> tuple[list[Candidate], dict[int, Candidate]]:
    """Group one article's mentions into candidates; also return each mention's (by ``id``) candidate.

    Weak mentions (a given name alone, an acronym, "hội nghị kết nối này") only join a
    candidate named in full elsewhere in the article; alone they are dropped.
    """
    cands: list[Candidate] = []
    owner: dict[int, Candidate] = {}
    for m in mentions:
        if m.weak:
            continue
        c = candidate(m, locality)
        same = next((o for o in cands if _same(o, c)), None)
        if same is None:
            cands.append(c)
            same = c
        else:
            if same.kind == "Park" and c.kind == "Agency":  # the authority, not its zone, is the party
                same.kind, same.head, same.struct, same.core = c.kind, c.head, c.struct, c.core
            same.add_alias(*c.aliases)
            same.confidence = max(same.confidence, c.confidence)
            same.properties.update(c.properties)
        owner[id(m)] = same
    for m in mentions:
        if m.weak:
            target = _refers_to(m, cands)
            if target is not None:
                if m.kind != "Person":
                    target.add_alias(m.text)
                owner[id(m)] = target
    return cands, owner


class Resolver:
    """Entities known so far (from the store and from earlier articles), indexed by their keys."""

    def __init__(self, known: Iterable[Entity] = ()):
        self.entities: dict[str, Entity] = {}
        self._by_key: dict[tuple[str, str], str] = {}
        self._by_struct: dict[str, str] = {}
        for e in known:
            self._index(Entity(e.id, e.name, e.kind, list(e.aliases), dict(e.properties), e.confidence))
            for form in [e.name, *e.aliases]:
                struct = _struct_of(form, e.kind)
                if struct:
                    self._by_struct.setdefault(struct, e.id)

    def _index(self, e: Entity) -> None:
        self.entities[e.id] = e
        for form in [e.name, *e.aliases]:
            k = match_key(form)
            if k and not generic_local(form):
                self._by_key.setdefault((e.kind, k), e.id)

    def _find(self, c: Candidate) -> str | None:
        if c.struct and c.struct in self._by_struct:
            return self._by_struct[c.struct]
        for k in {match_key(a) for a in [c.name, *c.aliases] if not generic_local(a)} - {""}:
            if (c.kind, k) in self._by_key:
                return self._by_key[(c.kind, k)]
        if _fuzzy_ok(c):
            for k in c.keys():
                if len(k) < 6:
                    continue
                for (kind, other), eid in self._by_key.items():
                    if kind == c.kind and len(other) >= 6 and fuzzy_equal(k, other):
                        return eid
        return None

    def resolve(self, c: Candidate) -> Entity:
        """The entity ``c`` is (a known one, its aliases united) or a new one."""
        eid = self._find(c)
        if eid is not None:
            e = self.entities[eid]
            e.aliases += [a for a in c.aliases if a not in e.aliases]
            for k, v in c.properties.items():
                e.properties.setdefault(k, v)
            e.confidence = max(e.confidence, c.confidence)
        else:
            eid = slug(c.name)
            if eid in self.entities:
                eid = f"{eid}-{c.kind.lower()}"
            e = Entity(eid, c.name, c.kind, list(c.aliases), dict(c.properties), round(c.confidence, 2))
        self._index(e)
        if c.struct:
            self._by_struct.setdefault(c.struct, eid)
        c.id = eid
        return e


def generic_local(form: str) -> bool:
    """"Sở Giáo dục và Đào tạo", "UBND tỉnh": a local body written without its locality.

    Every province has one, so such a form is kept as an alias but never used to match
    across articles, where it would merge the bodies of different provinces.
    """
    s = Sentence(form, None, [])
    found = s.head_at(0)
    if not found or found[0] not in lx.LOCAL_HEADS:
        return False
    return not any(s.place_at(i) for i in range(found[1], len(s.tokens)))


def _struct_of(form: str, kind: str) -> str | None:
    """The structural key of a stored name, read with the same grammar as article text."""
    if kind not in ("Agency", "Organization", "Park", "Fund", "Event", "Program"):
        return None
    mentions, _ = find_mentions(Sentence(form, None, []), {})
    if len(mentions) != 1 or mentions[0].kind != kind or mentions[0].end - mentions[0].start < len(form) - 1:
        return None
    return candidate(mentions[0], None).struct
