"""A delegation's visit brief: who is who at the target, what already links us, who can introduce us.

Given a target (a city, a body or an event) and the home organisation, the brief gathers:
the target side's actors by kind with their people and titles; every link between the home
side and the target side, dated and sourced; planned links touching the target side; and the
best intermediaries, with the reason each is suggested.

The two *sides* are read from the structure of the full projection, not from the filters:

- a City or Country target: itself and everything whose LOCATED_IN chain reaches it;
- an Event target: itself, its organisers (ORGANIZED) and participants (PARTICIPATED_IN);
- any side also takes in the divisions of its bodies (PART_OF, transitively) and the people
  holding roles in them (HOLDS_ROLE);
- the home side is the home organisation, its divisions and its people.

An intermediary is an entity on neither side lying on a path of at most ``max_hops`` links
from the home side to the target side; those tied directly to both sides are brokers and come
first, then by how many home and target partners they have, then by tie strength.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import networkx as nx
import pandas as pd

from graph.filters import Filters
from queries.groups import MAX_CHAIN
from queries.paths import link_text, source_label
from queries.resolve import find_entity
from queries.subgraph import distinct_links, filter_graph, weighted_view
from queries.ties import route_filters
from queries.weights import DEFAULT_TIES

LANGS = ("en", "vi")
HEADINGS = {
    "en": {"title": "Visit brief: {target}", "home": "Home organisation: {home}",
           "actors": "Who is who on the target side", "links": "Existing links between the two sides",
           "planned": "Upcoming and planned", "intermediaries": "Best intermediaries", "none": "None found.",
           "people": "people"},
    "vi": {"title": "Hồ sơ chuyến công tác: {target}", "home": "Đơn vị: {home}",
           "actors": "Các đầu mối phía đối tác", "links": "Các liên kết đã có giữa hai bên",
           "planned": "Sắp tới và dự kiến", "intermediaries": "Đầu mối trung gian phù hợp nhất",
           "none": "Chưa có thông tin.", "people": "nhân sự"},
}
LINK_COLUMNS = ["date", "source", "source_name", "type", "target", "target_name", "status", "doc",
                "doc_path", "evidence", "text"]


@dataclass
class Brief:
    """The parts of a visit brief; render with ``to_markdown`` or ``to_json``."""

    target: dict
    home: dict
    actors: pd.DataFrame
    links: pd.DataFrame
    planned: pd.DataFrame
    intermediaries: pd.DataFrame


def _incoming(G: nx.MultiDiGraph, nodes: set[str], types: set[str], depth: int) -> set[str]:
    out, frontier = set(nodes), set(nodes)
    for _ in range(depth):
        frontier = {u for v in frontier for u, _, t in G.in_edges(v, data="type") if t in types} - out
        if not frontier:
            break
        out |= frontier
    return out


def side_of(G: nx.MultiDiGraph, n: str) -> set[str]:
    """The entities that count as ``n``'s side (see the module docstring)."""
    kind = G.nodes[n].get("kind")
    nodes = {n}
    if kind in ("City", "Country"):
        nodes = _incoming(G, nodes, {"LOCATED_IN"}, MAX_CHAIN)
    elif kind == "Event":
        nodes = _incoming(G, nodes, {"ORGANIZED", "PARTICIPATED_IN"}, 1)
    nodes = _incoming(G, nodes, {"PART_OF"}, MAX_CHAIN)
    return _incoming(G, nodes, {"HOLDS_ROLE"}, 1)


def _link_rows(F: nx.MultiDiGraph, links) -> pd.DataFrame:
    rows = [{"date": a.get("date"), "source": u, "source_name": F.nodes[u].get("name", u), "type": a.get("type"),
             "target": v, "target_name": F.nodes[v].get("name", v), "status": a.get("status"),
             "doc": a.get("doc"), "doc_path": source_label(F, a.get("doc")), "evidence": a.get("evidence"),
             "text": link_text(F, u, v, a)} for u, v, a in links]
    df = pd.DataFrame(rows, columns=LINK_COLUMNS)
    return df.sort_values(["date", "text"], ascending=[False, True], na_position="last").reset_index(drop=True)


