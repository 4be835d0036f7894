"""The Y Combinator startups table (2005-2014) as startups, founders, investors and places.

Data: Alice Corona, ali-ce/datasets ``Y-Combinator/Startups.csv`` (from SeedDB, CrunchBase
and AngelList, 2014), CC BY-SA 4.0.

The amounts cell lists funding rounds ("$1200000, undisclosed amount") without saying
which investor was in which round, and the YC seed ($120,000 on 28 rows) is one of them;
so the amounts stay on the startup (``rounds_usd``, ``raised_usd``) and are not spread
over investor links as shares nobody reported.
"""
from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from graph.model import Entity
from ingest.datasets import names as nm
from ingest.datasets.cells import bad_csv, open_checked, whole
from ingest.datasets.places import city_in_country, locate
from ingest.datasets.records import BatchBuilder, BatchReport, DatasetBatch, dataset_document

TITLE = "Y Combinator startups 2005-2014 (Alice Corona, ali-ce/datasets, CC BY-SA 4.0)"
ACCELERATOR = "Y Combinator"
COLUMNS = ("Company", "Satus", "Year Founded", "Mapping Location", "Description", "Categories",
           "Founders", "Y Combinator Year", "Y Combinator Session", "Investors",
           "Amounts raised in different funding rounds", "Office Address", "Headquarters (City)",
           "Headquarters (US State)", "Headquarters (Country)", "Logo",
           "Seed-DB / Mattermark Profile", "Crunchbase / Angel List Profile", "Website")
_SESSIONS = ("Winter", "Summer", "Spring", "Fall")
_LEGAL = frozenset(nm.spelling_key(s) for s in nm.LEGAL_SUFFIXES)


@dataclass
class Row:
    """One company row, checked, before ids are given (ids need every row's spellings)."""

    line: int
    cells: dict[str, str]
    year: int
    session: str
    founders: list[str] = field(default_factory=list)
    investors: list[str] = field(default_factory=list)


def split_names(cell: str) -> list[str]:
    """The names of a comma-separated cell, a legal form kept with its name ("WGI Group, LLC")."""
    out: list[str] = []
    for part in (nm.clean(p) for p in cell.split(",")):
        if not part:
            continue
        if out and nm.spelling_key(part) in _LEGAL:
            out[-1] = f"{out[-1]}, {part}"
        else:
            out.append(part)
    return out


def read_rows(path: Path, report: BatchReport) -> list[Row]:
    """The file's rows that can be loaded; each other row is reported with its line and skipped."""
    rows: list[Row] = []
    open_checked(path)
    with path.open(newline="", encoding="utf-8-sig") as f:
        reader = csv.reader(f)
        header = next(reader, None)
        if header is None or tuple(h.strip() for h in header[:3]) != COLUMNS[:3]:
            raise ValueError(f"{path}, line 1: header {header[:3] if header else None} is not the YC "
                             f"startups table's ({', '.join(COLUMNS[:3])}, ...)")
        start = reader.line_num + 1
        try:
            for cells in reader:
                line, start = start, reader.line_num + 1
                if not any(c.strip() for c in cells):
                    continue
                report.rows += 1
                row = _check(cells, header, line, report)
                if row is not None:
                    rows.append(row)
        except csv.Error as exc:
            raise bad_csv(path, start, exc) from None
    return rows


def _check(cells: list[str], header: list[str], line: int, report: BatchReport) -> Row | None:
    if len(cells) != len(header):
        report.skip(line, f"{len(cells)} fields where the header has {len(header)}")
        return None
    d = {h.strip(): c.strip() for h, c in zip(header, cells)}
    name = nm.clean(d.get("Company"))
    if not name:
        report.skip(line, "field 'Company' is empty")
        return None
    year = whole(d.get("Y Combinator Year"))
    if year is None or not 2005 <= year <= 2030:
        report.skip(line, f"field 'Y Combinator Year' is {d.get('Y Combinator Year')!r}, not a year")
        return None
    session = nm.clean(d.get("Y Combinator Session")).title()
    if session not in _SESSIONS:
        report.skip(line, f"field 'Y Combinator Session' is {d.get('Y Combinator Session')!r}")
        return None
    founded = whole(d.get("Year Founded"))
    if d.get("Year Founded") and (founded is None or not 1800 <= founded <= 2030):
        report.warn(line, f"field 'Year Founded' is {d['Year Founded']!r}, not a year; left out")
        d["Year Founded"] = ""
    d["Company"] = name
    return Row(line, d, year, session, split_names(d.get("Founders", "")),
               split_names(d.get("Investors", "")))


