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
                           "Lãnh sự quán", "Đại học", "Học viện", "Hiệp hội", "Vườn ươm"})


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
    return _by_first((_words(h), h) for h in _HEAD_KIND)


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

    def body_at(self, i: int) -> Mention | None:
        """A named body, event or programme whose head starts at token ``i``."""
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
        if head in lx.STANDALONE_HEADS:
            place = self.place_at(j)
            if place:
                locality, loc_start, j = place, j, place[1]
            elif self.word(j) in ("TP", "TP.", "Tp.", "thành phố", "Thành phố", "tỉnh") \
                    and not _cap(self.word(j + 1)) or self.word(j) in ("TP", "TP.") and \
                    self.word(j + 1) in lx.SURNAMES:
                j += 1  # "UBND TP Lê Khắc Nam": the city of the context
            return self._mention(i, j, kind, head, locality, loc_start, year)
        needs_proper = False
        if head in _NEEDS_PROPER or (kind in ("Organization", "Agency", "Fund") and not lower_head):
            nxt = self.word(j)
            if nxt in ("Ông", "Bà") or not (_cap(nxt) or _is_acronym(nxt) or self.term(j, _domain())):
                return None
            needs_proper = not (_cap(nxt) or _is_acronym(nxt))
        if self.word(j) == "số" and self.word(j + 1)[:1].isdigit():
            return None  # numbered instruments are read by their own pattern
        while j < len(self.tokens) and j - start_j < 22:
            w = self.word(j)
            place = self.place_at(j, allow_unknown=False)
            if place and not (kind == "Event" and w in ("Đông", "Tây")):
                locality, loc_start = place, j
                j = place[1]
                if (event_between or kind == "Event") and self.word(j) in ("và", "-", "–", "với") \
                        and self.place_at(j + 1):
                    j = self.place_at(j + 1)[1]
                    locality = None
                    loc_start = None
                if kind in ("Event", "Program") and re.fullmatch(r"(19|20)\d\d", self.word(j)):
                    year = self.word(j)
                    j += 1
                break
            if w in ("Thành", "thành") and self.word(j + 1) == "phố" and kind in ("Program", "Event"):
                j += 2
                continue
            if w == "giai" and self.word(j + 1) == "đoạn" and re.fullmatch(r"(19|20)\d\d", self.word(j + 2)):
                j += 2
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
                if (_cap(nxt) or _is_acronym(nxt) or self.term(j + 1, _domain())) and not self._new_head(j + 1) \
                        and not self.place_at(j + 1) and nxt not in lx.HONORIFICS:
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
            if _is_acronym(w) or (_cap(w) and w not in lx.HONORIFICS and not self._new_head(j)
                                  and not self._title_at(j)):
                j += 1
                continue
            if w in ("-", "–") and kind == "Event" and event_between:
                j += 1
                continue
            break
        while j > start_j and self.word(j - 1) in ("và", "-", "–", "giữa", "của"):
            j -= 1
        n_words = j - start_j
        if n_words == 0 and head not in lx.SERIES_HEADS:
            return None
        if needs_proper and locality is None:
            return None  # "Văn phòng đầu tư ..." is a name only with its locality
        proper = any((_cap(t.text) or _is_acronym(t.text)) and t.text not in lx.ABBREVIATIONS
                     for t in self.tokens[start_j:j])
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
        return self._mention(i, j, kind, head, locality, loc_start, year)

    def _mention(self, i: int, j: int, kind: str, head: str, locality, loc_start, year) -> Mention:
        text = self.span(i, j)
        core_end = loc_start if loc_start is not None else j
        core = self.span(i, core_end) if core_end > i else head
        if year and core.endswith(year):
            core = core[: -len(year)].rstrip()
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

    def read_role(person: Mention, k: int) -> int | None:
        for title, after in s._title_at(k):
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
                if body is None:
                    continue
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
            m, end = named
            claim(m, i, end)
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
    _bracket_aliases(s, out)
    return _bracket_names(s, out), roles


def _described_name(s: Sentence, i: int) -> tuple[Mention, int] | None:
    """"startup MoMo", "quỹ đầu tư mạo hiểm ThinkZone": a company named after its common noun."""
    if _cap(s.word(i)) and (i > 0 or s.body_at(i) is not None):
        return None  # a capitalised head is a full name ("Quỹ Đổi mới ..."), read by body_at
    for words, kind in _descriptors().get(s.word(i).lower(), ()):
        if tuple(w.lower() for w in s.words[i:i + len(words)]) != words:
            continue
        j = k = i + len(words)
        while k < len(s.tokens) and k - j < 4:
            w = s.word(k)
            proper = (_cap(w) or any(c.isupper() for c in w[1:]) or (w[:1].isdigit() and k == j
                                                                         and _cap(s.word(k + 1))))
            if not proper or w in lx.HONORIFICS or w in lx.NOT_NAME_WORDS or s.place_at(k) or s._new_head(k) \
                    or w in lx.ABBREVIATIONS:
                break
            k += 1
        if k == j or s.span(j, k) in lx.NATIONALITIES:
            return None
        toks = s.tokens
        m = Mention(toks[j].start, toks[k - 1].end, s.span(j, k), kind, core=s.span(j, k),
                    aliases=[s.span(i, k)], confidence=0.75)
        return m, k
    return None


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


def _bracket_aliases(s: Sentence, mentions: list[Mention]) -> None:
    """"X (ABC)" and "X (nền tảng ABC)": the bracketed acronym is another name of X."""
    for m in mentions:
        rest = s.text[m.end:]
        b = re.match(r"\s*\(\s*((?:[^\W\d][\w]*\s+){0,3}?)([A-ZĐ][\w.&-]*[A-Za-z0-9])\s*\)", rest)
        if not b or m.kind in ("City", "Country", "Person"):
            continue
        acronym = b.group(2)
        if not _ACRONYM.match(acronym) or fuzzy_place(acronym) or acronym in lx.ABBREVIATIONS:
            continue
        m.aliases.append(acronym)
        if b.group(1).strip():
            m.aliases.append(f"{b.group(1).strip()} {acronym}")
        m.aliases.append(f"{m.text} ({acronym})")


def _bracket_names(s: Sentence, mentions: list[Mention]) -> list[Mention]:
    """"FLY ASIA 2024 (Lễ hội khởi nghiệp châu Á)": a bracketed name of the same kind is an alias."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if prev is not None and prev.kind == m.kind and m.kind not in ("City", "Country", "Person") \
                and re.fullmatch(r"\s*\(\s*", s.text[prev.end:m.start]) \
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