def _people(G: nx.MultiDiGraph, body: str) -> list[str]:
    out = []
    for p, _, a in G.in_edges(body, data=True):
        if a.get("type") == "HOLDS_ROLE":
            title = a.get("title")
            name = G.nodes[p].get("name", p)
            out.append(f"{name} ({title})" if title else name)
    return sorted(set(out))


def _distances(H: nx.Graph, sources: set[str], cutoff: int) -> dict[str, int]:
    return nx.multi_source_dijkstra_path_length(H, [s for s in sources if s in H], cutoff=cutoff,
                                                weight=lambda u, v, d: 1)


def visit_brief(G: nx.MultiDiGraph, target: str, home: str, filters: Filters | None = None, *,
                top: int = 10, max_hops: int = 3, weights: Mapping[str, float] | None = None,
                ties: Iterable[str] = DEFAULT_TIES) -> Brief:
    """Prepare a delegation from ``home`` visiting ``target``.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The full projection (sides are read from its structure, links from its filtered part).
    target : str
        A City, Country, body or Event: id, name or alias.
    home : str
        The home organisation: id, name or alias.
    filters : graph.filters.Filters, optional
        Which links to report and walk on; leave ``status`` open to see planned links.
    top : int
        Most intermediaries listed.
    max_hops : int
        Longest home-to-target path (in links) an intermediary may lie on, 2 to 4.
    weights : mapping, optional
        Link-type weight overrides, for ranking intermediaries by tie strength.
    ties : iterable of str
        Tie classes an intermediary's route may use (``queries.weights.TIE_CLASSES``).

    Returns
    -------
    Brief
        ``actors``: target-side entities other than people: ``kind``, ``id``, ``name``,
        ``people`` (``Name (title)``, from HOLDS_ROLE). ``links`` and ``planned``: done and
        planned links (``planned`` also those touching the target side from anywhere), newest
        first, with ``doc_path``, ``evidence`` and a sentence ``text``. ``intermediaries``:
        ``id``, ``name``, ``kind``, ``home_hops``, ``target_hops``, ``home_partners``,
        ``target_partners``, ``strength``, ``reason``.

    Raises
    ------
    queries.resolve.EntityLookupError
        Unknown or ambiguous names.
    ValueError
        The same entity given twice, ``max_hops`` out of range or ``top`` below 1.
    """
    if not 2 <= max_hops <= 4:
        raise ValueError(f"max_hops must be between 2 and 4, not {max_hops}")
    if top < 1:
        raise ValueError(f"top must be at least 1, not {top}")
    t, h = find_entity(G, target), find_entity(G, home)
    if t == h:
        raise ValueError(f"target and home are the same entity ({t})")
    home_side = side_of(G, h)
    target_side = side_of(G, t) - home_side
    F = filter_graph(G, filters)
    actors = [{"kind": G.nodes[n].get("kind"), "id": n, "name": G.nodes[n].get("name", n),
               "people": "; ".join(_people(G, n))}
              for n in target_side if G.nodes[n].get("kind") != "Person"]
    actors_df = pd.DataFrame(actors, columns=["kind", "id", "name", "people"])
    actors_df = actors_df.sort_values(["kind", "name"]).reset_index(drop=True)

    between, planned = [], []
    for u, v, a in distinct_links(F):
        crosses = (u in home_side and v in target_side) or (u in target_side and v in home_side)
        if a.get("status") == "planned" and (u in target_side or v in target_side):
            planned.append((u, v, a))
        elif crosses:
            between.append((u, v, a))

    H = weighted_view(G, route_filters(filters, ties), weights=weights)
    dh, dt = _distances(H, home_side, max_hops - 1), _distances(H, target_side, max_hops - 1)
    rows = []
    for x in set(dh) & set(dt):
        if x in home_side or x in target_side or dh[x] + dt[x] > max_hops:
            continue
        hp = sorted((n for n in H[x] if n in home_side), key=lambda n: -H[x][n]["weight"])
        tp = sorted((n for n in H[x] if n in target_side), key=lambda n: -H[x][n]["weight"])
        strength = sum(H[x][n]["weight"] for n in hp + tp)

        def names(ns: list[str]) -> str:
            return ", ".join(f"{H.nodes[n].get('name', n)} ({'/'.join(H[x][n]['types'])})" for n in ns[:3])

        if hp and tp:
            reason = f"linked to the home side ({names(hp)}) and to the target side ({names(tp)})"
        elif hp or tp:
            near, far, dfar = ("home", "target", dt) if hp else ("target", "home", dh)
            via = sorted(n for n in H[x] if dfar.get(n, max_hops) < dfar[x])[:3]
            reason = (f"linked to the {near} side ({names(hp or tp)}); {dfar[x]} links from the {far} "
                      f"side via {', '.join(H.nodes[n].get('name', n) for n in via)}")
        else:
            reason = f"{dh[x]} links from the home side and {dt[x]} from the target side"
        rows.append({"id": x, "name": H.nodes[x].get("name", x), "kind": H.nodes[x].get("kind"),
                     "home_hops": dh[x], "target_hops": dt[x], "home_partners": len(hp),
                     "target_partners": len(tp), "strength": strength, "reason": reason})
    inter = pd.DataFrame(rows, columns=["id", "name", "kind", "home_hops", "target_hops", "home_partners",
                                        "target_partners", "strength", "reason"])
    inter["_hops"] = inter["home_hops"] + inter["target_hops"]
    inter["_pairs"] = inter["home_partners"] * inter["target_partners"]
    inter = inter.sort_values(["_hops", "_pairs", "strength", "id"], ascending=[True, False, False, True])
    inter = inter.drop(columns=["_hops", "_pairs"]).head(top).reset_index(drop=True)

    def info(n: str) -> dict:
        return {"id": n, "name": G.nodes[n].get("name", n), "kind": G.nodes[n].get("kind"),
                "side_size": len(target_side if n == t else home_side)}

    return Brief(info(t), info(h), actors_df, _link_rows(F, between), _link_rows(F, planned), inter)


