"""The tie-class choice every route page offers (``queries.weights.TIE_CLASSES``), kept in the URL."""
from __future__ import annotations

import streamlit as st

from app.web import ui
from app.web.i18n import fixed, t
from queries.weights import DEFAULT_TIES, ROUTE_CLASSES

KEY = "ties"


def tie_classes(container=st) -> tuple[str, ...]:
    """The tie classes chosen on this page (interaction and affiliation unless changed); never empty."""
    default = [c for c in ROUTE_CLASSES if c in DEFAULT_TIES]
    ui.from_url(KEY, default)
    st.session_state[KEY] = [c for c in st.session_state[KEY] if c in ROUTE_CLASSES] or default
    chosen = container.multiselect(t("ties"), list(ROUTE_CLASSES), key=KEY,
                                   format_func=fixed(ROUTE_CLASSES, lambda c: t(f"ties_{c}")))
    ui.to_url(KEY)
    return tuple(chosen) or tuple(default)
