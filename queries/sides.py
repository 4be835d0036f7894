"""Which entities make up a side: a place's ecosystem, or a body with its own people and divisions.

Place ties (LOCATED_IN) are never a route (``queries.weights.TIE_CLASSES``), but they say
which ecosystem an entity belongs to. A *place side* is everything located in the place,
found by walking LOCATED_IN and PART_OF links backwards, transitively (a park's office in
the park, the park in Chungbuk, Chungbuk in Hàn Quốc), with the people holding roles in
those bodies. A *body side* is what a delegation speaks for: the body, the bodies it is part
of, their divisions, what they run, and the people holding roles in any of them.

Places themselves (cities, countries) are parties on their side (a city's government meets
delegations) but never brokers, introducers or hops of a route.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx

from queries.resolve import find_entity

#: Kinds that are places: never a broker, an introducer or an inner hop of a route.
PLACE_KINDS = frozenset({"City", "Country"})
#: Kinds that can act as brokers and introducers: bodies and people.
ACTOR_KINDS = frozenset({"Agency", "Park", "Fund", "Startup", "Organization", "Person"})


def _walk(G: nx.MultiDiGraph, start: Iterable[str], types: frozenset[str], *, backwards: bool = True,
          depth: int | None = None) -> set[str]:
    """``start`` and every node reached from it along links of ``types`` (against their direction
    when ``backwards``), up to ``depth`` steps (no limit when None)."""
    out, frontier, step = set(start), set(start), 0
    while frontier and (depth is None or step < depth):
        if backwards:
            nxt = {u for v in frontier for u, _, t in G.in_edges(v, data="type") if t in types}
        else:
            nxt = {v for u in frontier for _, v, t in G.out_edges(u, data="type") if t in types}
        frontier = nxt - out
        out |= frontier
        step += 1
    return out


def place_side(G: nx.MultiDiGraph, place: str) -> set[str]:
    """``place`` and everything located in it through LOCATED_IN and PART_OF chains, with the
    people holding roles in those bodies (``G`` is the full projection)."""
    located = _walk(G, {place}, frozenset({"LOCATED_IN", "PART_OF"}))
    return located | _walk(G, located, frozenset({"HOLDS_ROLE"}), depth=1)


def body_side(G: nx.MultiDiGraph, n: str) -> set[str]:
    """What ``n`` speaks for: ``n``, the bodies it is part of or holds a role in, their divisions
    and what they run, and the people holding roles in any of them (places left out)."""
    up = _walk(G, {n}, frozenset({"PART_OF", "HOLDS_ROLE"}), backwards=False)
    bodies = _walk(G, up, frozenset({"PART_OF"}))
    bodies |= _walk(G, bodies, frozenset({"RUNS"}), backwards=False, depth=1)
    side = bodies | _walk(G, bodies, frozenset({"HOLDS_ROLE"}), depth=1)
    return {x for x in side if G.nodes[x].get("kind") not in PLACE_KINDS or x == n}


def side_of(G: nx.MultiDiGraph, n: str) -> set[str]:
    """The side of ``n``: a place's (``place_side``), an event's (itself, its organisers and
    participants, with their own sides), or a body's (``body_side``)."""
    kind = G.nodes[n].get("kind")
    if kind in PLACE_KINDS:
        return place_side(G, n)
    if kind == "Event":
        parties = _walk(G, {n}, frozenset({"ORGANIZED", "PARTICIPATED_IN"}), depth=1)
        return {n} | {x for p in parties - {n} for x in body_side(G, p)}
    return body_side(G, n)


@dataclass(frozen=True)
class Sides:
    """Two places and the entities on each side; an entity located in both is on neither."""

    a: str
    b: str
    members_a: frozenset[str]
    members_b: frozenset[str]

    def side(self, n: str) -> str | None:
        """``"a"``, ``"b"`` or None (on neither side)."""
        return "a" if n in self.members_a else "b" if n in self.members_b else None


def find_place(G: nx.MultiDiGraph, query: str) -> str:
    """The city or country meant by ``query`` (id, name or alias; ``queries.resolve.find_entity``)."""
    return find_entity(G, query, nodes=[n for n, k in G.nodes(data="kind") if k in PLACE_KINDS])


def split(G: nx.MultiDiGraph, a: str, b: str) -> Sides:
    """The side partition of places ``a`` and ``b`` (ids, names or aliases of cities or countries).

    Raises
    ------
    queries.resolve.EntityLookupError
        When a name is no city or country of the graph.
    ValueError
        When both name the same place, or one place lies inside the other.
    """
    pa, pb = find_place(G, a), find_place(G, b)
    if pa == pb:
        raise ValueError(f"{a!r} and {b!r} are the same place ({pa})")
    sa, sb = place_side(G, pa), place_side(G, pb)
    if pa in sb or pb in sa:
        raise ValueError(f"one of {a!r} and {b!r} lies inside the other; name two separate places")
    both = sa & sb
    return Sides(pa, pb, frozenset(sa - both), frozenset(sb - both))
