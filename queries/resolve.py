"""Finding an entity of a projection by id, name or alias, the way users type them.

Users write ``tp hcm``, ``TP.HCM`` or ``Thành phố Hồ Chí Minh``, ``KHCN`` or ``KH&CN``;
``graph.names.keys`` makes those compare equal, so matching on keys (of the id, the name and
every alias) is the one rule shared by paths, ego networks, briefs and group look-ups.
"""
from __future__ import annotations

import difflib
import weakref
from collections import defaultdict
from collections.abc import Iterable

import networkx as nx

from graph.names import key, keys


class EntityLookupError(LookupError):
    """A name that matches no entity, or several; ``candidates`` lists ``(id, name, kind)``."""

    def __init__(self, message: str, candidates: list[tuple[str, str, str]]):
        super().__init__(message)
        self.candidates = candidates


def _describe(G: nx.Graph, ids: Iterable[str]) -> list[tuple[str, str, str]]:
    return [(n, G.nodes[n].get("name", n), G.nodes[n].get("kind", "")) for n in sorted(ids)]


def _listing(candidates: list[tuple[str, str, str]]) -> str:
    return "; ".join(f"{name} [{kind}] (id {i})" for i, name, kind in candidates)


#: The last index of each graph, with the node count it was built at: normalising 100,000 names
#: takes over a second, and the app asks many questions of one projection.
_INDEXES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def name_index(G: nx.Graph, nodes: Iterable[str] | None = None) -> dict[str, set[str]]:
    """Map each comparison key (of id, name and aliases) to the ids of the nodes that carry it.

    The index of a whole graph is kept (per graph object) and reused until its node count
    changes; projections are rebuilt, not edited, so renaming a node in place is not tracked.
    """
    if nodes is None:
        cached = _INDEXES.get(G)
        if cached is not None and cached[0] == G.number_of_nodes():
            return cached[1]
        index = _build_index(G, G)
        _INDEXES[G] = (G.number_of_nodes(), index)
        return index
    return _build_index(G, nodes)


def _build_index(G: nx.Graph, nodes: Iterable[str]) -> dict[str, set[str]]:
    index: dict[str, set[str]] = defaultdict(set)
    for n in nodes:
        a = G.nodes[n]
        for text in (n, a.get("name") or "", *(a.get("aliases") or [])):
            for k in keys(str(text)):
                index[k].add(n)
    return index


def find_entity(G: nx.Graph, query: str, *, nodes: Iterable[str] | None = None,
                index: dict[str, set[str]] | None = None) -> str:
    """Return the id of the one entity whose id, name or alias matches ``query``.

    Parameters
    ----------
    G : networkx graph
        A projection or a view of one.
    query : str
        An id, a name or an alias; case, diacritics, spacing and punctuation are ignored
        (``graph.names.keys``). An exact id wins over name matches. Before the first index of a
        graph is built (a second per 100,000 entities), a name or alias typed exactly as stored
        and carried by one entity alone is taken as it is.
    nodes : iterable of str, optional
        Search only these nodes (e.g. the Country nodes).
    index : dict, optional
        A ``name_index`` to search instead (the whole graph's is cached by ``name_index``).

    Raises
    ------
    EntityLookupError
        If nothing matches (the message lists the closest names) or several entities match
        (the message lists them, so the user can retry with an id).
    """
    pool = set(G) if nodes is None else set(nodes)
    if query in pool:
        return query
    if index is None and nodes is None and not _INDEXES.get(G):
        exact = {n for n, a in G.nodes(data=True) if a.get("name") == query or query in (a.get("aliases") or ())}
        if len(exact) == 1:
            return next(iter(exact))
    if index is None:
        index = name_index(G) if nodes is None else name_index(G, pool)
    hits = {n for k in keys(query) for n in index.get(k, ())} & pool
    if len(hits) == 1:
        return next(iter(hits))
    if hits:
        cands = _describe(G, hits)
        raise EntityLookupError(f"{query!r} matches {len(cands)} entities: {_listing(cands)}; "
                                f"use an id", cands)
    k = key(query)
    near = difflib.get_close_matches(k, list(index), n=5, cutoff=0.6) if k else []
    ids = {n for m in near for n in index[m] if n in pool}
    if k:
        ids |= {n for m, ns in index.items() if k in m for n in ns if n in pool}
    cands = _describe(G, ids)[:10]
    hint = f"; closest: {_listing(cands)}" if cands else ""
    raise EntityLookupError(f"no entity called {query!r}{hint}", cands)


def find_entities(G: nx.Graph, queries: Iterable[str]) -> list[str]:
    """``find_entity`` for each of ``queries`` (the graph's index is shared); order kept, duplicates removed."""
    return list(dict.fromkeys(find_entity(G, q) for q in queries))


def display_name(G: nx.Graph, n: str) -> str:
    """The node's preferred name, or its id when it has none."""
    return G.nodes[n].get("name") or n if n in G else n
