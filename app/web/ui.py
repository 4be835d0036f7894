"""What the pages share: error messages instead of tracebacks, state kept in the URL, the
sidebar filters, the entity picker, link tables, the network panel and downloads.

State lives in ``st.query_params`` so that a view can be shared by copying the address; it is
also remembered in the session, because Streamlit clears the query string when the user
switches pages and an analyst coming back to Explore expects the entity still open.
"""
from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pandas as pd
import streamlit as st

from app.web import data, network
from app.web.i18n import fixed, kind_label, t, type_label
from graph.export import export
from graph.export.cells import neutralise
from graph.filters import Filters
from graph.model import RecordError
from graph.ontology import KINDS, LINK_TYPES
from graph.store import StoreUnavailable

_KEPT = "_kept"


# ---- errors --------------------------------------------------------------------------------

def show_unavailable(exc: BaseException) -> None:
    st.error(f"**{t('no_database')}**\n\n{exc}")
    st.info(t("no_database_fix"))


@contextlib.contextmanager
def guard() -> Iterator[None]:
    """Show any failure inside the block as a message on the page, never as a traceback."""
    try:
        yield
    except StoreUnavailable as exc:
        data.forget_store()
        show_unavailable(exc)
    except (LookupError, ValueError, RecordError) as exc:
        st.error(t("error", error=exc))
    except Exception as exc:  # noqa: BLE001 - the page must stay readable whatever failed
        if type(exc).__module__.split(".")[0] == "neo4j":
            data.forget_store()
            st.error(t("db_lost", error=str(exc).split("\n")[0][:300]))
            st.info(t("no_database_fix"))
        else:
            st.error(t("error", error=f"{type(exc).__name__}: {exc}"))


# ---- state in the URL ------------------------------------------------------------------------

def _kept() -> dict[str, Any]:
    return st.session_state.setdefault(_KEPT, {})


def from_url(key: str, default: Any, parse: Callable[[str], Any] = str) -> None:
    """Give widget ``key`` its value from the URL (or from earlier in the session) before it is drawn."""
    if key in st.session_state:
        return
    if key in st.query_params:
        raw = st.query_params.get_all(key) if isinstance(default, list) else st.query_params[key]
        try:
            st.session_state[key] = [parse(x) for x in raw] if isinstance(default, list) else parse(raw)
            return
        except ValueError:
            pass
    st.session_state[key] = _kept().get(key, default)


def to_url(*keys: str) -> None:
    """Write the widgets ``keys`` into the URL (empty values left out) and remember them."""
    for key in keys:
        value = st.session_state.get(key)
        _kept()[key] = value
        if value in (None, "", [], ()):
            st.query_params.pop(key, None)
        elif isinstance(value, (list, tuple)):
            st.query_params[key] = [str(x) for x in value]
        else:
            st.query_params[key] = str(value)


def _year_range(G: nx.MultiDiGraph) -> tuple[int, int] | None:
    years = sorted({int(d[:4]) for _, _, d in G.edges(data="date") if d and d[:4].isdigit()})
    return (years[0], years[-1]) if years else None


def filter_sidebar(G: nx.MultiDiGraph, *, kinds: bool = True, status: bool = True) -> Filters:
    """The filters of the sidebar (kinds, link types, status, years) as one ``Filters``."""
    sb = st.sidebar
    sb.subheader(t("filters"))
    present_kinds = sorted({a.get("kind") for _, a in G.nodes(data=True) if a.get("kind") in KINDS})
    present_types = sorted({ty for _, _, ty in G.edges(data="type") if ty in LINK_TYPES})
    keys = []
    if kinds:
        from_url("kinds", [])
        st.session_state["kinds"] = [k for k in st.session_state["kinds"] if k in present_kinds]
        sb.multiselect(t("kinds"), present_kinds, key="kinds", format_func=fixed(present_kinds, kind_label), placeholder=t("all"))
        keys.append("kinds")
    from_url("types", [])
    st.session_state["types"] = [k for k in st.session_state["types"] if k in present_types]
    sb.multiselect(t("types"), present_types, key="types", format_func=fixed(present_types, type_label), placeholder=t("all"))
    keys.append("types")
    if status:
        from_url("status", "both")
        sb.radio(t("status"), ["both", "done", "planned"], key="status", horizontal=True,
                 format_func=fixed(["both", "done", "planned"], lambda s: t(f"status_{s}")))
        keys.append("status")
    span = _year_range(G)
    date_from = date_to = None
    if span and span[0] < span[1]:
        from_url("years", list(span), int)
        chosen = st.session_state["years"]
        if len(chosen) != 2 or not span[0] <= chosen[0] <= chosen[1] <= span[1]:
            st.session_state["years"] = list(span)
        lo, hi = sb.slider(t("years"), span[0], span[1], key="years")
        keys.append("years")
        if (lo, hi) != span:
            date_from, date_to = str(lo), str(hi)
    to_url(*keys)
    return Filters(kinds=frozenset(st.session_state["kinds"]) or None if kinds else None,
                   types=frozenset(st.session_state["types"]) or None,
                   status=None if not status or st.session_state["status"] == "both" else st.session_state["status"],
                   date_from=date_from, date_to=date_to)


