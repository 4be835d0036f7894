"""Finding mentions of ecosystem entities in one sentence, from Vietnamese naming grammar.

Vietnamese body names are built the same way everywhere: a head noun (Sở, Trung tâm, công
viên công nghệ, Hội nghị, Đề án ...), a domain in capitalised or domain words ("Khoa học và
Công nghệ", "KH&CN") and a locality ("TP. Hải Phòng", "tỉnh Chungbuk"). Reading that grammar
finds names no statistical tagger trained on general news knows, and tells the head (what
kind of thing), the domain (what it does) and the locality (where it is) apart, which the
resolver and the link rules both need.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from graph.names import fold
from ingest.articles import lexicon as lx
from ingest.articles.words import is_syllable_word, word_end

_TOKEN = re.compile(r"TP\.|Tp\.|\w+(?:[&.'’]\w+)*|\S")
_ACRONYM = re.compile(r"^(?=.*[A-ZĐ].*[A-ZĐ])[A-ZĐ][A-Za-zĐđ0-9&.]*[A-ZĐa-z0-9]$")
_NUMBERED = re.compile(r"(Nghị quyết|Nghị định|Quyết định|Thông tư|Chỉ thị|Luật|Kế hoạch)\s+(?:số\s+)?"
                       r"(\d+/\d{4}/[A-ZĐa-z0-9-]+)")
_CAPS_EVENT = re.compile(r"(?<![\w-])([A-Z][A-Z0-9&]+(?:[ -][A-Z][A-Z0-9&]+){0,4})\s+((?:19|20)\d\d)(?![\w-])")
_PLURAL = frozenset({"các", "những", "nhiều", "mỗi", "mọi", "một", "hai", "ba", "kỳ"})
_PRONOUN_FOLLOW = frozenset(
    "đã sẽ đang hiện cũng vừa hình xây tổ ban triển có cử kêu tiếp đặt luôn mong đăng ký phối dự chủ đẩy "
    "thành phát hỗ thu khởi vận".split())
_HEAD_KIND: dict[str, str] = {
    **{h: "Agency" for h in lx.AGENCY_HEADS}, **{h: "Organization" for h in lx.ORG_HEADS},
    **{h: "Fund" for h in lx.FUND_HEADS}, **{h: "Park" for h in lx.PARK_HEADS},
    **{h: "Event" for h in lx.EVENT_HEADS}, **{h: "Program" for h in lx.PROGRAM_HEADS},
}
_NEEDS_PROPER = frozenset({"Sở", "Bộ", "Cục", "Tổng cục", "Chi cục", "Vụ", "Phòng", "phòng", "Văn phòng",
                           "Cơ quan", "Ủy ban", "Uỷ ban", "Tổ chức", "Hội", "Trung tâm", "Viện",
                           "Công ty", "Tập đoàn", "Tổng công ty", "Ngân hàng", "Quỹ", "Mạng lưới",
                           "Liên minh", "Câu lạc bộ", "Chương trình", "Kế hoạch", "Dự án", "Luật",
                           "Chiến lược", "Đại sứ quán", "Tổng Lãnh sự quán", "Tổng lãnh sự quán",
                           "Lãnh sự quán", "Đại học", "Học viện", "Hiệp hội", "Vườn ươm", "Ban", "Đảng",
                           "Liên hiệp", "Liên đoàn"})


@dataclass
class Token:
    text: str
    start: int
    end: int


@dataclass
class Mention:
    """One mention: where it is, what kind, and the parts its name is built from."""

    start: int
    end: int
    text: str
    kind: str
    head: str | None = None
    core: str = ""               # the name without its locality ("Sở KH&CN")
    locality: lx.Place | None = None
    locality_text: str | None = None
    locality_inherited: bool = False
    place: lx.Place | None = None  # for City / Country mentions
    aliases: list[str] = field(default_factory=list)
    year: str | None = None
    weak: bool = False           # only counts if it refers to an entity named elsewhere
    pronoun: bool = False        # "Thành phố", "tỉnh": resolved from context
    role: bool = False           # a body named only in a person's title
    of_context: bool = False     # written with a bare "tỉnh" / "thành phố": the article's locality's own
    confidence: float = 0.8
    entity: str | None = None    # the resolved entity id, set by the resolver
    loc_entity: Mention | None = None  # the resolved locality, for LOCATED_IN

    @property
    def party(self) -> bool:
        return not self.role and self.kind not in ("Event", "Program")


def tokenize(text: str) -> list[Token]:
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


@lru_cache(maxsize=4096)
def _words(text: str) -> tuple[str, ...]:
    return tuple(t.text for t in tokenize(text))


def _by_first(pairs) -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """Word sequences indexed by their first word, longest first: a fast longest-match table."""
    out: dict[str, list] = {}
    for words, value in sorted(pairs, key=lambda p: -len(p[0])):
        out.setdefault(words[0], []).append((words, value))
    return out


@lru_cache(maxsize=1)
def _prefixes() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    return _by_first((_words(p), p) for p in lx.LOCALITY_PREFIXES)


@lru_cache(maxsize=1)
def _not_places() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    return _by_first((_words(p), p) for p in lx.NOT_PLACES)


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[dict[tuple[str, ...], lx.Place], int, dict[str, lx.Place]]:
    table: dict[tuple[str, ...], lx.Place] = {}
    folded: dict[str, lx.Place] = {}
    for place in lx.PLACES:
        for alias in place.aliases:
            table.setdefault(_words(alias), place)
            folded.setdefault(fold(alias).replace(" ", ""), place)
    return table, max(len(k) for k in table), folded


@lru_cache(maxsize=1)
def _heads() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """Heads as written, the later words of a capitalised head in either case ("Khu Công nghiệp")."""
    return _by_first((_words(v), h) for h in _HEAD_KIND for v in _head_forms(h))


def _head_forms(head: str) -> set[str]:
    first, *rest = head.split(" ")
    if not rest or not _cap(first) or any(w.isupper() for w in rest):
        return {head}
    return {head, " ".join([first] + [w.lower() for w in rest]), " ".join([first] + [w.capitalize() for w in rest]),
            " ".join([first, rest[0].capitalize()] + [w.lower() for w in rest[1:]])}


@lru_cache(maxsize=1)
def _domain() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    return _by_first((_words(t), t) for t in lx.DOMAIN_TERMS)


@lru_cache(maxsize=1)
def _event_terms() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    return _by_first((_words(t), t) for t in lx.EVENT_TERMS)


@lru_cache(maxsize=1)
def _descriptors() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    return _by_first((_words(d), kind) for d, kind in lx.DESCRIPTORS)


@lru_cache(maxsize=1)
def _titles() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    return _by_first((_words(t), t) for t in lx.TITLES)


def _osa(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment distance (a transposition costs 1), stopping above ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


def fuzzy_limit(key: str) -> int:
    """Edits tolerated between two spellings of a name of this length (misspellings, romanisation)."""
    return 0 if len(key) < 6 else 1 if len(key) < 11 else 2


def fuzzy_equal(a: str, b: str) -> bool:
    return a == b or (a[:2] == b[:2] and _osa(a, b, fuzzy_limit(min(a, b, key=len))) <=
                      fuzzy_limit(min(a, b, key=len)))


def known_place(name: str) -> lx.Place | None:
    """The gazetteer place ``name`` is one of the spellings of, ignoring case, diacritics and spaces."""
    return _gazetteer()[2].get(fold(name).replace(" ", ""))


def fuzzy_place(name: str) -> lx.Place | None:
    """The gazetteer place a misspelt or variant name stands for ("Chungchoengbuk")."""
    key = fold(name).replace(" ", "")
    _, _, folded = _gazetteer()
    if key in folded:
        return folded[key]
    if len(key) < 6:
        return None
    for alias, place in folded.items():
        if len(alias) >= 6 and fuzzy_equal(key, alias):
            return place
    return None


def _cap(word: str) -> bool:
    return bool(word) and word[0].isupper()


def _is_acronym(word: str) -> bool:
    return word in lx.ABBREVIATIONS or bool(_ACRONYM.match(word))


class Sentence:
    """One sentence with its tokens and the context the rules need from the rest of the article."""

    def __init__(self, text: str, locality: lx.Place | None, last_city: list[lx.Place]):
        self.text = text
        self.tokens = tokenize(text)
        self.words = [t.text for t in self.tokens]
        self.locality = locality
        self.last_city = last_city  # shared, updated as the article is read

    def word(self, i: int) -> str:
        return self.tokens[i].text if 0 <= i < len(self.tokens) else ""

    def seq(self, i: int, words: tuple[str, ...]) -> bool:
        return i >= 0 and tuple(self.words[i:i + len(words)]) == words

    def match(self, i: int, table: dict[str, list[tuple[tuple[str, ...], str]]]) -> list[tuple[str, int]]:
        """Every entry of ``table`` starting at token ``i``, longest first, with the token after it."""
        return [(v, i + len(w)) for w, v in table.get(self.word(i), ()) if self.seq(i, w)]

    def term(self, i: int, table: dict[str, list[tuple[tuple[str, ...], str]]]) -> int | None:
        """End of the longest term of ``table`` at ``i``, in any letter case ("Khởi nghiệp", "khởi nghiệp")."""
        words = [w.lower() for w in self.words[i:i + 4]]
        for entry, _ in table.get(words[0] if words else "", ()):
            if tuple(words[:len(entry)]) == tuple(e.lower() for e in entry):
                return i + len(entry)
        return None

    def span(self, i: int, j: int) -> str:
        return self.text[self.tokens[i].start:self.tokens[j - 1].end]

    # -- places -------------------------------------------------------------------------
    def place_at(self, i: int, allow_unknown: bool = False) -> tuple[lx.Place, int, bool] | None:
        """A place starting at token ``i`` (with its "TP." / "tỉnh" prefix): (place, end, prefixed)."""
        found = self._gazetteer_at(i, allow_unknown)
        if found is None or found[2] or self._whole_place(i, found[1]):
            return found  # a prefix ("tỉnh Thái Bình") makes it a place whatever the words around
        return None

    def _whole_place(self, i: int, end: int) -> bool:
        """A gazetteer name is a place only as a whole word in its context.

        Not when its last syllable opens a longer word ("Pháp chế", "Vinh quang"); not inside a
        person's name ("Vũ Đức Đam", "Trương Hòa Bình": a family name before it, itself after a
        title or lower-case word); and a one-syllable name that is also a common word ("Anh",
        "Đức") not beside another capitalised word, nor after a word for a language ("tiếng Anh").
        A one-syllable city ("Vinh") needs its prefix.
        """
        if word_end(self.words, end - 1) > end:
            return False
        prev = self.word(i - 1)
        if prev in lx.SURNAMES and (i < 2 or not _cap(self.word(i - 2)) or self._title_at(i - 2)
                                    or self.word(i - 2) in lx.HONORIFICS):
            return False
        if end - i == 1 and is_syllable_word(self.word(i)):
            place = _gazetteer()[0].get((self.word(i),))
            if place is not None and place.kind == "City":
                return False
            nxt = self.word(end)
            if prev.lower() in lx.LANGUAGE_WORDS or (_cap(prev) and prev not in lx.NOT_NAME_WORDS
                                                     and not self.match(i - 1, _prefixes())) \
                    or (_cap(nxt) and nxt.isalpha() and not self.place_at(end)):
                return False
        return True

    def _gazetteer_at(self, i: int, allow_unknown: bool = False) -> tuple[lx.Place, int, bool] | None:
        table, longest, _ = _gazetteer()
        if self.match(i, _not_places()) or self.match(i - 1, _not_places()):
            return None
        j = i
        prefixed = False
        prefix = self.match(i, _prefixes())
        if prefix:
            j = prefix[0][1]
            prefixed = True
        for n in range(min(longest, len(self.tokens) - j), 0, -1):
            key = tuple(self.words[j:j + n])
            if key in table:
                end = j + n
                if self.word(end) in ("-", "–") and _cap(self.word(end + 1)):  # "Bà Rịa - Vũng Tàu"
                    longer = key + ("-", self.word(end + 1))
                    if longer in table:
                        end += 2
                return table[key], end, prefixed
        if prefixed:  # the prefix word may itself name a place ("Thủ đô" alone is Hà Nội)
            for n in range(min(longest, len(self.tokens) - i), 0, -1):
                if tuple(self.words[i:i + n]) in table:
                    return table[tuple(self.words[i:i + n])], i + n, False
        if prefixed and (allow_unknown or self.word(i) not in ("TP", "TP.", "Tp", "Tp.")):
            run = j
            while run < len(self.tokens) and _cap(self.word(run)) and run - j < 3 \
                    and self.word(run) not in lx.SURNAMES and self.word(run) not in lx.NOT_NAME_WORDS:
                run += 1
            if run > j:
                name = self.span(j, run)
                place = fuzzy_place(name)
                if place is None and self.word(i).lower() == "tỉnh":
                    place = lx.Place(name, "City", None, (name,))
                if place is not None:
                    return place, run, True
        return None

    def _generic_locality(self, j: int) -> int:
        """Tokens of a locality word written without a name at ``j`` ("TP", "thành phố", "tỉnh"), or 0."""
        if self.word(j) in ("TP", "TP.", "Tp.", "tỉnh", "Tỉnh"):
            return 1
        if self.word(j) in ("thành", "Thành") and self.word(j + 1) == "phố":
            return 2
        return 0

    # -- names built from a head ----------------------------------------------------------
    def head_at(self, i: int) -> tuple[str, int] | None:
        found = self.match(i, _heads())
        return found[0] if found else None

    def _new_head(self, i: int) -> bool:
        """True when a new, valid name starts at ``i`` (ends the current name before "và")."""
        found = self.head_at(i)
        if not found:
            return False
        head, j = found
        nxt = self.word(j)
        return head in lx.STANDALONE_HEADS or _cap(nxt) or _is_acronym(nxt)

    def _person_starts(self, j: int) -> bool:
        """A Vietnamese name of two to four syllables starts at ``j`` and ends there."""
        if self.word(j) not in lx.SURNAMES:
            return False
        k = j
        while k < len(self.tokens) and _cap(self.word(k)) and k - j < 4 and not self.place_at(k):
            k += 1
        return 2 <= k - j and not _cap(self.word(k))

    def body_at(self, i: int, before_name: bool = False) -> Mention | None:
        """A named body, event or programme whose head starts at token ``i``.

        ``before_name``: the body is followed by a person's name ("Thứ trưởng Bộ KH&CN Lê Quang Huy"),
        which ends it.
        """
        found = self.head_at(i)
        if not found:
            return None
        head, j = found
        kind = _HEAD_KIND[head]
        start_j = j
        if head in lx.SERIES_HEADS:
            kind = "Event"
        lower_head = head[0].islower()
        event_between = False
        locality: tuple[lx.Place, int, bool] | None = None
        loc_start = None
        year = None
        paired = False
        if any(self.seq(i, _words(v)) for v in lx.VENUES):
            return None
        if head in lx.STANDALONE_HEADS:
            place = self.place_at(j)
            if place:
                locality, loc_start, j = place, j, place[1]
            else:
                n = self._generic_locality(j)
                if n and (not _cap(self.word(j + n)) or self.word(j + n) in lx.SURNAMES):
                    # "UBND TP Lê Khắc Nam", "UBND tỉnh": the locality of the context
                    return self._mention(i, j + n, kind, head, None, j, year)
            return self._mention(i, j, kind, head, locality, loc_start, year)
        zones = head in lx.FEDERATION_HEADS and self.word(j) == "các" and self.head_at(j + 1) is not None
        if zones:
            j = self.head_at(j + 1)[1]  # "Ban Quản lý các khu công nghiệp Bình Dương": named by its zones
        name_from = j  # where the words after the last head begin
        bracket = self._named_by_acronym(j)
        if bracket is not None:  # "Trung tâm hỗ trợ sáng kiến cộng đồng (ABC)": the acronym makes it a name
            return self._mention(i, bracket, kind, head, None, None, None)
        needs_proper = False
        if not zones and (head in _NEEDS_PROPER or (kind in ("Organization", "Agency", "Fund") and not lower_head)):
            nxt = self.word(j)
            if nxt in ("Ông", "Bà") or not (_cap(nxt) or _is_acronym(nxt) or self.term(j, _domain())):
                return None
            needs_proper = not (_cap(nxt) or _is_acronym(nxt))
        if self.word(j) == "số" and self.word(j + 1)[:1].isdigit():
            return None  # numbered instruments are read by their own pattern
        if kind == "Program" and re.fullmatch(r"\d{2,4}", self.word(j)) and _cap(head) \
                and not re.fullmatch(r"(19|20)\d\d", self.word(j)):
            return self._mention(i, j + 1, kind, head, None, None, None)  # "Đề án 844"
        if self.word(j) in ('"', "“") and kind in ("Program", "Event"):
            close = next((k for k in range(j + 1, min(len(self.tokens), j + 40))
                          if self.word(k) in ('"', "”")), None)
            if close is not None and close > j + 1:
                return self._mention(i, close + 1, kind, head, None, None, None)  # Đề án "..."
        while j < len(self.tokens) and j - start_j < 22:
            w = self.word(j)
            place = self.place_at(j, allow_unknown=False)
            if place and not (kind == "Event" and w in ("Đông", "Tây")):
                locality, loc_start = place, j
                j = place[1]
                if self.word(j) in ("và", "-", "–", "với") and self.place_at(j + 1) \
                        and (event_between or kind in ("Event", "Program") or self.word(j) != "và"):
                    j = self.place_at(j + 1)[1]  # "Đà Nẵng – Incheon", "Daegu-Gyeongbuk": between two
                    locality = None
                    loc_start = None
                    paired = True
                if kind in ("Event", "Program"):
                    j, year = self._period(j, year)
                break
            if w in ("Thành", "thành") and self.word(j + 1) == "phố" and kind in ("Program", "Event"):
                j += 2
                continue
            if w == "giai" and self.word(j + 1) == "đoạn" and re.fullmatch(r"(19|20)\d\d", self.word(j + 2)):
                j += 2
                continue
            if kind in ("Event", "Program") and w in ("năm", "đến") and j > start_j:
                nj, year_found = self._period(j, year)
                if nj > j:
                    j, year = nj, year_found
                    break
            if w == "cho" and kind == "Program" and self.term(j + 1, _domain()):
                j += 1  # "Chương trình Kết nối vốn đầu tư cho doanh nghiệp ..."
                continue
            if w in ("-", "–") and j > start_j and self.term(j + 1, _domain()) and not _cap(self.word(j + 1)):
                j += 1  # "Trung tâm Hợp tác công nghiệp – học thuật"
                continue
            if w == "và" and head in lx.BOARD_HEADS and self.word(j + 1) == "các" and self.head_at(j + 2):
                j = self.head_at(j + 2)[1]  # "Ban quản lý Khu công nghệ cao và các khu công nghiệp Đà Nẵng"
                continue
            if re.fullmatch(r"(19|20)\d\d", w) and kind in ("Event", "Program"):
                if self.word(j + 1) in ("-", "–") and re.fullmatch(r"(19|20)\d\d", self.word(j + 2)):
                    j += 3
                else:
                    year = w
                    j += 1
                break
            if w == "và":
                nxt = self.word(j + 1)
                joins = self.term(j + 1, _domain()) or _is_acronym(nxt) or _cap(nxt) and (
                    _cap(self.word(j + 2)) or self.term(j + 2, _domain()) or self.place_at(j + 2)
                    or not self.word(j + 2).isalpha())  # not "... và Cảng hàng không"
                if joins and not self._new_head(j + 1) and not self.place_at(j + 1) and nxt not in lx.HONORIFICS:
                    j += 1
                    continue
                break
            if w in ("giữa",) and kind == "Event":
                event_between = True
                j += 1
                continue
            term = self.term(j, _domain()) or (kind == "Event" and self.term(j, _event_terms()))
            if term and not (j > start_j and self._new_head(j)):
                j = term
                continue
            if before_name and j > start_j and self._person_starts(j):
                break
            if _is_acronym(w) or (_cap(w) and w not in lx.HONORIFICS and not self._new_head(j)
                                  and not self._title_at(j)):
                opens = _cap(w) and (j == name_from or not _cap(self.word(j - 1)))
                j = word_end(self.words, j) if opens else j + 1  # "Ngoại giao", "Hàn lâm"
                continue
            if w in ("-", "–") and self.word(j - 1) in lx.NATIONALITIES and self.word(j + 1) in lx.NATIONALITIES:
                j += 2  # "Trường Đại học Việt - Đức": a name of two nations
                continue
            if w in ("-", "–") and kind == "Event" and event_between:
                j += 1
                continue
            break
        while j > start_j and self.word(j - 1) in ("và", "-", "–", "giữa", "của", "cho"):
            j -= 1
        of_context = False
        if locality is None:
            for n in (2, 1):  # a trailing "thành phố" / "tỉnh" is the context's locality, not the name
                if j - n > start_j and self._generic_locality(j - n) == n:
                    j -= n
                    of_context = True
                    break
        n_words = j - start_j
        if n_words == 0 and head not in lx.SERIES_HEADS:
            return None
        proper = any((_cap(t.text) or _is_acronym(t.text)) and t.text not in lx.ABBREVIATIONS
                     for t in self.tokens[start_j:j])
        if needs_proper and locality is None and not paired and not proper:
            return None  # "Văn phòng đầu tư ..." is a name only with its locality or a proper word
        if kind == "Park" and not (proper or locality):
            return None
        if lower_head:
            if self.word(i - 1).lower() in _PLURAL or re.fullmatch(r"\d+", self.word(i - 1)):
                return None
            if kind in ("Event", "Program") and not (proper or event_between) and n_words < 3:
                weak = n_words >= 2
                if not weak:
                    return None
                m = self._mention(i, j, kind, head, locality, loc_start, year)
                m.weak = True
                return m
        if self.span(i, j) in lx.GENERIC_NAMES:
            return None  # "Ban Tổ chức": every event has one
        m = self._mention(i, j, kind, head, locality, loc_start, year)
        m.of_context = of_context
        return m

    def _named_by_acronym(self, j: int) -> int | None:
        """End of a name written in lower-case words up to a bracketed acronym, or None.

        Only where the head is followed by a lower-case word, which otherwise ends a name; the words
        up to the bracket must read as a name's (no verb or determiner of the sentence).
        """
        if not (self.word(j).isalpha() and self.word(j).islower()):
            return None
        k = j
        while k < len(self.tokens) and k - j < 14 and self.word(k).isalpha() \
                and self.word(k).lower() not in lx.CLAUSE_WORDS and not (k > j and self._new_head(k)):
            k += 1
        after = self.word(k + 1)
        if self.word(k) == "(" and self.word(k + 2) == ")" and _ACRONYM.match(after) \
                and after not in lx.ABBREVIATIONS and fuzzy_place(after) is None:
            return k
        return None

    def _period(self, j: int, year: str | None) -> tuple[int, str | None]:
        """Absorb what dates a programme or edition after its name: "năm 2024", "đến năm 2025",
        "giai đoạn 2024-2030", a bare year."""
        w = self.word
        yr = re.compile(r"(19|20)\d\d")
        if w(j) == "đến" and w(j + 1) == "năm" and yr.fullmatch(w(j + 2)):
            return j + 3, year
        if w(j) == "giai" and w(j + 1) == "đoạn" and yr.fullmatch(w(j + 2)):
            k = j + 3
            if w(k) in ("-", "–") and yr.fullmatch(w(k + 1)):
                k += 2
            return k, year
        if w(j) == "năm" and yr.fullmatch(w(j + 1)) and w(j + 2) not in ("-", "–"):
            return j + 2, w(j + 1)
        if yr.fullmatch(w(j)) and w(j + 1) not in ("-", "–"):
            return j + 1, w(j)
        return j, year

    def _mention(self, i: int, j: int, kind: str, head: str, locality, loc_start, year) -> Mention:
        text = self.span(i, j)
        core_end = loc_start if loc_start is not None else j
        core = self.span(i, core_end) if core_end > i else head
        if year and core.endswith(year):
            core = core[: -len(year)].rstrip()
            core = core[:-4].rstrip() if core.endswith(" năm") else core
        place = locality[0] if locality else None
        m = Mention(self.tokens[i].start, self.tokens[j - 1].end, text, kind, head=head, core=core,
                    locality=place, year=year, confidence=0.85)
        if locality:
            m.locality_text = self.span(loc_start, locality[1])
            if place.kind == "City":
                self.last_city.append(place)
        return m

    def _title_at(self, i: int) -> list[tuple[str, int]]:
        return self.match(i, _titles())


def _person_name(s: Sentence, i: int, surname_first: bool = False) -> int | None:
    """End token of a person's name starting at ``i`` ("Lê Thanh Minh", "Maeng, Gyeong - Jae")."""
    j = i
    while j < len(s.tokens) and j - i < 5:
        w = s.word(j)
        if not _cap(w) or w in lx.NOT_NAME_WORDS and j > i or s._title_at(j) or s._new_head(j) \
                or (w in lx.HONORIFICS and j > i):
            break
        if s.place_at(j) and j == i and not surname_first:
            return None
        j += 1
        if s.word(j) == "-" and s.tokens[j].start == s.tokens[j - 1].end and j + 1 < len(s.tokens) \
                and s.tokens[j + 1].start == s.tokens[j].end and s.word(j + 1).isalpha():
            j += 2  # "Sang-woo", "Ilkka-Pekka": one given name, written without spaces
            continue
        if s.word(j) == "." and len(s.word(j - 1)) == 1 and s.word(j - 1).isupper() and j - i >= 2 \
                and _cap(s.word(j + 1)) and s.word(j + 1).isalpha():
            j += 1  # "Kurt M. Campbell": a middle initial
            continue
        if s.word(j) == "," and j - i == 1 and _cap(s.word(j + 1)) and not s._title_at(j + 1) \
                and s.word(i) not in lx.SURNAMES and not s._new_head(j + 1):
            j += 1
        elif s.word(j) in ("-", "–") and _cap(s.word(j + 1)) and not s._title_at(j + 1) \
                and not s._new_head(j + 1) and s.word(j + 2) in ("-", "–", ",", ".", "", "cho", "nói"):
            j += 1
        elif s.word(j) in ("-", "–") and _cap(s.word(j + 1)) and not s._title_at(j + 1) \
                and not s._new_head(j + 1) and s.word(j + 2) and not _cap(s.word(j + 2)):
            j += 1
    if j == i or s.word(j - 1) in (",", "-", "–"):
        return None
    if surname_first and s.word(i) not in lx.SURNAMES:
        return None
    return j


