"""Who can introduce A to B: the bodies and people who know B, and how A reaches them.

An *introducer* of ``A`` to ``B`` is a body or a person (never a city or a country, and never
on A's own side: its body, divisions, people and what it runs, ``queries.sides.body_side``)
with a route tie (``queries.weights.TIE_CLASSES``: interaction and affiliation by default) to
someone on B's side (``queries.sides.side_of``: B, its people and divisions, or everything
located in B when B is a place). When co-attendance ties are asked for, an event or a
programme that both the introducer and B's side took part in also counts, as a weaker link.

Each introducer comes with its route: the fewest-hop chain of ties from A's side to the
introducer (through no place and no one on B's side), then the tie to B's side, every hop
with its date, status and source. Introducers A can reach come first, by the length of that
route, then those whose ties there are done before those whose ties are only planned, then by
how many parties on B's side they know, their latest tie there and its strength; those A has no known route to follow, since an introduction still starts from them.

The same answer feeds the brief (``queries.brief``), ``ecograph query path`` and the app's
Paths and Visit pages.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import networkx as nx
import pandas as pd

from graph.filters import Filters
from queries.paths import Hop, explain_hop
from queries.resolve import display_name, find_entity
from queries.sides import ACTOR_KINDS, PLACE_KINDS, body_side, side_of
from queries.subgraph import filtered_view, weighted_view
from queries.ties import route_filters
from queries.weights import DEFAULT_TIES
from queries.wording import say

#: Kinds a route may pass through between an introducer and B's side (shared attendance).
GATHERING_KINDS = frozenset({"Event", "Program"})
COLUMNS = ["rank", "id", "name", "kind", "route_hops", "knows", "last", "strength", "via", "route"]


@dataclass
class Introducer:
    """One introducer, the parties it knows on B's side, and the route through it."""

    id: str
    name: str
    kind: str
    #: Names of the parties it knows on B's side, strongest tie first.
    knows: list[str]
    #: Hops from A's side to the introducer (empty when A has no known route to it).
    route: list[Hop]
    #: Hops from the introducer to B's side.
    onward: list[Hop]
    last: str | None
    strength: float
    #: Whether every tie it has to B's side is only planned.
    planned_only: bool

    @property
    def reachable(self) -> bool:
        return bool(self.route)

    @property
    def hops(self) -> list[Hop]:
        return self.route + self.onward

    @property
    def via(self) -> list[str]:
        """The ids along the whole chain, from A's side through the introducer to B's side."""
        return [self.hops[0].source, *(h.target for h in self.hops)]


@dataclass
class Introductions:
    """The introducers who know ``target``'s side, best first, and a message saying how many."""

    source: str
    target: str
    introducers: list[Introducer] = field(default_factory=list)
    message: str = ""

    def to_frame(self) -> pd.DataFrame:
        """One row per introducer: ``rank``, ``id``, ``name``, ``kind``, ``route_hops`` (None when
        A has no known route to it), ``knows`` (list), ``last``, ``strength``, ``via`` (the ids
        along the chain) and ``route`` (each hop's sentence)."""
        rows = [{"rank": i, "id": x.id, "name": x.name, "kind": x.kind,
                 "route_hops": len(x.route) if x.reachable else None, "knows": x.knows, "last": x.last,
                 "strength": x.strength, "via": x.via, "route": [h.text for h in x.hops]}
                for i, x in enumerate(self.introducers, 1)]
        return pd.DataFrame(rows, columns=COLUMNS)


def _routes_from(H: nx.Graph, start: set[str], blocked: set[str], depth: int) -> dict[str, str | None]:
    """Breadth-first search of ``H`` from every node of ``start``, never entering ``blocked``,
    at most ``depth`` steps: each node reached -> the node it was reached from (None for a start)."""
    parent: dict[str, str | None] = {n: None for n in start if n in H}
    frontier = list(parent)
    for _ in range(depth):
        nxt = []
        for u in frontier:
            for x in H[u]:
                if x not in parent and x not in blocked:
                    parent[x] = u
                    nxt.append(x)
        frontier = nxt
    return parent


def _chain(parent: Mapping[str, str | None], x: str) -> list[str]:
    out = [x]
    while parent[out[-1]] is not None:
        out.append(parent[out[-1]])
    return out[::-1]


