"""The server process's heap: the glibc settings and calls that keep its memory down under load.

A Streamlit server answers each page run in a thread of its own, and glibc gives threads
malloc arenas of their own, up to eight per core. Each arena keeps the free memory of what
its threads allocated, so a projection replaced under load left its memory spread over many
arenas, unusable by the others. With 20 users and six ingests (``bench/bench_load.py``) the
server settled about 300 MB above its level before the first ingest with glibc's default,
and about 140 MB above it with two arenas. Elsewhere than glibc (macOS, musl) both calls are
skipped: those allocators have no such arenas.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import functools
import gc

ARENAS = 2
PASSES = 5  # collections at most per release: each finds what the one before set free
_M_ARENA_MAX = -8  # glibc's malloc.h


@functools.cache
def _libc() -> ctypes.CDLL | None:
    """glibc, or None where the C library is another one (looked up once: ``find_library``
    runs ``ldconfig``)."""
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name) if name else None
    except OSError:
        return None
    return libc if libc is not None and hasattr(libc, "malloc_trim") else None


def limit_arenas(arenas: int = ARENAS) -> bool:
    """Let the process's threads share ``arenas`` malloc arenas; True where that was applied.

    Takes effect if called before glibc fixed its limit (once the process has more than
    eight arenas), which is why the app calls it when its data layer is first imported.
    """
    libc = _libc()
    return bool(libc is not None and libc.mallopt(_M_ARENA_MAX, arenas))


def release() -> None:
    """Free what unreachable cycles hold, then hand free heap pages back to the system.

    One collection is not always enough: freeing a projection runs the callbacks of what was
    shared per projection (``queries.memo``), and that drops the weighted view, itself a cycle
    (networkx graphs keep their edge views, which point back at them) that only the next
    collection finds. Left to the collector's own pace, the old view (about 75 MB for 100,000
    links) outlived the swap, so the new projection could not take its room.
    """
    for _ in range(PASSES):
        if not gc.collect():
            break
    trim()


def trim() -> None:
    """Hand free heap pages back to the system: glibc keeps them otherwise, so the process
    would stay at its high-water mark."""
    libc = _libc()
    if libc is not None:
        libc.malloc_trim(0)