def _company_then_person(s: Sentence, i: int) -> tuple[Mention, int, int] | None:
    """"(Chủ tịch) tập đoàn X Global John Smith": a company named after its common noun, then a
    foreign person's name, both in capitals. The person is the last two words (three with a middle
    initial); the company is what stands before, as (company, person start, person end)."""
    named = _described_name(s, i)
    if named is None or len(named[0]) != 1:
        return None
    end = named[1]
    while end < len(s.tokens) and _cap(s.word(end)) and s.word(end).isalpha() and end - i < 8:
        end += 1  # the person's name may go on after the company's four words
    first = _token_after(s, named[0][0].start)
    words = [k for k in range(first, end) if s.word(k) != "."]
    n = 3 if len(words) >= 4 and len(s.word(words[-2])) == 1 else 2
    if len(words) < n + 1 or not all(s.word(k).isascii() for k in words[-n:]) \
            or s.word(words[-n]) in lx.SURNAMES or s.word(words[-n]) in lx.NOT_NAME_WORDS:
        return None
    p_start = words[-n]
    toks = s.tokens
    company = named[0][0]
    company = Mention(company.start, toks[p_start - 1].end, s.span(first, p_start), company.kind,
                      core=s.span(first, p_start), confidence=0.7)
    return company, p_start, end


