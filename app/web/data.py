"""The app's one way to the store, and the cached answers of the queries.

``get_store`` is what every page, the tests' ``AppTest`` runs and ``ecograph app`` share: it
opens the configured store once per server process (``graph.connect.open_store``). Every
cached answer is keyed by the version of the projection it was computed on, and that
follows ``Store.version()``, a token that changes on every write: a document added on the
Ingest page (or by the CLI meanwhile) shows up without anybody clearing a cache by hand.

Projecting a large graph takes seconds, and an ingest changes the version with every
article. So when the store moves on and the last projection took more than ``QUICK``
seconds, the pages keep answering from the projection they have while the new one is built
in the background, and switch when it is ready (a stale answer for a few seconds rather
than every user waiting); a small graph is simply projected again. The app's own writes ask
for ``refresh()``, which waits, so that what a user just added is there on the next page.
"""
from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import functools
import gc
import threading
import time
from dataclasses import dataclass, field

import networkx as nx
import pandas as pd
import streamlit as st

from graph.connect import open_store
from graph.filters import Filters
from graph.store import Store
from queries import brief, brokers, centrality, communities, ego, paths, timeline
from queries.ties import shared_ties

CACHE = 64
QUICK = 0.5  # seconds: a projection faster than this is rebuilt in the foreground
#: Seconds the projection before the current one is kept for page runs that started on it.
GRACE = 10.0


def _single_flight(fn):
    """Let concurrent calls with the same arguments wait for the first one's (cached) answer.

    Streamlit's caches do not stop several sessions from computing the same missing answer at
    once; on a large graph that multiplies the work of the slowest queries by the number of
    users who asked for it.
    """
    locks: dict[str, threading.Lock] = {}
    guard = threading.Lock()

    @functools.wraps(fn)
    def wrapper(*args):
        key = repr(args)
        with guard:
            if len(locks) > 4096:
                locks.clear()
            lock = locks.setdefault(key, threading.Lock())
        with lock:
            return fn(*args)

    return wrapper


@st.cache_resource(show_spinner=False)
def _open() -> Store:
    return open_store()


def get_store() -> Store:
    """The configured store (embedded ArcadeDB or the user's Neo4j); raises ``StoreUnavailable``."""
    return _open()


def forget_store() -> None:
    """Drop the cached connection, so the next page run connects again (after the server went away)."""
    _open.clear()


