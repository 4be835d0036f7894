"""Done or planned, and whether a sentence looks back: read from the status words of ``data/status_cues.tsv``
and ``data/link_words.tsv``.

A link is planned when an intention ("sẽ", "dự kiến", "mong muốn") or a plan noun ("kế hoạch hợp tác")
governs its cue and no past marker ("đã") stands between them; a past time after the cue ("vừa
qua") makes it done whatever came before.
"""
from __future__ import annotations

import re

from ingest.articles.cues import status_cues, words

_EARLIER = re.compile(rf"(?<!\w)(?:{words('earlier')})(?!\w)", re.IGNORECASE)
_DURING = re.compile(rf"(?<!\w)(?:{words('during')})(?!\w)", re.IGNORECASE)
_NOT_YET = re.compile(rf"^[^.;]{{0,40}}?(?<!\w)(?:{words('not_yet')})(?!\w)", re.IGNORECASE)


def status_of(text: str, start: int, end: int) -> str:
    """Planned when an intention word or a plan noun governs the cue and no past marker follows."""
    cues = status_cues()
    if cues.past_time.search(text[end:]):
        return "done"
    window = text[max(start, end - 160):end]
    modal = None
    for modal in cues.modal.finditer(window):
        pass
    plan = [p for p in cues.plan.finditer(window) if len(window) - p.end() <= 50]
    if modal is not None and not cues.past.search(window[modal.end():]) or plan:
        return "planned"
    return "done"


def looks_back(text: str) -> bool:
    """"Trước đó, ...", "năm ngoái ...": the sentence is about an earlier time than the article's event."""
    return _EARLIER.search(text) is not None


def not_yet(after: str) -> bool:
    """"E sắp diễn ra", "E sẽ được tổ chức": the text right after an event says it is still to come."""
    return _NOT_YET.match(after) is not None


def during(text: str) -> bool:
    """"Trong thời gian ở thăm ...", "trong khuôn khổ chuyến thăm": the sentence spans a visit of several days."""
    return _DURING.search(text) is not None
