"""Optional person names from underthesea's statistical NER, for names no pattern introduces.

The patterns find people after an honorific or a title; a name that appears bare ("Nguyễn
Văn A phát biểu") is missed. underthesea's NER catches some of those, at ~4 ms a sentence
and with false hits (it tags foreign city names as people), so it is off by default: turn it
on with ``ner=True`` / ``--ner`` and compare scores (bench/bench_extract.py prints both).
"""
from __future__ import annotations

from ingest.articles.entities import Mention, fuzzy_place


def _ner():
    from underthesea import ner  # imported lazily: ~0.3 s and a model load

    return ner


def person_mentions(text: str, found: list[Mention]) -> list[Mention]:
    """PER spans of ``text`` that are not inside an existing mention and are not a known place."""
    out: list[Mention] = []
    pos = 0
    span: list[tuple[int, int]] = []

    def flush() -> None:
        if span:
            start, end = span[0][0], span[-1][1]
            name = text[start:end]
            inside = any(m.start <= start < m.end or start <= m.start < end for m in found)
            if not inside and len(name.split()) >= 2 and fuzzy_place(name) is None:
                out.append(Mention(start, end, name, "Person", confidence=0.55))
            span.clear()

    for word, _pos, _chunk, tag in _ner()(text):
        at = text.find(word, pos)
        if at < 0:
            continue
        pos = at + len(word)
        if tag == "B-PER":
            flush()
            span.append((at, pos))
        elif tag == "I-PER" and span:
            span.append((at, pos))
        else:
            flush()
    flush()
    return out
