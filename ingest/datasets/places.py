"""Headquarters cells to City and Country entities that agree with the article pipeline's.

A place the article gazetteer knows gets the article pipeline's entity (``place_entity``):
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

from graph.model import Entity
from graph.names import fold, slug
from ingest.articles.resolve import place_entity
from ingest.datasets.names import clean

# ISO 3166-1 alpha-3 codes the datasets use, with the English short name the gazetteer reads.
_ISO3 = dict(row.split(" ", 1) for row in """
USA United States
GBR United Kingdom
CAN Canada
JPN Japan
FRA France
DEU Germany
IND India
FIN Finland
ISR Israel
CHE Switzerland
AUS Australia
SWE Sweden
NLD Netherlands
CZE Czech Republic
SGP Singapore
CHN China
KOR South Korea
IRL Ireland
BEL Belgium
ITA Italy
LUX Luxembourg
NOR Norway
ESP Spain
HKG Hong Kong
UMI United States Minor Outlying Islands
MYS Malaysia
DNK Denmark
RUS Russia
LAO Laos
BGD Bangladesh
PHL Philippines
TWN Taiwan
AUT Austria
ATG Antigua and Barbuda
ARG Argentina
BGR Bulgaria
MLT Malta
MEX Mexico
ZAF South Africa
BRA Brazil
PRT Portugal
BHR Bahrain
VNM Vietnam
THA Thailand
IDN Indonesia
NZL New Zealand
POL Poland
HUN Hungary
EST Estonia
TUR Turkey
UKR Ukraine
CHL Chile
ARE United Arab Emirates
EGY Egypt
GRC Greece
ROU Romania
""".strip().splitlines())
_ISO3_OF = {fold(name): code for code, name in _ISO3.items()}

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


def country_code(country: str | None) -> str | None:
    """``GBR`` for "GBR" or "United Kingdom"; None for an unknown or empty cell."""
    c = clean(country)
    if c.upper() in _ISO3:
        return c.upper()
    if fold(c) in ("usa", "us", "united states of america"):
        return "USA"
    return _ISO3_OF.get(fold(c))


@dataclass
class Located:
    """Where one row says a thing is: the entities to add and the id to link LOCATED_IN to."""

    entities: list[Entity]
    target: str | None


def country_entity(code: str) -> Entity:
    """The Country entity of an ISO-3 code, the article pipeline's where the gazetteer has it."""
    name = _ISO3[code]
    known = place_entity(name, "Country")
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
        nation = place_entity(_ISO3[code], "City")  # "Hong Kong": a city in the gazetteer
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
