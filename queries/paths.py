"""How two entities are connected: shortest and k shortest simple paths, every hop explained.

A path over the collapsed graph says little by itself; each hop is therefore explained by the
links behind it (type, date, status, source document, evidence sentence), strongest first.

References
----------
.. [1] Dijkstra, E. W. (1959). A note on two problems in connexion with graphs. Numerische
   Mathematik 1, 269-271.
.. [2] Yen, J. Y. (1971). Finding the k shortest loopless paths in a network. Management
   Science 17(11), 712-716 (networkx's ``shortest_simple_paths``).
"""
from __future__ import annotations

import heapq
import os
import warnings
from collections.abc import Iterable, Mapping, Set
from dataclasses import dataclass, field

import networkx as nx
import pandas as pd

from graph.filters import Filters
from graph.ontology import SYMMETRIC_TYPES
from queries.memo import shared
from queries.resolve import display_name, find_entities, find_entity
from queries.subgraph import filtered_view, link_weight, links_among, tie_neighbours
from queries.sides import PLACE_KINDS
from queries.ties import Ties, route_filters, tie_arrays
from queries.weights import DEFAULT_TIES, weights_key
from queries.wording import date_word, more_word, say, type_word, word

#: Largest ``k`` accepted: beyond it paths are long detours nobody reads.
MAX_K = 50


def source_label(G: nx.Graph, doc: str | None, lang: str = "en") -> str:
    """What a user can open and cite: the article's title, publisher, date (as ``lang`` writes
    it) and URL, as far as they are known; the file name or id only when the title is not."""
    meta = (G.graph.get("documents") or {}).get(doc) or {}
    if meta.get("title") or meta.get("url"):
        said = ", ".join(x for x in (meta.get("publisher"), meta.get("date") and date_word(meta["date"], lang)) if x)
        text = " ".join(x for x in (meta.get("title"), f"({said})" if said else "") if x)
        return f"{text} <{meta['url']}>" if text and meta.get("url") else text or meta["url"]
    path = meta.get("path")
    return os.path.basename(path) if path else (doc or word("unknown_source", lang))


def link_text(G: nx.Graph, u: str, v: str, attrs: Mapping, lang: str = "en") -> str:
    """One link as a sentence in ``lang`` (``queries.wording``):
    ``Sở KH&CN TP.HCM MET_WITH Busan, 2024-08-21, source 000_x.txt`` or
    ``Sở KH&CN TP.HCM làm việc với Busan, 21/08/2024, nguồn 000_x.txt``."""
    parts = [f"{display_name(G, u)} {type_word(attrs.get('type'), lang)} {display_name(G, v)}"]
    parts.append(date_word(attrs.get("date"), lang))
    if attrs.get("status") == "planned":
        parts.append(word("planned", lang))
    parts.append(f"{word('source', lang)} {source_label(G, attrs.get('doc'), lang)}")
    return ", ".join(parts)


@dataclass
class Hop:
    """One step of a path and the links that make it, strongest (then latest) first."""

    source: str
    target: str
    links: list[dict]
    text: str


@dataclass
class Path:
    """A path as node ids, its explained hops and its cost (hops, or summed distances)."""

    nodes: list[str]
    hops: list[Hop]
    cost: float


@dataclass
class PathResult:
    """The paths found between ``source`` and ``target`` (maybe none) and a message saying so."""

    source: str
    target: str
    paths: list[Path] = field(default_factory=list)
    message: str = ""

    def to_frame(self) -> pd.DataFrame:
        """One row per hop: ``path``, ``step``, ends, the hop's main link and its sentence."""
        rows = []
        for i, p in enumerate(self.paths, 1):
            for j, h in enumerate(p.hops, 1):
                best = h.links[0]
                rows.append({"path": i, "step": j, "source": h.source, "target": h.target,
                             "type": best["type"], "date": best["date"], "status": best["status"],
                             "doc": best["doc"], "links": len(h.links), "text": h.text,
                             "evidence": best["evidence"]})
        return pd.DataFrame(rows, columns=["path", "step", "source", "target", "type", "date", "status",
                                           "doc", "links", "text", "evidence"])


