"""A delegation's visit brief: who is who at the target, what already links us, who can introduce us.

Given a target (a city, a body or an event) and the home organisation, the brief gathers:
the target side's actors by kind with their people and titles; every link between the home
side and the target side, dated and sourced; planned links touching the target side; and who
can introduce the delegation (``queries.introductions``: bodies and people with real ties to
the target side, never a place nor the home organisation's own body, divisions or people,
each with the route to them and its sources).

The two *sides* are read from the structure of the full projection, not from the filters
(``queries.sides``): the target's (a place's ecosystem, an event with its organisers and
participants, or a body with its people and divisions) and the home organisation's (its
body, divisions, people and what it runs).

Everything is written in one language (``queries.wording``), English or Vietnamese.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import networkx as nx
import pandas as pd

from graph.filters import Filters
from queries.introductions import introductions
from queries.paths import link_text, source_label
from queries.resolve import find_entity
from queries.sides import PLACE_KINDS, body_side, side_of
from queries.subgraph import distinct_links, filter_graph
from queries.weights import DEFAULT_TIES
from queries.wording import check_lang, date_word, kind_word, written_in

HEADINGS = {
    "en": {"title": "Visit brief: {target}", "home": "Home organisation: {home}",
           "actors": "Who is who on the target side", "links": "Existing links between the two sides",
           "planned": "Upcoming and planned", "intermediaries": "Who can introduce us", "none": "None found.",
           "people": "people", "knows": "knows {names}", "route": "route", "no_route": "no known route from us; "
           "approach directly", "latest": "latest tie {date}"},
    "vi": {"title": "Hồ sơ chuyến công tác: {target}", "home": "Đơn vị: {home}",
           "actors": "Các đầu mối phía đối tác", "links": "Các liên kết đã có giữa hai bên",
           "planned": "Sắp tới và dự kiến", "intermediaries": "Ai có thể giới thiệu", "none": "Chưa có thông tin.",
           "people": "nhân sự", "knows": "có quan hệ với {names}", "route": "đường kết nối",
           "no_route": "chưa rõ đường kết nối từ phía mình; liên hệ trực tiếp", "latest": "liên hệ gần nhất {date}"},
}
LINK_COLUMNS = ["date", "source", "source_name", "type", "target", "target_name", "status", "doc",
                "doc_path", "evidence", "text"]


@dataclass
class Brief:
    """The parts of a visit brief, written in ``lang``; render with ``to_markdown`` or ``to_json``."""

    target: dict
    home: dict
    actors: pd.DataFrame
    links: pd.DataFrame
    planned: pd.DataFrame
    #: ``queries.introductions.Introductions.to_frame``: who can introduce the delegation.
    intermediaries: pd.DataFrame
    lang: str = "en"


def _link_rows(F: nx.MultiDiGraph, links, lang: str) -> pd.DataFrame:
    rows = [{"date": a.get("date"), "source": u, "source_name": F.nodes[u].get("name", u), "type": a.get("type"),
             "target": v, "target_name": F.nodes[v].get("name", v), "status": a.get("status"),
             "doc": a.get("doc"), "doc_path": source_label(F, a.get("doc"), lang), "evidence": a.get("evidence"),
             "text": link_text(F, u, v, a, lang)} for u, v, a in links]
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


def visit_brief(G: nx.MultiDiGraph, target: str, home: str, filters: Filters | None = None, *,
                top: int = 10, max_hops: int = 3, weights: Mapping[str, float] | None = None,
                ties: Iterable[str] = DEFAULT_TIES, lang: str = "en") -> Brief:
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
        Most introducers listed.
    max_hops : int
        Longest chain from the home side through an introducer to the target side, in ties
        (2 to 4): the route to the introducer may take ``max_hops - 1`` of them.
    weights : mapping, optional
        Link-type weight overrides, for ranking introducers by tie strength.
    ties : iterable of str
        Tie classes a route may use (``queries.weights.TIE_CLASSES``).
    lang : str
        ``"en"`` or ``"vi"``: the language of every sentence (``queries.wording``).

    Returns
    -------
    Brief
        ``actors``: target-side entities other than people: ``kind``, ``id``, ``name``,
        ``people`` (``Name (title)``, from HOLDS_ROLE). ``links`` and ``planned``: done and
        planned links (``planned`` also those touching the target side from anywhere), newest
        first, with ``doc_path`` (the source's title and URL, or file), ``evidence`` and a
        sentence ``text``. ``intermediaries``: the introducers
        (``queries.introductions.Introductions.to_frame``).

    Raises
    ------
    queries.resolve.EntityLookupError
        Unknown or ambiguous names.
    ValueError
        The same entity given twice, ``max_hops`` out of range, ``top`` below 1 or an unknown ``lang``.
    """
    check_lang(lang)
    if not 2 <= max_hops <= 4:
        raise ValueError(f"max_hops must be between 2 and 4, not {max_hops}")
    if top < 1:
        raise ValueError(f"top must be at least 1, not {top}")
    t, h = find_entity(G, target), find_entity(G, home)
    if t == h:
        raise ValueError(f"target and home are the same entity ({t})")
    home_side = side_of(G, h) if G.nodes[h].get("kind") in PLACE_KINDS else body_side(G, h)
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
    intro = introductions(G, h, t, filters, ties=ties, top=top, max_hops=max_hops - 1, weights=weights, lang=lang)

    def info(n: str) -> dict:
        return {"id": n, "name": G.nodes[n].get("name", n), "kind": G.nodes[n].get("kind"),
                "side_size": len(target_side if n == t else home_side)}

    return Brief(info(t), info(h), actors_df, _link_rows(F, between, lang), _link_rows(F, planned, lang),
                 intro.to_frame(), lang)


