"""Finding an entity of a projection by id, name or alias, the way users type them.

Users write ``tp hcm``, ``TP.HCM`` or ``Thành phố Hồ Chí Minh``; ``graph.names.key`` makes
those compare equal, so matching on keys (of the id, the name and every alias) is the one rule
shared by paths, ego networks, briefs and group look-ups.
"""
from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Iterable

import networkx as nx

from graph.names import key


class EntityLookupError(LookupError):
    """A name that matches no entity, or several; ``candidates`` lists ``(id, name, kind)``."""

    def __init__(self, message: str, candidates: list[tuple[str, str, str]]):
        super().__init__(message)
        self.candidates = candidates


def _describe(G: nx.Graph, ids: Iterable[str]) -> list[tuple[str, str, str]]:
    return [(n, G.nodes[n].get("name", n), G.nodes[n].get("kind", "")) for n in sorted(ids)]


def _listing(candidates: list[tuple[str, str, str]]) -> str:
    return "; ".join(f"{name} [{kind}] (id {i})" for i, name, kind in candidates)


def name_index(G: nx.Graph, nodes: Iterable[str] | None = None) -> dict[str, set[str]]:
    """Map each comparison key (of id, name and aliases) to the ids of the nodes that carry it."""
    index: dict[str, set[str]] = defaultdict(set)
    for n in G if nodes is None else nodes:
        a = G.nodes[n]
        for text in (n, a.get("name") or "", *(a.get("aliases") or [])):
            k = key(str(text))
            if k:
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
        (``graph.names.key``). An exact id wins over name matches.
    nodes : iterable of str, optional
        Search only these nodes (e.g. the Country nodes).
    index : dict, optional
        A ``name_index`` to reuse across many look-ups.

    Raises
    ------
    EntityLookupError
        If nothing matches (the message lists the closest names) or several entities match
        (the message lists them, so the user can retry with an id).
    """
    pool = set(G) if nodes is None else set(nodes)
    if query in pool:
        return query
    index = name_index(G, pool) if index is None else index
    hits = index.get(key(query), set()) & pool
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
    """``find_entity`` for each of ``queries``, sharing one index; order kept, duplicates removed."""
    index = name_index(G)
    return list(dict.fromkeys(find_entity(G, q, index=index) for q in queries))


def display_name(G: nx.Graph, n: str) -> str:
    """The node's preferred name, or its id when it has none."""
    return G.nodes[n].get("name") or n if n in G else n
