"""Which names are safe to match in running Vietnamese text, and which need a cue.

A place name that is also a common Vietnamese word or given name ("Anh", "Đức", "Vinh",
"Nam") turns every sentence that uses the word into a false place. The common words come
from underthesea's Viet74K word list (underthesea is already the project's Vietnamese NLP
library); its data file is read directly so that importing the gazetteer does not load the
NLP models. Multi-word phrases that are also common words ("Hòa Bình", peace) are typed in
``data/ambiguous.tsv``.
"""
from __future__ import annotations

import importlib.util
import unicodedata
from functools import lru_cache
from pathlib import Path

from graph.names import fold
from ingest.gazetteer.tables import rows

#: Fewer letters than this and a library's alternate name is more likely a code or a word.
MIN_ALTERNATE_LETTERS = 4
_VIETNAMESE_LETTERS = frozenset(
    "abcdefghijklmnopqrstuvwxyz"
    "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ")
# Letters no other Latin-script language writes: ă đ ơ ư, a hook above, a dot below, and a
# circumflex carrying a tone mark.
_ONLY_VIETNAMESE = frozenset("ăằắẳẵặđơờớởỡợưừứửữựảẻỉỏủỷạẹịọụỵầấẩẫậềếểễệồốổỗộ")


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Single-syllable Vietnamese words, lower case, from underthesea's Viet74K list."""
    spec = importlib.util.find_spec("underthesea")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("underthesea is not installed; the gazetteer needs its word list")
    path = Path(list(spec.submodule_search_locations)[0]) / "corpus" / "data" / "Viet74K.txt"
    with open(path, encoding="utf-8") as f:
        words = (unicodedata.normalize("NFC", line.strip()).lower() for line in f)
        return frozenset(w for w in words if w and " " not in w)


@lru_cache(maxsize=1)
def _ambiguous_phrases() -> frozenset[str]:
    return frozenset(r["alias"] for r in rows("ambiguous"))


def is_ambiguous(alias: str) -> bool:
    """Whether ``alias`` is also a common word or given name, so a place only after a cue.

    One syllable that is a Vietnamese word ("Anh", "Pháp", "Vinh", "Mỹ"), or a phrase typed as
    ambiguous ("Thủ đô", "Hòa Bình"). Longer names ("Hải Phòng", "Bình Định") are names.
    """
    single = " " not in alias and "-" not in alias
    return (single and alias.lower() in common_words()) or alias in _ambiguous_phrases()


def plain_alternate(name: str) -> bool:
    """Whether a library's alternate name passes the basic filter: a capitalised Latin-script
    name of at least four letters with no digit, not a single common Vietnamese word.

    It drops codes ("PUS"), lower-case search keys ("busansi"), other scripts, and words.
    """
    letters = [c for c in name if c.isalpha()]
    return (
        len(letters) >= MIN_ALTERNATE_LETTERS
        and all(unicodedata.name(c, "").startswith("LATIN") for c in letters)
        and name[0].isupper()
        and not any(c.isdigit() for c in name)
        and not (" " not in name and "-" not in name and name.lower() in common_words())
    )


def vietnamese_spelling(name: str) -> bool:
    """Whether ``name`` is written in Vietnamese: only its letters, at least one of its own."""
    lower = unicodedata.normalize("NFC", name).lower()
    letters = [c for c in lower if c.isalpha()]
    return all(c in _VIETNAMESE_LETTERS for c in letters) and any(c in _ONLY_VIETNAMESE for c in letters)


def keep_alternates(names: list[str]) -> list[str]:
    """The alternate names of a city worth matching in Vietnamese news.

    GeoNames lists every language's spelling of a city ("Moskau", "Mosca", "Pekín") and stray
    neighbours' names ("Pan Kiao" under Taipei). A Vietnamese article writes a foreign city
    in its own form (the display name, from the same library) or in Vietnamese ("Phủ San",
    "Matxcơva", "Thâm Quyến"), so only Vietnamese spellings that pass the basic filter are
    kept, with their unaccented twins where the library has them ("Phu San").
    """
    kept = [n for n in names if not n.isascii() and vietnamese_spelling(n) and plain_alternate(n)]
    if not kept:
        return []
    folded = {fold(n) for n in kept}
    twins = [n for n in names if n.isascii() and fold(n) in folded and plain_alternate(n)]
    return list(dict.fromkeys(kept + twins))
