"""Assemble the places of every source into one table, each spelling owned by one place.

Order decides who owns a spelling: countries, then Việt Nam's provinces, then the hand-typed
places, then foreign provinces and cities; a later source adds its names to an earlier place
when one of them is already that place's (same kind, same country), and loses any name
another place owns. ``data/display.tsv`` renames library entries to the names the project's
ids are made from; ``data/aliases.tsv`` adds the spellings the libraries lack, and must not
take a spelling from another place (that is an error, so the table is fixed, not guessed).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from graph.names import fold
from ingest.gazetteer import abroad, countries, vietnam
from ingest.gazetteer.model import Found, Place
from ingest.gazetteer.tables import rows
from ingest.gazetteer.words import is_ambiguous


@dataclass
class _Draft:
    name: str
    kind: str
    country: str | None
    aliases: list[str]
    code: str | None
    sources: list[str]
    merged_into: str | None = None


@dataclass
class _Table:
    drafts: list[_Draft] = field(default_factory=list)
    owner: dict[str, _Draft] = field(default_factory=dict)  # folded spelling -> its place
    by_name: dict[str, _Draft] = field(default_factory=dict)

    def claim(self, draft: _Draft, alias: str) -> bool:
        """Give ``alias`` to ``draft`` unless another place owns its folded form."""
        owner = self.owner.setdefault(fold(alias), draft)
        if owner is not draft:
            return False
        if alias not in draft.aliases:
            draft.aliases.append(alias)
        return True

    def add(self, kind: str, country: str | None, names: list[str], source: str,
            code: str | None = None) -> _Draft | None:
        """Add a place, or its names to the place one of them already names; None if its
        own name belongs to a different place (a city-state's capital, a namesake)."""
        same = [self.owner[fold(n)] for n in names if fold(n) in self.owner]
        target = next((d for d in same if d.kind == kind and d.country == country), None)
        if target is None:
            if fold(names[0]) in self.owner:
                return None
            target = _Draft(names[0], kind, country, [], code, [])
            self.drafts.append(target)
            self.by_name[target.name] = target
        for n in names:
            self.claim(target, n)
        target.code = target.code or code
        if source not in target.sources:
            target.sources.append(source)
        return target


def _display() -> dict[str, tuple[str, str]]:
    return {r["key"]: (r["display"], r["source"]) for r in rows("display")}


def _add_found(table: _Table, found: Found, country: str | None, display: dict[str, tuple[str, str]],
               used: set[str]) -> _Draft | None:
    names = list(found.names)
    source = found.source
    if found.key in display:
        shown, why = display[found.key]
        names.insert(0, shown)
        source = f"{source}; {why}"
        used.add(found.key)
    return table.add(found.kind, country, names, source, found.code)


def _hand_aliases(table: _Table) -> None:
    for r in rows("aliases"):
        draft = table.by_name.get(r["place"])
        if draft is None:
            raise ValueError(f"data/aliases.tsv: no place named {r['place']!r}")
        if not table.claim(draft, r["alias"]):
            raise ValueError(f"data/aliases.tsv: {r['alias']!r} already names {table.owner[fold(r['alias'])].name!r}")
        if r["source"] not in draft.sources:
            draft.sources.append(r["source"])


def _mergers(table: _Table) -> None:
    for r in rows("merged"):
        old, new = table.by_name.get(r["old"]), table.by_name.get(r["new"])
        if old is None or new is None or old.country != "Việt Nam":
            raise ValueError(f"data/merged.tsv: unknown province in {r}")
        old.merged_into = new.name


def build() -> list[Place]:
    """Every place, countries first, each alias owned by exactly one place."""
    table = _Table()
    display = _display()
    used: set[str] = set()
    names_of: dict[str, str] = {}
    for c in countries.countries():
        found = Found(c.code, "Country", None, (c.vietnamese, *c.english), "babel: CLDR vi; pycountry: ISO 3166-1", c.code)
        draft = _add_found(table, found, None, display, used)
        if draft is not None:
            names_of[c.code] = draft.name
    for found in vietnam.units_before_2025() + vietnam.units_since_2025():
        _add_found(table, found, names_of["VN"], display, used)
    for r in rows("places"):
        if table.add(r["kind"], names_of[r["country"]], [r["name"]], r["source"]) is None:
            raise ValueError(f"data/places.tsv: {r['name']!r} already names another place")
    for found in abroad.subdivisions() + abroad.cities():
        _add_found(table, found, names_of[found.country], display, used)
    _hand_aliases(table)
    _mergers(table)
    unused = set(display) - used
    if unused:
        raise ValueError(f"data/display.tsv: keys no library gives: {sorted(unused)}")
    return [Place(d.name, d.kind, d.country, tuple(d.aliases), tuple(a for a in d.aliases if is_ambiguous(a)),
                  d.code, d.merged_into, tuple(d.sources)) for d in table.drafts]
