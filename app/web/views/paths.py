"""Paths: how A reaches B — the k shortest paths, drawn, and every hop with its evidence."""
from __future__ import annotations

import streamlit as st

from app.web import data, ui
from app.web.i18n import fixed, kind_label, lang, t, type_label
from app.web.tie_picker import tie_classes
from graph.ontology import LINK_TYPES
from queries.subgraph import filter_graph

MAX_K = 10

with ui.guard():
    v = data.version()
    ui.page_header("page_paths")
    G = ui.require_graph(v)
    if G is not None:
        filters = ui.filter_sidebar(G)
        c1, c2 = st.columns(2)
        a = ui.entity_picker(t("from"), "from", v, container=c1)
        b = ui.entity_picker(t("to"), "to", v, container=c2)
        choices = ui.entity_labels(v)
        o1, o2, o3 = st.columns([1, 2, 2])
        ui.from_url("k", 3, int)
        st.session_state["k"] = min(max(st.session_state["k"], 1), MAX_K)
        k = o1.number_input(t("k_paths"), 1, MAX_K, key="k")
        ui.from_url("no_types", [])
        st.session_state["no_types"] = [x for x in st.session_state["no_types"] if x in LINK_TYPES]
        no_types = o2.multiselect(t("exclude_types"), list(LINK_TYPES), key="no_types", format_func=fixed(LINK_TYPES, type_label))
        ui.from_url("no_nodes", [])
        st.session_state["no_nodes"] = [x for x in st.session_state["no_nodes"] if x in choices]
        no_nodes = o3.multiselect(t("exclude_nodes"), list(choices), key="no_nodes", format_func=choices.get)
        ui.from_url("weighted", False, lambda s: s == "True")
        weighted = st.toggle(t("weighted"), key="weighted")
        ui.to_url("k", "no_types", "no_nodes", "weighted")
        ties = tie_classes()
        if a is None or b is None:
            st.info(t("pick_two"))
        else:
            res = data.find_paths(v, a, b, filters, int(k), tuple(no_types), tuple(no_nodes), weighted, ties, lang())
            na, nb = G.nodes[a].get("name", a), G.nodes[b].get("name", b)
            if not res.paths:
                st.warning(t("no_path", a=na, b=nb), icon=":material/link_off:")
            else:
                hops = sorted({len(p.hops) for p in res.paths})
                st.success(t("paths_found", n=len(res.paths), a=na, b=nb, hops="–".join(map(str, [hops[0], hops[-1]]))
                             if len(hops) > 1 else hops[0]), icon=":material/route:")
                F = filter_graph(G, filters)
                pairs = {frozenset(p) for path in res.paths for p in zip(path.nodes, path.nodes[1:])}
                nodes = {n for path in res.paths for n in path.nodes}
                edges = [(x, y, key) for x, y, key in F.edges(nodes, keys=True) if frozenset((x, y)) in pairs]
                sub = F.edge_subgraph(edges).copy()
                sub.graph.update(G.graph)
                left, right = st.columns([3, 2], gap="medium")
                with left:
                    _, html = ui.draw(sub, "paths_network", centres=(a, b), highlight_edges=pairs, height=520,
                                      filename=f"ecograph-path-{a}-{b}")
                    ui.network_downloads(sub, html, f"ecograph-path-{a}-{b}", "paths")
                with right:
                    for i, path in enumerate(res.paths, 1):
                        with st.expander(t("path_n", i=i, hops=len(path.hops)), expanded=i == 1):
                            for j, hop in enumerate(path.hops, 1):
                                best = hop.links[0]
                                st.markdown(ui.link_item(G, best["source"], best["target"], best, number=f"{j}. "),
                                            unsafe_allow_html=True)
                                if len(hop.links) > 1:
                                    st.caption(f"+{len(hop.links) - 1} " + t("links").lower())
                    frame = res.to_frame()
                    frame["source"] = frame["source"].map(lambda n: choices.get(n, n))
                    frame["target"] = frame["target"].map(lambda n: choices.get(n, n))
                    ui.csv_download(frame, f"ecograph-paths-{a}-{b}.csv", "paths_csv")
            st.markdown(f"#### {t('introducers', b=nb)}")
            intro = data.introductions(v, a, b, filters, ties, lang())
            if not intro.introducers:
                st.info(t("no_introducers", a=na, b=nb))
            for i, x in enumerate(intro.introducers, 1):
                with st.expander(f"{i}. {x.name} ({kind_label(x.kind)}) — {t('knows')} {', '.join(x.knows)}",
                                 expanded=i == 1):
                    if not x.reachable:
                        st.caption(t("no_route_to", a=na))
                    for j, hop in enumerate(x.hops, 1):
                        best = hop.links[0]
                        st.markdown(ui.link_item(G, best["source"], best["target"], best, number=f"{j}. "),
                                    unsafe_allow_html=True)
