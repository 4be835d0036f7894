"""What queries derive from a projection, computed once and shared by every later query on it."""
from __future__ import annotations

import threading
import weakref

import networkx as nx

#: Per projection, what has been computed from it, per key (see ``shared``).
_SHARED: "weakref.WeakKeyDictionary[nx.MultiDiGraph, dict]" = weakref.WeakKeyDictionary()
_SHARED_LOCK = threading.Lock()


def shared(G: nx.MultiDiGraph, key: tuple, make):
    """``make()``, computed once per projection ``G`` and ``key`` and shared by every caller.

    Projections are read-only once made (the store and the app hand out shared copies), so
    what one query derived from a projection serves the next ones; it goes with the projection.
    Concurrent callers with the same key wait for the first one's result.
    """
    with _SHARED_LOCK:
        entry = _SHARED.setdefault(G, {}).setdefault(key, [threading.Lock(), None])
    with entry[0]:
        if entry[1] is None:
            entry[1] = make()
        return entry[1]


def derived(G: nx.MultiDiGraph) -> dict:
    """What has been computed from projection ``G`` so far, per key (to send it along with ``G``)."""
    with _SHARED_LOCK:
        return {key: entry[1] for key, entry in _SHARED.get(G, {}).items() if entry[1] is not None}


def adopt(G: nx.MultiDiGraph, values: dict) -> None:
    """Share ``values`` (``derived`` of this projection, made elsewhere) as computed from ``G``;
    what ``G`` already has is kept."""
    with _SHARED_LOCK:
        entries = _SHARED.setdefault(G, {})
        for key, value in values.items():
            entries.setdefault(key, [threading.Lock(), value])
