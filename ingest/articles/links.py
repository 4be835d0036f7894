"""Links of every ontology type from the cue words of one sentence, dated and with a status.

Vietnamese news states relations with a small set of verbs ("làm việc với", "ký kết ... với",
"phối hợp tổ chức", "tham dự"), a subject before them and an object after, and with the
shapes "giữa A và B", "A và B hợp tác", a bracketed place "(Hàn Quốc)" and a title
apposition. Each rule below reads one of those shapes; the subject is the nearest party before
the cue that is not itself an object or a modifier ("của X", "tại X").

The words are data: the cue phrases, their link types, directions, kinds and reach are rows of
``data/cues.tsv`` (``cues.py``), done vs planned is ``link_status.py``, which names may act is
``parties.py``, and the links names state without a verb are ``name_facts.py``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from graph.model import Link
from ingest.articles.cues import Cue, relation_cues, status_cues, words
from ingest.articles.dates import date_near, find_dates
from ingest.articles.entities import Mention, Role
from ingest.articles.link_status import during, looks_back, not_yet, status_of
from ingest.articles.name_facts import Known, stated
from ingest.articles.parties import (JOINT, LIST_GAP, MODIFIER_BEFORE, PLACE_OBJECT_GAP, TITLE_WORDS, acts, bare,
                                     blank, clause_before, place_tag)

_DATED = frozenset({"MET_WITH", "VISITED", "SIGNED_AGREEMENT_WITH", "COOPERATES_WITH", "ORGANIZED",
                    "PARTICIPATED_IN", "FOUNDED", "ACQUIRED", "INVESTED_IN"})
_TIMELESS = frozenset({"LOCATED_IN", "PART_OF", "HOLDS_ROLE"})
# Facts reported in passing: dated only by a date written with them, not by the article's event.
_FACTS = frozenset({"FOUNDED", "INVESTED_IN", "ACQUIRED"})
_BOTH_SIDES = re.compile(rf"(?<!\w)(?:{words('both_sides')})(?!\w)", re.IGNORECASE)
_PAIR_OPENER = re.compile(rf"^\s*(?:(?:{words('pair_opener')})\s+)*$", re.IGNORECASE)
_PASSIVE = re.compile(r"(?<!\w)(?:do|được)\s")
_EVENT_WORD = re.compile(rf"(?<!\w)(?:{words('event_anaphor')})(?!\w)", re.IGNORECASE)
# "Sự kiện do ...", "Chương trình do ...": the article's event or programme named before.
_ANAPHOR = re.compile(rf"^\s*(?:{words('event_anaphor')})(?: này)?\s*$", re.IGNORECASE)
_BELONGS = re.compile(r"(?<!\w)(?:trực thuộc|thuộc)\s+$")
_DELEGATION = re.compile(r"(?<!\w)[đĐ]oàn(?: công tác| đại biểu| doanh nghiệp)?(?: của)?\s*$")
_BARE_DELEGATION = re.compile(r"(?<!\w)[đĐ]oàn\s+(?!công tác|đại biểu|doanh nghiệp|[A-ZĐ(])")
_SHOW = re.compile(r"^\s*(?:trưng bày|giới thiệu sản phẩm|sự kiện|ngày hội)", re.IGNORECASE)
_ACTS_FOR = frozenset({"MET_WITH", "VISITED", "SIGNED_AGREEMENT_WITH", "COOPERATES_WITH", "PARTICIPATED_IN",
                       "ORGANIZED"})


# The end of a speaker's introduction: what follows is what they said, with its own subject.
_REPORTED = re.compile(rf"(?:{words('reported')})\s*(?:thêm\s*)?[,:]|:\s*[“\"]", re.IGNORECASE)
_WITH = re.compile(r"\s*(?:\([^)]*\)\s*)*(?:(?:đã|sẽ|cũng|đang|tiếp tục|cùng)\s+)*(?:phối hợp|cùng|hợp tác|liên kết)\s+với\s*")
_PAIR_WORDS = re.compile(words("pair_words"), re.IGNORECASE)
_SIGNING = re.compile(rf"(?<!\w)(?:{words('signing_words')})(?!\w)", re.IGNORECASE)
_BETWEEN = re.compile(r"giữa\s", re.IGNORECASE)
_PAIR_VERB = re.compile(r"^\s*(?:\([^)]*\)\s*)*(?:cũng |đã |sẽ |cùng |đang |thống nhất |tiếp tục )*"
                        r"(hợp tác|phối hợp|ký kết|ký(?! (?!Biên|Bản|Thỏa|Thoả|Hiệp|Hợp|Văn|MoU|MOU)(?-i:[A-ZĐ])))",
                        re.IGNORECASE)  # "ký" before a capitalised word is inside a name ("Lưu ký Chứng khoán")
_MEETING_START = re.compile(rf"^\s*(?:{words('meeting_start')})(?!\w)", re.IGNORECASE)
# "S đã làm việc với A, thăm B, gặp C": a verb right after the last one's object shares its subject.
_CHAINED = re.compile(r"^\s*(?:[,;]|và)\s*(?:(?:đã|sẽ|cũng|còn|rồi|đồng thời|tiếp tục|sau đó)\s+)*$", re.IGNORECASE)
# "A tiếp B, ..., đang thăm Việt Nam": the verb's subject is the object just named.
_RELATIVE = re.compile(r"(?<!\w)(?:đang|hiện đang|vừa)(?: có)?(?: chuyến| cuộc)?\s*$", re.IGNORECASE)
_NOMINAL = re.compile(rf"(?<!\w)(?:{words('nominal')})\s*$", re.IGNORECASE)
# "A có chuyến thăm X": the noun is A's; "A đánh giá chuyến thăm X": whose visit is not said.
_TAKES_NOMINAL = re.compile(rf"(?<!\w)(?:{words('nominal_taker')})\s+(?:(?:các|những|một)\s+)?$", re.IGNORECASE)
_NEGATED = re.compile(rf"(?<!\w)(?:{words('negation')})(?! chỉ| những)(?:\s+[^\W\d]+){{0,2}}\s*$", re.IGNORECASE)
_OWNER_AFTER = re.compile(rf"^\s*(?:\([^)]*\)\s*)?(?:[^\W\d]+\s+){{0,4}}?của\s+(?:(?:{TITLE_WORDS}|đoàn)\s*)*$",
                          re.IGNORECASE)
_LED_BY = re.compile(r"(?<!\w)do\s+(?:ông|bà|Ông|Bà)?\s*$")
_MEETING_MODIFIER = re.compile(r"(?:của|tại|ở|với|cho|vào|về|trong|từ)\s*$", re.IGNORECASE)


@dataclass
class ArticleContext:
    """What the link rules remember across one article's sentences."""

    doc: str
    date: str | None
    event_date: str | None
    event_dates: dict[str, str] = field(default_factory=dict)
    meeting: list[str] = field(default_factory=list)
    meeting_date: str | None = None
    roles: dict[str, Mention] = field(default_factory=dict)   # person -> the body they speak for
    delegation: Mention | None = None                        # the party last written "đoàn X"
    last_pair: list[str] = field(default_factory=list)       # the last signatories: "hai bên" after a signing
    last: dict[str, Mention] = field(default_factory=dict)   # kind -> last Event / Program named
    known: Known = field(default_factory=Known)               # names seen so far, for facts across sentences


