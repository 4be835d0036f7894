"""The app's one way to the store, and the cached answers of the queries.

``get_store`` is what every page, the tests' ``AppTest`` runs and ``ecograph app`` share: it
opens the configured store once per server process (``graph.connect.open_store``). Every
cached answer is keyed by ``Store.version()``, a token that changes on every write, so a
document added on the Ingest page (or by the CLI meanwhile) shows up on the next rerun
without anybody clearing a cache by hand.
"""
from __future__ import annotations

import networkx as nx
import pandas as pd
import streamlit as st

from graph.connect import open_store
from graph.filters import Filters
from graph.store import Store
from queries import brief, brokers, centrality, communities, ego, paths, timeline

CACHE = 64


@st.cache_resource(show_spinner=False)
def _open() -> Store:
    return open_store()


def get_store() -> Store:
    """The configured store (embedded ArcadeDB or the user's Neo4j); raises ``StoreUnavailable``."""
    return _open()


def forget_store() -> None:
    """Drop the cached connection, so the next page run connects again (after the server went away)."""
    _open.clear()


def version() -> str:
    """The store's current version token: the key of every cached answer below."""
    return get_store().version()


@st.cache_resource(max_entries=4, show_spinner=False)
def projection(v: str) -> nx.MultiDiGraph:
    """The whole graph at version ``v``; shared by reference, so callers must not modify it."""
    return get_store().project()


@st.cache_data(max_entries=CACHE, show_spinner=False)
def counts(v: str) -> dict:
    return get_store().counts()


@st.cache_data(max_entries=CACHE, show_spinner=False)
def documents(v: str) -> list[dict]:
    return get_store().documents()


@st.cache_data(max_entries=CACHE, show_spinner=False)
def search(v: str, text: str, limit: int = 10) -> list[dict]:
    return get_store().search(text, limit)


@st.cache_data(max_entries=CACHE, show_spinner=False)
def entities(v: str) -> dict[str, tuple[str, str | None]]:
    """Entity id -> (name, kind), sorted by name, for the pickers."""
    G = projection(v)
    rows = sorted(G.nodes(data=True), key=lambda na: ((na[1].get("name") or na[0]).casefold(), na[0]))
    return {n: (a.get("name") or n, a.get("kind")) for n, a in rows}


@st.cache_data(max_entries=CACHE, show_spinner=False)
def centrality_table(v: str, filters: Filters, kind: str | None, names: tuple[str, ...]) -> pd.DataFrame:
    """The centrality ``names`` (sorted by the first): only what a page shows, as the all-pairs
    measures take seconds each on a graph of a few thousand entities."""
    return centrality.centrality(projection(v), filters, kind=kind, names=names, by=names[0])


@st.cache_data(max_entries=CACHE, show_spinner=False)
def brokers_table(v: str, by: str, filters: Filters, kind: str | None) -> pd.DataFrame:
    return brokers.brokers(projection(v), by, filters, kind=kind)


@st.cache_data(max_entries=CACHE, show_spinner=False)
def connectors(v: str, a: str, b: str, by: str, filters: Filters) -> brokers.Connectors:
    return brokers.connectors(projection(v), a, b, by, filters)


@st.cache_data(max_entries=CACHE, show_spinner=False)
def groups(v: str, by: str) -> dict[str, str]:
    """Group value -> readable label, for the "who connects two groups" pickers."""
    from queries.groups import UNKNOWN, group_label, group_of

    G = projection(v)
    values = sorted(set(group_of(G, by).values()) - {UNKNOWN})
    return dict(sorted(((g, group_label(G, by, g)) for g in values), key=lambda x: x[1].casefold()))


@st.cache_data(max_entries=CACHE, show_spinner=False)
def neighbourhood(v: str, centres: tuple[str, ...], filters: Filters, hops: int, budget: int) -> ego.EgoResult:
    return ego.ego_network(projection(v), list(centres), filters, hops=hops, budget=budget)


@st.cache_data(max_entries=CACHE, show_spinner=False)
def find_paths(v: str, a: str, b: str, filters: Filters, k: int, exclude_types: tuple[str, ...],
               exclude_nodes: tuple[str, ...], weighted: bool) -> paths.PathResult:
    return paths.find_paths(projection(v), a, b, filters, k=k, exclude_types=exclude_types,
                            exclude_nodes=exclude_nodes, weighted=weighted)


@st.cache_data(max_entries=CACHE, show_spinner=False)
def visit_brief(v: str, target: str, home: str, filters: Filters, top: int, max_hops: int) -> brief.Brief:
    return brief.visit_brief(projection(v), target, home, filters, top=top, max_hops=max_hops)


@st.cache_data(max_entries=CACHE, show_spinner=False)
def links_per_year(v: str, filters: Filters, entity: str | None) -> pd.DataFrame:
    return timeline.links_per_year(projection(v), filters, entity=entity)


@st.cache_data(max_entries=CACHE, show_spinner=False)
def new_partners(v: str, filters: Filters, entity: str | None) -> pd.DataFrame:
    return timeline.new_partners_per_year(projection(v), filters, entity=entity)


@st.cache_data(max_entries=CACHE, show_spinner=False)
def community_table(v: str) -> communities.Communities:
    return communities.communities(projection(v))
