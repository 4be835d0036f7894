"""How strong a tie each link makes: the weight table every query shares.

Link weights (``DEFAULT_WEIGHTS``, overridable by passing ``weights``):

=========================  ======  ===================================================
type                       weight  why
=========================  ======  ===================================================
SIGNED_AGREEMENT_WITH      3.0     a signed commitment is the strongest tie reported
COOPERATES_WITH            2.0     ongoing joint work without a signing
INVESTED_IN, ACQUIRED      2.0     money changed hands
PART_OF, HOLDS_ROLE, RUNS  2.0     structural membership or control
FOUNDED                    2.0
MET_WITH, VISITED          1.0     one working session; repeated ones add up
SUPPORTS, ORGANIZED        1.0
LOCATED_IN                 1.0
PARTICIPATED_IN            0.5     attending an event is a weak, often crowded tie
=========================  ======  ===================================================

A pair's tie weight is the sum over its *distinct* links, where links of the same type and
the same date between the same pair are one occurrence (the same meeting reported by several
articles counts once; three meetings on three dates count three times). Planned links count
``PLANNED_FACTOR`` of their weight. Distances for shortest paths, betweenness and closeness
are ``1 / weight``, so strong ties are short.

Tie classes (``TIE_CLASSES``): what each link type says about two parties knowing each other,
and so whether a route (a path, a broker, an introducer) may run along it.

=============  =================================================  ==========================
class          types                                              a route?
=============  =================================================  ==========================
interaction    MET_WITH, VISITED, SIGNED_AGREEMENT_WITH,          yes: the two dealt with
               COOPERATES_WITH, INVESTED_IN, ACQUIRED, SUPPORTS,  each other
               FOUNDED
affiliation    HOLDS_ROLE, RUNS, PART_OF                          yes: a body's own people
                                                                  and divisions introduce
co-attendance  PARTICIPATED_IN, ORGANIZED                         only if asked: two parties
                                                                  at one event may never
                                                                  have met
place          LOCATED_IN                                         never: two bodies in one
                                                                  country are not acquainted
=============  =================================================  ==========================

Routes use ``DEFAULT_TIES`` (interaction and affiliation) unless a query is told otherwise;
``queries.ties.route_filters`` turns a choice of classes into the link types walked on. Place
ties still say where an entity is (``queries.groups``, ``queries.sides``).
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping

DEFAULT_WEIGHTS: dict[str, float] = {
    "SIGNED_AGREEMENT_WITH": 3.0,
    "COOPERATES_WITH": 2.0,
    "INVESTED_IN": 2.0,
    "ACQUIRED": 2.0,
    "PART_OF": 2.0,
    "HOLDS_ROLE": 2.0,
    "RUNS": 2.0,
    "FOUNDED": 2.0,
    "MET_WITH": 1.0,
    "VISITED": 1.0,
    "SUPPORTS": 1.0,
    "ORGANIZED": 1.0,
    "LOCATED_IN": 1.0,
    "PARTICIPATED_IN": 0.5,
}
#: Weight of a type missing from the table.
OTHER_WEIGHT = 1.0
#: Share of its weight that a planned (not yet done) link contributes.
PLANNED_FACTOR = 0.5


#: The class of each link type (see the module docstring).
TIE_CLASSES: dict[str, str] = {
    "MET_WITH": "interaction",
    "VISITED": "interaction",
    "SIGNED_AGREEMENT_WITH": "interaction",
    "COOPERATES_WITH": "interaction",
    "INVESTED_IN": "interaction",
    "ACQUIRED": "interaction",
    "SUPPORTS": "interaction",
    "FOUNDED": "interaction",
    "HOLDS_ROLE": "affiliation",
    "RUNS": "affiliation",
    "PART_OF": "affiliation",
    "PARTICIPATED_IN": "co-attendance",
    "ORGANIZED": "co-attendance",
    "LOCATED_IN": "place",
}
#: The classes a route may use, in the order they are listed to users.
ROUTE_CLASSES = ("interaction", "affiliation", "co-attendance")
#: The classes routes use unless told otherwise.
DEFAULT_TIES: frozenset[str] = frozenset({"interaction", "affiliation"})


def route_types(classes: Iterable[str] = DEFAULT_TIES) -> frozenset[str]:
    """The link types a route may walk on when it uses tie ``classes``.

    Raises ValueError for an unknown class, for ``place`` (never a route) and for no class.
    """
    classes = frozenset(classes)
    if not classes:
        raise ValueError(f"name at least one tie class: {', '.join(ROUTE_CLASSES)}")
    for c in sorted(classes):
        if c not in ROUTE_CLASSES:
            why = "place ties (LOCATED_IN) are never a route" if c == "place" else "unknown tie class"
            raise ValueError(f"{c!r}: {why}; use some of {', '.join(ROUTE_CLASSES)}")
    return frozenset(t for t, c in TIE_CLASSES.items() if c in classes)


def check_weights(weights: Mapping[str, float] | None) -> None:
    """Raise ValueError naming the first link type whose weight is not a positive finite number:
    distances are ``1 / weight``, so zero or negative weights make shortest paths meaningless."""
    for t, w in (weights or {}).items():
        if isinstance(w, bool) or not isinstance(w, (int, float)) or not 0 < w < float("inf"):
            raise ValueError(f"weight of {t} must be a positive number, not {w!r}")


def link_weight(attrs: Mapping, weights: Mapping[str, float] | None = None) -> float:
    """Weight of one link from its ``type`` and ``status`` (see the module table).

    ``weights`` replaces entries of ``DEFAULT_WEIGHTS`` type by type; types it does not name
    keep their default.
    """
    w = weight_table(weights).get(attrs.get("type"), OTHER_WEIGHT)
    return w * PLANNED_FACTOR if attrs.get("status") == "planned" else w


def weight_table(weights: Mapping[str, float] | None = None) -> dict[str, float]:
    """``DEFAULT_WEIGHTS`` with ``weights`` replacing entries type by type."""
    return DEFAULT_WEIGHTS if weights is None else {**DEFAULT_WEIGHTS, **weights}


def weights_key(weights: Mapping[str, float] | None) -> tuple | None:
    """``weights`` as a hashable key for results memoised per set of overrides."""
    return tuple(sorted(weights.items())) if weights else None