def explain_hop(F: nx.MultiDiGraph, u: str, v: str, directed: bool = False,
                weights: Mapping[str, float] | None = None, lang: str = "en") -> Hop:
    """The hop ``u -> v`` of projection ``F`` with every distinct link behind it, strongest
    (then latest) first, and a sentence in ``lang`` for the first."""
    links = []
    for x, y, a in links_among(F, (u, v)):
        if x == y or (directed and (x, y) != (u, v) and a.get("type") not in SYMMETRIC_TYPES):
            continue
        links.append({"source": x, "target": y, "type": a.get("type"), "date": a.get("date"),
                      "status": a.get("status"), "doc": a.get("doc"), "evidence": a.get("evidence"),
                      "weight": link_weight(a, weights), "text": link_text(F, x, y, a, lang)})
    links.sort(key=lambda r: r["date"] or "", reverse=True)
    links.sort(key=lambda r: -r["weight"])
    text = links[0]["text"] + (f" ({more_word(len(links) - 1, lang)})" if len(links) > 1 else "")
    return Hop(u, v, links, text)


def _fewest_hops(F: nx.MultiDiGraph, s: str, t: str, directed: bool, avoid_nodes: Set[str] = frozenset(),
                 avoid_arcs: Set[tuple[str, str]] = frozenset()) -> list[str] | None:
    """A path of fewest links from ``s`` to ``t`` by bidirectional breadth-first search on ``F``
    itself, so only the links of the entities visited are read, not the whole graph; not
    through ``avoid_nodes`` nor along ``avoid_arcs`` (pairs in walking direction)."""
    before, after = {s: None}, {t: None}
    ahead, behind = [s], [t]
    while ahead and behind:
        forward = len(ahead) <= len(behind)
        fringe, mine, theirs = (ahead, before, after) if forward else (behind, after, before)
        nxt = []
        for u in fringe:
            for x in tie_neighbours(F, u, directed=directed, forward=forward):
                if x in mine or x == u or x in avoid_nodes or ((u, x) if forward else (x, u)) in avoid_arcs:
                    continue
                mine[x] = u
                if x in theirs:
                    path, n = [], x
                    while n is not None:
                        path.append(n)
                        n = before[n]
                    path.reverse()
                    n = after[x]
                    while n is not None:
                        path.append(n)
                        n = after[n]
                    return path
                nxt.append(x)
        if forward:
            ahead = nxt
        else:
            behind = nxt
    return None


def _yen_fewest_hops(F: nx.MultiDiGraph, s: str, t: str, k: int, directed: bool) -> list[list[str]]:
    """The ``k`` simple paths of fewest links from ``s`` to ``t`` (Yen's algorithm [2]_ over
    ``_fewest_hops``), shortest first.

    Each spur search is a bidirectional breadth-first search that reads only the links it
    visits, which between two entities a few hops apart is a tiny part of the graph (igraph's
    version searches the whole graph for each spur: a second at 500,000 links).
    """
    first = _fewest_hops(F, s, t, directed)
    if first is None:
        return []
    found, seen, candidates = [first], {tuple(first)}, []
    while len(found) < k:
        last = found[-1]
        for i in range(len(last) - 1):
            root = last[:i + 1]
            arcs = {(p[i], p[i + 1]) for p in found if p[:i + 1] == root}
            if not directed:
                arcs |= {(b, a) for a, b in arcs}
            spur = _fewest_hops(F, root[-1], t, directed, frozenset(root[:-1]), arcs)
            if spur is None:
                continue
            path = root[:-1] + spur
            if tuple(path) not in seen:
                seen.add(tuple(path))
                heapq.heappush(candidates, (len(path), len(seen), path))
        if not candidates:
            break
        found.append(heapq.heappop(candidates)[2])
    return found


def _k_shortest(T: Ties, s: str, t: str, k: int) -> list[tuple[list[str], float]]:
    """The ``k`` shortest simple paths from ``s`` to ``t`` over ties ``T`` by distance (Yen's
    algorithm in igraph's compiled code: networkx's took 5 s at 500,000 links), with their lengths."""
    index = T.index
    with warnings.catch_warnings():  # igraph warns that some vertices are unreachable: that is an answer
        warnings.simplefilter("ignore", RuntimeWarning)
        found = T.igraph.get_k_shortest_paths(index[s], index[t], k=k, weights="distance", mode="out",
                                              output="epath")
    out = []
    for edges in found:
        at, nodes = index[s], [s]
        for e in edges:
            at = int(T.dst[e]) if T.src[e] == at else int(T.src[e])
            nodes.append(T.nodes[at])
        out.append((nodes, float(T.distance[edges].sum())))
    return out


