"""Where the settings come from: the environment first, then the config file."""
from __future__ import annotations

import pytest

from graph.config import config_path, neo4j_settings


@pytest.fixture
def clean_env(monkeypatch, tmp_path):
    for var in ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("ECOGRAPH_CONFIG", str(tmp_path / "config.ini"))
    return tmp_path / "config.ini"


def test_no_settings_means_embedded(clean_env):
    assert config_path() == clean_env
    assert neo4j_settings() is None


def test_config_file_then_environment(clean_env, monkeypatch):
    clean_env.write_text("[neo4j]\nuri = neo4j+s://x.databases.neo4j.io\nuser = alice\npassword = pw\n")
    s = neo4j_settings()
    assert (s.uri, s.user, s.password, s.database) == ("neo4j+s://x.databases.neo4j.io", "alice", "pw", None)
    monkeypatch.setenv("NEO4J_USER", "bob")
    monkeypatch.setenv("NEO4J_DATABASE", "eco")
    s = neo4j_settings()
    assert (s.user, s.database) == ("bob", "eco")


def test_broken_config_file_is_named(clean_env):
    clean_env.write_text("not an ini file")
    with pytest.raises(ValueError, match=str(clean_env)):
        neo4j_settings()
