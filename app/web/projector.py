"""The whole graph projected in a process of its own, for the app's background rebuilds.

Rebuilt inside the server, a new projection is made while the old one is still being served,
and its millions of small objects land among the old one's and among whatever the users'
requests allocate meanwhile. Once the old one is freed, CPython cannot give most of its
memory back (it returns an arena only when every object in it is gone), so the server stayed
hundreds of MB above its level after the first ingest. Made here instead, the projection
reaches the server as one pickle, with what the first queries derive from it
(``queries.prepared``), which the server loads in one go once it has dropped the
old projection: into the room the old one leaves. The seconds of Python that projecting
takes also run beside the server rather than against its users for the GIL.

    python -m app.web.projector   # the pickled, prepared projection on standard output

The child connects with the same configuration as the server (``graph.connect``) and never
starts a database of its own: with none running it fails, with the reason on standard error.
"""
from __future__ import annotations

import pickle
import subprocess
import sys
from pathlib import Path

from graph.connect import open_store
from graph.store import StoreUnavailable
from queries import prepared

ROOT = Path(__file__).resolve().parents[2]
#: Seconds a projection may take before the rebuild is given up (the app keeps its graph).
TIMEOUT = 900.0


class ProjectionFailed(RuntimeError):
    """The background projection did not complete; the message says why."""


def project_elsewhere(timeout: float = TIMEOUT) -> bytes:
    """The pickled ``queries.prepared.Prepared`` projection of the whole graph (``Store.project()``),
    made in a child process.

    Raises ``ProjectionFailed`` with the child's own reason (its last line on standard error)
    when it cannot connect, fails or takes more than ``timeout`` seconds.
    """
    try:
        done = subprocess.run([sys.executable, "-m", "app.web.projector"], cwd=ROOT, capture_output=True,
                              timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        raise ProjectionFailed(f"projecting the graph took more than {timeout:.0f} s") from None
    if done.returncode != 0:
        lines = done.stderr.decode("utf-8", errors="replace").strip().splitlines()
        raise ProjectionFailed(f"projecting the graph failed: {lines[-1] if lines else f'exit {done.returncode}'}")
    return done.stdout


def main() -> int:
    try:
        with open_store(start=False) as store:
            graph = store.project()
    except StoreUnavailable as exc:
        print(" ".join(str(exc).split()), file=sys.stderr)  # one line: the reason the app logs
        return 2
    sys.stdout.buffer.write(pickle.dumps(prepared.pack(graph), protocol=pickle.HIGHEST_PROTOCOL))
    return 0


if __name__ == "__main__":
    sys.exit(main())
