"""``ecograph db`` and ``ecograph stats``: the embedded server's life, and what the graph holds."""
from __future__ import annotations

import json

import click

from app.cli.context import Unavailable, store
from graph import embedded
from graph.config import ConfigError, Neo4jSettings, neo4j_settings


def _settings() -> Neo4jSettings | None:
    """The user's Neo4j settings; unusable ones exit 3 with what to fix (never the secret)."""
    try:
        return neo4j_settings()
    except ConfigError as exc:
        raise Unavailable(str(exc)) from None


@click.group("db")
def db() -> None:
    """Start, stop or inspect the embedded database (not needed with NEO4J_URI set)."""


@db.command("start")
def start() -> None:
    """Start the embedded database in the background (reused if it already runs)."""
    if _settings() is not None:
        click.echo("NEO4J_URI is set: the graph lives in that Neo4j; nothing to start.")
        return
    try:
        rec = embedded.ensure_running()
    except embedded.EmbeddedError as exc:
        raise Unavailable(str(exc)) from None
    click.echo(f"embedded database running at {rec.uri} (pid {rec.pid}), data in {embedded.paths().home}")


@db.command("stop")
def stop() -> None:
    """Stop the embedded database; the graph stays on disk."""
    was = embedded.stop()
    click.echo("embedded database stopped" if was else "embedded database was not running")


@db.command("status")
@click.option("--json", "as_json", is_flag=True, help="Print the status as JSON.")
def status(as_json: bool) -> None:
    """Say which database is used, where it listens, where its data is, and what it holds.

    Exits 3 when the database is not running or not reachable.
    """
    settings = _settings()
    info: dict = {}
    if settings is not None:
        info = {"backend": "neo4j", "address": settings.uri, "user": settings.user}
    else:
        rec = embedded.running()
        info = {"backend": "embedded ArcadeDB", "data": str(embedded.paths().home),
                "address": rec.uri if rec else None, "pid": rec.pid if rec else None,
                "running": rec is not None}
        if rec is None:
            _emit(info, as_json)
            raise SystemExit(3)
    with store() as s:
        info["server"] = s.backend
        info["counts"] = s.counts()
    _emit(info, as_json)


def _emit(info: dict, as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(info, ensure_ascii=False, indent=2))
        return
    for k, v in info.items():
        if k == "counts":
            click.echo(f"entities: {v['entities']}  links: {v['links']}  documents: {v['documents']}")
        else:
            click.echo(f"{k}: {v}")


@click.command("stats")
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
def stats(as_json: bool) -> None:
    """Print the graph's summary: entities by kind, links by type, documents."""
    with store() as s:
        counts = s.counts()
    if as_json:
        click.echo(json.dumps(counts, ensure_ascii=False, indent=2))
        return
    click.echo(f"entities: {counts['entities']}  links: {counts['links']}  documents: {counts['documents']}")
    for title, table in (("entities by kind", counts["by_kind"]), ("links by type", counts["by_type"])):
        click.echo(f"{title}:")
        for name, n in table.items():
            click.echo(f"  {name:<24} {n:>8}")
