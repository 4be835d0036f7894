"""Explore: find an entity by any name and see its neighbourhood; select a node to read every
link it has, with the sentence and the source each was read from; expand from there."""
from __future__ import annotations

import streamlit as st

from app.web import data, ui
from app.web.i18n import fixed, kind_label, t
from queries.centrality import MEASURES
from queries.ego import MAX_HOPS
from queries.subgraph import filter_graph

HIDDEN_ATTRS = {"name", "kind", "aliases", "sources", "confidence"}


def _expand(node: str) -> None:
    st.session_state["expand"] = [*st.session_state.get("expand", []), node]


def _reset() -> None:
    st.session_state["expand"] = []


def details(G, F, node: str, centres: tuple[str, ...]) -> None:
    """The selected entity: kind, aliases, properties, roles, and every link passing the filters."""
    a = G.nodes[node]
    st.markdown(f"### {ui.md(a.get('name') or node)}")
    st.caption(f"{kind_label(a.get('kind'))} · id `{node}`")
    if node not in centres:
        st.button(t("expand", name=a.get("name") or node), on_click=_expand, args=(node,), key="expand_btn",
                  icon=":material/open_with:")
    aliases = [x for x in a.get("aliases") or [] if x != a.get("name")]
    if aliases:
        st.markdown(f"**{t('aliases')}:** " + " · ".join(ui.md(x) for x in aliases))
    props = {k: v for k, v in a.items() if k not in HIDDEN_ATTRS and v not in (None, "", [])}
    if props:
        st.markdown(f"**{t('properties')}:** " + " · ".join(f"{ui.md(k)}: {ui.md(v)}" for k, v in sorted(props.items())))
    roles = [(u, w, e) for u, w, e in F.in_edges(node, data=True) if e.get("type") == "HOLDS_ROLE"] + \
            [(u, w, e) for u, w, e in F.out_edges(node, data=True) if e.get("type") == "HOLDS_ROLE"]
    if roles:
        lines = {f"- {ui.md(G.nodes[u].get('name', u))} — {ui.md(e.get('title') or '?')}, "
                 f"{ui.md(G.nodes[w].get('name', w))}" for u, w, e in roles}
        st.markdown(f"**{t('roles')}:**\n" + "\n".join(sorted(lines)))
    if a.get("sources"):
        st.markdown(f"**{t('in_sources')}:** " + " · ".join(ui.md(ui.source_name(G, d)) for d in a["sources"]))
    links = sorted(list(F.out_edges(node, data=True)) + [e for e in F.in_edges(node, data=True) if e[0] != node],
                   key=lambda e: e[2].get("date") or "", reverse=True)
    st.markdown(f"#### {t('all_links', name=ui.md(a.get('name') or node), n=len(links))}")
    if not links:
        st.caption(t("no_links"))
    with st.container(height=480, border=False):
        for u, w, e in links:
            with st.container(border=True):
                st.markdown(ui.link_item(G, u, w, e), unsafe_allow_html=True)


with ui.guard():
    v = data.version()
    ui.page_header("page_explore")
    G = ui.require_graph(v)
    if G is not None:
        filters = ui.filter_sidebar(G)
        ui.from_url("hops", 1, int)
        st.session_state["hops"] = min(max(st.session_state["hops"], 1), MAX_HOPS)
        st.sidebar.slider(t("hops"), 1, MAX_HOPS, key="hops")
        ui.from_url("budget", 60, int)
        st.session_state["budget"] = min(max(st.session_state["budget"], 10), 300)
        st.sidebar.slider(t("budget"), 10, 300, step=10, key="budget")
        ui.from_url("size", "pagerank")
        if st.session_state["size"] not in MEASURES:
            st.session_state["size"] = "pagerank"
        st.sidebar.selectbox(t("size_by"), MEASURES, key="size", format_func=fixed(MEASURES, lambda m: t(f"m_{m}")))
        ui.to_url("hops", "budget", "size")

        centre = ui.entity_picker(t("search"), "entity", v)
        ui.from_url("expand", [])
        st.session_state["expand"] = [e for e in dict.fromkeys(st.session_state["expand"]) if e in G and e != centre]
        ui.to_url("expand")
        if centre is None:
            st.info(t("pick_entity"))
        else:
            centres = (centre, *st.session_state["expand"])
            res = data.neighbourhood(v, centres, filters, st.session_state["hops"], st.session_state["budget"])
            sub = res.graph
            hidden = res.cut[res.cut["cut"] > 0]
            if not hidden.empty:
                st.warning(t("cut_notice", shown=len(res.nodes), reached=int(res.cut["reached"].sum()),
                             hidden=", ".join(f"{kind_label(r.kind)} {r.cut}" for r in hidden.itertuples())),
                           icon=":material/filter_alt:")
            if st.session_state["expand"]:
                names = ", ".join(G.nodes[c].get("name", c) for c in st.session_state["expand"])
                c1, c2 = st.columns([4, 1])
                c1.caption(t("expanded", names=names))
                c2.button(t("reset_expand"), on_click=_reset, key="reset_expand")
            scores = data.centrality_table(v, filters, None, (st.session_state["size"],))
            left, right = st.columns([3, 2], gap="medium")
            with left:
                st.markdown(f"#### {t('neighbourhood', name=ui.md(G.nodes[centre].get('name', centre)))}")
                clicked, html = ui.draw(sub, "explore_network", centres=centres,
                                        sizes=dict(zip(scores["id"], scores[st.session_state["size"]])),
                                        filename=f"ecograph-{centre}")
                ui.network_downloads(sub, html, f"ecograph-{centre}", "explore")
            if clicked in sub:
                st.session_state["node"] = clicked
            ui.from_url("node", centre)
            if st.session_state["node"] not in sub:
                st.session_state["node"] = centre
            choices = ui.entity_labels(v)
            with right:
                node = st.selectbox(t("selected"), sorted(sub, key=lambda n: choices.get(n, n).casefold()),
                                    key="node", format_func=lambda n: choices.get(n, n))
                ui.to_url("node")
                details(G, filter_graph(G, filters), node, centres)