@dataclass
class _Served:
    """The projection the pages answer from, and whether a newer one is being built."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    version: str | None = None
    graph: nx.MultiDiGraph | None = None
    building: str | None = None
    seconds: float = 0.0  # how long the last projection took
    #: The projection before the current one: a page run that started on it finishes on it
    #: instead of projecting the whole graph again, uncached, in the middle of a request.
    previous: tuple[str | None, nx.MultiDiGraph | None] = (None, None)


@st.cache_resource(show_spinner=False)
def _served() -> _Served:
    return _Served()


def _build(served: _Served, store: Store, v: str) -> None:
    started = time.perf_counter()
    try:
        g = store.project()
        shared_ties(g).igraph  # what weighted paths and centrality read, made before anyone waits for it
        with served.lock:
            swapped = served.version != v
            if swapped:
                served.previous = (served.version, served.graph)
            served.version, served.graph = v, g
            served.seconds = time.perf_counter() - started
        if swapped:
            timer = threading.Timer(GRACE, _forget_previous, args=(served, v))
            timer.daemon = True
            timer.start()
    finally:
        with served.lock:
            served.building = None


def _forget_previous(served: _Served, v: str) -> None:
    """Drop the projection that ``v`` replaced, once page runs on it are over, and give its
    memory back: without this the app would hold two projections for good after one ingest."""
    with served.lock:
        if served.version != v or served.previous[1] is None:
            return  # a newer swap has its own timer
        served.previous = (None, None)
    release_memory()


def release_memory() -> None:
    """Free what the dropped projection held, cycles included, and hand free heap pages back to
    the system (glibc keeps them otherwise, so the process would stay at its high-water mark)."""
    gc.collect()
    libc = ctypes.util.find_library("c")
    if libc:
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(libc).malloc_trim(0)


def version() -> str:
    """The version of the graph the pages show: the key of every cached answer below.

    The first call projects the graph; later ones start a background rebuild when the store
    has moved on, and return the version still being shown until it is ready.
    """
    store, served = get_store(), _served()
    current = store.version()
    with served.lock:
        if served.graph is not None and (current == served.version or served.seconds > QUICK):
            if current != served.version and served.building is None:
                served.building = current
                threading.Thread(target=_build, args=(served, store, current), daemon=True).start()
            return served.version
    return refresh()


def refresh() -> str:
    """Project the graph now and show it (after the app itself wrote to the store)."""
    store, served = get_store(), _served()
    v = store.version()
    _build(served, store, v)
    return v


def projection(v: str) -> nx.MultiDiGraph:
    """The whole graph at version ``v``; shared by reference, so callers must not modify it.

    A version older than the two kept (a page run that straddled two swaps during an ingest)
    gets the newest projection rather than a projection of its own: projecting the whole
    graph again in the middle of a request took seconds and a projection's worth of memory
    per request, and the newer graph holds what the older one did and what came since.
    """
    served = _served()
    with served.lock:
        for version_, graph in ((served.version, served.graph), served.previous):
            if version_ == v and graph is not None:
                return graph
        newest = served.graph
    return newest if newest is not None else get_store().project()


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


@_single_flight
@st.cache_data(max_entries=CACHE, show_spinner=False)
def centrality_table(v: str, filters: Filters, kind: str | None, names: tuple[str, ...]) -> pd.DataFrame:
    """The centrality ``names`` (sorted by the first): only what a page shows, as the all-pairs
    measures take seconds each on a graph of a few thousand entities."""
    return centrality.centrality(projection(v), filters, kind=kind, names=names, by=names[0])


@_single_flight
@st.cache_data(max_entries=CACHE, show_spinner=False)
def brokers_table(v: str, by: str, filters: Filters, kind: str | None) -> pd.DataFrame:
    return brokers.brokers(projection(v), by, filters, kind=kind)


@_single_flight
@st.cache_data(max_entries=CACHE, show_spinner=False)
def connectors(v: str, a: str, b: str, by: str, filters: Filters) -> brokers.Connectors:
    return brokers.connectors(projection(v), a, b, by, filters)


@_single_flight
@st.cache_data(max_entries=CACHE, show_spinner=False)
def groups(v: str, by: str) -> dict[str, str]:
    """Group value -> readable label, for the "who connects two groups" pickers."""
    from queries.groups import UNKNOWN, group_label, group_of

    G = projection(v)
    values = sorted(set(group_of(G, by).values()) - {UNKNOWN})
    return dict(sorted(((g, group_label(G, by, g)) for g in values), key=lambda x: x[1].casefold()))


@_single_flight
@st.cache_data(max_entries=CACHE, show_spinner=False)
def neighbourhood(v: str, centres: tuple[str, ...], filters: Filters, hops: int, budget: int) -> ego.EgoResult:
    return ego.ego_network(projection(v), list(centres), filters, hops=hops, budget=budget)


@_single_flight
@st.cache_data(max_entries=CACHE, show_spinner=False)
def find_paths(v: str, a: str, b: str, filters: Filters, k: int, exclude_types: tuple[str, ...],
               exclude_nodes: tuple[str, ...], weighted: bool) -> paths.PathResult:
    return paths.find_paths(projection(v), a, b, filters, k=k, exclude_types=exclude_types,
                            exclude_nodes=exclude_nodes, weighted=weighted)


@_single_flight
@st.cache_data(max_entries=CACHE, show_spinner=False)
def visit_brief(v: str, target: str, home: str, filters: Filters, top: int, max_hops: int) -> brief.Brief:
    return brief.visit_brief(projection(v), target, home, filters, top=top, max_hops=max_hops)


@st.cache_data(max_entries=CACHE, show_spinner=False)
def links_per_year(v: str, filters: Filters, entity: str | None) -> pd.DataFrame:
    return timeline.links_per_year(projection(v), filters, entity=entity)


@st.cache_data(max_entries=CACHE, show_spinner=False)
def new_partners(v: str, filters: Filters, entity: str | None) -> pd.DataFrame:
    return timeline.new_partners_per_year(projection(v), filters, entity=entity)


@_single_flight
@st.cache_data(max_entries=CACHE, show_spinner=False)
def community_table(v: str) -> communities.Communities:
    return communities.communities(projection(v))