def to_json(brief: Brief) -> dict:
    """The brief as plain JSON-ready data (records; NaN as null)."""
    def records(df: pd.DataFrame) -> list[dict]:
        return df.astype(object).where(df.notna(), None).to_dict("records")

    return {"target": brief.target, "home": brief.home, "actors": records(brief.actors),
            "links": records(brief.links), "planned": records(brief.planned),
            "intermediaries": records(brief.intermediaries)}


def to_markdown(brief: Brief, lang: str = "en") -> str:
    """The brief as Markdown with headings in ``lang`` (``"en"`` or ``"vi"``)."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {', '.join(LANGS)}, not {lang!r}")
    H = HEADINGS[lang]
    out = [f"# {H['title'].format(target=brief.target['name'])}", "",
           H["home"].format(home=brief.home["name"]), "", f"## {H['actors']}", ""]
    by_kind: dict[str, list[dict]] = defaultdict(list)
    for r in brief.actors.to_dict("records"):
        by_kind[r["kind"]].append(r)
    for kind, rs in by_kind.items():
        out.append(f"### {kind} ({len(rs)})")
        out += [f"- {r['name']}" + (f" — {H['people']}: {r['people']}" if r["people"] else "") for r in rs]
        out.append("")
    if not by_kind:
        out += [H["none"], ""]
    for key, df in (("links", brief.links), ("planned", brief.planned)):
        out += [f"## {H[key]}", ""]
        out += [f"- {r['text']}" + (f"  \n  > {r['evidence']}" if r["evidence"] else "")
                for r in df.to_dict("records")] or [H["none"]]
        out.append("")
    out += [f"## {H['intermediaries']}", ""]
    out += [f"{i}. **{r['name']}** ({r['kind']}): {r['reason']}"
            for i, r in enumerate(brief.intermediaries.to_dict("records"), 1)] or [H["none"]]
    return "\n".join(out) + "\n"
