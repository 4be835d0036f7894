"""Where the graph lives: the user's Neo4j, or the embedded default.

Settings come from the environment first, then from a small config file, so that a user can
keep credentials out of their shell history. Nothing here opens a connection.
"""
from __future__ import annotations

import configparser
import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP = "ecograph"


def config_path() -> Path:
    """The config file: ``$ECOGRAPH_CONFIG`` or ``<user config dir>/ecograph/config.ini``."""
    env = os.environ.get("ECOGRAPH_CONFIG")
    return Path(env) if env else Path(platformdirs.user_config_dir(APP)) / "config.ini"


def data_dir() -> Path:
    """Where the embedded database keeps its files: ``$ECOGRAPH_HOME`` or the user data dir."""
    env = os.environ.get("ECOGRAPH_HOME")
    return Path(env) if env else Path(platformdirs.user_data_dir(APP))


@dataclass(frozen=True)
class Neo4jSettings:
    """An external Neo4j (5.x, 2025.x or Aura) given by the user."""

    uri: str
    user: str
    password: str
    database: str | None = None


def neo4j_settings() -> Neo4jSettings | None:
    """The user's Neo4j, from ``NEO4J_URI``/``NEO4J_USER``/``NEO4J_PASSWORD`` or the config file.

    Returns None when no URI is configured: the caller then uses the embedded database.
    The config file has a ``[neo4j]`` section with ``uri``, ``user``, ``password`` and an
    optional ``database``.
    """
    section: dict[str, str] = {}
    path = config_path()
    if path.is_file():
        parser = configparser.ConfigParser()
        try:
            parser.read(path, encoding="utf-8")
        except configparser.Error as exc:
            raise ValueError(f"{path}: cannot read the config file ({exc})") from None
        if parser.has_section("neo4j"):
            section = dict(parser.items("neo4j"))
    uri = os.environ.get("NEO4J_URI") or section.get("uri")
    if not uri:
        return None
    return Neo4jSettings(
        uri=uri,
        user=os.environ.get("NEO4J_USER") or section.get("user") or "neo4j",
        password=os.environ.get("NEO4J_PASSWORD") or section.get("password") or "",
        database=os.environ.get("NEO4J_DATABASE") or section.get("database") or None,
    )
