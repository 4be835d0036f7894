"""Drawing a projection as an interactive pyvis network, and showing it in the app.

The HTML is self-contained (vis-network's JavaScript and CSS inlined, no CDN) because the app
runs offline and the same file is what a user downloads and mails. Links of one type between
one pair are drawn once (the projection has one edge per source document), with every report
in the tooltip; parallel links of different types curve apart so that each stays visible.

Streamlit cannot see clicks inside an ``st.components.v1.html`` iframe, so the picture is
mounted by a small ``st.components.v2`` component that puts the same HTML in an iframe and
relays the iframe's "node clicked" message back to Python.
"""
from __future__ import annotations

import html as html_lib
import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

import networkx as nx
import pyvis
import streamlit as st
from jinja2 import Environment, FileSystemLoader
from pyvis.network import Network

from graph.ontology import SYMMETRIC_TYPES

KIND_COLOURS = {
    "Country": "#1f3b73", "City": "#3d7dd8", "Agency": "#d1495b", "Park": "#2a9d8f", "Fund": "#8e44ad",
    "Startup": "#f4a261", "Organization": "#e9c46a", "Event": "#52b788", "Program": "#8d99ae",
    "Person": "#ef8fb1",
}
TYPE_COLOURS = {
    "LOCATED_IN": "#c5cbd6", "PART_OF": "#7f8c8d", "HOLDS_ROLE": "#ef8fb1", "MET_WITH": "#d1495b",
    "VISITED": "#e76f51", "SIGNED_AGREEMENT_WITH": "#1f3b73", "COOPERATES_WITH": "#3d7dd8",
    "ORGANIZED": "#2a9d8f", "PARTICIPATED_IN": "#95d5b2", "RUNS": "#6c757d", "SUPPORTS": "#f4a261",
    "INVESTED_IN": "#8e44ad", "FOUNDED": "#b5838d", "ACQUIRED": "#5e548e",
}
OTHER_COLOUR = "#9aa0a6"
MIN_SIZE, MAX_SIZE = 12, 42
#: Room first given under the picture for the legend, in pixels (the frame then fits its content).
LEGEND_HEIGHT = 70
#: Reports of one link listed in its tooltip (the details panel lists them all).
TOOLTIP_REPORTS = 3
TEMPLATES = Path(__file__).parent / "templates"
PYVIS_TEMPLATES = Path(pyvis.__file__).parent / "templates"


def _sizes(G: nx.Graph, sizes: Mapping[str, float] | None) -> dict[str, float]:
    values = {n: float(sizes.get(n, 0.0)) for n in G} if sizes else {n: float(G.degree(n)) for n in G}
    lo, hi = min(values.values(), default=0.0), max(values.values(), default=0.0)
    span = hi - lo
    return {n: MIN_SIZE + (MAX_SIZE - MIN_SIZE) * ((v - lo) / span if span else 0.5) for n, v in values.items()}


def _options(n_nodes: int) -> str:
    return json.dumps({
        "layout": {"randomSeed": 7, "improvedLayout": n_nodes <= 150},
        "physics": {"enabled": True, "solver": "forceAtlas2Based",
                    "forceAtlas2Based": {"gravitationalConstant": -120, "centralGravity": 0.01,
                                         "springLength": 190, "springConstant": 0.05, "avoidOverlap": 0.8},
                    "stabilization": {"enabled": True, "iterations": 400, "fit": True}},
        "interaction": {"hover": True, "tooltipDelay": 120, "navigationButtons": False, "multiselect": False},
        "nodes": {"shape": "dot", "borderWidth": 2,
                  "font": {"size": 15, "face": "Source Sans Pro, Segoe UI, Arial", "color": "#1f2430",
                           "strokeWidth": 4, "strokeColor": "#ffffff"}},
        "edges": {"width": 2, "selectionWidth": 2, "hoverWidth": 1.5,
                  "font": {"size": 0}, "color": {"inherit": False}},
    })


def _tooltip(G: nx.MultiDiGraph, u: str, v: str, type_: str, reports: list[dict],
             type_label: Callable[[str], str]) -> str:
    lines = [f"{G.nodes[u].get('name', u)} — {type_label(type_)} — {G.nodes[v].get('name', v)}"]
    docs = G.graph.get("documents") or {}
    for a in sorted(reports, key=lambda a: a.get("date") or "", reverse=True)[:TOOLTIP_REPORTS]:
        meta = docs.get(a.get("doc")) or {}
        head = ", ".join(x for x in (a.get("date"), a.get("status") if a.get("status") == "planned" else None,
                                     meta.get("title") or a.get("doc")) if x)
        lines.append(f"• {head}")
        if a.get("evidence"):
            lines.append(f"  “{a['evidence']}”")
    if len(reports) > TOOLTIP_REPORTS:
        lines.append(f"… +{len(reports) - TOOLTIP_REPORTS}")
    return "\n".join(lines)


def _legend(kinds: Iterable[str], types: Iterable[str], planned: bool, titles: tuple[str, str, str],
            kind_label: Callable[[str], str], type_label: Callable[[str], str]) -> str:
    esc = html_lib.escape
    kinds_row = [f"<b>{esc(titles[0])}</b>"]
    kinds_row += [f'<span class="item"><span class="dot" style="background:{KIND_COLOURS.get(k, OTHER_COLOUR)}">'
                  f"</span>{esc(kind_label(k))}</span>" for k in kinds]
    types_row = [f"<b>{esc(titles[1])}</b>"]
    types_row += [f'<span class="item"><span class="bar" style="border-color:{TYPE_COLOURS.get(t, OTHER_COLOUR)}">'
                  f"</span>{esc(type_label(t))}</span>" for t in types]
    if planned:
        types_row.append(f'<span class="item"><span class="bar dash"></span>{esc(titles[2])}</span>')
    return f'<div class="row">{"".join(kinds_row)}</div><div class="row">{"".join(types_row)}</div>'


