"""Who connects two ecosystems: the bodies and people with ties to both sides, and how.

The two sides are places' ecosystems (``queries.sides.split``: everything located in Việt Nam
and everything located in Hàn Quốc, through LOCATED_IN and PART_OF chains). A broker is an
actor (a body or a person, never a city or a country) with route ties
(``queries.weights.TIE_CLASSES``, interaction and affiliation by default) to both sides; a
member of one side needs ties to the other side only, since it speaks for its own. Brokers
are ranked by the distinct parties they reach on the side they reach least (a member counting
itself on its own side), then on both sides, then by their latest tie and tie strength, so
the few who hold both ends come before the many who touch one side often.

Each broker's Gould-Fernandez role counts are computed on the side partition
(``queries.roles.side_role_counts``): a liaison joins the two sides from outside, a member
that joins its own side to the other is a gatekeeper and a representative (equal counts on
undirected ties), and an outsider or a member mediating inside one side is an itinerant or a
coordinator. The ``role`` shown is the most frequent of the roles that join the two sides,
since that is what the table is about; only a broker joining no pair across the sides shows
its most frequent role overall (coordinator or itinerant), and one joining no pair at all
(its partners on both sides already tied) shows none.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import networkx as nx
import pandas as pd

from graph.filters import Filters
from queries.paths import source_label
from queries.roles import CROSSING_ROLES, ROLES, main_role, side_role_counts
from queries.sides import ACTOR_KINDS, Sides, split
from queries.subgraph import filtered_view, links_among, weighted_view
from queries.ties import route_filters
from queries.weights import DEFAULT_TIES
from queries.wording import role_word, say

COLUMNS = ["id", "name", "kind", "side", "role", "reach_a", "reach_b", "partners_a", "partners_b", "types",
           "first", "last", "strength", "brokered", *ROLES]
LINK_COLUMNS = ["source", "source_name", "type", "target", "target_name", "date", "status", "doc",
                "source_label", "evidence"]


@dataclass
class SideBrokers:
    """The brokers between two places, the links behind them and a message saying how many."""

    sides: Sides
    brokers: pd.DataFrame
    links: pd.DataFrame
    message: str


def _names(H: nx.Graph, x: str, ns: list[str]) -> list[str]:
    """``ns`` by the strength of their tie with ``x``, strongest first, as names."""
    return [H.nodes[n].get("name", n) for n in sorted(ns, key=lambda n: (-H[x][n]["weight"], n))]


def side_brokers(G: nx.MultiDiGraph, a: str, b: str, filters: Filters | None = None, *,
                 ties: Iterable[str] = DEFAULT_TIES, weights: Mapping[str, float] | None = None,
                 lang: str = "en") -> SideBrokers:
    """The bodies and people connecting place ``a`` and place ``b`` (see the module docstring).

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The full projection (sides are read from its place ties, whatever the filters).
    a, b : str
        Cities or countries: ids, names or aliases.
    filters : graph.filters.Filters, optional
        Which links count as ties.
    ties : iterable of str
        Tie classes that count (default interaction and affiliation).
    weights : mapping, optional
        Link-type weight overrides, for ``strength``.
    lang : str
        Language of ``role`` and of the message (``queries.wording``).

    Returns
    -------
    SideBrokers
        ``brokers``: ``id``, ``name``, ``kind``, ``side`` (the broker's own place's name, or
        None), ``role`` (``queries.roles.main_role``), ``reach_a`` / ``reach_b`` (distinct
        parties reached on each side, itself counted on its own), ``partners_a`` /
        ``partners_b`` (their names, strongest tie first), ``types``, ``first`` / ``last``
        dates, ``strength`` (summed tie weight to both sides), ``brokered`` (pairs of side
        members it joins that are not tied directly) and the five role counts. ``links``:
        every link behind those rows, newest first, with its source's title or file.

    Raises
    ------
    queries.resolve.EntityLookupError
        When a name is no city or country of the graph.
    ValueError
        Both names for one place, a place inside the other, or an unknown tie class.
    """
    sides = split(G, a, b)
    routes = route_filters(filters, ties)
    H = weighted_view(G, routes, weights=weights)
    F = filtered_view(G, routes)
    rows, links = [], []
    for x in H:
        if H.nodes[x].get("kind") not in ACTOR_KINDS:
            continue
        own = sides.side(x)
        near = {s: [n for n in H[x] if sides.side(n) == s] for s in ("a", "b")}
        if any(not near[s] for s in ("a", "b") if s != own):
            continue
        evidence = [(u, v, at) for s in ("a", "b") for n in near[s] for u, v, at in links_among(F, (x, n))]
        dates = sorted(at["date"] for _, _, at in evidence if at.get("date"))
        links += [{"source": u, "source_name": G.nodes[u].get("name", u), "type": at.get("type"),
                   "target": v, "target_name": G.nodes[v].get("name", v), "date": at.get("date"),
                   "status": at.get("status"), "doc": at.get("doc"), "source_label": source_label(G, at.get("doc")),
                   "evidence": at.get("evidence")} for u, v, at in evidence]
        rows.append({"id": x, "name": H.nodes[x].get("name", x), "kind": H.nodes[x].get("kind"),
                     "side": None if own is None else G.nodes[getattr(sides, own)].get("name"),
                     "reach_a": len(near["a"]) + (own == "a"), "reach_b": len(near["b"]) + (own == "b"),
                     "partners_a": _names(H, x, near["a"]), "partners_b": _names(H, x, near["b"]),
                     "types": sorted({at["type"] for _, _, at in evidence}),
                     "first": dates[0] if dates else None, "last": dates[-1] if dates else None,
                     "strength": sum(H[x][n]["weight"] for n in near["a"] + near["b"])})
    df = pd.DataFrame(rows, columns=COLUMNS[:13])
    roles = side_role_counts(H, sides.side, df["id"])
    df["brokered"] = [int(roles.loc[x, "total"]) for x in df["id"]]
    for r in ROLES:
        df[r] = [int(roles.loc[x, r]) for x in df["id"]]
    df["role"] = [role_word(main_role(roles.loc[x], CROSSING_ROLES) or main_role(roles.loc[x]), lang)
                  for x in df["id"]]
    df["_least"] = df[["reach_a", "reach_b"]].min(axis=1)
    df["_both"] = df["reach_a"] + df["reach_b"]
    df["_last"] = df["last"].fillna("")
    df = df.sort_values(["_least", "_both", "_last", "strength", "name"],
                        ascending=[False, False, False, False, True], kind="stable")
    df = df.drop(columns=["_least", "_both", "_last"]).reset_index(drop=True)[COLUMNS]
    la, lb = G.nodes[sides.a].get("name", sides.a), G.nodes[sides.b].get("name", sides.b)
    message = say("brokers_found", lang, n=len(df), a=la, b=lb) if len(df) else say("no_brokers", lang, a=la, b=lb)
    links_df = pd.DataFrame(links, columns=LINK_COLUMNS).drop_duplicates(
        subset=["source", "target", "type", "date", "doc"])
    links_df = links_df.sort_values(["date", "source"], ascending=[False, True], na_position="last")
    return SideBrokers(sides, df, links_df.reset_index(drop=True), message)
