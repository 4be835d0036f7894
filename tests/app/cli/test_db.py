"""``ecograph db``, ``stats`` and ``ingest articles`` run as a user runs them."""
from __future__ import annotations

import json
from click.testing import CliRunner

from app.cli.main import cli


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_every_command_has_help():
    def walk(group, path):
        yield path
        for name, cmd in getattr(group, "commands", {}).items():
            yield from walk(cmd, [*path, name])

    for path in walk(cli, []):
        result = run(*path, "--help")
        assert result.exit_code == 0, path
        assert "Usage:" in result.output and len(result.output.splitlines()) > 3, path


def test_main_help_names_the_config_file_and_data_dir(db_home):
    out = run("--help").output
    assert "NEO4J_URI" in out and "no-config.ini" in out and str(db_home) in out


def test_status_and_stats(store):
    status = run("db", "status", "--json")
    assert status.exit_code == 0
    info = json.loads(status.output)
    assert info["backend"] == "embedded ArcadeDB" and info["running"] is True
    assert info["address"].startswith("bolt://127.0.0.1:") and info["counts"]["entities"] == 0
    assert "entities: 0" in run("stats").output


def test_ingest_articles_then_again_changes_nothing(store, shared):
    first = run("ingest", "articles", str(shared / "corpus" / "seeds"), "--quiet")
    assert first.exit_code == 0, first.output
    assert "articles read: 5 of 5 (5 written, 0 unchanged)" in first.output
    counts = json.loads(run("stats", "--json").output)
    assert counts["documents"] == 5 and counts["entities"] > 30 and counts["by_type"]["MET_WITH"] > 0
    again = run("ingest", "articles", str(shared / "corpus" / "seeds"), "--quiet")
    assert "(0 written, 5 unchanged)" in again.output
    assert json.loads(run("stats", "--json").output) == counts


def test_ingest_skips_bad_files_and_goes_on(store, shared, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 10)
    (tmp_path / "english.txt").write_text("The city council met the delegation on Monday. " * 20)
    seed = sorted((shared / "corpus" / "seeds").glob("*.txt"))[0]
    (tmp_path / seed.name).write_bytes(seed.read_bytes())
    result = run("ingest", "articles", str(tmp_path), "--quiet")
    assert result.exit_code == 0
    assert "articles read: 1 of 4" in result.output
    for name in ("empty.txt", "binary.txt", "english.txt"):
        assert f"skipped {name}" in result.output
    only_bad = run("ingest", "articles", str(tmp_path / "empty.txt"), "--quiet")
    assert only_bad.exit_code == 1


def test_unreachable_database_is_one_line_and_exit_3(monkeypatch, free_port):
    port = free_port
    monkeypatch.setenv("NEO4J_URI", f"bolt://127.0.0.1:{port}")
    monkeypatch.setenv("NEO4J_PASSWORD", "pw-secret")
    result = CliRunner().invoke(cli, ["stats"])
    assert result.exit_code == 3
    assert f"bolt://127.0.0.1:{port}" in result.output and "Traceback" not in result.output
    assert "pw-secret" not in result.output
