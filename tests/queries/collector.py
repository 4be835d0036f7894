"""What a query leaves to the cyclic garbage collector (see ``queries.subgraph.links_among``)."""
from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

import networkx as nx


@contextlib.contextmanager
def graphs_left_to_collector() -> Iterator[list[nx.Graph]]:
    """Collect the graphs that the block leaves unreachable but not freed.

    Freed by reference counting, a query's intermediate graphs go when it returns; left in a
    reference cycle, they wait for the collector's full pass, which under load comes seldom.
    """
    while gc.collect():  # what earlier tests left, and what freeing it sets free in turn
        pass
    gc.disable()
    left: list[nx.Graph] = []
    try:
        yield left
    finally:
        gc.set_debug(gc.DEBUG_SAVEALL)
        try:
            gc.collect()
            left.extend(o for o in gc.garbage if isinstance(o, nx.Graph))
        finally:
            gc.set_debug(0)
            gc.garbage.clear()
            gc.enable()