# ---- picking entities ----------------------------------------------------------------------

def entity_labels(v: str) -> dict[str, str]:
    """Entity id -> ``Name · kind`` in the current language, sorted by name."""
    return {n: f"{name} · {kind_label(kind)}" for n, (name, kind) in data.entities(v).items()}


def _resolve_typed(key: str, v: str) -> None:
    """A typed text that is no entity id: replace it by the best search hit (accent-insensitive)."""
    value = st.session_state.get(key)
    choices = data.entities(v)
    if value and value not in choices:
        try:
            hits = [h for h in data.search(v, value) if h["id"] in choices]
        except Exception:  # noqa: BLE001 - a callback cannot show errors; the page run that follows will
            return
        st.session_state[f"{key}__typed"] = value
        st.session_state[f"{key}__others"] = [h["id"] for h in hits[1:6]]
        if hits:
            st.session_state[key] = hits[0]["id"]
    else:
        st.session_state.pop(f"{key}__typed", None)
        st.session_state.pop(f"{key}__others", None)


def entity_picker(label: str, key: str, v: str, *, container=st, placeholder: str | None = None) -> str | None:
    """A box that suggests entities as one types and also accepts any name or alias.

    Suggestions come from the names; text typed without diacritics (``so khcn tphcm``) is
    looked up by ``Store.search`` when entered. The chosen id is kept in the URL as ``key``.
    """
    choices = entity_labels(v)
    from_url(key, None)
    if st.session_state[key] not in choices and st.session_state[key] is not None:
        _resolve_typed(key, v)
    value = container.selectbox(label, list(choices), key=key, index=None, format_func=lambda n: choices.get(n, n),
                                accept_new_options=True, placeholder=placeholder or t("search_placeholder"),
                                on_change=_resolve_typed, args=(key, v))
    to_url(key)
    typed = st.session_state.get(f"{key}__typed")
    if value is not None and value not in choices:
        container.warning(t("no_match", query=typed or value))
        return None
    others = st.session_state.get(f"{key}__others") or []
    if typed and others:
        container.caption(f"{t('other_matches')}: " + " · ".join(choices[o] for o in others if o in choices))
    return value


# ---- tables --------------------------------------------------------------------------------

def source_name(G: nx.MultiDiGraph, doc: str | None) -> str:
    """A document as a reader recognises it: its title and date, or its id; and its URL when known."""
    meta = (G.graph.get("documents") or {}).get(doc) or {}
    title = meta.get("title") or doc or "?"
    name = f"{title} ({meta['date']})" if meta.get("date") else title
    return f"{name} {meta['url']}" if meta.get("url") else name


def links_frame(G: nx.MultiDiGraph, links, centre: str | None = None) -> pd.DataFrame:
    """Links ``(u, v, attrs)`` as a readable table; with ``centre``, seen from that entity."""
    rows = []
    for u, v, a in links:
        row = {t("date"): a.get("date") or t("undated")}
        if centre is not None:
            other = v if u == centre else u
            row[t("direction")] = t("out") if u == centre else t("in")
            row[t("partner")] = G.nodes[other].get("name", other) if other in G else other
        else:
            row[t("source")] = G.nodes[u].get("name", u)
            row[t("partner")] = G.nodes[v].get("name", v)
        row[t("type")] = type_label(a.get("type")) + (f" ({a['title']})" if a.get("title") else "")
        row[t("status")] = t(f"status_{a.get('status') or 'done'}")
        row[t("evidence")] = a.get("evidence") or ""
        row[t("source") + " "] = source_name(G, a.get("doc"))
        rows.append(row)
    df = pd.DataFrame(rows)
    if not df.empty:
        df = df.sort_values(t("date"), ascending=False, kind="stable").reset_index(drop=True)
    return df


def names_frame(df: pd.DataFrame, columns: dict[str, str]) -> pd.DataFrame:
    """``df`` restricted to ``columns`` (name -> translated heading), kinds translated."""
    out = df[[c for c in columns if c in df.columns]].copy()
    if "kind" in out.columns:
        out["kind"] = out["kind"].map(kind_label)
    return out.rename(columns=columns)


