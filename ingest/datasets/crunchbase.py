"""The Crunchbase 2013 files as startups, acquisitions and investments.

Data: CrunchBase (www.crunchbase.com), October 2013 export, CC BY; CSVs via
github.com/datahoarder/crunchbase-october-2013. Investor links: Crunchbase 2013 Snapshot
(c) 2013 Crunchbase, flattened CSV via github.com/holmesjoli/crunchbase; treated as
CC BY-NC 4.0 (tests and non-commercial demos only). The files are read where the user keeps
them and never copied.

The three October files join by permalink; the investor links file has names only, so
its companies and rounds are found by name (and round date), and the report says how many
were found. The rounds file is such a join input, not a batch of its own: without investors
a round has no link to carry it.
"""
from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from tqdm import tqdm

from graph.model import Entity, RecordError, check_date
from graph.names import slug
from ingest.datasets import names as nm
from ingest.datasets.cells import bad_csv, open_checked, whole_or_warn
from ingest.datasets.places import city_in_country, locate
from ingest.datasets.records import BatchBuilder, BatchReport, DatasetBatch, dataset_document

FILES = {
    "companies": "crunchbase_oct2013_companies.csv",
    "rounds": "crunchbase_oct2013_funding_rounds.csv",
    "acquisitions": "crunchbase_oct2013_acquisitions.csv",
    "investments": "crunchbase_2013snapshot_investor_links.csv",
}
_OCTOBER = "CrunchBase October 2013 export (CC BY), via github.com/datahoarder/crunchbase-october-2013"
TITLES = {
    "companies": f"Crunchbase companies: {_OCTOBER}",
    "acquisitions": f"Crunchbase acquisitions: {_OCTOBER}",
    "investments": "Crunchbase 2013 Snapshot investor links (c) 2013 Crunchbase, via "
                   "github.com/holmesjoli/crunchbase (CC BY-NC 4.0 until cleared)",
}
_REQUIRED = {
    "companies": ("permalink", "name", "category_code", "status", "city"),
    "rounds": ("company_permalink", "company_name", "funding_round_type", "funded_at", "raised_amount_usd"),
    "acquisitions": ("company_permalink", "company_name", "acquirer_permalink", "acquirer_name",
                     "acquired_at", "price_amount"),
    "investments": ("company_name", "investor_name", "funded_when", "amount_usd"),
}
_NOT_REGIONS = frozenset({"tbd", "unknown", "united-states-other"})
_EXCEL_ERRORS = frozenset({"#NAME?", "#VALUE!", "#REF!", "#N/A", "#DIV/0!"})


def find_files(directory: Path | str) -> dict[str, Path]:
    """The Crunchbase files present in ``directory``, by role; the companies file is required."""
    d = Path(directory)
    found = {role: d / name for role, name in FILES.items() if (d / name).is_file()}
    if "companies" not in found:
        raise FileNotFoundError(f"{d}: no {FILES['companies']} (the Crunchbase companies file)")
    return found


def read_table(path: Path, role: str, report: BatchReport) -> Iterator[tuple[int, dict[str, str]]]:
    """(line, row) for each non-empty, non-repeated row; Mac Roman or UTF-8, CR or LF lines.

    The October files are an Excel-for-Mac export; the snapshot file is UTF-8. A file that
    does not decode as UTF-8 is read as Mac Roman, which decodes any byte.
    """
    open_checked(path)
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("mac_roman")
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip() for h in next(reader, [])]
    except csv.Error as exc:
        raise bad_csv(path, 1, exc) from None
    missing = [c for c in _REQUIRED[role] if c not in header]
    if missing:
        raise ValueError(f"{path}, line 1: missing column(s) {', '.join(missing)} of the {role} file")
    seen: set[tuple[str, ...]] = set()
    start = reader.line_num + 1
    try:
        for cells in reader:
            line, start = start, reader.line_num + 1
            if not any(c.strip() for c in cells):
                report.counts["empty rows skipped"] += 1
                continue
            report.rows += 1
            if len(cells) != len(header):
                report.skip(line, f"{len(cells)} fields where the header has {len(header)}")
                continue
            t = tuple(c.strip() for c in cells)
            if t in seen:
                report.counts["duplicate rows dropped"] += 1
                continue
            seen.add(t)
            yield line, dict(zip(header, t))
    except csv.Error as exc:
        raise bad_csv(path, start, exc) from None