def _titled_name(s: Sentence, i: int) -> int | None:
    """End of a person's name written straight after a title, or None.

    A Vietnamese name opens with a family name ("Nguyễn Văn A"); a foreign one is a run of two to
    four capitalised words that are neither a place, a body nor a known word of a sentence
    ("Donald Trump", "Kurt M. Campbell").
    """
    end = _person_name(s, i, surname_first=s.word(i) in lx.SURNAMES)
    if not end or end - i < 2:
        return None
    if s.word(i) not in lx.SURNAMES and any(s.place_at(k) or s.head_at(k) or s.word(k) in lx.NOT_NAME_WORDS
                                            or s.word(k) in lx.SURNAMES or _ACRONYM.match(s.word(k))
                                            for k in range(i, end)):
        return None  # "Giám đốc NIC Phạm Văn A": a body, then the name, read by the role rules
    return end


def person_name(surface: str) -> str:
    """The display form of a person's name: Korean commas dropped, hyphenated given names joined."""
    text = re.sub(r"\s*,\s*", " ", surface)
    text = re.sub(r"\s*[-–]\s*", "-", text)
    return " ".join(text.split())


@dataclass
class Role:
    """A person's title at a body, read from an apposition or a title before the name."""

    person: Mention
    body: Mention
    title: str