def find_paths(G: nx.MultiDiGraph, source: str, target: str, filters: Filters | None = None, *,
               k: int = 1, exclude_types: Iterable[str] = (), exclude_nodes: Iterable[str] = (),
               weighted: bool = False, weights: Mapping[str, float] | None = None,
               directed: bool = False, ties: Iterable[str] = DEFAULT_TIES, lang: str = "en") -> PathResult:
    """The ``k`` shortest simple paths between two entities, each hop explained.

    A path walks only on ties of the classes ``ties`` (``queries.weights.TIE_CLASSES``) and
    never passes through a city or a country: a place may be an end of the path, but two
    bodies in one country are not acquainted through it.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A projection.
    source, target : str
        Entity ids, names or aliases (``queries.resolve.find_entity``).
    filters : graph.filters.Filters, optional
    k : int
        How many paths, shortest first (1 to ``MAX_K``). With ``k > 1`` the paths come from
        Yen's algorithm, as ``networkx.shortest_simple_paths``'s do: every path is loop-free
        and no two are equal, though they may share hops. Paths of equal cost may come in
        another order than networkx's.
    exclude_types : iterable of str
        Link types not to walk on (in addition to ``filters``).
    exclude_nodes : iterable of str
        Entities (ids, names or aliases) not to pass through.
    weighted : bool
        False (default): fewest hops, the length Cypher's ``shortestPath`` reports. True: least
        total distance ``1 / weight``, preferring strong ties (``queries.subgraph``).
        Fewest-hop paths come from bidirectional searches that read only the links they
        visit; weighted ones from igraph on the ties of the whole filtered graph (made once
        per projection, filters and tie classes, seconds on 500,000 links, then shared).
    weights : mapping, optional
        Link-type weight overrides.
    directed : bool
        Follow link direction (symmetric types either way).
    ties : iterable of str
        Tie classes to walk on (default interaction and affiliation).
    lang : str
        Language of the hop sentences (``queries.wording``).

    Returns
    -------
    PathResult
        With no paths and a ``message`` when the two are not connected under the filters
        (not an error: that is an answer).

    Raises
    ------
    queries.resolve.EntityLookupError
        Unknown or ambiguous names, listing candidates.
    ValueError
        ``k`` out of range, the same entity at both ends, or an end that is excluded.
    """
    if not 1 <= k <= MAX_K:
        raise ValueError(f"k must be between 1 and {MAX_K}, not {k}")
    s, t = find_entity(G, source), find_entity(G, target)
    if s == t:
        raise ValueError(f"{source!r} and {target!r} are the same entity ({s})")
    banned = set(find_entities(G, exclude_nodes))
    for end, q in ((s, source), (t, target)):
        if end in banned:
            raise ValueError(f"{q!r} is both an end of the path and excluded")
    ex_types = set(exclude_types)
    filters = route_filters(filters, ties)
    F = filtered_view(G, filters)
    for end, q in ((s, source), (t, target)):
        if end not in F:
            raise ValueError(f"{q!r} ({end}) is removed by the filters")
    all_places = {n for n, kind in G.nodes(data="kind") if kind in PLACE_KINDS}
    places = all_places - {s, t}
    base = F
    F = nx.subgraph_view(base, filter_node=lambda n: n not in banned and n not in places,
                         filter_edge=lambda u, v, key: base[u][v][key].get("type") not in ex_types)
    result = PathResult(s, t)
    ns, nt = display_name(G, s), display_name(G, t)
    if not weighted:
        found = [(p, len(p) - 1) for p in _yen_fewest_hops(F, s, t, k, directed)]
    else:
        if ex_types or banned or {s, t} & all_places:
            T = tie_arrays(F, directed=directed, weights=weights)
        else:  # the same for every pair of actors: made once and shared
            T = shared(G, ("route ties", filters, directed, weights_key(weights)),
                       lambda: tie_arrays(F, directed=directed, weights=weights))
        found = _k_shortest(T, s, t, k)
    for nodes, cost in found:
        hops = [explain_hop(F, u, v, directed, weights, lang) for u, v in zip(nodes, nodes[1:])]
        result.paths.append(Path(nodes, hops, cost))
    if not found:
        result.message = say("not_connected", lang, a=ns, b=nt)
    else:
        lengths = sorted({len(p.hops) for p in result.paths})
        result.message = say("paths_found", lang, n=len(found), a=ns, b=nt, hops=", ".join(map(str, lengths)))
        if len(found) < k:
            result.message += say("fewer_paths", lang, n=len(found), k=k)
    return result


def shortest_path(G: nx.MultiDiGraph, source: str, target: str, filters: Filters | None = None,
                  **options) -> PathResult:
    """``find_paths`` with ``k=1``: one shortest path, or a message that there is none."""
    return find_paths(G, source, target, filters, k=1, **options)
