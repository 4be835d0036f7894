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
"""
from __future__ import annotations

from collections.abc import Mapping

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
