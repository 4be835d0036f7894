"""Brokers & centrality: who bridges groups and who is central, as tables and bar charts, with
what each measure means in plain words."""
from __future__ import annotations

import streamlit as st

from app.web import data, ui
from app.web.i18n import fixed, kind_label, lang, t
from app.web.network import KIND_COLOURS
from app.web.tie_picker import tie_classes
from graph.ontology import KINDS
from queries.centrality import MEASURES
from queries.roles import ROLES
from queries.wording import role_word

GROUPINGS = ("country", "city", "kind", "type")
BROKER_MEASURES = ("betweenness", "total", "effective_size", "constraint")


def chart(df, measure: str, n: int, *, ascending: bool = False) -> None:
    top = df.dropna(subset=[measure]).sort_values(measure, ascending=ascending).head(n)
    labels = dict(zip(top["id"], top["name"]))
    ui.hbar(top.set_index("id")[measure], label=labels.get, fmt=",.3f",
            colours={i: KIND_COLOURS.get(k, "#9aa0a6") for i, k in zip(top["id"], top["kind"])})


with ui.guard():
    v = data.version()
    ui.page_header("page_brokers")
    G = ui.require_graph(v)
    if G is not None:
        filters = ui.filter_sidebar(G)
        c1, c2, c3 = st.columns(3)
        ui.from_url("by", "country")
        if st.session_state["by"] not in GROUPINGS:
            st.session_state["by"] = "country"
        by = c1.selectbox(t("group_by"), GROUPINGS, key="by", format_func=fixed(GROUPINGS, lambda g: t(f"g_{g}")))
        present = [k for k in KINDS if any(a.get("kind") == k for _, a in G.nodes(data=True))]
        ui.from_url("only", "")
        if st.session_state["only"] not in ["", *present]:
            st.session_state["only"] = ""
        only = c2.selectbox(t("only_kind"), ["", *present], key="only",
                            format_func=fixed(["", *present], lambda k: kind_label(k) if k else t("all"))) or None
        ui.from_url("top_n", 12, int)
        st.session_state["top_n"] = min(max(st.session_state["top_n"], 5), 40)
        n = c3.slider(t("top_n"), 5, 40, key="top_n")
        ui.to_url("by", "only", "top_n")
        ties = tie_classes()

        with st.expander(t("what_measures")):
            st.markdown("\n".join(f"- **{t(f'm_{m}')}** — {t(f'explain_{m}')}" for m in
                                  [*MEASURES, "constraint", "effective_size", "total"]))
        tab_b, tab_c, tab_x = st.tabs([t("tab_brokers"), t("tab_centrality"), t("tab_between")])
        with tab_b:
            table = data.brokers_table(v, by, filters, only, ties)
            ui.from_url("b_measure", "betweenness")
            if st.session_state["b_measure"] not in BROKER_MEASURES:
                st.session_state["b_measure"] = "betweenness"
            m = st.radio(t("sort_by"), BROKER_MEASURES, key="b_measure", horizontal=True,
                         format_func=fixed(BROKER_MEASURES, lambda x: t(f"m_{x}")))
            ui.to_url("b_measure")
            st.caption(t(f"explain_{m}"))
            chart(table, m, n, ascending=m == "constraint")
            shown = table.sort_values(m, ascending=m == "constraint", na_position="last")
            st.dataframe(ui.names_frame(shown, {
                "name": t("name"), "kind": t("kind"), "group": t("group", by=t(f"g_{by}")), "degree": t("m_degree"),
                "betweenness": t("m_betweenness"), "constraint": t("m_constraint"),
                "effective_size": t("m_effective_size"), **{r: role_word(r, lang()) for r in ROLES},
                "total": t("m_total"), "exclusive_pairs": t("tab_between")}),
                hide_index=True, column_config={t("m_betweenness"): st.column_config.NumberColumn(format="%.3f"),
                                                t("m_constraint"): st.column_config.NumberColumn(format="%.3f"),
                                                t("m_effective_size"): st.column_config.NumberColumn(format="%.2f")})
            ui.csv_download(table, f"ecograph-brokers-{by}.csv", "brokers_csv")
        with tab_c:
            ui.from_url("c_measure", "pagerank")
            if st.session_state["c_measure"] not in MEASURES:
                st.session_state["c_measure"] = "pagerank"
            cm = st.radio(t("sort_by"), MEASURES, key="c_measure", horizontal=True, format_func=fixed(MEASURES, lambda x: t(f"m_{x}")))
            st.caption(t(f"explain_{cm}"))
            cent = data.centrality_table(v, filters, only, tuple(dict.fromkeys((cm, "degree"))), ties)
            chart(cent, cm, n)
            cols = {f"{cm}_rank": "#", "name": t("name"), "kind": t("kind"), cm: t(f"m_{cm}"), "degree": t("m_degree"),
                    f"{cm}_pct": t("percentile")}
            st.dataframe(ui.names_frame(cent, cols), hide_index=True,
                         column_config={t(f"m_{x}"): st.column_config.NumberColumn(format="%.3f")
                                        for x in MEASURES if x not in ("degree",)})
            ui.csv_download(cent, f"ecograph-centrality-{cm}.csv", "centrality_csv")
            ui.to_url("c_measure")
        with tab_x:
            places = data.places(v)
            if len(places) < 2:
                st.info("—")
            else:
                values = list(places)
                g1, g2 = st.columns(2)
                ui.from_url("ga", "viet-nam" if "viet-nam" in places else values[0])
                ui.from_url("gb", "han-quoc" if "han-quoc" in places else values[1])
                for key, i in (("ga", 0), ("gb", 1)):
                    if st.session_state[key] not in places:
                        st.session_state[key] = values[i]
                ga = g1.selectbox(t("place_a"), values, key="ga", format_func=places.get)
                gb = g2.selectbox(t("place_b"), values, key="gb", format_func=places.get)
                ui.to_url("ga", "gb")
                res = data.side_brokers(v, ga, gb, filters, ties, lang())
                st.markdown(f"**{ui.md(res.message)}**")
                shown = res.brokers.assign(partners_a=res.brokers["partners_a"].map(", ".join),
                                           partners_b=res.brokers["partners_b"].map(", ".join))
                st.dataframe(ui.names_frame(shown, {
                    "name": t("name"), "kind": t("kind"), "side": t("side"), "role": t("role"),
                    "reach_a": t("reach_in", place=places[ga]), "reach_b": t("reach_in", place=places[gb]),
                    "partners_a": t("partners_in", place=places[ga]), "partners_b": t("partners_in", place=places[gb]),
                    "last": t("latest"), "brokered": t("m_total")}), hide_index=True)
                st.markdown(f"**{t('links_behind')}**")
                rows = [(r["source"], r["target"], r) for r in res.links.to_dict("records")]
                st.dataframe(ui.links_frame(G, rows), hide_index=True)
                ui.csv_download(res.brokers, f"ecograph-brokers-{ga}-{gb}.csv", "connectors_csv")