def _date(value: str, report: BatchReport, line: int, field: str) -> str | None:
    try:
        return check_date(value or None, field)
    except RecordError:
        report.warn(line, f"field {field!r} is {value!r}, not a date; left out")
        return None


@dataclass
class Company:
    """A company as the October files know it: its permalink, name and kind."""

    permalink: str
    name: str
    kind: str
    id: str = ""


class Companies:
    """Every company of the October files by permalink and by name, with one id each.

    A company is a ``Startup`` if Crunchbase lists it as funded or acquired, an
    ``Organization`` (a corporation) if it only appears as a buyer, and a ``Fund`` if it is
    a funded company of the "finance" category that the investor links file shows investing
    (Y Combinator itself is in the companies file). Two permalinks with one
    name ("About.me", "AboutMe") keep the bare id for the one whose permalink is that slug
    and the permalink appended for the other.
    """

    def __init__(self) -> None:
        self.by_permalink: dict[str, Company] = {}
        self.by_key: dict[str, Company] = {}

    def see(self, permalink: str, name: str, kind: str, report: BatchReport, line: int) -> None:
        name = company_name(name, permalink, report, line)
        known = self.by_permalink.get(permalink)
        if known is None:
            self.by_permalink[permalink] = Company(permalink, name, kind)
        elif known.kind == "Organization":
            known.kind = kind

    def settle(self) -> None:
        """Give ids once every file has been seen, so that they do not depend on file order."""
        by_slug: dict[str, list[Company]] = {}
        for c in self.by_permalink.values():
            by_slug.setdefault(nm.body_id(c.name, c.kind), []).append(c)
        for base, group in by_slug.items():
            group.sort(key=lambda c: (_tail(c.permalink) != slug(c.name), c.permalink))
            for i, c in enumerate(group):
                c.id = base if i == 0 else f"{base}-{slug(_tail(c.permalink))}"
                self.by_key.setdefault(nm.spelling_key(c.name), c)

    def entity(self, permalink: str) -> Entity:
        c = self.by_permalink[permalink]
        props = {"type": "company"} if c.kind == "Organization" else {}
        return Entity(c.id, c.name, c.kind, [c.name], {"crunchbase_permalink": permalink, **props})


def _tail(permalink: str) -> str:
    return permalink.rstrip("/").rsplit("/", 1)[-1]


def company_name(name: str, permalink: str, report: BatchReport, line: int) -> str:
    """The name, repaired; an Excel error cell ("#NAME?") is replaced by the permalink's words."""
    name = nm.clean(name)
    if name in _EXCEL_ERRORS or not name:
        fixed = _tail(permalink).replace("-", " ") or permalink
        report.warn(line, f"name {name!r} of {permalink} is an Excel error; named {fixed!r}")
        report.counts["names repaired"] += 1
        return fixed
    return name


def _place(b: BatchBuilder, entity_id: str, city: str, state: str, country: str) -> None:
    loc = locate(city or None, state or None, country or None)
    for e in loc.entities:
        b.add(e)
    if loc.target is not None:
        b.link(entity_id, loc.target, "LOCATED_IN")
        pair = city_in_country(loc)
        if pair:
            b.link(*pair, "LOCATED_IN")