def find_mentions(s: Sentence, refs: dict[tuple[str, ...], str]) -> tuple[list[Mention], list[Role]]:
    """Every mention in the sentence, and the roles read from titles.

    ``refs`` maps token sequences of names already known in the article (acronyms, short
    forms) to the kind they refer to, so that "IIA" alone is found after "... (IIA)".
    """
    out: list[Mention] = []
    roles: list[Role] = []
    taken: set[int] = set()
    toks = s.tokens
    ref_table = _by_first(refs.items()) if refs else {}

    def claim(m: Mention, i: int, j: int) -> Mention:
        out.append(m)
        taken.update(range(i, j))
        return m

    def token_index(offset: int) -> int:
        for k, t in enumerate(toks):
            if t.start >= offset:
                return k
        return len(toks)

    for m in _NUMBERED.finditer(s.text):
        i, j = token_index(m.start()), token_index(m.end())
        number = m.group(2)
        claim(Mention(m.start(), m.end(), m.group(), "Program", head=m.group(1),
                      core=f"{m.group(1)} {number}", aliases=[number], confidence=0.9), i, j)
    for m in _CAPS_EVENT.finditer(s.text):
        i, j = token_index(m.start()), token_index(m.end())
        if any(k in taken for k in range(i, j)) or all(w in lx.ABBREVIATIONS for w in m.group(1).split()):
            continue
        claim(Mention(m.start(), m.end(), m.group(), "Event", core=m.group(1), year=m.group(2),
                      confidence=0.85), i, j)

    def known_body(k: int) -> tuple[Mention, int] | None:
        """A body the article already defined by a short name ("Chủ tịch ITP", "Giám đốc NIC")."""
        hit = s.match(k, ref_table)
        if hit and hit[0][0] not in ("Person", "Event", "Program") and not s.body_at(k):
            end = hit[0][1]
            return Mention(toks[k].start, toks[end - 1].end, s.span(k, end), hit[0][0], weak=True,
                           confidence=0.75), end
        return None

    def role_after(person: Mention, j: int) -> int:
        """Read "(TITLE BODY)", "– TITLE BODY", ", TITLE BODY, TITLE BODY" after a name."""
        bracket = s.word(j) == "("
        if s.word(j) in ("(", "-", "–", ","):
            k = j + 1
            while True:
                got = read_role(person, k)
                if not got:
                    break
                k = got
                if s.word(k) == "," and s._title_at(k + 1):
                    k += 1
                    continue
                break
            if k > j + 1:
                if bracket and s.word(k) == ")":
                    k += 1
                return k
        return j

    def role_body(person: Mention, title: str, body: Mention, after: int, end: int) -> int:
        body.role = True
        claim(body, after, end)
        roles.append(Role(person, body, title))
        return end

    def read_role(person: Mention, k: int) -> int | None:
        for title, after in s._title_at(k):
            got = known_body(after)
            if got is None and s.word(after) != "của":  # "Giám đốc khu vực Đông Dương của X"
                of = next((n for n in range(after, min(after + 6, len(toks))) if s.word(n) == "của"), None)
                if of is not None and not any(s.word(n) in (",", ".", ";", "(") for n in range(after, of)):
                    got = known_body(of + 1) or (lambda b: b and (b, token_index(b.end)))(s.body_at(of + 1))
                    title = s.span(k, of) if got else title
            if got is not None:
                return role_body(person, title, got[0], after, got[1])
            local = s.head_at(after)
            if local and local[0] in lx.LOCAL_HEADS and s.body_at(after) is None and not _cap(s.word(local[1])) \
                    and not _is_acronym(s.word(local[1])):
                same = [m for m in out if m.head == local[0] and m.kind == "Agency"]
                if same:  # "Giám đốc Sở": the department the sentence has just named
                    taken.update(range(after, local[1]))
                    roles.append(Role(person, same[-1], title))
                    return local[1]
            body = s.body_at(after)
            if body is not None and body.kind not in ("Event", "Program"):
                end = token_index(body.end)
                body.role = True
                claim(body, after, end)
                roles.append(Role(person, body, title))
                return end
            place = s.place_at(after)
            if place is not None:
                end = place[1]
                pm = Mention(toks[after].start, toks[end - 1].end, s.span(after, end), place[0].kind,
                             place=place[0], role=True, confidence=0.9)
                claim(pm, after, end)
                roles.append(Role(person, pm, title))
                if s.word(end) == "tại" and s.place_at(end + 1):
                    end = s.place_at(end + 1)[1]  # "Đại sứ Israel tại Việt Nam": where the post is
                return end
        return None

    i = 0
    while i < len(toks):
        if i in taken:
            i += 1
            continue
        w = toks[i].text
        # people: honorific + name, with any role after it
        if w in lx.HONORIFICS and _cap(s.word(i + 1)):
            end = _person_name(s, i + 1)
            if end:
                name = s.span(i + 1, end)
                p = claim(Mention(toks[i + 1].start, toks[end - 1].end, name, "Person",
                                  aliases=[s.span(i, end)], weak=end - (i + 1) == 1, confidence=0.9),
                          i, end)
                i = role_after(p, end)
                continue
        # title + body + name: "Phó Chủ tịch UBND TP. Hải Phòng Lê Khắc Nam"
        titles = s._title_at(i)
        if titles and _cap(w):
            done = False
            for title, after in titles:
                body = s.body_at(after)
                if body is not None and not _person_name(s, token_index(body.end), surname_first=True):
                    body = s.body_at(after, before_name=True) or body
                if body is None:
                    place = s.place_at(after)
                    if place is None:
                        continue
                    end = place[1]  # "Phó Thống đốc tỉnh Fukuoka Tanaka Hiroshi"
                    n_end = _person_name(s, end)
                    if not n_end or n_end - end < 2:
                        continue
                    pm = claim(Mention(toks[after].start, toks[end - 1].end, s.span(after, end), place[0].kind,
                                       place=place[0], role=True, confidence=0.9), after, end)
                    p = claim(Mention(toks[end].start, toks[n_end - 1].end, s.span(end, n_end), "Person",
                                      confidence=0.8), end, n_end)
                    roles.append(Role(p, pm, title))
                    i = n_end
                    done = True
                    break
                b_end = token_index(body.end)
                n_end = _person_name(s, b_end, surname_first=True)
                if n_end:
                    body.role = True
                    claim(body, after, b_end)
                    p = claim(Mention(toks[b_end].start, toks[n_end - 1].end, s.span(b_end, n_end),
                                      "Person", confidence=0.8), b_end, n_end)
                    roles.append(Role(p, body, title))
                    i = n_end
                    done = True
                    break
            if done:
                continue
            title, after = titles[0]
            split = _company_then_person(s, after)
            if split is not None:
                company, p_start, n_end = split
                out.append(company)
                company.role = True
                p = claim(Mention(toks[p_start].start, toks[n_end - 1].end, s.span(p_start, n_end), "Person",
                                  confidence=0.75), after, n_end)
                roles.append(Role(p, company, title))
                i = n_end
                continue
            n_end = _titled_name(s, after)
            if n_end:  # "Thủ tướng Nguyễn Văn A", "Tổng thống John Smith": the office, then the name
                p = claim(Mention(toks[after].start, toks[n_end - 1].end, s.span(after, n_end), "Person",
                                  aliases=[s.span(i, n_end)], confidence=0.8), after, n_end)
                if lx.TITLE_HOLDS.get(title) == "country" and s.word(after) in lx.SURNAMES:
                    home = known_place(lx.HOME_COUNTRY)
                    roles.append(Role(p, Mention(toks[i].start, toks[after - 1].end, home.name, home.kind,
                                                 place=home, role=True, confidence=0.8), title))
                i = n_end
                continue
        # a bare name with a role after it: "Nguyễn Văn A, Giám đốc Sở ..."
        if w in lx.SURNAMES and (i == 0 or not _cap(s.word(i - 1))):
            end = _person_name(s, i, surname_first=True)
            if end and end - i >= 2 and s.word(end) in (",", "(", "–", "-"):
                k = end + 1
                if s._title_at(k):
                    p = claim(Mention(toks[i].start, toks[end - 1].end, s.span(i, end), "Person",
                                      confidence=0.75), i, end)
                    i = role_after(p, end)
                    continue
        named = _described_name(s, i)
        if named is not None:
            ms, end = named
            for m in ms:
                out.append(m)
            taken.update(range(i, end))
            i = end
            continue
        body = s.body_at(i)
        if body is not None:
            j = token_index(body.end)
            claim(body, i, j)
            i = j
            continue
        # "Chungbuk Technopark", "Pohang Technopark"
        run = i
        while run < len(toks) and run - i < 3 and _cap(s.word(run)) and s.word(run) not in lx.NOT_NAME_WORDS:
            run += 1
        suffix = next((sfx for sfx in lx.PARK_SUFFIXES if run > i and s.seq(run, _words(sfx))), None)
        if suffix and not s.place_at(i):
            k = run + len(_words(suffix))
            claim(Mention(toks[i].start, toks[k - 1].end, s.span(i, k), "Park", head=suffix, core=s.span(i, k),
                          confidence=0.8), i, k)
            i = k
            continue
        place = s.place_at(i)
        if place is not None:
            end = place[1]
            suffix = next((sfx for sfx in lx.PARK_SUFFIXES if s.seq(end, _words(sfx))), None)
            if suffix:
                k = end + len(_words(suffix))
                claim(Mention(toks[i].start, toks[k - 1].end, s.span(i, k), "Park", head=suffix,
                              core=s.span(i, k), locality=place[0], locality_text=s.span(i, end),
                              confidence=0.85), i, k)
                i = k
                continue
            pm = Mention(toks[i].start, toks[end - 1].end, s.span(i, end), place[0].kind, place=place[0],
                         confidence=0.9)
            claim(pm, i, end)
            if place[0].kind == "City":
                s.last_city.append(place[0])
            i = end
            continue
        # references to names the article already gave: "IIA", "FLY ASIA", "H.OIP"
        hit = s.match(i, ref_table)
        if hit:
            kind, end = hit[0]
            n = end - i
            claim(Mention(toks[i].start, toks[i + n - 1].end, s.span(i, i + n), kind, weak=True,
                          confidence=0.75), i, i + n)
            i += n
            continue
        # "Thành phố đã ...", "tỉnh đã cử ...": the city the article is about, or the last one named
        pronoun = _pronoun_at(s, i)
        if pronoun:
            place, n = pronoun
            claim(Mention(toks[i].start, toks[i + n - 1].end, s.span(i, i + n), "City", place=place,
                          pronoun=True, confidence=0.6), i, i + n)
            i += n
            continue
        i += 1
    out.sort(key=lambda m: m.start)
    inside = _bracket_aliases(s, out)
    out = [m for m in out if not any(m is x for x in inside)]
    return _bracket_names(s, out), roles


