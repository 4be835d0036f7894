"""Gould-Fernandez brokerage roles: which kind of go-between an entity is, given a partition.

Brokerage (Gould and Fernandez [1]_): ``v`` brokers the ordered pair ``(a, c)`` when
``a -> v -> c`` and there is no arc ``a -> c`` (``a``, ``v``, ``c`` distinct). The role
depends on the groups of sender ``a``, broker ``v`` and receiver ``c``:

==============  ===================  ===============================================
role            pattern a -> v -> c  meaning
==============  ===================  ===============================================
coordinator     A -> A -> A          mediates inside its own group
itinerant       A -> B -> A          an outsider mediating inside another group
gatekeeper      A -> B -> B          lets an outsider in to its own group
representative  A -> A -> B          carries its own group's contact out
liaison         A -> B -> C          links two groups, belonging to neither
==============  ===================  ===============================================

``queries.brokers`` counts roles over every pair of a whole grouping (country, kind...).
``side_role_counts`` counts them on a two-sided partition (``queries.sides``): only pairs
whose sender and receiver both lie on a side count, so a broker outside both sides is a
liaison when it joins them and an itinerant when it mediates inside one; entities on neither
side form the third group. Undirected ties are read as arcs both ways (as statnet's
``sna::brokerage`` [2]_ and UCINET do), so a side member's gatekeeper and representative counts
are then equal.

References
----------
.. [1] Gould, R. V. and Fernandez, R. M. (1989). Structures of mediation: a formal approach
   to brokerage in transaction networks. Sociological Methodology 19, 89-126.
.. [2] Butts, C. T. sna: Tools for Social Network Analysis, ``brokerage``. R package.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

import networkx as nx
import pandas as pd

ROLES = ("coordinator", "itinerant", "gatekeeper", "representative", "liaison")
#: The group of entities on neither side.
OUTSIDE = "outside"


def role_of(ga: str, gv: str, gc: str) -> str:
    """The Gould-Fernandez role of broker group ``gv`` between sender ``ga`` and receiver ``gc``."""
    if ga == gc:
        return "coordinator" if ga == gv else "itinerant"
    if gc == gv:
        return "gatekeeper"
    if ga == gv:
        return "representative"
    return "liaison"


def side_role_counts(H: nx.Graph | nx.DiGraph, side: Callable[[str], str | None],
                     brokers: Iterable[str]) -> pd.DataFrame:
    """Role counts of each of ``brokers`` over the pairs of side members it brokers in ``H``.

    Parameters
    ----------
    H : networkx.Graph or networkx.DiGraph
        Simple graph of ties; an undirected one is read as arcs both ways.
    side : callable
        Node -> its side (any label), or None for a node on neither side.
    brokers : iterable of str
        The nodes to count for.

    Returns
    -------
    pandas.DataFrame
        Indexed by broker, one column per role in ``ROLES`` plus ``total``. Each broker costs
        the product of its numbers of side neighbours in and out.
    """
    rows = {}
    succ = H.succ if H.is_directed() else H.adj
    pred = H.pred if H.is_directed() else H.adj
    for v in brokers:
        count = dict.fromkeys(ROLES, 0)
        gv = side(v) or OUTSIDE
        senders = [a for a in pred[v] if a != v and side(a) is not None]
        receivers = [c for c in succ[v] if c != v and side(c) is not None]
        for a in senders:
            for c in receivers:
                if a != c and c not in succ[a]:
                    count[role_of(side(a), gv, side(c))] += 1
        count["total"] = sum(count.values())
        rows[v] = count
    return pd.DataFrame.from_dict(rows, orient="index", columns=[*ROLES, "total"]).astype(int)


#: The roles whose pairs join two different groups (sender and receiver in different groups).
CROSSING_ROLES = ("gatekeeper", "representative", "liaison")


def main_role(counts: pd.Series, among: tuple[str, ...] = ROLES) -> str:
    """The role(s) of ``among`` with the largest count, joined by ``/`` in ``ROLES`` order;
    ``""`` when none has a count."""
    top = max(int(counts[r]) for r in among)
    return "/".join(r for r in ROLES if r in among and top and counts[r] == top)
