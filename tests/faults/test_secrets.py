"""The embedded database's password appears nowhere but in its own file."""
from __future__ import annotations

from click.testing import CliRunner

from app.cli.demo import load_demo
from app.cli.main import cli
from graph import embedded


def test_password_is_only_in_its_file(store, db_home, tmp_path):
    load_demo(store)
    runner = CliRunner()
    outputs = [runner.invoke(cli, args).output for args in (
        ["db", "status", "--json"], ["stats"], ["export", "--format", "cypher", str(tmp_path / "g.cypher")],
        ["export", "--format", "csv", str(tmp_path / "csv")], ["export", "--format", "json", str(tmp_path / "g.json")])]
    secret = embedded.password(embedded.paths(db_home)).encode()
    assert all(secret.decode() not in out for out in outputs)
    holders = [p for root in (db_home, tmp_path) for p in root.rglob("*")
               if p.is_file() and p != embedded.paths(db_home).password and secret in p.read_bytes()]
    assert holders == []
