"""The app's one way to the store, and the cached answers of the queries.

``get_store`` is what every page, the tests' ``AppTest`` runs and ``ecograph app`` share: it
opens the configured store once per server process (``graph.connect.open_store``). Every
cached answer is keyed by the version of the projection it was computed on, and that
follows ``Store.version()``, a token that changes on every write: a document added on the
Ingest page (or by the CLI meanwhile) shows up without anybody clearing a cache by hand.

Projecting a large graph takes seconds, and an ingest changes the version with every
article. So when the store moves on and the last projection took more than ``QUICK``
seconds, the pages keep answering from the projection they have while the new one is built
in the background, in a process of its own (``app.web.projector``, which says why), and
switch when it is ready (a stale answer for a few seconds rather than every user waiting);
a small graph is simply projected again. The app's own writes ask for ``refresh()``, which
waits, so that what a user just added is there on the next page.
"""
from __future__ import annotations

import contextlib
import functools
import logging
import pickle
import threading
import time
from dataclasses import dataclass, field

import networkx as nx
import pandas as pd
import streamlit as st

from app.web import heap, projector
from graph.connect import open_store
from graph.filters import Filters
from graph.store import Store
from queries import between, brief, brokers, centrality, communities, ego, paths, prepared, timeline
from queries import introductions as intro
from queries.weights import DEFAULT_TIES

CACHE = 64
QUICK = 0.5  # seconds: a projection faster than this is rebuilt in the foreground
RETRY = 10.0  # seconds before a background rebuild that failed is tried again
DRAIN = 10.0  # seconds a rebuilt projection waits for the page runs on the old one to end
TRIM = 5.0  # seconds between two hand-backs of free heap pages, when no page run is under way
_log = logging.getLogger(__name__)
heap.limit_arenas()  # before the server's page-run threads each get an arena of their own


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
    """The projection the pages answer from, whether a newer one is being built, and how many
    page runs are under way (``reading``)."""

    lock: threading.Condition = field(default_factory=threading.Condition)
    version: str | None = None
    graph: nx.MultiDiGraph | None = None
    building: str | None = None
    seconds: float = 0.0  # how long the last projection took
    failed: float = -RETRY  # time.monotonic() of the last background rebuild that failed
    readers: int = 0
    trimmed: float = 0.0  # time.monotonic() of the last heap.trim()


@st.cache_resource(show_spinner=False)
def _served() -> _Served:
    return _Served()


def _show(served: _Served, v: str, g: nx.MultiDiGraph, started: float) -> None:
    """Serve projection ``g`` of version ``v`` (the caller holds ``served.lock``).

    The cached answers of other versions are dropped: no page asks for them again (``version``
    gives the one served), and kept until evicted they would hold memory for nothing.
    """
    if v != served.version:
        st.cache_data.clear()
    served.version, served.graph = v, g
    served.seconds = time.perf_counter() - started


@contextlib.contextmanager
def reading():
    """Count a page run as reading the projection, for as long as it runs (see ``_rebuild``)."""
    served = _served()
    with served.lock:
        served.readers += 1
    try:
        yield
    finally:
        with served.lock:
            served.readers -= 1
            served.lock.notify_all()
            now = time.monotonic()
            idle = served.readers == 0 and now - served.trimmed > TRIM
            if idle:
                served.trimmed = now
        if idle:
            heap.trim()  # what the runs freed; between rebuilds nothing else hands it back


def _rebuild(served: _Served, v: str) -> None:
    """Project version ``v`` in another process and swap it in; on failure keep what is served.

    The new projection comes with what the first queries derive from it (``queries.prepared``).
    The swap waits (up to ``DRAIN`` seconds, serving the old projection meanwhile) for a
    moment when no page run is under way, then drops the old projection before loading the
    new one, so that the new one, loaded in one go, fills the room the old one and what was
    derived from it leave, rather than the heap holding both at once. A run that outlasts the
    wait keeps the old projection until it ends; later calls get the new one (see
    ``projection``). Loading takes about two seconds for 100,000 links, during which requests
    wait for the lock.
    """
    started = time.perf_counter()
    try:
        pickled = projector.project_elsewhere()
    except projector.ProjectionFailed as exc:
        _log.warning("%s; the app keeps showing the graph it has and tries again in %.0f s", exc, RETRY)
        with served.lock:
            served.building, served.failed = None, time.monotonic()
        return
    with served.lock:
        served.lock.wait_for(lambda: served.readers == 0, timeout=DRAIN)
        try:
            served.graph = None
            heap.release()  # the old projection's room, for the new one to fill
            _show(served, v, prepared.unpack(pickle.loads(pickled)), started)  # our own child's output
        finally:
            served.building = None


