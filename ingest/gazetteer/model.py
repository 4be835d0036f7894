"""The shapes of the gazetteer's rows: a place, and a public body or international organisation."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Place:
    """A gazetteer entry: ``name`` is the display name, ``country`` the display name of its country.

    ``aliases`` holds every spelling the place is written with, the display name first.
    ``ambiguous`` lists those of them that are also a common Vietnamese word or given name
    ("Anh", "Đức", "Vinh", "Hòa Bình"): a reader takes them for the place only with a cue
    ("nước Anh", "TP Vinh", "tỉnh Hòa Bình"). ``code`` is the ISO 3166 code where a library
    gives one; ``merged_into`` names the province a Vietnamese province was merged into in
    2025 (the old name is still a real place in older news); ``sources`` says where the row
    and its names came from.
    """

    name: str
    kind: str  # "City" or "Country"
    country: str | None
    aliases: tuple[str, ...]
    ambiguous: tuple[str, ...] = ()
    code: str | None = None
    merged_into: str | None = None
    sources: tuple[str, ...] = ()

    def needs_cue(self, alias: str) -> bool:
        """Whether ``alias`` names this place only after a cue word ("nước", "tỉnh", "TP")."""
        return alias in self.ambiguous


@dataclass(frozen=True)
class KnownBody:
    """A ministry, national body or international organisation every domain reader knows.

    ``kind`` is the ontology's (``Agency`` for public bodies of a state, ``Organization`` for
    the rest); ``name`` is the display name (the Vietnamese one for Vietnamese bodies);
    ``abbreviations`` are the short forms written in news ("Bộ KH&CN", "MOST", "WB").
    """

    kind: str
    name: str
    name_vi: str | None
    name_en: str | None
    abbreviations: tuple[str, ...]
    country: str | None
    source: str

    @property
    def forms(self) -> tuple[str, ...]:
        """Every way the body is written, the display name first."""
        names = [self.name, self.name_vi, self.name_en, *self.abbreviations]
        return tuple(dict.fromkeys(n for n in names if n))


@dataclass(frozen=True)
class Found:
    """A place as one library gives it, before display names and hand rows are applied.

    ``key`` is what ``data/display.tsv`` overrides it by (an ISO code, or "KR:Busan");
    ``names`` its names, the library's own first; ``country`` the ISO code of its country.
    """

    key: str
    kind: str
    country: str | None
    names: tuple[str, ...]
    source: str
    code: str | None = None