def _described_name(s: Sentence, i: int) -> tuple[list[Mention], int] | None:
    """"startup MoMo", "quỹ đầu tư mạo hiểm ThinkZone": companies named after their common noun.

    A list after the noun names one company each, all of the noun's kind: "các doanh nghiệp như
    A, B và C", "các hãng hàng không A, B": the noun may carry a few describing words and "như"
    or "gồm" before the list.
    """
    if _cap(s.word(i)) and (i > 0 or s.body_at(i) is not None):
        return None  # a capitalised head is a full name ("Quỹ Đổi mới ..."), read by body_at
    if _cap(s.word(i + 1)) and s.body_at(i + 1) is not None:
        return None  # "trường Đại học X": the name is "Đại học X", read by body_at at the next word
    for words, kind in _descriptors().get(s.word(i).lower(), ()):
        if tuple(w.lower() for w in s.words[i:i + len(words)]) != words:
            continue
        j = i + len(words)
        for _ in range(3):  # "startup nông nghiệp thông minh FarmX"
            nxt = s.term(j, _domain())
            if nxt is None or _cap(s.word(j)):
                break
            j = nxt
        listed = False
        intro = next((k for k in range(j, min(j + 5, len(s.tokens))) if s.word(k) in lx.LIST_INTRODUCERS), None)
        if intro is not None and all(s.word(k).isalpha() and s.word(k).islower() for k in range(j, intro)):
            j, listed = intro + 1, True
        names: list[Mention] = []
        place = s.place_at(j)
        if place and place[0].kind == "Country" and _cap(s.word(place[1])) and not s._new_head(place[1]) \
                and not s.span(j, place[1]).isascii():
            j = place[1]  # "quỹ đầu tư Nhật Bản X": the country says where the fund is from ("Vietnam Airlines" is a name)
        while True:
            k = _described_end(s, j)
            if k == j or s.span(j, k) in lx.NATIONALITIES:
                break
            toks = s.tokens
            names.append(Mention(toks[j].start, toks[k - 1].end, s.span(j, k), kind, core=s.span(j, k),
                                 aliases=[] if names or listed else [s.span(i, k)], confidence=0.75))
            sep = 2 if s.word(k) == "," and s.word(k + 1) in lx.LIST_JOINERS else 1
            if not (s.word(k) == "," or s.word(k) in lx.LIST_JOINERS) or not _cap(s.word(k + sep)):
                j = k
                break
            j = k + sep
        if not names:
            return None
        return names, _token_after(s, names[-1].end)
    return None


