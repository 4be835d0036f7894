"""Timeline: how many links were made each year, by type, for the whole graph or one entity,
and how many new partners each year brought."""
from __future__ import annotations

import altair as alt
import streamlit as st

from app.web import data, ui
from app.web.i18n import t, type_label
from app.web.network import TYPE_COLOURS
from queries.timeline import UNDATED

with ui.guard():
    v = data.version()
    ui.page_header("page_timeline")
    G = ui.require_graph(v)
    if G is not None:
        filters = ui.filter_sidebar(G)
        entity = ui.entity_picker(t("entity_optional"), "who", v)
        per_year = data.links_per_year(v, filters, entity)
        dated = per_year.drop(index=UNDATED, errors="ignore")
        st.subheader(t("per_year"))
        if per_year.empty:
            st.caption(t("no_links"))
        else:
            long = (dated.drop(columns="total").reset_index()
                    .melt(id_vars="year", var_name="type", value_name="links"))
            long = long[long["links"] > 0]
            long["label"] = long["type"].map(type_label)
            types = sorted(long["type"].unique())
            chart = (alt.Chart(long).mark_bar()
                     .encode(x=alt.X("year:O", title=None, axis=alt.Axis(labelAngle=0)),
                             y=alt.Y("links:Q", title=t("links")),
                             color=alt.Color("label:N", title=t("type"),
                                             scale=alt.Scale(domain=[type_label(x) for x in types],
                                                             range=[TYPE_COLOURS.get(x, "#9aa0a6") for x in types])),
                             tooltip=["year", "label", "links"])
                     .properties(height=360))
            st.altair_chart(chart, width="stretch")
            if UNDATED in per_year.index:
                st.caption(t("undated_note", n=int(per_year.loc[UNDATED, "total"])))
            table = per_year.reset_index()
            st.dataframe(table.rename(columns={c: type_label(c) for c in table.columns if c not in ("year", "total")}
                                      | {"year": t("year"), "total": t("links")}), hide_index=True)
            ui.csv_download(table, "ecograph-links-per-year.csv", "timeline_csv")
        st.subheader(t("new_partners"))
        partners = data.new_partners(v, filters, entity)
        if partners.empty:
            st.caption(t("no_links"))
        else:
            st.altair_chart(alt.Chart(partners).mark_bar(color="#2a9d8f")
                            .encode(x=alt.X("year:O", title=None, axis=alt.Axis(labelAngle=0)),
                                    y=alt.Y("new_partners:Q", title=t("new_partners")),
                                    tooltip=list(partners.columns)).properties(height=240), width="stretch")
            st.dataframe(partners.rename(columns={"year": t("year"), "new_partners": t("new_partners"),
                                                  "cumulative": t("cumulative"), "partners": t("partners")}),
                         hide_index=True)
