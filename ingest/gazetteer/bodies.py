"""Ministries, national bodies and international organisations, looked up by any written form.

The rows are ``data/bodies.tsv``: general knowledge a domain reader has (every ministry of
the Government, before and after the 2025 reorganisation; partner countries' national
agencies; international organisations), never a body because an article names it.
"""
from __future__ import annotations

from functools import lru_cache

from graph.names import search_key
from ingest.gazetteer.model import KnownBody
from ingest.gazetteer.tables import rows, split


def _body(r: dict[str, str]) -> KnownBody:
    country = r["country"].strip() or None
    vi, en = r["name_vi"].strip() or None, r["name_en"].strip() or None
    # A Vietnamese body is named in Vietnamese; a foreign or international one by its own name.
    name = (vi if country == "VN" else en) or vi or en
    return KnownBody(r["kind"], name, vi, en, split(r["abbreviations"]), country, r["source"])


@lru_cache(maxsize=1)
def bodies() -> tuple[KnownBody, ...]:
    """Every known body, in the table's order."""
    return tuple(_body(r) for r in rows("bodies"))


def body_key(text: str) -> str:
    """The form two spellings of a body's name share: folded, letters and digits only
    ("Bộ KH&CN", "Bộ KHCN" and "bộ kh-cn" are one)."""
    return search_key(text)


@lru_cache(maxsize=1)
def _index() -> dict[str, KnownBody]:
    out: dict[str, KnownBody] = {}
    for body in bodies():
        for form in body.forms:
            owner = out.setdefault(body_key(form), body)
            if owner is not body:
                raise ValueError(f"data/bodies.tsv: {form!r} names both {owner.name!r} and {body.name!r}")
    return out


def find_body(text: str) -> KnownBody | None:
    """The known body ``text`` is one of the written forms of, or None."""
    return _index().get(body_key(text))