def _places(d: dict[str, str]) -> list[tuple[str | None, str | None, str | None]]:
    """Each headquarters the row names; "San Francisco, New York City" is two."""
    city, state, country = (d.get(f"Headquarters ({k})", "") for k in ("City", "US State", "Country"))
    if not (city or country) and d.get("Mapping Location"):
        parts = [p.strip() for p in d["Mapping Location"].split(" - ")]
        city, country = parts[0], parts[-1] if len(parts) > 1 else ""
        state = parts[1] if len(parts) == 3 else ""
    if not (city or country):
        return []
    return [(c.strip(), state, country) for c in (city.split(",") if city else [""])]


def _company(row: Row, eid: str) -> Entity:
    d = row.cells
    amounts = nm.parse_amounts(d.get("Amounts raised in different funding rounds"))
    known = [a for a in amounts if a is not None]
    props = {
        "status": d.get("Satus", "").lower() or None,
        "founded_year": whole(d.get("Year Founded")),
        "categories": [c.strip() for c in d.get("Categories", "").split(",") if c.strip()] or None,
        "website": d.get("Website") or None,
        "description": nm.clean(d.get("Description")) or None,
        "yc_batch": f"{row.session} {row.year}",
        "rounds": len(amounts) or None,
        "rounds_usd": known or None,
        "rounds_undisclosed": len(amounts) - len(known) if amounts else None,
        "raised_usd": sum(known) if known else None,
        "crunchbase": d.get("Crunchbase / Angel List Profile") or None,
    }
    return Entity(eid, d["Company"], "Startup", [d["Company"]], props)


def load_yc(path: Path | str) -> DatasetBatch:
    """Parse the YC startups CSV at ``path`` into one batch; bad rows are reported and skipped."""
    path = Path(path)
    report = BatchReport(str(path))
    rows = read_rows(path, report)
    b = BatchBuilder(dataset_document(path, TITLE, "2014"), report)
    companies = {r.line: nm.body_id(r.cells["Company"], "Startup") for r in rows}
    founders = {nm.spelling_key(f): f for r in rows for f in r.founders}
    spellings: dict[str, Counter] = {}
    for r in rows:
        for inv in r.investors:
            spellings.setdefault(nm.spelling_key(inv), Counter())[inv] += 1
    yc_key = nm.spelling_key(ACCELERATOR)
    yc = b.add(Entity(nm.body_id(ACCELERATOR, "Fund"), ACCELERATOR, "Fund", [ACCELERATOR],
                      {"type": "accelerator"}))
    company_ids = {nm.spelling_key(r.cells["Company"]): companies[r.line] for r in rows}
    for r in rows:
        cid = b.add(_company(r, companies[r.line]))
        b.link(yc, cid, "INVESTED_IN", str(r.year), {"batch": f"{r.session} {r.year}"})
        founded = r.cells.get("Year Founded") or None
        for f in dict.fromkeys(founders[nm.spelling_key(f)] for f in r.founders):
            pid = b.add(Entity(nm.body_id(f, "Person"), f, "Person", [f]))
            b.link(pid, cid, "FOUNDED", str(whole(founded)) if founded else None)
        seen: set[str] = set()
        for inv in r.investors:
            k = nm.spelling_key(inv)
            if k == yc_key or k in seen:
                continue
            seen.add(k)
            if nm.is_placeholder(inv) or nm.is_junk(inv):
                report.counts["placeholder investors dropped"] += 1
                continue
            name = nm.canonical_spelling(spellings[k])
            iid = _investor(b, name, list(spellings[k]), company_ids, founders, k)
            b.link(iid, cid, "INVESTED_IN")
        for where in _places(r.cells):
            loc = locate(*where)
            for e in loc.entities:
                b.add(e)
            if loc.target is None:
                report.warn(r.line, f"headquarters {where} is no place that can be told apart")
                continue
            b.link(cid, loc.target, "LOCATED_IN")
            pair = city_in_country(loc)
            if pair:
                b.link(*pair, "LOCATED_IN")
    batch = b.batch()
    report.counts["companies"] = len(rows)
    report.counts["investors"] = len({x.source for x in batch.links if x.type == "INVESTED_IN"})
    return batch


def _investor(b: BatchBuilder, name: str, aliases: list[str], company_ids: dict[str, str],
              founders: dict[str, str], k: str) -> str:
    """Add an investor: a startup of the table, a founder who also invests, or a fund or angel."""
    if k in company_ids:
        return b.add(Entity(company_ids[k], name, "Startup", aliases))
    if k in founders:
        return b.add(Entity(nm.body_id(founders[k], "Person"), founders[k], "Person", aliases))
    kind = nm.investor_kind(name)
    return b.add(Entity(nm.body_id(name, kind), name, kind, aliases))
