"""Ingest: upload articles, a graph file or a dataset, see what would be added (new entities,
merges with entities already in the graph, links), then add it or discard it.

Nothing is written before "Add to the graph" (``app.web.staging`` reads and writes).
"""
from __future__ import annotations

import pandas as pd
import streamlit as st

from app.web import data, staging, ui
from app.web.i18n import fixed, kind_label, t, type_label

STAGED = "ingest_staged"
DONE = "ingest_done"


def review(staged: list[staging.Staged]) -> None:
    known = {e.id for e in data.get_store().known_entities()}
    for s in staged:
        with st.expander(t("doc_summary", name=s.document.title or s.document.id, entities=len(s.entities),
                               links=len(s.links)), expanded=len(staged) == 1):
            names = {e.id: e.name for e in s.entities}
            c1, c2 = st.columns(2)
            for col, title, rows in zip((c1, c2), (t("new_entities"), t("merged_entities")), s.split(known)):
                col.markdown(f"**{title} ({len(rows)})**")
                col.dataframe(pd.DataFrame([{t("name"): e.name, t("kind"): kind_label(e.kind),
                                             t("aliases"): " · ".join(a for a in e.aliases if a != e.name)}
                                            for e in rows]), hide_index=True)
            st.markdown(f"**{t('new_links')} ({len(s.links)})**")
            st.dataframe(pd.DataFrame([{t("source"): names.get(x.source, x.source), t("type"): type_label(x.type),
                                        t("partner"): names.get(x.target, x.target), t("date"): x.date or "",
                                        t("status"): t(f"status_{x.status}"), t("evidence"): x.evidence or ""}
                                       for x in s.links]), hide_index=True)


def summary_text(summaries) -> str:
    done = [s for s in summaries if s.status != "unchanged"]
    text = t("committed", docs=len(done), new=sum(s.entities_new for s in done),
             merged=sum(s.entities_merged for s in done), links=sum(sum(s.links.values()) for s in done))
    return " ".join([text, *(t("unchanged", name=s.document) for s in summaries if s.status == "unchanged")])


with ui.guard():
    ui.page_header("page_ingest")
    kind = st.radio(t("ingest_kind"), list(staging.KINDS), key="ingest_kind", horizontal=True,
                    format_func=fixed(staging.KINDS, lambda k: t(f"ik_{k}")))
    uploads = st.file_uploader(t("upload"), type=list(staging.KINDS[kind]), accept_multiple_files=True,
                               key=f"up_{kind}")
    if st.button(t("extract"), type="primary", disabled=not uploads, key="extract", icon=":material/manage_search:"):
        st.session_state[STAGED] = staging.read_uploads(kind, [(u.name, u.getvalue()) for u in uploads],
                                                        data.get_store())
        st.session_state.pop(DONE, None)
    if DONE in st.session_state:
        st.success(st.session_state[DONE])
    if STAGED in st.session_state:
        staged, errors = st.session_state[STAGED]
        for e in errors:
            st.error(t("file_error", error=e), icon=":material/error:")
        if not staged:
            st.warning(t("nothing_read"))
        else:
            st.subheader(t("review"))
            review(staged)
            c1, c2, _ = st.columns([1, 1, 4])
            if c1.button(t("commit"), type="primary", key="commit", icon=":material/add_task:"):
                st.session_state[DONE] = summary_text(staging.commit(staged, data.get_store()))
                data.refresh()
                del st.session_state[STAGED]
                st.rerun()
            if c2.button(t("discard"), key="discard"):
                st.session_state[DONE] = t("discarded")
                del st.session_state[STAGED]
                st.rerun()