def to_json(brief: Brief) -> dict:
    """The brief as plain JSON-ready data (records; NaN as null)."""
    def records(df: pd.DataFrame) -> list[dict]:
        return df.astype(object).where(df.notna(), None).to_dict("records")

    return {"target": brief.target, "home": brief.home, "actors": records(brief.actors),
            "links": records(brief.links), "planned": records(brief.planned),
            "intermediaries": records(brief.intermediaries)}


def to_markdown(brief: Brief) -> str:
    """The brief as Markdown, in the language it was written in.

    A link's evidence sentence is quoted only when it is in that language too, so that a
    Vietnamese brief holds no English sentence (its source is cited either way)."""
    lang = brief.lang
    H = HEADINGS[lang]

    def quoted(evidence) -> bool:
        return isinstance(evidence, str) and bool(evidence) and written_in(evidence, lang)

    out = [f"# {H['title'].format(target=brief.target['name'])}", "",
           H["home"].format(home=brief.home["name"]), "", f"## {H['actors']}", ""]
    by_kind: dict[str, list[dict]] = defaultdict(list)
    for r in brief.actors.to_dict("records"):
        by_kind[r["kind"]].append(r)
    for kind, rs in by_kind.items():
        out.append(f"### {kind_word(kind, lang)} ({len(rs)})")
        out += [f"- {r['name']}" + (f" — {H['people']}: {r['people']}" if r["people"] else "") for r in rs]
        out.append("")
    if not by_kind:
        out += [H["none"], ""]
    for key, df in (("links", brief.links), ("planned", brief.planned)):
        out += [f"## {H[key]}", ""]
        out += [f"- {r['text']}" + (f"  \n  > {r['evidence']}" if quoted(r["evidence"]) else "")
                for r in df.to_dict("records")] or [H["none"]]
        out.append("")
    out += [f"## {H['intermediaries']}", ""]
    for r in brief.intermediaries.to_dict("records"):
        said = [H["knows"].format(names=", ".join(r["knows"]))]
        if r["last"]:
            said.append(H["latest"].format(date=date_word(r["last"], lang)))
        if pd.isna(r["route_hops"]):
            said.append(H["no_route"])
        out.append(f"{r['rank']}. **{r['name']}** ({kind_word(r['kind'], lang)}): {'; '.join(said)}")
        out += [f"   - {text}" for text in r["route"]]
    if brief.intermediaries.empty:
        out.append(H["none"])
    return "\n".join(out) + "\n"
