"""Việt Nam's provinces and centrally run cities, before and after the 2025 reorganisation.

pycountry's ISO 3166-2:VN still lists the 63 units of 2008-2025; vietnam-provinces lists the
34 units in force since 1 July 2025 (Nghị quyết 202/2025/QH15). Both are kept: a 2017 article's
"Bình Dương" is a real place, even though it is part of Thành phố Hồ Chí Minh today. An old
unit that kept its name is the same place as the new unit (Tuyên Quang before and after
absorbing Hà Giang); ``data/merged.tsv`` says which new unit each abolished one went into.
"""
from __future__ import annotations

import pycountry
from vietnam_provinces import Province

from ingest.gazetteer.model import Found

_CITY_PREFIX = "Thành phố "


def units_before_2025() -> list[Found]:
    """The 63 provinces and municipalities of ISO 3166-2:VN, keyed by their ISO code."""
    subdivisions = sorted(pycountry.subdivisions.get(country_code="VN"), key=lambda s: s.code)
    return [Found(s.code, "City", "VN", (s.name,), "pycountry: ISO 3166-2:VN", s.code) for s in subdivisions]


def units_since_2025() -> list[Found]:
    """The 34 units of vietnam-provinces: "Thành phố Hà Nội" is named "Hà Nội", with its full name kept."""
    out = []
    for p in Province.iter_all():
        short = p.name.removeprefix(_CITY_PREFIX)
        names = (short, p.name) if short != p.name else (p.name,)
        out.append(Found(f"VN:{p.codename}", "City", "VN", names, "vietnam-provinces: units since 2025"))
    return out
