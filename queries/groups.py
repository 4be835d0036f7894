"""Which group each entity belongs to, for brokerage and for describing communities.

A grouping is either a node attribute (``kind``, ``type``, any property) or a place derived
from the graph: ``country`` and ``city`` follow ``LOCATED_IN`` links (an organisation in Busan,
Busan in Hàn Quốc, so the organisation's country is ``han-quoc``). Places are always read from
the full projection, so a query filtered to MET_WITH links still knows where everyone is.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

import networkx as nx

from graph.names import key
from queries.memo import shared

#: Groupings derived from LOCATED_IN chains, with the node kind they end at.
PLACE_GROUPINGS = {"country": "Country", "city": "City"}
#: The group of entities with no value for the grouping.
UNKNOWN = "?"
#: How many LOCATED_IN steps are followed (office -> park -> city -> country).
MAX_CHAIN = 4


def _located_in(G: nx.MultiDiGraph) -> dict[str, dict[str, int]]:
    """Each node's LOCATED_IN targets, with the number of such links to each."""
    up: dict[str, dict[str, int]] = {}
    for u, nbrs in G.adjacency():
        for v, keyed in nbrs.items():
            k = sum(1 for a in keyed.values() if a.get("type") == "LOCATED_IN")
            if k:
                up.setdefault(u, {})[v] = k
    return up


def _place(G: nx.MultiDiGraph, up: Mapping[str, Mapping[str, int]], n: str, kind: str) -> str | None:
    """The nearest node of ``kind`` up the LOCATED_IN chain from ``n`` (ties: most links, id)."""
    if G.nodes[n].get("kind") == kind:
        return n
    frontier, seen = {n}, {n}
    for _ in range(MAX_CHAIN):
        found: Counter[str] = Counter()
        nxt = set()
        for u in frontier:
            for v, k in up.get(u, {}).items():
                if v in seen:
                    continue
                if G.nodes[v].get("kind") == kind:
                    found[v] += k
                nxt.add(v)
        if found:
            return min(found, key=lambda v: (-found[v], v))
        seen |= nxt
        frontier = nxt
        if not frontier:
            return None
    return None


def group_of(G: nx.MultiDiGraph, by: str) -> dict[str, str]:
    """Map every node of projection ``G`` to its group under grouping ``by``.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The full projection (places are read from its LOCATED_IN links).
    by : str
        ``"country"`` or ``"city"``: the id of the Country (City) node reached by following
        LOCATED_IN links (a Country or City node is its own place; the nearest place wins,
        then the one with most links). When no chain reaches one, a node property of that
        name (``country="Hàn Quốc"``) is matched to a place node by name or alias.
        Anything else: the node attribute of that name (``kind``, ``type``, ...), as a string.

    Returns
    -------
    dict
        Node id -> group; nodes without a value get ``UNKNOWN`` (``"?"``), which is a group
        like any other so that unplaced organisations can still show up as brokers. Made once
        per projection and grouping and shared (``queries.memo``): callers must not modify it.
    """
    return shared(G, ("groups", by), lambda: _group_of(G, by))


def _group_of(G: nx.MultiDiGraph, by: str) -> dict[str, str]:
    if by in PLACE_GROUPINGS:
        kind = PLACE_GROUPINGS[by]
        places = {key(str(t)): n for n, a in G.nodes(data=True) if a.get("kind") == kind
                  for t in (n, a.get("name") or "", *(a.get("aliases") or []))}
        up = _located_in(G)
        out = {}
        for n, a in G.nodes(data=True):
            p = _place(G, up, n, kind)
            if p is None and a.get(by) not in (None, ""):
                p = places.get(key(str(a[by])), str(a[by]))
            out[n] = p if p is not None else UNKNOWN
        return out
    return {n: UNKNOWN if a.get(by) in (None, "") else str(a[by]) for n, a in G.nodes(data=True)}


def group_label(G: nx.Graph, by: str, group: str) -> str:
    """A readable name for ``group``: the place's name for place groupings, else the value."""
    if by in PLACE_GROUPINGS and group in G:
        return G.nodes[group].get("name") or group
    return group


def find_group(G: nx.MultiDiGraph, by: str, groups: dict[str, str], query: str) -> str:
    """The group value meant by ``query``: a place id or any of its names, or an attribute value.

    Matching ignores case and diacritics (``graph.names.key``), so ``viet nam``, ``Việt Nam``
    and ``viet-nam`` all find the group ``viet-nam``.

    Raises
    ------
    LookupError
        Naming the known groups closest to ``query``.
    """
    from queries.resolve import EntityLookupError, find_entity

    values = set(groups.values()) - {UNKNOWN}
    if query in values:
        return query
    if by in PLACE_GROUPINGS:
        places = [v for v in values if v in G]
        try:
            return find_entity(G, query, nodes=places)
        except EntityLookupError as e:
            raise LookupError(f"no {by} group {query!r}: {e}") from None
    hits = [v for v in values if key(v) == key(query)]
    if len(hits) == 1:
        return hits[0]
    shown = ", ".join(sorted(values)[:20])
    raise LookupError(f"no {by} group {query!r}" + (f"; groups: {shown}" if shown else ""))
