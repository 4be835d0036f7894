"""Sentence splitting that survives Vietnamese abbreviations and number formats.

A split inside "TP. HCM" or "Sở KH&CN" would cut a body's name in two and lose its links, so
a full stop only ends a sentence when what follows is a new sentence, not an abbreviation,
an initial, or the next digits of "52,32" and "15.8".
"""
from __future__ import annotations

import re

# Words after which a full stop does not end the sentence.
_ABBREVIATIONS = frozenset(
    "TP Tp tp Q H P TS ThS PGS GS BS KS Th.S St Mr Ms Mrs Dr No Co Ltd Inc Jr Sr TT Tr vs v.v".split())
_BOUNDARY = re.compile(r"([.!?…]+)([\"”»’)]*)(\s+)([\"“«(‘]?)(\w)")


def split_sentences(paragraph: str) -> list[str]:
    """Split one paragraph into sentences."""
    out: list[str] = []
    start = 0
    for m in _BOUNDARY.finditer(paragraph):
        if not (m.group(5).isupper() or m.group(5).isdigit()):
            continue
        before = paragraph[start:m.start()]
        last = before.split()[-1].lstrip("\"“(«'‘") if before.split() else ""
        if m.group(1) == "." and (last.rstrip(".") in _ABBREVIATIONS or re.fullmatch(r"[A-ZĐ]", last)):
            continue
        end = m.end(2)
        sentence = paragraph[start:end].strip()
        if sentence:
            out.append(sentence)
        start = m.start(4)
    rest = paragraph[start:].strip()
    if rest:
        out.append(rest)
    return out
