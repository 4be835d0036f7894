"""Sentence splitting that survives Vietnamese abbreviations and number formats.

A split inside "TP. HCM" or "Sở KH&CN" would cut a body's name in two and lose its links, so
a full stop only ends a sentence when what follows is a new sentence, not an abbreviation,
an initial, or the next digits of "52,32" and "15.8".

A paragraph may be a whole page saved on one line (tens of thousands of characters): that is
text to split, not bad input. What still comes out longer than ``MAX_SENTENCE_CHARS`` (a
flattened table, a list, text without punctuation) is cut at clause breaks, so that no piece
costs the readers much more than a long real sentence.
"""
from __future__ import annotations

import re

# Words after which a full stop does not end the sentence.
_ABBREVIATIONS = frozenset(
    "TP Tp tp Q H P TS ThS PGS GS BS KS Th.S St Mr Ms Mrs Dr No Co Ltd Inc Jr Sr TT Tr vs v.v".split())
_BOUNDARY = re.compile(r"([.!?…]+)([\"”»’)]*)(\s+)([\"“«(‘]?)(\w)")
#: The longest real sentences in news are 500-900 characters; past this a piece is cut.
MAX_SENTENCE_CHARS = 1_200
_CLAUSE_BREAK = re.compile(r"[;,:]\s|\s[-–]\s")
_LAST_WORD_WINDOW = 80  # characters looked back for the word before a full stop


def _bounded(sentence: str, limit: int = MAX_SENTENCE_CHARS) -> list[str]:
    """``sentence`` in pieces of at most ``limit`` characters, cut at the last clause break or space."""
    out: list[str] = []
    while len(sentence) > limit:
        head = sentence[:limit]
        cut = max((m.end() for m in _CLAUSE_BREAK.finditer(head)), default=0)
        if cut < limit // 2:
            cut = head.rfind(" ") + 1 or limit  # no clause break late enough: a space, else anywhere
        out.append(sentence[:cut].strip())
        sentence = sentence[cut:].strip()
    if sentence:
        out.append(sentence)
    return out


def split_sentences(paragraph: str) -> list[str]:
    """Split one paragraph into sentences of at most ``MAX_SENTENCE_CHARS`` characters."""
    out: list[str] = []
    start = 0
    for m in _BOUNDARY.finditer(paragraph):
        if not (m.group(5).isupper() or m.group(5).isdigit()):
            continue
        before = paragraph[max(start, m.start() - _LAST_WORD_WINDOW):m.start()].split()
        last = before[-1].lstrip("\"“(«'‘") if before else ""
        if m.group(1) == "." and (last.rstrip(".") in _ABBREVIATIONS or re.fullmatch(r"[A-ZĐ]", last)):
            continue
        end = m.end(2)
        out += _bounded(paragraph[start:end].strip())
        start = m.start(4)
    out += _bounded(paragraph[start:].strip())
    return out
