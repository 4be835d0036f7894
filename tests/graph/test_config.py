"""Where the settings come from: the environment first, then the config file."""
from __future__ import annotations

import pytest

from click.testing import CliRunner

from app.cli.main import cli
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


SECRET = "pa%ss(w)ord%"


def test_percent_in_the_password_is_taken_as_written(clean_env):
    clean_env.write_text(f"[neo4j]\nuri = bolt://localhost:7687\npassword = {SECRET}\n", encoding="utf-8")
    assert neo4j_settings().password == SECRET


@pytest.mark.parametrize("text", [
    f"[neo4j]\nuri = bolt://localhost:7687\npassword {SECRET}\n",       # no "=": a parsing error
    f"password = {SECRET}\n[neo4j]\n",                                  # no section header
    f"[neo4j]\npassword = {SECRET}\npassword = {SECRET}\n",             # the option given twice
])
def test_config_errors_name_the_line_not_the_secret(clean_env, text):
    clean_env.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError) as err:
        neo4j_settings()
    message = str(err.value)
    assert str(clean_env) in message and "line" in message and "\n" not in message
    assert "ss(w)ord" not in message


def test_config_file_that_is_not_utf8_is_named(clean_env):
    clean_env.write_bytes("[neo4j]\npassword = mật khẩu\n".encode("utf-16"))
    with pytest.raises(ValueError, match=f"{clean_env}: cannot read the config file \\(not UTF-8"):
        neo4j_settings()


def test_credentials_in_the_uri_are_refused_without_echoing_them(clean_env, monkeypatch):
    monkeypatch.setenv("NEO4J_URI", "neo4j+s://alice:s3cr%40t@x.databases.neo4j.io")
    with pytest.raises(ValueError) as err:
        neo4j_settings()
    assert "s3cr" not in str(err.value) and "NEO4J_PASSWORD" in str(err.value)
    assert "x.databases.neo4j.io" in str(err.value)


def test_settings_repr_hides_the_password(clean_env, monkeypatch):
    monkeypatch.setenv("NEO4J_URI", "bolt://localhost:7687")
    monkeypatch.setenv("NEO4J_PASSWORD", SECRET)
    assert SECRET not in repr(neo4j_settings())


@pytest.mark.parametrize("args", [["stats"], ["db", "status"], ["db", "start"]])
@pytest.mark.parametrize("uri, config", [
    ("bolt://neo4j:s3cret@127.0.0.1:9", ""),
    ("http://neo4j:s3cret@127.0.0.1:9", ""),
    (None, "[neo4j]\nuri = bolt://127.0.0.1:9\npassword = s3cret%\n"),
    (None, "[neo4j]\nuri = bolt://127.0.0.1:9\npassword s3cret\n"),
])
def test_commands_never_print_the_password(clean_env, monkeypatch, args, uri, config):
    if uri:
        monkeypatch.setenv("NEO4J_URI", uri)
    clean_env.write_text(config, encoding="utf-8")
    monkeypatch.setenv("NEO4J_PASSWORD", "s3cret")
    result = CliRunner().invoke(cli, args)
    assert result.exit_code in (0, 3), result.output  # an uncaught exception would exit 1
    assert "s3cret" not in result.output and "Traceback" not in result.output
