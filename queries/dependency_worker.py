"""A worker process for ``queries.centrality``: summed betweenness dependencies of some sources.

Run as ``python -m queries.dependency_worker``: reads ``(n, src, dst, directed, distance,
sources)`` pickled on stdin and writes the list of dependencies pickled on stdout. A module of
its own, started with ``subprocess``, so that the worker imports only igraph, never the
caller's main script (which ``multiprocessing``'s spawn would run again).
"""
from __future__ import annotations

import pickle
import sys


def dependencies(n: int, src: list[int], dst: list[int], directed: bool, distance: list[float] | None,
                 sources: list[int]) -> list[float]:
    """igraph's betweenness restricted to paths from ``sources``: their summed dependencies."""
    import igraph

    g = igraph.Graph(n=n, edges=list(zip(src, dst)), directed=directed)
    return g.betweenness(directed=directed, weights=distance, sources=sources, targets=None)


def main() -> None:
    task = pickle.load(sys.stdin.buffer)
    pickle.dump(dependencies(*task), sys.stdout.buffer, protocol=pickle.HIGHEST_PROTOCOL)


if __name__ == "__main__":
    main()
