"""Fixtures shared by the whole suite: the real inputs in ``../shared`` and a real database.

The suite never touches a user's graph: before anything runs, Neo4j settings are removed
from the environment and ``ECOGRAPH_HOME`` points at a temporary directory, so ``open_store``
starts a private embedded ArcadeDB server over Bolt, shared by the session's tests and
stopped at the end.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
DATASETS = SHARED / "datasets"

for _var in ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE"):
    os.environ.pop(_var, None)
_HOME = Path(tempfile.mkdtemp(prefix="ecograph-test-"))
os.environ["ECOGRAPH_HOME"] = str(_HOME / "home")
os.environ["ECOGRAPH_CONFIG"] = str(_HOME / "no-config.ini")


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.fail(f"the shared inputs are missing: expected {SHARED}")
    return SHARED


@pytest.fixture(scope="session")
def db_home() -> Path:
    return Path(os.environ["ECOGRAPH_HOME"])


@pytest.fixture(scope="session")
def session_store(db_home):
    from graph import embedded
    from graph.connect import open_store

    s = open_store()
    yield s
    s.close()
    embedded.stop()


@pytest.fixture
def free_port() -> int:
    """A loopback port nothing listens on (as of now)."""
    from graph.embedded import free_port as pick

    return pick()


@pytest.fixture
def store(session_store):
    """The session's store, emptied before the test."""
    session_store.clear()
    return session_store
