"""Where the graph lives: the user's Neo4j, or the embedded default.

Settings come from the environment first, then from a small config file, so that a user can
keep credentials out of their shell history. Nothing here opens a connection.

No message made here or from these settings ever holds a secret: the file is read without
``%`` interpolation (a password is taken exactly as written), a file that cannot be parsed is
reported by line number, never by the line's text, and a URI carrying ``user:password@`` is
refused with that part masked (``redact``), since the driver would echo it in its own errors.
"""
from __future__ import annotations

import configparser
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

APP = "ecograph"
_USERINFO = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#]*@")


class ConfigError(ValueError):
    """Settings that cannot be used; the message names the file or variable, never a secret."""


def config_path() -> Path:
    """The config file: ``$ECOGRAPH_CONFIG`` or ``<user config dir>/ecograph/config.ini``."""
    env = os.environ.get("ECOGRAPH_CONFIG")
    return Path(env) if env else Path(platformdirs.user_config_dir(APP)) / "config.ini"


def data_dir() -> Path:
    """Where the embedded database keeps its files: ``$ECOGRAPH_HOME`` or the user data dir."""
    env = os.environ.get("ECOGRAPH_HOME")
    return Path(env) if env else Path(platformdirs.user_data_dir(APP))


def redact(uri: str) -> str:
    """``uri`` with any ``user:password@`` part masked, fit to show in a message."""
    return _USERINFO.sub(r"\1***@", uri)


@dataclass(frozen=True)
class Neo4jSettings:
    """An external Neo4j (5.x, 2025.x or Aura) given by the user; ``repr`` leaves the password out."""

    uri: str
    user: str
    password: str = field(repr=False)
    database: str | None = None


def _parse_error(path: Path, exc: configparser.Error) -> ConfigError:
    """What is wrong with the file and on which line, without the line's text (it may be a password)."""
    if isinstance(exc, configparser.MissingSectionHeaderError):
        what = f"line {exc.lineno}: a setting before any [section] header"
    elif isinstance(exc, configparser.ParsingError):
        what = "line " + ", ".join(str(n) for n, _ in exc.errors) + ": expected 'name = value'"
    elif isinstance(exc, configparser.DuplicateOptionError):
        what = f"line {exc.lineno}: {exc.option!r} is given twice in [{exc.section}]"
    elif isinstance(exc, configparser.DuplicateSectionError):
        what = f"line {exc.lineno}: section [{exc.section}] is given twice"
    else:
        what = type(exc).__name__
    return ConfigError(f"{path}: cannot read the config file ({what})")


def _file_section(path: Path) -> dict[str, str]:
    if not path.is_file():
        return {}
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(path, encoding="utf-8")
    except configparser.Error as exc:
        raise _parse_error(path, exc) from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: cannot read the config file (not UTF-8 text)") from None
    return dict(parser.items("neo4j")) if parser.has_section("neo4j") else {}


def neo4j_settings() -> Neo4jSettings | None:
    """The user's Neo4j, from ``NEO4J_URI``/``NEO4J_USER``/``NEO4J_PASSWORD`` or the config file.

    Returns None when no URI is configured: the caller then uses the embedded database.
    The config file has a ``[neo4j]`` section with ``uri``, ``user``, ``password`` and an
    optional ``database``. Raises ``ConfigError`` for a file that cannot be parsed or a URI
    that holds credentials.
    """
    path = config_path()
    section = _file_section(path)
    uri = os.environ.get("NEO4J_URI") or section.get("uri")
    if not uri:
        return None
    if redact(uri) != uri:
        where = "NEO4J_URI" if os.environ.get("NEO4J_URI") else f"uri in {path}"
        raise ConfigError(f"{where} ({redact(uri)}) must not hold a user name or password: give them "
                          f"as NEO4J_USER and NEO4J_PASSWORD, or user and password in [neo4j] of {path}")
    return Neo4jSettings(
        uri=uri,
        user=os.environ.get("NEO4J_USER") or section.get("user") or "neo4j",
        password=os.environ.get("NEO4J_PASSWORD") or section.get("password") or "",
        database=os.environ.get("NEO4J_DATABASE") or section.get("database") or None,
    )
