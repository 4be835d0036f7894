"""The server's heap settings, in fresh interpreters (an arena limit is fixed once per process)."""
from __future__ import annotations

import contextlib
import gc
import subprocess
import sys
import weakref
from pathlib import Path

import networkx as nx
import pytest

from app.web import heap
from queries import memo

ROOT = Path(__file__).resolve().parents[3]

COUNT_ARENAS = """
import ctypes, os, sys, tempfile, threading
from app.web import heap
if sys.argv[1] == "limit":
    assert heap.limit_arenas()
start = threading.Barrier(10)
def work():
    keep = [bytearray(4096) for _ in range(100)]  # buffers this size come from malloc
    start.wait()
threads = [threading.Thread(target=work) for _ in range(10)]
for t in threads: t.start()
for t in threads: t.join()
libc = ctypes.CDLL(None)
libc.fopen.restype = ctypes.c_void_p
path = os.path.join(tempfile.mkdtemp(), "info.xml")
f = libc.fopen(path.encode(), b"w")
libc.malloc_info(0, ctypes.c_void_p(f))
libc.fclose(ctypes.c_void_p(f))
print(open(path).read().count("<heap nr="))
"""


def _arenas(mode: str) -> int:
    done = subprocess.run([sys.executable, "-c", COUNT_ARENAS, mode], cwd=ROOT, capture_output=True, text=True,
                          check=True)
    return int(done.stdout.split()[-1])


@pytest.mark.skipif(heap._libc() is None, reason="glibc only")
def test_threads_share_the_limited_arenas():
    assert _arenas("limit") <= heap.ARENAS < _arenas("default")


@contextlib.contextmanager
def _collector_off():
    """Only ``heap.release`` collects inside the block."""
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def test_release_frees_unreachable_cycles():
    class Node:
        pass

    a, b = Node(), Node()
    a.other, b.other = b, a
    gone = weakref.ref(a)
    with _collector_off():
        del a, b
        heap.release()
        assert gone() is None


def test_release_frees_what_a_freed_projection_shared():
    """What was derived from a projection is freed with it, even when it is a cycle itself."""
    G = nx.MultiDiGraph([("a", "b")])
    H = memo.shared(G, ("view",), lambda: nx.Graph(G))
    list(G.edges), list(H.edges)  # both now hold their edge views, which point back at them
    gone = weakref.ref(H)
    with _collector_off():
        del G, H
        heap.release()
        assert gone() is None
