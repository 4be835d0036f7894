"""The Streamlit app's entry file: language, database check and navigation, then the page.

Run with ``ecograph app`` (or ``streamlit run app/web/main.py``). Every page runs under this
file, so the language toggle and the "no database" message are written once, here.
"""
from __future__ import annotations

from pathlib import Path

import streamlit as st

from app.web import data, ui
from app.web.i18n import LANGS, t
from graph.store import StoreUnavailable

VIEWS = Path(__file__).parent / "views"
#: (file, title key, URL path): the order of the sidebar. Pages have no icon: Streamlit makes the
#: page's icon the favicon and fetches Material icons for it from Google, and the app stays offline.
PAGE_LIST = (
    ("overview.py", "page_overview", "overview"),
    ("explore.py", "page_explore", "explore"),
    ("brokers.py", "page_brokers", "brokers"),
    ("paths.py", "page_paths", "paths"),
    ("visit.py", "page_visit", "visit"),
    ("timeline.py", "page_timeline", "timeline"),
    ("ingest.py", "page_ingest", "ingest"),
    ("cypher.py", "page_cypher", "cypher"),
)

st.set_page_config(page_title="ecograph", layout="wide")

ui.from_url("lang", "vi")
if st.session_state["lang"] not in LANGS:
    st.session_state["lang"] = "vi"
st.sidebar.radio(t("language"), list(LANGS), key="lang", format_func=LANGS.get, horizontal=True)
ui.to_url("lang")

pages = [st.Page(str(VIEWS / f), title=t(title), url_path=path, default=i == 0)
         for i, (f, title, path) in enumerate(PAGE_LIST)]
page = st.navigation(pages)

try:
    store = data.get_store()
except StoreUnavailable as exc:
    st.title(t("app_title"))
    ui.show_unavailable(exc)
    if st.button(t("retry")):
        st.rerun()
    st.stop()
st.sidebar.caption(f"{t('database')}: {store.backend} · {store.address}")
with data.reading():  # a rebuilt graph is swapped in between page runs
    page.run()