def csv_bytes(df: pd.DataFrame) -> bytes:
    """``df`` as UTF-8 CSV, text cells and headings neutralised against spreadsheet formula injection."""
    safe = df.map(neutralise).rename(columns=neutralise)
    return safe.to_csv(index=False).encode("utf-8")


def csv_download(df: pd.DataFrame, filename: str, key: str) -> None:
    st.download_button(t("download_csv"), csv_bytes(df), file_name=filename, mime="text/csv", key=key)


# ---- the network panel ---------------------------------------------------------------------

def draw(G: nx.MultiDiGraph, key: str, *, sizes: dict[str, float] | None = None, centres=(), highlight_edges=(),
         height: int = 620, filename: str = "network") -> tuple[str | None, str]:
    """Draw ``G``; return the node clicked in the picture (if any) and the page's HTML."""
    html = network.network_html(G, sizes=sizes, centres=centres, highlight_edges=highlight_edges, height=height,
                                legend_titles=(t("legend_kinds"), t("legend_links"), t("legend_planned")),
                                kind_label=kind_label, type_label=type_label, heading=filename,
                                filename=f"{filename}.png")
    return network.show(html, height, key), html


def network_downloads(G: nx.MultiDiGraph, html: str, filename: str, key: str) -> None:
    """HTML and GraphML of the network shown (PNG is a button inside the picture)."""
    c1, c2, c3 = st.columns([1, 1, 2])
    c1.download_button(t("download_html"), html.encode("utf-8"), file_name=f"{filename}.html", mime="text/html",
                       key=f"{key}_html")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / f"{filename}.graphml"
        export(G, "graphml", out)
        c2.download_button(t("download_graphml"), out.read_bytes(), file_name=out.name,
                           mime="application/graphml+xml", key=f"{key}_graphml")
    c3.caption(t("png_hint"))


def page_header(title_key: str, caption: str | None = None) -> None:
    st.title(t(title_key))
    if caption:
        st.caption(caption)


def require_graph(v: str) -> nx.MultiDiGraph | None:
    """The projection, or None with a message when the graph is empty."""
    G = data.projection(v)
    if G.number_of_nodes() == 0:
        st.info(t("empty_graph"))
        return None
    return G


def hbar(values: pd.Series, *, colours: dict[str, str] | None = None, label: Callable[[str], str] = str,
         height: int | None = None, fmt: str = ",.0f") -> None:
    """A horizontal bar chart of ``values`` (index = category), largest on top."""
    import altair as alt

    df = pd.DataFrame({"key": values.index.astype(str), "value": values.to_numpy()})
    df["label"] = [label(k) for k in df["key"]]
    colour = (alt.Color("key:N", scale=alt.Scale(domain=list(colours), range=list(colours.values())), legend=None)
              if colours else alt.value("#3d7dd8"))
    chart = (alt.Chart(df).mark_bar(cornerRadiusEnd=3)
             .encode(x=alt.X("value:Q", title=None, axis=alt.Axis(format=fmt)),
                     y=alt.Y("label:N", sort="-x", title=None, axis=alt.Axis(labelLimit=260)),
                     color=colour, tooltip=[alt.Tooltip("label:N", title=""), alt.Tooltip("value:Q", title="", format=fmt)])
             .properties(height=height or max(120, 26 * len(df))))
    st.altair_chart(chart, width="stretch")


_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>#|$~"})


def md(text: object) -> str:
    """``text`` with Markdown (and Streamlit's ``$`` maths) made literal."""
    return str(text).translate(_MD_SPECIAL)


def link_item(G: nx.MultiDiGraph, u: str, v: str, a: dict, *, number: str = "") -> str:
    """One link as a Markdown block: who, what, when, status, evidence sentence and source."""
    name = lambda n: G.nodes[n].get("name", n) if n in G else n  # noqa: E731
    kind = type_label(a.get("type")) + (f" ({a['title']})" if a.get("title") else "")
    when = a.get("date") or t("undated")
    status = t(f"status_{a.get('status') or 'done'}")
    head = f"{number}**{md(name(u))}** — {md(kind)} → **{md(name(v))}** · {md(when)} · _{status}_"
    lines = [head]
    if a.get("evidence"):
        lines.append(f"> {md(a['evidence'])}")
    lines.append(f"<small>{md(t('source'))}: {md(source_name(G, a.get('doc')))}</small>")
    return "\n\n".join(lines)
