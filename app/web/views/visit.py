"""Visit prep: the brief for a delegation — who is who there, what already links us, what is
planned, and who can introduce us — rendered, and as a Markdown file to take along."""
from __future__ import annotations

import re

import streamlit as st

from app.web import data, ui
from app.web.i18n import lang, t
from app.web.tie_picker import tie_classes
from queries.brief import to_markdown

with ui.guard():
    v = data.version()
    ui.page_header("page_visit")
    G = ui.require_graph(v)
    if G is not None:
        filters = ui.filter_sidebar(G, kinds=False)
        c1, c2 = st.columns(2)
        target = ui.entity_picker(t("target"), "target", v, container=c1)
        home = ui.entity_picker(t("home"), "home", v, container=c2)
        o1, o2 = st.columns(2)
        ui.from_url("inter", 10, int)
        st.session_state["inter"] = min(max(st.session_state["inter"], 3), 30)
        top = o1.slider(t("top_inter"), 3, 30, key="inter")
        ui.from_url("chain", 3, int)
        st.session_state["chain"] = min(max(st.session_state["chain"], 2), 4)
        chain = o2.slider(t("max_hops"), 2, 4, key="chain")
        ui.to_url("inter", "chain")
        ties = tie_classes()
        if target is None or home is None:
            st.info(t("pick_visit"))
        else:
            brief = data.visit_brief(v, target, home, filters, top, chain, ties, lang())
            m = st.columns(4)
            m[0].metric(t("v_actors"), len(brief.actors))
            m[1].metric(t("v_links"), len(brief.links))
            m[2].metric(t("v_planned"), len(brief.planned))
            m[3].metric(t("intermediaries"), len(brief.intermediaries))
            text = to_markdown(brief)
            st.download_button(t("download_md"), text.encode("utf-8"), file_name=f"brief-{target}-{home}.md",
                               mime="text/markdown", key="brief_md", icon=":material/download:")
            with st.container(border=True):
                shown = re.sub(r"^(#+) ", lambda h: "#" * (len(h.group(1)) + 1) + " ", text, flags=re.M)
                st.markdown(shown.replace("$", "\\$"))
