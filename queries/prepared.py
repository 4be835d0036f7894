"""What the queries derive first from a projection, made ahead of the first request and carried with it.

Most queries on the whole graph start from the same few things, shared per projection
(``queries.memo``): its ties and their igraph graph, the weighted view and the grouping by
country that the pages open with. Made inside the app server while twenty users' requests
run, their hundreds of thousands of small objects land among what those requests allocate
and keep (cached answers), and CPython cannot give that memory back once the projection
they came from is replaced: under load (``bench/bench_load.py``) the server settled about
100 MB higher after the first ingests. ``pack`` makes them where the projection is made, in
the app's projecting process (``app.web.projector``), and ``unpack`` hands them back with
the projection from one pickle, loaded in one go and freed with it.
"""
from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from queries import memo
from queries.groups import group_of
from queries.subgraph import weighted_view
from queries.ties import Ties, made_from, remember, route_filters, shared_ties

#: The grouping the pages that compare groups open with.
GROUPING = "country"


def prepare(G: nx.MultiDiGraph) -> None:
    """Derive from projection ``G`` what the pages' first queries read (shared through ``queries.memo``)."""
    routes = route_filters()  # the default tie classes, which the pages open with
    ties = shared_ties(G, routes)
    ties.igraph, ties.index  # noqa: B018 (made once, then read by weighted paths and centrality)
    weighted_view(G, routes)
    group_of(G, GROUPING)


@dataclass(frozen=True)
class Prepared:
    """A projection with what was derived from it, to be pickled as one."""

    graph: nx.MultiDiGraph
    derived: dict
    #: Key in ``derived`` of each shared view -> the ties it was made from (``queries.ties.remember``).
    views: dict[tuple, Ties]


def pack(G: nx.MultiDiGraph) -> Prepared:
    """``G``, prepared, with everything derived from it so far."""
    prepare(G)
    derived = memo.derived(G)
    views = {key: ties for key, H in derived.items() if isinstance(H, nx.Graph) and (ties := made_from(H)) is not None}
    return Prepared(G, derived, views)


def unpack(prepared: Prepared) -> nx.MultiDiGraph:
    """The projection of ``prepared``, with what came with it shared as derived from it here."""
    G = prepared.graph
    memo.adopt(G, prepared.derived)
    for key, ties in prepared.views.items():
        remember(prepared.derived[key], ties)
    return G