class LinkReader:
    """Reads the links of one sentence at a time, with the article's context."""

    def __init__(self, ctx: ArticleContext):
        self.ctx = ctx
        self.links: list[Link] = []
        self.weight = 1.0
        self.plain = ""  # the sentence with its names blanked: "Bộ Kế hoạch" is no plan
        self.acted: tuple[int, list[Mention], list[Mention]] | None = None  # the sentence's last verb:
        # where its object ended, its subjects and its objects
        self.unread: list[int] = []  # where the sentence's verbs without a known object end

    def _add(self, type_: str, source: Mention, target: Mention, text: str, status: str = "done",
             date: str | None = None, confidence: float = 0.7, **props) -> None:
        if not source.entity or not target.entity or source.entity == target.entity:
            return
        if type_ in _TIMELESS:
            status, date = "done", None
        elif date and self.ctx.date and date[:len(self.ctx.date)] > self.ctx.date[:len(date)]:
            status = "planned"  # dated after the article: scheduled, not yet done
        if type_ == "SIGNED_AGREEMENT_WITH" and "Person" not in (source.kind, target.kind):
            self.ctx.last_pair = [source.entity, target.entity]
        self.links.append(Link(source.entity, target.entity, type_, self.ctx.doc, status, date,
                               text, round(confidence * self.weight, 2), {k: v for k, v in props.items() if v}))

    def _date(self, type_: str, text: str, at: int, target: Mention, status: str, spans) -> str | None:
        if type_ in _TIMELESS:
            return None
        found = date_near(blank(text, spans), self.ctx.date, at)
        if found:
            return found
        if target.kind == "Event" and target.entity in self.ctx.event_dates:
            return self.ctx.event_dates[target.entity]
        if status == "done" and type_ in _DATED and type_ not in _FACTS and not looks_back(text):
            if during(text) and self.ctx.event_date:
                return self.ctx.event_date[:7]  # some day of the visit: its month
            return self.ctx.event_date  # the article's own event, unless the sentence looks back
        return None

    # -- the sentence ---------------------------------------------------------------------
    def read(self, text: str, mentions: list[Mention], roles: list[Role], headline: bool = False) -> None:
        """Read one sentence; a headline's links weigh less (its bare verbs hide done vs planned)."""
        self.weight = 0.8 if headline else 1.0
        self.plain = blank(text, mentions)
        mentions = [m for m in mentions if m.entity]
        for r in roles:
            if r.person.entity and r.body.entity and r.body.kind not in ("Country",):
                self.ctx.roles.setdefault(r.person.entity, r.body)
        self._events(text, mentions)
        for f in stated(text, mentions, roles) + self.ctx.known.read(text, mentions, roles):
            self._add(f.type, f.source, f.target, f.evidence or text, confidence=f.confidence, title=f.title)
        used_objects: set[int] = set()
        self.acted = None
        self.unread = []
        covered = [(m.start, m.end) for m in mentions]
        pairs_done: set[tuple[str, str, str]] = set()
        forward = [cue for cue in relation_cues() if cue.direction == "forward"]
        hits = sorted(((hit.start(), n, cue, hit) for n, cue in enumerate(forward)
                       for hit in cue.pattern.finditer(text)), key=lambda h: (h[0], h[1]))
        read: list[tuple[str, int, int]] = []
        for start, _, cue, hit in hits:  # in reading order: an earlier verb's object is no later subject
            if any(a <= start < b for a, b in covered) or (start > 0 and text[start].isupper()):
                continue  # a capitalised verb inside a sentence is part of a name ("Ban Quản lý")
            if any(t == cue.type and a <= start < b for t, a, b in read):
                continue  # two rows reading the same words: the first one read them
            read.append((cue.type, start, hit.end()))
            if cue.unless is not None and cue.unless.search(clause_before(text, start, 50)) \
                    or _NEGATED.search(text[:start]):
                continue  # another cue owns the words, or the verb is negated ("dừng hoạt động phối hợp với")
            self._cue(cue, hit, text, mentions, used_objects, pairs_done)
        self._passive(text, mentions)
        self._reverse(text, mentions)
        self._pairs(text, mentions, pairs_done)
        self._both_sides(text, pairs_done)
        self._meeting(text, mentions)
        for m in mentions:
            if m.party and m.kind != "Person" and _DELEGATION.search(text[:m.start]):
                self.ctx.delegation = m
            if m.kind in ("Event", "Program"):
                self.ctx.last[m.kind] = m

    def _events(self, text: str, mentions: list[Mention]) -> None:
        """Remember each event's date: the year in its name, or a date given where it is held."""
        for m in mentions:
            if m.kind != "Event":
                continue
            found = date_near(text[m.end:m.end + 80], self.ctx.date, 0) if re.search(
                r"tổ chức|diễn ra|khai mạc", text[m.end:m.end + 60]) else None
            if found is None and re.search(r"khai mạc|diễn ra", text[:m.start]):
                days = [d for _, d in find_dates(text[:m.start], self.ctx.date) if len(d) == 10]
                found = days[-1] if days else None  # "Sáng 12/4, ... khai mạc E": the day it opened
            year = m.year
            best = self.ctx.event_dates.get(m.entity) or year
            if found and (not best or (found.startswith(best) and len(found) > len(best))):
                best = found
            if best:
                self.ctx.event_dates[m.entity] = best

    def _subjects(self, text: str, mentions: list[Mention], pos: int, cue: Cue, used: set[int]
                  ) -> list[Mention]:
        speech = [b.end() for b in _REPORTED.finditer(text[:pos])] + [b.end() for b in re.finditer(r"[*•]", text[:pos])]
        speech.sort()
        floor = speech[-1] if speech else 0
        before = [m for m in mentions if floor <= m.start and m.end <= pos and m.party
                  and (id(m) not in used or cue.type in ("ORGANIZED", "COOPERATES_WITH", "SIGNED_AGREEMENT_WITH"))
                  and m.kind in cue.subjects and not text[:m.start].rstrip().endswith("(")]
        before = [m for m in before if not place_tag(text, mentions, m)]
        plain = [m for m in before if acts(text, mentions, m)
                 and not re.search(r"(?:^|\s)của\s+(?:đoàn\s+)?(?:đại biểu\s+)?$", text[:m.start])]
        chosen = plain[-1] if plain else None
        if chosen is None:
            # "chính sách của TP. X ... xây dựng": X runs its policy; "doanh nghiệp của X tham dự": X does
            # not attend, only "đoàn công tác của X" acts for X
            owner = r"của\s*$" if cue.type not in _ACTS_FOR else \
                r"(?<!\w)(?:đoàn|phái đoàn|đại diện|lãnh đạo)(?: [^\W\d]+){0,2} của\s*$"
            owned = [m for m in before if re.search(owner, text[:m.start], re.IGNORECASE)]
            chosen = owned[-1] if owned else None
        if chosen is None:
            return []
        if chosen.kind == "Person" and _LED_BY.search(text[:chosen.start]) and "dẫn đầu" in text[chosen.end:pos]:
            led = [m for m in before if m.end < chosen.start and _DELEGATION.search(text[:m.start])]
            if led:  # "đoàn X do ông Y dẫn đầu đã đến thăm": the delegation visits, led by Y
                return [led[-1], chosen]
        out = [chosen]
        start = mentions.index(chosen)
        for step in (-1, 1):
            k = start
            while 0 <= k + step < len(mentions):
                a, b = (mentions[k + step], mentions[k]) if step < 0 else (mentions[k], mentions[k + step])
                other = mentions[k + step]
                if other.end > pos:
                    break
                if (JOINT.match(text[a.end:b.start]) or _WITH.fullmatch(text[a.end:b.start])) \
                        and other.party and other.kind in cue.subjects and acts(text, mentions, other, joined=True):
                    out.append(other)
                    k += step
                    continue
                break
        return out

    def _objects(self, text: str, mentions: list[Mention], end: int, cue: Cue) -> list[Mention]:
        after = [m for m in mentions if m.start >= end and m.kind in cue.objects and not m.role
                 and not place_tag(text, mentions, m) and not _BELONGS.search(text[:m.start])
                 and (m.kind not in ("City", "Country") or PLACE_OBJECT_GAP.match(bare(text, mentions, end, m.start)))
                 and (m.start - end <= cue.reach or cue.reach >= 40 and re.search(r"\snhư\s*$", text[end:m.start])
                      and m.start - end <= 2 * cue.reach)
                 and not re.search(r"[.;:]", text[end:m.start])]
        if not after:
            return []
        if re.search(r"(?<!\w)giữa(?!\w)", text[end:after[0].start], re.IGNORECASE):
            return []  # "hợp tác ... giữa A và B": the pair is read as a pair
        unnamed = _EVENT_WORD.match(text, end + len(text[end:]) - len(text[end:].lstrip()))
        if after[0].kind == "Event" and unnamed and unnamed.start() < after[0].start:
            return []  # "tổ chức hội thảo X trong khuôn khổ E": the event organised is not E
        out, last = [after[0]], after[0].end
        for m in mentions:
            if m.start < last or m.role:
                continue
            if place_tag(text, mentions, m):
                last = m.end  # "Ngân hàng X – Nhật Bản, Ngân hàng Y": the list goes on past the tag
                continue
            if m.kind not in cue.objects or not LIST_GAP.match(bare(text, mentions, last, m.start)):
                break
            out.append(m)
            last = m.end
        return out

    def _cue(self, cue: Cue, hit: re.Match, text: str, mentions: list[Mention], used: set[int],
             pairs: set) -> None:
        owned = self._owned(text, mentions, hit, cue)
        if owned is not None:
            for s in owned[0]:
                for o in owned[1]:
                    status = "planned" if self._ahead(text, o) else status_of(self.plain, 0, hit.end())
                    self._add(cue.type, s, o, text, status, self._date(cue.type, text, hit.start(), o, status, mentions),
                              cue.confidence)
            return
        objects = self._objects(text, mentions, hit.end(), cue)
        if not objects and cue.type == "PARTICIPATED_IN" and "Event" in self.ctx.last \
                and _SHOW.match(text[hit.end():]):
            objects = [self.ctx.last["Event"]]  # "... đều tham gia trưng bày": at the article's event
        if not objects:
            self.unread.append(hit.end())
            return
        subjects = self._shared_subject(text, hit) or self._subjects(text, mentions, hit.start(), cue, used)
        if subjects and _RELATIVE.search(text[:hit.start()]) \
                and any(max(x.end for x in subjects) <= e <= hit.start() for e in self.unread):
            subjects = []  # "A tiếp [someone not named], ..., đang thăm X": the visitor is unknown
        owner = self._owner(text, mentions, hit, objects, cue)
        subjects = owner or subjects  # "chuyến thăm Việt Nam của ông X": X visits
        nominal = _NOMINAL.search(text[:hit.start()])
        if not owner and nominal and not _TAKES_NOMINAL.search(text[:nominal.start()]) \
                and not _RELATIVE.search(text[:hit.start()]):
            subjects = []  # "hoan nghênh chuyến thăm X": whose visit the noun does not say
        if not owner and nominal and (re.search(r"(?<!\w)(?:của|cho|về|trong|với|vào)\s+(?:các\s+|những\s+)?$",
                                                text[:nominal.start()])
                                      or re.match(r"\s*(?:\([^)]*\)\s*)?(?:[^\W\d]+\s+){0,4}?của\s",
                                                  text[objects[-1].end:])):
            subjects = []  # "kết quả của cuộc hội đàm với X", "chuyến thăm X của [someone]": whose is not said
        guests, invited = self._guests(text, mentions, hit.start()) if cue.type in _ACTS_FOR else ([], False)
        subjects = guests or subjects  # "A mời B tham dự E": B is the one to take part
        if not subjects and self.ctx.delegation is not None and _BARE_DELEGATION.search(text[:hit.start()]):
            subjects = [self.ctx.delegation]  # "đoàn cũng đã đến thăm ...": the article's delegation
        if cue.type in _ACTS_FOR:
            subjects = subjects + [self.ctx.roles[m.entity] for m in subjects if m.kind == "Person"
                                   and m.entity in self.ctx.roles
                                   and self.ctx.roles[m.entity].entity not in {x.entity for x in subjects}]
        if not subjects and (self.ctx.last_pair or self.ctx.meeting) and _BOTH_SIDES.search(text[:hit.start()]):
            subjects = [Mention(0, 0, "", "Agency", entity=e) for e in self.ctx.last_pair or self.ctx.meeting]
        if not subjects and cue.type == "VISITED":
            subjects = [m for m in mentions if m.start > objects[-1].end and m.party
                        and re.search(r"(?:đoàn|Đoàn)(?: đại biểu| công tác)?\s*$", text[:m.start])][:1]
            led = [m for m in mentions if m.kind == "Person" and m.start > objects[-1].end
                   and _LED_BY.search(text[:m.start]) and "dẫn đầu" in text[m.end:]]
            subjects += led
        if not subjects:
            return
        for o in objects:
            used.add(id(o))
        self.acted = (max(o.end for o in objects), subjects, objects)
        primary = next((x for x in subjects if x.kind != "Person"), subjects[0])  # the body, not its speaker
        first = min([x.start for x in subjects if 0 < x.end <= hit.start()] or [hit.start()])
        for s in subjects:
            for o in objects:
                if s is o or s.entity == o.entity:
                    continue
                start = min(first, hit.start())  # a modal before any joined subject governs them all
                coming = nominal and not_yet(text[max(o.end, s.end):])  # "chuyến thăm X của A sẽ diễn ra"
                status = cue.status or ("planned" if invited or coming or self._ahead(text, o) else
                                        status_of(self.plain, 0 if s.start > hit.start() else start, hit.end()))
                date = self._date(cue.type, text, hit.start(), o, status, mentions)
                self._add(cue.type, s, o, text, status, date, cue.confidence)
                pairs.add((cue.type, *sorted((s.entity, o.entity))))
                working = cue.type == "MET_WITH" or "làm việc" in hit.group() and o.kind not in ("City", "Country")
                if working and not self.ctx.meeting and s is primary:
                    self.ctx.meeting = [s.entity, o.entity]
                    self.ctx.meeting_date = date

    def _shared_subject(self, text: str, hit: re.Match) -> list[Mention]:
        """The subjects of the sentence's last verb, for a verb chained after its object ("..., thăm B")
        or a relative clause on that object ("A tiếp B, ..., đang thăm Việt Nam": B visits)."""
        if self.acted is None:
            return []
        end, subjects, objects = self.acted
        if end > hit.start():
            return []
        if _CHAINED.match(text[end:hit.start()]):
            return subjects
        acting = [o for o in objects if o.party]
        return acting[-1:] if _RELATIVE.search(text[:hit.start()]) and len(text[end:hit.start()]) < 160 else []

    def _owner(self, text: str, mentions: list[Mention], hit: re.Match, objects: list[Mention],
               cue: Cue) -> list[Mention]:
        """"chuyến thăm Việt Nam (gần đây) của Thủ tướng X": a verb made a noun names its subject after "của"."""
        if not _NOMINAL.search(text[:hit.start()]):
            return []
        after = [m for m in mentions if m.start >= objects[-1].end and m.party and m.kind in cue.subjects
                 and _OWNER_AFTER.match(bare(text, mentions, objects[-1].end, m.start))]
        return after[:1]

    def _owned(self, text: str, mentions: list[Mention], hit: re.Match, cue: Cue) -> tuple[list, list] | None:
        """"chuyến thăm (chính thức) của X (đến Y)": the subject right after the cue, the object after
        a direction word; None when the cue is not a noun owned that way."""
        if not _NOMINAL.search(text[:hit.start()]) or not re.match(r"\s*(?:chính thức\s+)?của\s", text[hit.end():]):
            return None
        owners = [m for m in mentions if m.start >= hit.end() and m.party and m.kind in cue.subjects
                  and _OWNER_AFTER.match(bare(text, mentions, hit.end(), m.start))][:1]
        targets = [m for m in mentions if owners and m.start > owners[0].end and m.kind in cue.objects
                   and re.fullmatch(r"\s*(?:(?:chính thức|cấp nhà nước)\s+)?(?:đến|tới|sang|tại)\s+",
                                    bare(text, mentions, owners[0].end, m.start))][:1]
        return owners, targets

    def _guests(self, text: str, mentions: list[Mention], at: int) -> tuple[list[Mention], bool]:
        """"A mời B (sang) thăm / tham dự ...": B acts, and only as a plan (an invitation is no visit).

        "Nhận lời mời của A, B sẽ thăm ...": A is the host, B the guest, and the sentence says when.
        """
        start = at - len(clause_before(text, at, 200))
        invites = list(status_cues().invite.finditer(text, start, at))
        if not invites:
            return [], False
        invite = invites[-1]
        host = re.match(r"\s*của\s", text[invite.end():]) is not None
        accepted = re.search(r"(?<!\w)nhận lời\s*$", text[:invite.start()], re.IGNORECASE) is not None
        guests = [m for m in mentions if invite.end() <= m.start and m.end <= at and m.party
                  and acts(text, mentions, m, joined=True)]
        return (guests[1:] if host else guests), not host and not accepted

    def _ahead(self, text: str, target: Mention) -> bool:
        """An event still to come: its name has a later year than the article, or "sắp diễn ra" follows."""
        if target.kind != "Event":
            return False
        later = bool(target.year and self.ctx.date and target.year > self.ctx.date[:4])
        return later or not_yet(text[target.end:])

    def _pairs(self, text: str, mentions: list[Mention], done: set) -> None:
        """"giữa A và B" after a cooperation word, and "A và B (cùng) hợp tác / ký kết"."""
        parties = [m for m in mentions if m.party and m.kind != "Person"]
        if _PAIR_WORDS.search(text):
            for hit in _BETWEEN.finditer(text):
                if any(m.start <= hit.start() < m.end for m in mentions):
                    continue
                first = [m for m in parties if m.start >= hit.end() and m.start - hit.end() <= 80
                         and not re.search(r"[.;]", text[hit.end():m.start])]
                if len(first) < 2 or not _PAIR_OPENER.match(text[hit.end():first[0].start]):
                    continue  # "giữa các đối tác của A và B": not A and B themselves
                a = first[0]
                b = next((m for m in first[1:] if re.fullmatch(r"\s*(?:\([^)]*\)\s*)*(?:và|với|–|-)\s*",
                                                               text[a.end:m.start])), None)
                if b is None:
                    continue
                kind = "SIGNED_AGREEMENT_WITH" if _SIGNING.search(text[:hit.start()][-60:]) else "COOPERATES_WITH"
                self._pair(kind, a, b, text, hit.start(), done)
        for k in range(len(parties) - 1):
            a, b = parties[k], parties[k + 1]
            if re.fullmatch(r"\s*(?:\([^)]*\)\s*)*và\s*", text[a.end:b.start]) and acts(text, mentions, a):
                verb = _PAIR_VERB.match(text[b.end:])
                if verb:
                    kind = "SIGNED_AGREEMENT_WITH" if verb.group(1).startswith("ký") else "COOPERATES_WITH"
                    self._pair(kind, a, b, text, b.end + verb.end(), done)

    def _both_sides(self, text: str, done: set) -> None:
        """"Hai bên đã ký kết ...", "hai bên sẽ hợp tác": the parties of the article's meeting."""
        sides = self.ctx.last_pair or self.ctx.meeting
        if len(sides) != 2:
            return
        for side in _BOTH_SIDES.finditer(text):
            verb = _PAIR_VERB.match(text[side.end():])
            if verb:
                kind = "SIGNED_AGREEMENT_WITH" if verb.group(1).startswith("ký") else "COOPERATES_WITH"
                a, b = (Mention(0, 0, "", "Agency", entity=e) for e in sides)
                self._pair(kind, a, b, text, side.end() + verb.end(), done)

    def _pair(self, kind: str, a: Mention, b: Mention, text: str, at: int, done: set) -> None:
        key = (kind, *sorted((a.entity, b.entity)))
        if key in done:
            return
        done.add(key)
        status = status_of(self.plain, 0, at + 1)
        later = rf"^[^.;]{{0,60}}?(?:{status_cues().modal_words})\s+(?:được\s+)?(?:ký|kí)"
        if kind == "SIGNED_AGREEMENT_WITH" and re.search(later, text[at:], re.IGNORECASE):
            status = "planned"  # "... giữa A và B, dự kiến ký kết trong quý IV"
        date = self._date(kind, text, at, b, status, [a, b])
        self._add(kind, a, b, text, status, date, 0.65)

    def _passive(self, text: str, mentions: list[Mention]) -> None:
        """"E (...) do A, B và C phối hợp tổ chức", "X, do ông Y sáng lập": agents after "do"."""
        passive = [cue for cue in relation_cues() if cue.direction == "passive"]
        for by in _PASSIVE.finditer(text):
            verbs = [(v.start(), n, cue, v) for n, cue in enumerate(passive)
                     for v in cue.pattern.finditer(text, by.end(), min(len(text), by.end() + cue.reach))]
            if not verbs:
                continue
            _, _, cue, verb = min(verbs, key=lambda h: (h[0], h[1]))  # the first verb after "do" is its own
            if re.search(r"[.;:]", text[by.end():verb.start()]):
                continue
            agents = [m for m in mentions if by.end() <= m.start and m.end <= verb.start() and m.party
                      and not place_tag(text, mentions, m) and not _BELONGS.search(text[:m.start])]
            if not agents or verb.start() - max(a.end for a in agents) > 40:
                continue  # "X do ông A làm Chủ tịch vừa công bố ... thành lập": A's verb is another
            targets = [m for m in mentions if m.end <= by.start() and m.kind in cue.objects
                       and by.start() - m.end <= 40 and not re.search(r"[.;:]", text[m.end:by.start()])]
            if not targets and _ANAPHOR.match(text[:by.start()]):
                last = self.ctx.last.get("Event" if "Event" in cue.objects else "Program")
                targets = [last] if last is not None else []
            if not targets:
                continue
            status = cue.status or ("planned" if self._ahead(text, targets[-1]) else
                                    status_of(self.plain, by.start(), verb.end()))
            date = self._date(cue.type, text, verb.start(), targets[-1], status, mentions)
            for a in agents:
                if a.kind not in cue.subjects:
                    continue
                self._add(cue.type, a, targets[-1], text, status, date, cue.confidence)

    def _reverse(self, text: str, mentions: list[Mention]) -> None:
        """"E với sự tham dự của A, B và C", "Dự lễ ... có A; B", "X nhận được sự hỗ trợ của A":
        the subjects follow the cue; the object stands before it, inside it, or is the article's event."""
        for cue in (c for c in relation_cues() if c.direction == "reverse"):
            for hit in cue.pattern.finditer(text):
                targets = [m for m in mentions if m.kind in cue.objects and m.end <= hit.end()
                           and hit.start() - m.end <= 80 and not re.search(r"[.;:]", text[m.end:hit.start()])]
                if not targets and "Event" in cue.objects and "Event" in self.ctx.last \
                        and _EVENT_WORD.search(text[:hit.end()]):
                    targets = [self.ctx.last["Event"]]
                agents = self._listed(text, mentions, hit.end(), cue)
                if not targets or not agents:
                    continue
                status = "planned" if self._ahead(text, targets[-1]) else status_of(self.plain, 0, hit.start())
                date = self._date(cue.type, text, hit.start(), targets[-1], status, mentions)
                for a in agents:
                    self._add(cue.type, a, targets[-1], text, status, date, cue.confidence)

    def _listed(self, text: str, mentions: list[Mention], start: int, cue: Cue) -> list[Mention]:
        """The parties listed from ``start``: separated by commas, semicolons or "và", titles between."""
        out: list[Mention] = []
        last = start
        for m in mentions:
            if m.start < start or not m.party or m.kind not in cue.subjects or place_tag(text, mentions, m):
                continue
            gap = text[last:m.start]
            if m.start - start > cue.reach or re.search(r"[.:]", gap) or not out and len(bare(text, mentions, last, m.start)) > 40 \
                    or out and not re.search(r"[,;]|(?<!\w)(?:và|cùng)(?!\w)", gap):
                break
            out.append(m)
            last = m.end
        return out

    def _meeting(self, text: str, mentions: list[Mention]) -> None:
        """"Tại buổi làm việc, đại diện A, B ...": those named took part in the article's meeting."""
        if not self.ctx.meeting or not _MEETING_START.match(text):
            return
        speech = _REPORTED.search(text)
        for m in mentions:
            if speech and m.start >= speech.start():
                break
            if m.party and m.kind not in ("Person", "City", "Country") and m.entity not in self.ctx.meeting \
                    and not m.pronoun and not _MEETING_MODIFIER.search(text[:m.start]):
                for other in self.ctx.meeting:
                    self.links.append(Link(m.entity, other, "MET_WITH", self.ctx.doc, "done",
                                           self.ctx.meeting_date, text, 0.6))
