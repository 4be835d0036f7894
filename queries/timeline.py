"""How the graph grew over time: links per year and type, and new partners per year.

Links are counted as distinct occurrences (``queries.subgraph.distinct_links``): one meeting
reported by three articles is one link, so a busy news year does not look like a busy
cooperation year. Undated links have no year and are counted apart.
"""
from __future__ import annotations

from collections import defaultdict

import networkx as nx
import pandas as pd

from graph.filters import Filters
from queries.resolve import find_entity
from queries.subgraph import distinct_links, filter_graph, links_of

UNDATED = "undated"


def _links(G: nx.MultiDiGraph, filters: Filters | None, entity: str | None):
    F = filter_graph(G, filters)
    if entity is None:
        return F, None, list(distinct_links(F))
    e = find_entity(G, entity)
    if e not in F:
        raise ValueError(f"{entity!r} ({e}) is removed by the filters")
    return F, e, list(links_of(F, e))


def links_per_year(G: nx.MultiDiGraph, filters: Filters | None = None, *,
                   entity: str | None = None) -> pd.DataFrame:
    """Count of distinct links per year (rows) and link type (columns).

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A projection.
    filters : graph.filters.Filters, optional
    entity : str, optional
        Only the links of this entity (id, name or alias).

    Returns
    -------
    pandas.DataFrame
        Index ``year`` (``"2019"``, ..., then ``"undated"`` if any), one integer column per
        link type present, and ``total``.
    """
    _, _, links = _links(G, filters, entity)
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for _, _, a in links:
        year = a["date"][:4] if a.get("date") else UNDATED
        counts[year][a.get("type")] += 1
    years = sorted(y for y in counts if y != UNDATED) + ([UNDATED] if UNDATED in counts else [])
    types = sorted({t for c in counts.values() for t in c})
    df = pd.DataFrame([[counts[y].get(t, 0) for t in types] for y in years], index=years, columns=types)
    df.index.name = "year"
    df["total"] = df.sum(axis=1)
    return df.astype(int)


def new_partners_per_year(G: nx.MultiDiGraph, filters: Filters | None = None, *,
                          entity: str | None = None) -> pd.DataFrame:
    """Pairs of entities first linked in each year (their earliest dated link).

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A projection.
    filters : graph.filters.Filters, optional
        E.g. ``types={"SIGNED_AGREEMENT_WITH", "COOPERATES_WITH"}`` for new cooperation partners.
    entity : str, optional
        Count that entity's new partners, and name them.

    Returns
    -------
    pandas.DataFrame
        Columns ``year``, ``new_partners``, ``cumulative``, and with ``entity`` a ``partners``
        column naming them. Pairs linked only by undated links are left out: their first year
        is unknown.
    """
    F, e, links = _links(G, filters, entity)
    first: dict[frozenset, str] = {}
    for u, v, a in links:
        date = a.get("date")
        if not date or u == v:
            continue
        pair = frozenset((u, v))
        if pair not in first or date[:4] < first[pair]:
            first[pair] = date[:4]
    by_year: dict[str, list[str]] = defaultdict(list)
    for pair, year in first.items():
        other = next(iter(pair - {e})) if e is not None else None
        by_year[year].append(other)
    rows, total = [], 0
    for year in sorted(by_year):
        total += len(by_year[year])
        row = {"year": year, "new_partners": len(by_year[year]), "cumulative": total}
        if e is not None:
            row["partners"] = ", ".join(sorted(F.nodes[n].get("name", n) for n in by_year[year]))
        rows.append(row)
    cols = ["year", "new_partners", "cumulative"] + (["partners"] if e is not None else [])
    return pd.DataFrame(rows, columns=cols)
