"""Overview: what the graph holds, where it comes from, who matters most, what happened lately."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from app.web import data, ui
from app.web.i18n import kind_label, t, type_label
from app.web.network import KIND_COLOURS, TYPE_COLOURS
from graph.filters import Filters
from queries.subgraph import distinct_links

#: Above this many entities the picture shows only the most central ones.
PICTURE_NODES = 120
TOP = 8

with ui.guard():
    v = data.version()
    ui.page_header("page_overview", t("app_caption"))
    G = ui.require_graph(v)
    if G is not None:
        counts = data.counts(v)
        docs = data.documents(v)
        dates = sorted(d for _, _, d in G.edges(data="date") if d)
        m = st.columns(4)
        m[0].metric(t("entities"), f"{counts['entities']:,}")
        m[1].metric(t("links"), f"{counts['links']:,}")
        m[2].metric(t("documents"), f"{counts['documents']:,}")
        m[3].metric(t("date_range"), f"{dates[0][:4]}–{dates[-1][:4]}" if dates else "—")

        left, right = st.columns(2)
        with left:
            st.subheader(t("by_kind"))
            ui.hbar(pd.Series(counts["by_kind"]), colours=KIND_COLOURS, label=kind_label)
        with right:
            st.subheader(t("by_type"))
            ui.hbar(pd.Series(counts["by_type"]), colours=TYPE_COLOURS, label=type_label)

        central = data.centrality_table(v, Filters(), None, ("pagerank", "betweenness", "degree"))
        left, right = st.columns(2)
        with left:
            st.subheader(t("top_brokers"))
            st.caption(t("explain_betweenness"))
            brokers = central[central["betweenness"] > 0].sort_values("betweenness", ascending=False).head(TOP)
            st.dataframe(ui.names_frame(brokers, {"name": t("name"), "kind": t("kind"),
                                                  "betweenness": t("m_betweenness")}),
                         hide_index=True, column_config={t("name"): st.column_config.TextColumn(width="medium"),
                                                         t("m_betweenness"): st.column_config.ProgressColumn(
                             format="%.3f", min_value=0.0, max_value=float(brokers["betweenness"].max() or 1))})
        with right:
            st.subheader(t("top_central"))
            st.caption(t("explain_pagerank"))
            bodies = central[~central["kind"].isin(["Person", "City", "Country"])].head(TOP)
            st.dataframe(ui.names_frame(bodies, {"name": t("name"), "kind": t("kind"), "pagerank": t("m_pagerank"),
                                                 "degree": t("m_degree")}),
                         hide_index=True, column_config={t("name"): st.column_config.TextColumn(width="large"),
                                                         t("m_pagerank"): st.column_config.ProgressColumn(
                             format="%.3f", min_value=0.0, max_value=float(bodies["pagerank"].max() or 1))})

        st.subheader(t("whole_graph") if G.number_of_nodes() <= PICTURE_NODES else
                     t("graph_top", n=PICTURE_NODES, total=G.number_of_nodes()))
        keep = list(central["id"].head(PICTURE_NODES))
        picture = G if G.number_of_nodes() <= PICTURE_NODES else G.subgraph(keep)
        ui.draw(picture, "overview_network", sizes=dict(zip(central["id"], central["pagerank"])), height=560,
                filename="ecograph-overview")

        left, right = st.columns([3, 2])
        with left:
            st.subheader(t("recent_links"))
            recent = sorted((x for x in distinct_links(G) if x[2].get("date") and x[2].get("type") != "LOCATED_IN"),
                            key=lambda x: x[2]["date"], reverse=True)[:10]
            st.dataframe(ui.links_frame(G, recent), hide_index=True)
        with right:
            com = data.community_table(v)
            st.subheader(t("communities"))
            if com.table.empty:
                st.caption("—")
            else:
                st.caption(t("modularity", q=com.modularity))
                st.dataframe(com.table[["size", "members", "places"]].rename(
                    columns={"size": "#", "members": t("entities"), "places": t("g_country")}), hide_index=True)

        st.subheader(t("sources_title"))
        src = pd.DataFrame([{t("title_col"): d.get("title") or d["id"], t("date"): d.get("date") or "—",
                             t("doc_kind"): d.get("kind") or "", "id": d["id"]} for d in docs])
        st.dataframe(src.sort_values(t("date"), ascending=False), hide_index=True)
