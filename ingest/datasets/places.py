"""Headquarters cells to City and Country entities that agree with the article pipeline's.

A place the gazetteer (``ingest.gazetteer``) knows gets the article pipeline's entity
(``place_entity``); countries are read by their ISO code or any name the gazetteer has:
"USA" and "United States" are the node articles call "Hoa Kỳ", "San Francisco" is
``san-francisco``. Other towns are not in the gazetteer and share names across states and
countries (Portland OR / ME, Cambridge MA / UK), so their id carries the state (in the USA)
or the country code: ``palo-alto-ca``, ``toronto-can``. A gazetteer city is only taken when
it lies in the row's country, so Paris, Texas does not become Paris, France.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pycountry

from graph.model import Entity
from graph.names import fold, slug
from ingest.articles.resolve import place_entity
from ingest.datasets.names import clean
from ingest.gazetteer import Place, find_code, find_place

_US_STATES = dict(row.split(" ", 1) for row in """
AL Alabama
AK Alaska
AZ Arizona
AR Arkansas
CA California
CO Colorado
CT Connecticut
DE Delaware
DC District of Columbia
FL Florida
GA Georgia
HI Hawaii
ID Idaho
IL Illinois
IN Indiana
IA Iowa
KS Kansas
KY Kentucky
LA Louisiana
ME Maine
MD Maryland
MA Massachusetts
MI Michigan
MN Minnesota
MS Mississippi
MO Missouri
MT Montana
NE Nebraska
NV Nevada
NH New Hampshire
NJ New Jersey
NM New Mexico
NY New York
NC North Carolina
ND North Dakota
OH Ohio
OK Oklahoma
OR Oregon
PA Pennsylvania
RI Rhode Island
SC South Carolina
SD South Dakota
TN Tennessee
TX Texas
UT Utah
VT Vermont
VA Virginia
WA Washington
WV West Virginia
WI Wisconsin
WY Wyoming
PR Puerto Rico
""".strip().splitlines())
_STATE_CODE = {fold(name): code for code, name in _US_STATES.items()}
# How the datasets abbreviate US cities the gazetteer knows by their full name.
_CITY_SHORT = {"nyc": "New York", "ny": "New York", "new york city": "New York", "sf": "San Francisco"}
_TRAILING_STATE = re.compile(r"^(.*\S)[\s,]+([A-Z]{2})$")


def state_code(state: str | None) -> str | None:
    """``CA`` for "California" or "CA"; None for anything that is not a US state."""
    s = clean(state)
    if s.upper() in _US_STATES:
        return s.upper()
    return _STATE_CODE.get(fold(s))


@lru_cache(maxsize=None)
def country_code(country: str | None) -> str | None:
    """``GBR`` for "GBR" or "United Kingdom" (any name the gazetteer knows); None for an unknown
    or empty cell."""
    c = clean(country)
    if len(c) == 3 and pycountry.countries.get(alpha_3=c.upper()) is not None:
        return c.upper()
    if fold(c) in ("usa", "us", "united states of america"):
        return "USA"
    place = find_place(c) if c else None
    if place is None or place.code is None or len(place.code) != 2:
        return None
    record = pycountry.countries.get(alpha_2=place.code)
    return record.alpha_3 if record is not None else None


def _gazetteer_place(code: str) -> Place | None:
    """The gazetteer's place of an ISO-3 code: a country, or a city for Hong Kong and Macao."""
    record = pycountry.countries.get(alpha_3=code)
    return find_code(record.alpha_2) if record is not None else None


def _english_name(code: str) -> str:
    record = pycountry.countries.get(alpha_3=code)
    return getattr(record, "common_name", None) or record.name


@dataclass
class Located:
    """Where one row says a thing is: the entities to add and the id to link LOCATED_IN to."""

    entities: list[Entity]
    target: str | None


def country_entity(code: str) -> Entity:
    """The Country entity of an ISO-3 code, the article pipeline's where the gazetteer has it."""
    name = _english_name(code)
    place = _gazetteer_place(code)
    known = place_entity(place.name, "Country") if place is not None else None
    if known is not None:
        known.aliases += [a for a in (name, code) if a not in known.aliases]
        return known
    return Entity(slug(name), name, "Country", [name, code], {"iso3": code})


def clean_city(city: str | None) -> str:
    """A city cell without Excel debris: trailing commas, stray case ("San francisco", "columbus")."""
    c = clean(city).strip(" ,.;")
    if c and (c == c.lower() or (c == c.upper() and len(c) > 3)):
        c = c.title()
    return c


@lru_cache(maxsize=None)
def locate(city: str | None, state: str | None, country: str | None) -> Located:
    """The City and Country a row names, the City linked to its Country.

    Cached: a dataset names the same few hundred places thousands of times, and callers copy
    the entities they add. Returns the most precise place as ``target``: the city when there is one, else the
    country, else None. A city whose country is unknown and that the gazetteer does not
    know is dropped: without a country it cannot be told from its namesakes.
    """
    name = clean_city(city)
    st = state_code(state)
    m = _TRAILING_STATE.match(name)
    if m and m.group(2) in _US_STATES:  # "Redmond WA"
        name, st = m.group(1), st or m.group(2)
    code = country_code(country)
    if code is None and st and (country is None or not clean(country)):
        code = "USA"
    out: list[Entity] = []
    nation: Entity | None = None
    if code is not None:
        place = _gazetteer_place(code)
        nation = place_entity(place.name, "City") if place is not None else None  # "Hong Kong"
        if nation is not None:
            return Located([nation], nation.id)
        nation = country_entity(code)
        out.append(nation)
    if not name:
        return Located(out, nation.id if nation else None)
    town = _gazetteer_city(name, nation)
    if town is not None and nation is None:
        nation = place_entity(town.properties["country"], "Country")
        out.append(nation)
    if town is None:
        if nation is None:
            return Located(out, None)
        qualifier = st if code == "USA" and st else code
        props = {"country": nation.name, "state": st if code == "USA" else None}
        town = Entity(slug(f"{name} {qualifier}"), name, "City", [name], props)
    out.append(town)
    return Located(out, town.id)


def _gazetteer_city(name: str, nation: Entity | None) -> Entity | None:
    short = _CITY_SHORT.get(fold(name))
    town = place_entity(short or name, "City")
    if town is None and name.endswith(" City"):
        town = place_entity(name[: -len(" City")], "City")
    if town is None or (nation is not None and town.properties.get("country") != nation.name):
        return None
    if name not in town.aliases:
        town.aliases.append(name)
    return town


def city_in_country(loc: Located) -> tuple[str, str] | None:
    """The (city, country) pair of a location, for the City -> Country LOCATED_IN link."""
    cities = [e for e in loc.entities if e.kind == "City"]
    countries = [e for e in loc.entities if e.kind == "Country"]
    if cities and countries:
        return cities[0].id, countries[0].id
    return None
