"""Vietnamese words of more than one syllable, so that a name ends at a word boundary.

Capital letters do not mark where a Vietnamese body's name ends: "Bộ Ngoại giao", "Viện Hàn
lâm", "Sở Giao dịch" run on through a lower-case syllable that belongs to the same word. The
dictionary is underthesea's Viet74K word list (about 64,000 multi-syllable entries), shipped with
the package; a set lookup per boundary costs nothing next to the CRF word segmenter (about 1.5 ms
a sentence), which would gain no boundary the list does not give here.
"""
from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path

_LONGEST = 4  # syllables: longer dictionary entries are phrases, not words that split a name


@lru_cache(maxsize=1)
def _entries() -> tuple[frozenset[str], frozenset[str]]:
    """(multi-syllable words, single syllables that are words of their own), in lower case."""
    spec = importlib.util.find_spec("underthesea")  # located, not imported: the import costs 0.3 s
    path = Path(spec.origin).parent / "corpus" / "data" / "Viet74K.txt"
    words, syllables = set(), set()
    with path.open(encoding="utf-8") as f:
        for line in f:
            entry = line.strip().lower()
            if " " not in entry:
                syllables.add(entry)
            elif entry.count(" ") < _LONGEST:
                words.add(entry)
    return frozenset(words), frozenset(syllables)


def _dictionary() -> frozenset[str]:
    return _entries()[0]


def is_syllable_word(syllable: str) -> bool:
    """True when one syllable is also a common word ("Anh", "Đức", "Vinh"): as a name it needs context."""
    return syllable.lower() in _entries()[1]


def is_word(syllables: list[str] | tuple[str, ...]) -> bool:
    """True when the syllables, read in lower case, are one dictionary word ("Ngoại", "giao")."""
    return " ".join(syllables).lower() in _dictionary()


def word_end(syllables: list[str], i: int) -> int:
    """The end of the longest word that syllable ``i`` opens and that runs past it, or ``i + 1``.

    ``syllables[i]`` is the last syllable read into a name; a longer word means the name goes on
    ("Hàn" + "lâm" in "Viện Hàn lâm"). Only lower-case syllables are taken on: a capitalised one
    starts something the name's own rules decide on.
    """
    for n in range(_LONGEST, 1, -1):
        part = syllables[i:i + n]
        if len(part) == n and all(s.isalpha() and s.islower() for s in part[1:]) and is_word(part):
            return i + n
    return i + 1