def _token_after(s: Sentence, offset: int) -> int:
    return next((k for k, t in enumerate(s.tokens) if t.start >= offset), len(s.tokens))


def _described_end(s: Sentence, j: int) -> int:
    """End of a company's own name at ``j``: proper words, read to the end of their Vietnamese word."""
    k = j
    while k < len(s.tokens) and k - j < 4:
        w = s.word(k)
        place = s.place_at(k)
        if place and _cap(s.word(place[1])) and not s.place_at(place[1]) and not s._new_head(place[1]):
            k = place[1]  # "Fukuoka Growth Next": a place opening a longer proper name
            continue
        proper = (_cap(w) or any(c.isupper() for c in w[1:]) or (w[:1].isdigit() and k == j
                                                                 and _cap(s.word(k + 1))))
        if not proper or w in lx.HONORIFICS or w in lx.NOT_NAME_WORDS or s.place_at(k) or s._new_head(k) \
                or w in lx.ABBREVIATIONS or w in lx.GENERIC_ACRONYMS:
            break
        k = word_end(s.words, k) if k == j or not _cap(s.word(k - 1)) else k + 1
    return k


def _pronoun_at(s: Sentence, i: int) -> tuple[lx.Place, int] | None:
    w = s.word(i)
    n = 2 if w in ("Thành", "thành") and s.word(i + 1) == "phố" else 1 if w in ("tỉnh", "Tỉnh") else 0
    if not n or s.place_at(i):
        return None
    before = s.word(i - 1)
    if i > 0 and before not in (",", ":", "“", '"', "(") and before.lower() not in ("của",):
        return None
    if s.word(i + n) not in _PRONOUN_FOLLOW:
        return None
    if n == 2:
        return (s.locality, n) if s.locality else None
    return (s.last_city[-1], n) if s.last_city else None