def load_crunchbase(paths: dict[str, Path] | Path | str, progress: bool | None = None) -> list[DatasetBatch]:
    """Parse the Crunchbase files (a directory, or ``{role: path}``) into one batch per file.

    Batches come out for the companies, acquisitions and investor links files, in that
    order; the rounds file only adds round types and amounts to investor links.
    """
    if not isinstance(paths, dict):
        paths = find_files(paths)
    paths = {role: Path(p) for role, p in paths.items()}
    reports = {role: BatchReport(str(p)) for role, p in paths.items()}
    rows = {role: list(read_table(p, role, reports[role])) for role, p in paths.items()}
    index = Companies()
    investors = {nm.spelling_key(nm.clean(r["investor_name"])) for _, r in rows.get("investments", [])}
    for line, r in rows.get("companies", []):
        investing = r["category_code"] == "finance" and nm.spelling_key(nm.clean(r["name"])) in investors
        index.see(r["permalink"], r["name"], "Fund" if investing else "Startup", reports["companies"], line)
    for line, r in rows.get("acquisitions", []):
        index.see(r["company_permalink"], r["company_name"], "Startup", reports["acquisitions"], line)
        index.see(r["acquirer_permalink"], r["acquirer_name"], "Organization", reports["acquisitions"], line)
    index.settle()
    batches = []
    if "companies" in paths:
        batches.append(_companies(paths["companies"], rows["companies"], index, reports["companies"]))
    if "acquisitions" in paths:
        batches.append(_acquisitions(paths["acquisitions"], rows["acquisitions"], index,
                                     reports["acquisitions"]))
    if "investments" in paths:
        rounds = _rounds(rows["rounds"], reports["rounds"]) if "rounds" in rows else {}
        batches.append(_investments(paths["investments"], rows["investments"], index, rounds,
                                    reports["investments"], progress))
    if "rounds" in reports:
        for batch in batches[-1:]:
            batch.report.counts["rounds read"] = reports["rounds"].rows
            batch.report.counts["duplicate rounds dropped"] = reports["rounds"].counts["duplicate rows dropped"]
            batch.report.skipped += reports["rounds"].skipped
            batch.report.warnings += reports["rounds"].warnings
    return batches


def _companies(path: Path, rows: list, index: Companies, report: BatchReport) -> DatasetBatch:
    b = BatchBuilder(dataset_document(path, TITLES["companies"], "2013-10"), report)
    for line, r in rows:
        e = index.entity(r["permalink"])
        region = nm.clean(r.get("region"))
        e.properties.update({
            "category": r["category_code"] or None,
            "status": r["status"] or None,
            "founded": _date(r.get("founded_at", ""), report, line, "founded_at"),
            "founded_year": whole_or_warn(r.get("founded_year"), report, line, "founded_year"),
            "funding_total_usd": whole_or_warn(r.get("funding_total_usd"), report, line, "funding_total_usd"),
            "funding_rounds": whole_or_warn(r.get("funding_rounds"), report, line, "funding_rounds"),
            "first_funding_at": _date(r.get("first_funding_at", ""), report, line, "first_funding_at"),
            "last_funding_at": _date(r.get("last_funding_at", ""), report, line, "last_funding_at"),
            "region": region if region and slug(region) not in _NOT_REGIONS else None,
        })
        cid = b.add(e)
        _place(b, cid, r["city"], r.get("state_code", ""), r.get("country_code", ""))
    report.counts["companies"] = len(rows)
    return b.batch()


def _acquisitions(path: Path, rows: list, index: Companies, report: BatchReport) -> DatasetBatch:
    b = BatchBuilder(dataset_document(path, TITLES["acquisitions"], "2013-10"), report)
    for line, r in rows:
        target, buyer = r["company_permalink"], r["acquirer_permalink"]
        if not target or not buyer or target == buyer:
            report.skip(line, f"acquirer {r['acquirer_permalink']!r} / company {r['company_permalink']!r} "
                              "is not a buyer and a bought company")
            continue
        cid, aid = b.add(index.entity(target)), b.add(index.entity(buyer))
        price = whole_or_warn(r.get("price_amount"), report, line, "price_amount")
        b.link(aid, cid, "ACQUIRED", _date(r["acquired_at"], report, line, "acquired_at"),
               {"price": price, "currency": (r.get("price_currency_code") or None) if price else None})
        _place(b, cid, r["company_city"], r["company_state_code"], r["company_country_code"])
        _place(b, aid, r["acquirer_city"], r["acquirer_state_code"], r["acquirer_country_code"])
    batch = b.batch()
    pairs = Counter((x.source, x.target) for x in batch.links if x.type == "ACQUIRED")
    report.counts["acquisitions"] = sum(pairs.values())
    report.counts["repeated (acquirer, company) pairs"] = sum(n - 1 for n in pairs.values() if n > 1)
    return batch


@dataclass
class Round:
    """What the rounds file adds to an investor link: the round's type and total."""

    type: str
    amount: int | None


def _rounds(rows: Iterable, report: BatchReport) -> dict[tuple[str, str], list[Round]]:
    """Rounds by (company name key, date): the only key the investor links file shares with them."""
    out: dict[tuple[str, str], list[Round]] = {}
    for line, r in rows:
        k = (nm.spelling_key(nm.clean(r["company_name"])), r["funded_at"])
        amount = whole_or_warn(r["raised_amount_usd"], report, line, "raised_amount_usd")
        out.setdefault(k, []).append(Round(r["funding_round_type"], amount))
    return out


