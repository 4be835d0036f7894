"""Opening the store: a wrong address or password is one clear sentence, never a trace."""
from __future__ import annotations

import pytest

from graph.connect import open_store
from graph.store import StoreUnavailable


def test_nothing_listening(monkeypatch, free_port):
    port = free_port
    monkeypatch.setenv("NEO4J_URI", f"bolt://127.0.0.1:{port}")
    monkeypatch.setenv("NEO4J_PASSWORD", "secret-pw")
    with pytest.raises(StoreUnavailable) as err:
        open_store()
    assert f"bolt://127.0.0.1:{port}" in str(err.value) and "NEO4J_URI" in str(err.value)
    assert "secret-pw" not in str(err.value)


def test_wrong_password(monkeypatch, session_store):
    monkeypatch.setenv("NEO4J_URI", session_store.address)
    monkeypatch.setenv("NEO4J_USER", "root")
    monkeypatch.setenv("NEO4J_PASSWORD", "wrong-password")
    with pytest.raises(StoreUnavailable, match="refused the user name or password") as err:
        open_store()
    assert "wrong-password" not in str(err.value)


def test_bad_uri(monkeypatch):
    monkeypatch.setenv("NEO4J_URI", "http://example:7474")
    with pytest.raises(StoreUnavailable, match="cannot use the database address"):
        open_store()


def test_user_neo4j_settings_use_the_same_code_path(monkeypatch, session_store, db_home):
    """The embedded server reached as if it were a user's Neo4j, through NEO4J_* settings."""
    from graph import embedded

    monkeypatch.setenv("NEO4J_URI", session_store.address)
    monkeypatch.setenv("NEO4J_USER", "root")
    monkeypatch.setenv("NEO4J_PASSWORD", embedded.password(embedded.paths(db_home)))
    monkeypatch.setenv("NEO4J_DATABASE", "ecograph")
    with open_store() as s:
        assert s.backend.startswith("neo4j") and s.dialect.name == "arcadedb"
        assert s.counts()["entities"] >= 0