_ENGLISH = re.compile(r"\s*\(\s*([A-Z][A-Za-z0-9&.'’]*(?:[ -](?:[A-Z][A-Za-z0-9&.'’]*|of|and|for|the|in|on))+)"
                      r"(?:\s*[-–]\s*([A-Z][A-Za-z0-9&.]*[A-Z0-9]))?\s*\)")


def _english_name(s: Sentence, m: Mention) -> tuple[int, list[str]] | None:
    """"X (Incheon Technopark - ITP)", "X (Enterprise Singapore)": X's English name (and acronym)
    in brackets, as the end of the bracket and the names."""
    b = _ENGLISH.match(s.text[m.end:])
    if not b or not b.group(1).isascii() or known_place(b.group(1)):
        return None
    names = [b.group(1)] + ([b.group(2)] if b.group(2) else [])
    return m.end + b.end(), names


def _bracket_aliases(s: Sentence, mentions: list[Mention]) -> list[Mention]:
    """"X (ABC)", "X (nền tảng ABC)", "X (ABC Incheon)", "X (ABC, Hàn Quốc)" and "X (English Name)":
    the bracketed acronym or English name is another name of X; mentions read inside it go."""
    inside: list[Mention] = []
    for m in mentions:
        if m.kind in ("City", "Country", "Person") or any(m is x for x in inside):
            continue
        english = _english_name(s, m)
        if english is not None:
            end, names = english
            m.aliases += names
            inside += [x for x in mentions if x.start > m.end and x.end <= end]
            continue
        rest = s.text[m.end:]
        b = re.match(r"\s*\(\s*((?:[^\W\d][\w]*\s+){0,3}?)([A-ZĐ][\w.&-]*[A-Za-z0-9])"
                     r"((?:\s+[A-ZĐ][\w]+){0,2})\s*(?:\)|,[^()]*\))", rest)
        if not b:
            continue
        acronym = b.group(2)
        if not _ACRONYM.match(acronym) or fuzzy_place(acronym) or acronym in lx.ABBREVIATIONS:
            continue
        if b.group(3).strip():  # "CCEI Incheon": the acronym is shared, the full form is the name
            m.aliases.append(f"{acronym}{b.group(3)}")
            inside += [x for x in mentions if x.start > m.end and x.end <= m.end + b.end()
                       and x.kind in ("City", "Country")]
            continue
        m.aliases.append(acronym)
        if b.group(1).strip():
            m.aliases.append(f"{b.group(1).strip()} {acronym}")
        m.aliases.append(f"{m.text} ({acronym})")
    return inside