def network_html(G: nx.MultiDiGraph, *, sizes: Mapping[str, float] | None = None, centres: Iterable[str] = (),
                 highlight_edges: Iterable[tuple[str, str]] = (), height: int = 620,
                 legend_titles: tuple[str, str, str] = ("Entity kinds", "Link types", "dashed: planned"),
                 kind_label: Callable[[str], str] = str, type_label: Callable[[str], str] = str,
                 heading: str = "ecograph", filename: str = "network.png") -> str:
    """A self-contained HTML page drawing projection ``G``.

    Colour is the node's kind and the link's type; a node's area follows ``sizes`` (say a
    centrality; degree when omitted); planned links are dashed; ``centres`` get a thick ring;
    pairs in ``highlight_edges`` (a path) are drawn wide and the other links faded.
    """
    net = Network(height=f"{height}px", width="100%", directed=True, cdn_resources="in_line")
    size = _sizes(G, sizes)
    centres = set(centres)
    for n, a in G.nodes(data=True):
        colour = KIND_COLOURS.get(a.get("kind"), OTHER_COLOUR)
        aliases = [x for x in a.get("aliases") or [] if x != a.get("name")][:4]
        title = "\n".join([a.get("name") or n, kind_label(a.get("kind") or "?"), *aliases])
        net.add_node(n, label=a.get("name") or n, title=title, size=round(size[n], 1),
                     color={"background": colour, "border": "#1f2430" if n in centres else "#ffffff",
                            "highlight": {"background": colour, "border": "#1f2430"},
                            "hover": {"background": colour, "border": "#1f2430"}},
                     borderWidth=5 if n in centres else 2, widthConstraint={"maximum": 150})

    grouped: dict[tuple[str, str, str, str], list[dict]] = defaultdict(list)
    for u, v, a in G.edges(data=True):
        grouped[(u, v, a.get("type"), a.get("status") or "done")].append(a)
    highlight = {frozenset(e) for e in highlight_edges}
    parallel: dict[frozenset, int] = defaultdict(int)
    for (u, v, type_, status), reports in sorted(grouped.items(), key=lambda kv: kv[0]):
        pair = frozenset((u, v))
        index = parallel[pair]
        parallel[pair] += 1
        colour = TYPE_COLOURS.get(type_, OTHER_COLOUR)
        faded = bool(highlight) and pair not in highlight
        net.add_edge(u, v, title=_tooltip(G, u, v, type_, reports, type_label),
                     color={"color": colour, "opacity": 0.25 if faded else 0.9, "highlight": colour},
                     width=6 if pair in highlight else 1.5 + min(len(reports), 4) * 0.5,
                     dashes=status == "planned",
                     arrows={"to": {"enabled": type_ not in SYMMETRIC_TYPES, "scaleFactor": 0.6}},
                     smooth={"enabled": True, "type": "curvedCW" if index % 2 else "curvedCCW",
                             "roundness": 0.08 + 0.12 * ((index + 1) // 2)} if index else
                     {"enabled": False})
    net.set_options(_options(G.number_of_nodes()))
    kinds = sorted({a.get("kind") for _, a in G.nodes(data=True) if a.get("kind")})
    types = sorted({k[2] for k in grouped if k[2]})
    net.templateEnv = Environment(loader=FileSystemLoader([str(TEMPLATES), str(PYVIS_TEMPLATES)]),
                                  autoescape=False)
    net.path = "network.html"
    nodes, edges, _, height_css, width, options = net.get_network_data()
    template = net.templateEnv.get_template(net.path)
    return template.render(nodes=nodes, edges=edges, options=options, height=height_css, width=width,
                           heading=heading, filename=filename,
                           legend=_legend(kinds, types, any(k[3] == "planned" for k in grouped), legend_titles,
                                          kind_label, type_label))


_FRAME_JS = """
export default function (component) {
  const { data, setTriggerValue, parentElement } = component;
  let frame = parentElement.querySelector("iframe");
  if (!frame) {
    frame = document.createElement("iframe");
    frame.setAttribute("title", "network");
    frame.style.width = "100%";
    frame.style.border = "0";
    frame.onload = () => {  // fit the legend under the picture, however many lines it wraps to
      const doc = frame.contentDocument;
      if (doc && doc.body) frame.style.height = (doc.documentElement.scrollHeight + 4) + "px";
    };
    parentElement.appendChild(frame);
  }
  const onMessage = (e) => {
    if (e.source === frame.contentWindow && e.data && e.data.source === "ecograph-network") {
      setTriggerValue("selected", e.data.node);
    }
  };
  window.addEventListener("message", onMessage);
  if (frame._ecographHtml !== data.html) {
    frame._ecographHtml = data.html;
    frame.srcdoc = data.html;
  }
  if (!frame.style.height) frame.style.height = data.height + "px";
  return () => window.removeEventListener("message", onMessage);
}
"""
_frame = st.components.v2.component("ecograph_network", js=_FRAME_JS)


def show(html: str, height: int, key: str) -> str | None:
    """Mount the network page ``html``; return the id of a node just clicked in it, else None."""
    result = _frame(data={"html": html, "height": height + LEGEND_HEIGHT}, key=key, on_selected_change=lambda: None)
    return getattr(result, "selected", None) if result is not None else None
