"""The relation and status cues of article links, read from the package's data tables.

What a reader knows about how Vietnamese news states a link (which verb means which link
type, between which kinds, how far its object may stand, which words make it planned) is
data, not code: adding a cue is one row in ``data/cues.tsv`` or ``data/status_cues.tsv``, and
the word groups the mechanism reads by name (nouns a place describes, reporting verbs ...) are
rows of ``data/link_words.tsv``; ``links.py`` keeps only the general mechanism.
Lines starting with ``#`` are comments; the first other line is the header.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

DIRECTIONS = frozenset({"forward", "passive", "reverse"})
STATUS_SCOPES = frozenset({"modal", "plan", "past", "past_time", "invite"})


@dataclass(frozen=True)
class Cue:
    """A phrase that states a link, and where its two ends stand.

    ``forward``: subject before the cue, object after it ("A ký kết với B").
    ``passive``: object, then an agent marker ("do"), the subjects, then the cue ("E do A và B tổ chức").
    ``reverse``: object before the cue, subject after it ("X nhận được sự hỗ trợ của A").
    ``reach`` is how many characters may stand between the cue and the far end it looks for;
    ``status`` is empty when the sentence decides, or a status the cue always carries;
    ``unless`` is a pattern that, found earlier in the cue's clause, means another cue owns
    the link ("ký kết biên bản hợp tác với": a signing, not a cooperation).
    """

    type: str
    direction: str
    pattern: re.Pattern
    subjects: frozenset[str]
    objects: frozenset[str]
    reach: int
    status: str
    confidence: float
    unless: re.Pattern | None = None
    note: str = ""


@dataclass(frozen=True)
class StatusCues:
    """Word patterns that decide done vs planned (each matches whole words)."""

    modal: re.Pattern       # an intention that governs a later cue: "sẽ", "dự kiến", "mong muốn"
    plan: re.Pattern        # a plan named just before the cue: "kế hoạch hợp tác giữa A và B"
    past: re.Pattern        # a past marker between the intention and the cue cancels it: "đã"
    past_time: re.Pattern   # a past time after the cue makes it done: "vừa qua"
    invite: re.Pattern      # an invitation: its guests are the subject, the link at most planned
    modal_words: str        # the modal alternation, for patterns built around it


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files("ingest.articles").joinpath("data", name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def _words(phrases: list[str]) -> str:
    return "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))


@lru_cache(maxsize=1)
def relation_cues() -> tuple[Cue, ...]:
    """Every row of ``cues.tsv``, compiled; a bad row fails loudly at the first read."""
    out = []
    for n, row in enumerate(_rows("cues.tsv"), start=1):
        if row["direction"] not in DIRECTIONS:
            raise ValueError(f"cues.tsv row {n}: direction {row['direction']!r} not in {sorted(DIRECTIONS)}")
        out.append(Cue(row["type"], row["direction"], re.compile(row["cue"], re.IGNORECASE),
                       frozenset(row["subjects"].split()), frozenset(row["objects"].split()), int(row["reach"]),
                       row["status"] or "", float(row["confidence"]),
                       re.compile(row["unless"], re.IGNORECASE) if row["unless"] else None, row.get("note") or ""))
    return tuple(out)


@lru_cache(maxsize=1)
def status_cues() -> StatusCues:
    """The rows of ``status_cues.tsv`` grouped by scope into one whole-word pattern each."""
    scopes: dict[str, list[str]] = {s: [] for s in STATUS_SCOPES}
    for n, row in enumerate(_rows("status_cues.tsv"), start=1):
        if row["scope"] not in STATUS_SCOPES:
            raise ValueError(f"status_cues.tsv row {n}: scope {row['scope']!r} not in {sorted(STATUS_SCOPES)}")
        scopes[row["scope"]].append(row["cue"])

    def whole(scope: str) -> re.Pattern:
        return re.compile(rf"(?<!\w)(?:{_words(scopes[scope]) or '(?!)'})(?!\w)", re.IGNORECASE)

    return StatusCues(whole("modal"), whole("plan"), whole("past"), whole("past_time"), whole("invite"),
                      _words(scopes["modal"]))


@lru_cache(maxsize=None)
def words(group: str) -> str:
    """The phrases of one group of ``link_words.tsv`` as a regex alternation, longest first."""
    phrases = [row["phrase"] for row in _rows("link_words.tsv") if row["group"] == group]
    if not phrases:
        raise KeyError(f"link_words.tsv has no group {group!r}")
    return _words(phrases)