def _bracket_names(s: Sentence, mentions: list[Mention]) -> list[Mention]:
    """"FLY ASIA 2024 (Lễ hội khởi nghiệp châu Á)": a bracketed name of the same kind is an alias."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        parent = m.kind in ("Agency", "Organization") and prev is not None and prev.head and m.head \
            and fold(prev.head) != fold(m.head)  # "Trung tâm X (Đại học Y)": Y is where X belongs
        if prev is not None and prev.kind == m.kind and m.kind not in ("City", "Country", "Person") \
                and not parent and re.fullmatch(r"\s*\(\s*", s.text[prev.end:m.start]) \
                and s.text[m.end:].lstrip().startswith(")"):
            prev.aliases.append(m.text)
            continue
        out.append(m)
    return out


def article_locality(text: str) -> lx.Place | None:
    """The Vietnamese city or province the article is mostly about (the most named one)."""
    counts: dict[str, tuple[int, lx.Place]] = {}
    s = Sentence(text, None, [])
    i = 0
    while i < len(s.tokens):
        place = s.place_at(i)
        if place is None:
            i += 1
            continue
        if place[0].kind == "City":
            n, _ = counts.get(place[0].name, (0, place[0]))
            counts[place[0].name] = (n + (2 if place[0].country == "Việt Nam" else 1), place[0])
        i = place[1]
    if not counts:
        return None
    return max(counts.values(), key=lambda c: c[0])[1]
