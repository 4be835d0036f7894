"""Name normalisation shared by ids, search and entity resolution.

Vietnamese text arrives in NFC and NFD forms, with and without diacritics, and ``đ`` does not
decompose in Unicode, so it is mapped by hand. One folding function keeps the store's search,
the importers and the article resolver agreeing on when two spellings are the same.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata

_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)


def nfc(text: str) -> str:
    """Return ``text`` in NFC with surrounding and repeated whitespace collapsed."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def fold(text: str) -> str:
    """Lower-case ``text`` and strip its diacritics (``Thành phố Hồ Chí Minh`` -> ``thanh pho ho chi minh``)."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(c for c in text if unicodedata.category(c) != "Mn")
    return " ".join(text.casefold().split())


def key(text: str) -> str:
    """A comparison key: folded, ``&`` read as ``va``, every non-word character removed."""
    return _NON_WORD.sub("", fold(text).replace("&", " va "))


def search_key(text: str) -> str:
    """``text`` folded with every non-letter removed: ``&`` is dropped here (``KH&CN`` -> ``khcn``)
    where ``key`` reads it as ``va``."""
    return "".join(ch for ch in fold(text) if ch.isalnum())


def keys(text: str) -> list[str]:
    """Both forms of ``text`` (``search_key`` then ``key``), without empties or repeats.

    Writers spell ``Sở KH&CN`` and ``Sở KHCN`` alike, and users type either; a name that
    carries both forms is found by both spellings.
    """
    return [f for f in dict.fromkeys((search_key(text), key(text))) if f]


def slug(text: str) -> str:
    """A stable, readable id: folded words joined by ``-`` (``Sở KH&CN TP.HCM`` -> ``so-kh-cn-tp-hcm``).

    The same name always gives the same slug, so re-ingesting an entity finds the node it made
    before. Names with no letter or digit (emoji only, punctuation) fall back to a hash so that
    they still get a valid id; so does the tail of a slug longer than 120 characters, so that two
    long names sharing their first words still get two ids.
    """
    words = [w for w in _NON_WORD.split(fold(text)) if w]
    if not words:
        return "x-" + _digest(nfc(text))
    joined = "-".join(words)
    if len(joined) <= 120:
        return joined
    return joined[:107].rstrip("-") + "-" + _digest(joined)


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
