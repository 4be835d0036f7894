"""Countries: Vietnamese names from Babel's CLDR data, English names from pycountry.

CLDR's Vietnamese territory names are what Vietnamese writers use ("Hàn Quốc", "Phần Lan",
"Hoa Kỳ"); pycountry's ISO 3166-1 gives the English short, common and official names that
datasets and English text use. Only ISO 3166-1 countries are taken (not CLDR's regions
such as "001" or "EU", nor its extra codes). Hong Kong and Macao are cities of China here, as
Vietnamese news treats them.
"""
from __future__ import annotations

from dataclasses import dataclass

import pycountry
from babel import Locale

#: ISO codes CLDR lists as territories that the gazetteer keeps as cities of China.
CITIES_OF_CHINA = frozenset({"HK", "MO"})


@dataclass(frozen=True)
class Country:
    """One ISO 3166-1 country as the libraries name it."""

    code: str
    alpha_3: str
    vietnamese: str
    english: tuple[str, ...]


def _english(record) -> tuple[str, ...]:
    """pycountry's names that read as a name in text: "Korea, Republic of" is an index form."""
    names = [getattr(record, a, None) for a in ("common_name", "name", "official_name")]
    return tuple(dict.fromkeys(n for n in names if n and "," not in n))


def countries() -> list[Country]:
    """Every ISO 3166-1 country that CLDR names in Vietnamese, in code order."""
    vietnamese = Locale("vi").territories
    out = []
    for record in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        if record.alpha_2 in CITIES_OF_CHINA or record.alpha_2 not in vietnamese:
            continue
        out.append(Country(record.alpha_2, record.alpha_3, vietnamese[record.alpha_2], _english(record)))
    return out
