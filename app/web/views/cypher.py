"""Cypher console: the user's read-only query, passed as typed to ``Store.read_query`` (which
refuses any write before it reaches the database), shown as a table and, when entities or
links come back, as a network."""
from __future__ import annotations

import json

import pandas as pd
import streamlit as st

from app.web import data, ui
from app.web.i18n import t
from graph.cypher_guard import WriteRefused

EXAMPLE = "MATCH (a:Entity {id: 'busan'})-[r]-(b:Entity)\nRETURN a, r, b\nLIMIT 25"


def _cell(value) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)


with ui.guard():
    v = data.version()
    ui.page_header("page_cypher", t("cypher_help"))
    shared = "cypher" in st.query_params and "cypher" not in st.session_state  # a link someone sent: run it
    ui.from_url("cypher", EXAMPLE)
    query = st.text_area(t("query"), key="cypher", height=140)
    c1, c2, c3 = st.columns([3, 1, 1], vertical_alignment="bottom")
    ui.from_url("cypher_params", "{}")
    raw_params = c1.text_input(t("params"), key="cypher_params")
    ui.from_url("cypher_limit", 200, int)
    limit = c2.number_input(t("limit"), 1, 5000, key="cypher_limit")
    run = c3.button(t("run"), type="primary", key="cypher_run", icon=":material/play_arrow:")
    ui.to_url("cypher", "cypher_params", "cypher_limit")
    if run or shared:
        st.session_state["cypher_asked"] = (query, raw_params, int(limit))
    asked = st.session_state.get("cypher_asked")
    if asked:
        text, raw, n = asked
        try:
            params = json.loads(raw or "{}")
            if not isinstance(params, dict):
                raise ValueError("not an object")
        except ValueError as exc:
            st.error(t("bad_params", error=exc))
        else:
            try:
                result = data.get_store().read_query(text, params, n)
            except WriteRefused as exc:
                st.error(t("refused", error=exc), icon=":material/block:")
            else:
                st.caption(t("rows", n=len(result.rows)))
                if result.truncated:
                    st.warning(t("truncated", n=n))
                table = pd.DataFrame([[_cell(x) for x in row] for row in result.rows], columns=result.columns)
                st.dataframe(table, hide_index=True)
                ui.csv_download(table, "ecograph-query.csv", "cypher_csv")
                if result.graph.number_of_nodes():
                    st.subheader(t("as_network"))
                    result.graph.graph["documents"] = data.projection(v).graph.get("documents", {})
                    _, html = ui.draw(result.graph, "cypher_network", height=520, filename="ecograph-query")
                    ui.network_downloads(result.graph, html, "ecograph-query", "cypher")