def version() -> str:
    """The version of the graph the pages show: the key of every cached answer below.

    The first call projects the graph; later ones start a background rebuild when the store
    has moved on, and return the version still being shown until it is ready.
    """
    store, served = get_store(), _served()
    current = store.version()
    with served.lock:
        if served.graph is not None and (current == served.version or served.seconds > QUICK):
            if (current != served.version and served.building is None
                    and time.monotonic() - served.failed > RETRY):
                served.building = current
                threading.Thread(target=_rebuild, args=(served, current), daemon=True).start()
            return served.version
    return refresh()


def refresh() -> str:
    """Project the graph now and show it (after the app itself wrote to the store)."""
    store, served = get_store(), _served()
    v, started = store.version(), time.perf_counter()
    g = store.project()
    with served.lock:
        _show(served, v, g, started)
    heap.release()  # what the projection just replaced held
    prepared.prepare(g)
    return v


def projection(v: str) -> nx.MultiDiGraph:
    """The whole graph at version ``v``; shared by reference, so callers must not modify it.

    Only the newest projection is kept. A page run that straddled a swap asks for a version
    no longer kept and gets the newest projection, which holds what the older one did and
    what came since: projecting the older version again in the middle of a request would
    take seconds and a projection's worth of memory per request.
    """
    served = _served()
    with served.lock:
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
def centrality_table(v: str, filters: Filters, kind: str | None, names: tuple[str, ...],
                     ties: tuple[str, ...] = tuple(sorted(DEFAULT_TIES))) -> pd.DataFrame:
    """The centrality ``names`` (sorted by the first): only what a page shows, as the all-pairs
    measures take seconds each on a graph of a few thousand entities."""
    return centrality.centrality(projection(v), filters, kind=kind, names=names, by=names[0], ties=ties)


@_single_flight
@st.cache_data(max_entries=CACHE, show_spinner=False)
def brokers_table(v: str, by: str, filters: Filters, kind: str | None,
                  ties: tuple[str, ...] = tuple(sorted(DEFAULT_TIES))) -> pd.DataFrame:
    return brokers.brokers(projection(v), by, filters, kind=kind, ties=ties)


@_single_flight
@st.cache_data(max_entries=CACHE, show_spinner=False)
def side_brokers(v: str, a: str, b: str, filters: Filters, ties: tuple[str, ...], lang: str) -> between.SideBrokers:
    return between.side_brokers(projection(v), a, b, filters, ties=ties, lang=lang)


@st.cache_data(max_entries=CACHE, show_spinner=False)
def places(v: str) -> dict[str, str]:
    """City and country ids -> names, sorted by name, for the "who connects two places" pickers."""
    from queries.sides import PLACE_KINDS

    return {n: name for n, (name, kind) in entities(v).items() if kind in PLACE_KINDS}


@_single_flight
@st.cache_data(max_entries=CACHE, show_spinner=False)
def neighbourhood(v: str, centres: tuple[str, ...], filters: Filters, hops: int, budget: int) -> ego.EgoResult:
    return ego.ego_network(projection(v), list(centres), filters, hops=hops, budget=budget)


@_single_flight
@st.cache_data(max_entries=CACHE, show_spinner=False)
def find_paths(v: str, a: str, b: str, filters: Filters, k: int, exclude_types: tuple[str, ...],
               exclude_nodes: tuple[str, ...], weighted: bool, ties: tuple[str, ...], lang: str) -> paths.PathResult:
    return paths.find_paths(projection(v), a, b, filters, k=k, exclude_types=exclude_types,
                            exclude_nodes=exclude_nodes, weighted=weighted, ties=ties, lang=lang)


@_single_flight
@st.cache_data(max_entries=CACHE, show_spinner=False)
def introductions(v: str, a: str, b: str, filters: Filters, ties: tuple[str, ...],
                  lang: str) -> intro.Introductions:
    return intro.introductions(projection(v), a, b, filters, ties=ties, lang=lang)


@_single_flight
@st.cache_data(max_entries=CACHE, show_spinner=False)
def visit_brief(v: str, target: str, home: str, filters: Filters, top: int, max_hops: int, ties: tuple[str, ...],
                lang: str) -> brief.Brief:
    return brief.visit_brief(projection(v), target, home, filters, top=top, max_hops=max_hops, ties=ties, lang=lang)


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