def _match(rounds: dict[tuple[str, str], list[Round]], company: str, date: str | None,
           amount: int | None) -> Round | None | str:
    """The round an investor row belongs to; "ambiguous" if several fit and the amount cannot tell."""
    found = rounds.get((nm.spelling_key(company), date or ""), [])
    if len(found) > 1:
        same = [x for x in found if x.amount == amount]
        found = same if len(same) == 1 else found
    if len(found) > 1:
        return "ambiguous"
    return found[0] if found else None


def _investments(path: Path, rows: list, index: Companies, rounds: dict, report: BatchReport,
                 progress: bool | None) -> DatasetBatch:
    b = BatchBuilder(dataset_document(path, TITLES["investments"], "2013-12-12"), report)
    investors: dict[str, Counter] = {}
    companies: dict[str, Counter] = {}
    placeholders: Counter = Counter()
    kept = []
    for line, r in rows:
        company, investor = nm.clean(r["company_name"]), nm.clean(r["investor_name"])
        if not company or not investor:
            report.skip(line, f"field {'company_name' if not company else 'investor_name'} is empty")
            continue
        if nm.is_placeholder(investor) or nm.is_junk(investor):
            placeholders[investor] += 1
            continue
        investors.setdefault(nm.spelling_key(investor), Counter())[investor] += 1
        companies.setdefault(nm.spelling_key(company), Counter())[company] += 1
        kept.append((line, company, investor, r))
    report.counts["placeholder investor rows dropped"] = sum(placeholders.values())
    report.counts["placeholder investor names"] = len(placeholders)
    report.counts["investor spellings merged"] = sum(len(v) - 1 for v in investors.values())
    report.counts["company names matched"] = sum(1 for k in companies if k in index.by_key)
    report.counts["company names not matched"] = sum(1 for k in companies if k not in index.by_key)
    ids: dict[str, str] = {}
    for line, company, investor, r in tqdm(kept, desc="crunchbase investor links", unit="row",
                                           disable=None if progress is None else not progress):
        ck, ik = nm.spelling_key(company), nm.spelling_key(investor)
        cid = ids.get(ck) or ids.setdefault(ck, _party(b, index, ck, companies[ck], "Startup"))
        iid = ids.get(ik) or ids.setdefault(ik, _party(b, index, ik, investors[ik],
                                                       "Startup" if ik in companies else None))
        if iid == cid:
            report.skip(line, f"{investor!r} is named as an investor in itself")
            continue
        date = _date(r["funded_when"], report, line, "funded_when")
        amount = whole_or_warn(r["amount_usd"], report, line, "amount_usd")
        found = _match(rounds, company, date, amount) if date else None
        if found == "ambiguous":
            report.counts["rounds ambiguous"] += 1
            found = None
        elif found is None:
            report.counts["rounds not matched"] += 1
        else:
            report.counts["rounds matched"] += 1
            amount = amount if amount is not None else found.amount
        b.link(iid, cid, "INVESTED_IN", date, {
            "round": found.type if found else None,
            "amount": amount, "currency": "USD" if amount is not None else None,
            "amount_of": "round" if amount is not None else None,
        })
    batch = b.batch()
    report.counts["investors"] = len({x.source for x in batch.links})
    report.counts["companies"] = len({x.target for x in batch.links})
    report.counts["investor-company pairs"] = len({(x.source, x.target) for x in batch.links})
    return batch


def _party(b: BatchBuilder, index: Companies, k: str, spellings: Counter, kind: str | None) -> str:
    """Add one side of an investment and return its id.

    A name of the October files is that company, whichever side it is on (corporations and
    funded VCs invest too); a company only this file names is a ``Startup``, and so is an
    investor that this file also lists as funded; any other investor is a fund or an angel.
    """
    known = index.by_key.get(k)
    aliases = list(spellings)
    if known is not None:
        e = index.entity(known.permalink)
        e.aliases += [a for a in aliases if a not in e.aliases]
        return b.add(e)
    name = nm.canonical_spelling(spellings)
    kind = kind or nm.investor_kind(name)
    return b.add(Entity(nm.body_id(name, kind), name, kind, aliases))