def introductions(G: nx.MultiDiGraph, source: str, target: str, filters: Filters | None = None, *,
                  ties: Iterable[str] = DEFAULT_TIES, top: int = 10, max_hops: int = 3,
                  weights: Mapping[str, float] | None = None, lang: str = "en") -> Introductions:
    """Who can introduce ``source`` to ``target`` (see the module docstring).

    The direct routes between the two, if any, are ``queries.paths.find_paths``'s (with the
    same ``ties``): the CLI and the Paths page show both.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The full projection (sides are read from its structure, ties from its filtered part).
    source, target : str
        Ids, names or aliases; ``target`` may be a body, a person, an event or a place.
    filters : graph.filters.Filters, optional
        Which links count.
    ties : iterable of str
        Tie classes a route may use (default interaction and affiliation).
    top : int
        Most introducers listed.
    max_hops : int
        Longest route from ``source``'s side to an introducer, in ties (1 to 4).
    weights : mapping, optional
        Link-type weight overrides, for tie strength.
    lang : str
        Language of the hop sentences (``queries.wording``).

    Raises
    ------
    queries.resolve.EntityLookupError
        Unknown or ambiguous names.
    ValueError
        The same entity twice, ``max_hops`` or ``top`` out of range, an unknown tie class.
    """
    if not 1 <= max_hops <= 4:
        raise ValueError(f"max_hops must be between 1 and 4, not {max_hops}")
    if top < 1:
        raise ValueError(f"top must be at least 1, not {top}")
    s, t = find_entity(G, source), find_entity(G, target)
    home = side_of(G, s) if G.nodes[s].get("kind") in PLACE_KINDS else body_side(G, s)
    far = side_of(G, t) - home
    routes = route_filters(filters, ties)
    H = weighted_view(G, routes, weights=weights)
    F = filtered_view(G, routes)
    places = {n for n, kind in G.nodes(data="kind") if kind in PLACE_KINDS}

    def kind(n: str) -> str | None:
        return G.nodes[n].get("kind")

    # who knows B's side: directly, or through a gathering both attended
    knows: dict[str, dict[str, list[str]]] = {}
    for y in far:
        if y not in H:
            continue
        for x in H[y]:
            if kind(x) in GATHERING_KINDS and x not in far and x not in home:
                for z in H[x]:
                    if kind(z) in ACTOR_KINDS and z not in far and z not in home:
                        knows.setdefault(z, {}).setdefault(y, [x, y])
            elif kind(x) in ACTOR_KINDS and x not in home and x not in far:
                knows.setdefault(x, {})[y] = [y]
    parent = _routes_from(H, home, (places - {s}) | far, max_hops)
    found = []
    for x, via in knows.items():
        chain = _chain(parent, x) if x in parent else []
        ys = sorted(via, key=lambda y: (len(via[y]), -H[via[y][0]][x]["weight"], y))
        best = [x, *via[ys[0]]]
        onward = [explain_hop(F, u, v, weights=weights, lang=lang) for u, v in zip(best, best[1:])]
        to_far = [lk for y in ys for lk in explain_hop(F, x, via[y][0], weights=weights).links]
        dates = [lk["date"] for lk in to_far if lk["date"]]
        found.append(Introducer(
            id=x, name=display_name(G, x), kind=kind(x), knows=[display_name(G, y) for y in ys],
            route=[explain_hop(F, u, v, weights=weights, lang=lang) for u, v in zip(chain, chain[1:])],
            onward=onward, last=max(dates) if dates else None,
            strength=sum(H[via[y][0]][x]["weight"] for y in ys),
            planned_only=all(lk["status"] == "planned" for lk in to_far)))
    found.sort(key=lambda i: (not i.reachable, len(i.route), i.planned_only, -len(i.knows), _newest_first(i.last),
                              -i.strength, i.name))
    ns, nt = display_name(G, s), display_name(G, t)
    reachable = sum(1 for i in found if i.reachable)
    message = (say("introducers_found", lang, n=len(found), b=nt, r=reachable, h=max_hops, a=ns) if found else
               say("no_introducers", lang, a=ns, b=nt))
    return Introductions(s, t, found[:top], message)


def _newest_first(date: str | None) -> tuple:
    """A sort key putting later ISO dates first and undated last."""
    return (date is None, tuple(-ord(c) for c in date or ""))
