"""Opening the store: the user's Neo4j when one is configured, else the embedded server.

Every failure to reach a database becomes one ``StoreUnavailable`` whose message says which
address was tried and what to do about it, because a user at a terminal or in the app needs
that sentence, not a driver's stack trace. The password is never part of a message: settings
with credentials inside the address are refused by ``graph.config``, and a driver's own text is
scrubbed of the password.
"""
from __future__ import annotations

from pathlib import Path

from neo4j import GraphDatabase
from neo4j.exceptions import AuthError, ConfigurationError, Neo4jError, ServiceUnavailable

from graph import embedded
from graph.config import ConfigError, Neo4jSettings, config_path, neo4j_settings
from graph.dialect import detect
from graph.store import Store, StoreUnavailable

CONNECT_TIMEOUT = 15.0
SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


def _reason(exc: Exception, password: str) -> str:
    """The first line of a driver error, the password masked should the driver ever echo it."""
    text = str(exc).split("\n")[0][:200]
    return text.replace(password, "***") if password else text


def _open(uri: str, user: str, password: str, database: str | None, backend: str, fix: str) -> Store:
    if uri.split("://", 1)[0].lower() not in SCHEMES:
        raise StoreUnavailable(f"cannot use the database address {uri!r}: it must start with one of "
                               f"{', '.join(s + '://' for s in SCHEMES)}. {fix}")
    try:
        driver = GraphDatabase.driver(uri, auth=(user, password), connection_timeout=CONNECT_TIMEOUT,
                                      max_transaction_retry_time=15.0)
    except (ConfigurationError, ValueError) as exc:
        raise StoreUnavailable(f"cannot use the database address {uri!r}: "
                               f"{_reason(exc, password)}. {fix}") from None
    try:
        driver.verify_connectivity()
        agent = driver.get_server_info().agent
    except AuthError:
        driver.close()
        raise StoreUnavailable(f"the database at {uri} refused the user name or password "
                               f"for {user!r}. {fix}") from None
    except (ServiceUnavailable, OSError, Neo4jError) as exc:
        driver.close()
        raise StoreUnavailable(f"no graph database answered at {uri} "
                               f"({_reason(exc, password)}). {fix}") from None
    store = Store(driver, detect(agent, database), uri, f"{backend} ({agent})")
    store.setup_schema()
    return store


def open_store(home: Path | None = None, start: bool = True) -> Store:
    """Connect to the configured Neo4j, or to the embedded server (started if ``start``)."""
    try:
        settings: Neo4jSettings | None = neo4j_settings()
    except ConfigError as exc:
        raise StoreUnavailable(str(exc)) from None
    if settings is not None:
        return _open(settings.uri, settings.user, settings.password, settings.database, "neo4j",
                     f"Check NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD (or the [neo4j] section of "
                     f"{config_path()}), and that the server is running; unset NEO4J_URI to use "
                     f"the embedded database instead.")
    p = embedded.paths(home)
    if start:
        try:
            rec = embedded.ensure_running(home)
        except embedded.EmbeddedError as exc:
            raise StoreUnavailable(f"{exc}\nFix: run `ecograph db stop` then `ecograph db start`, "
                                   f"or set ECOGRAPH_HOME to another directory.") from None
    else:
        rec = embedded.running(home)
        if rec is None:
            raise StoreUnavailable(f"the embedded database under {p.home} is not running. "
                                   f"Start it with `ecograph db start`.")
    return _open(rec.uri, embedded.USER, embedded.password(p), rec.database, "embedded ArcadeDB",
                 f"Run `ecograph db status` to check the embedded server (data in {p.home}).")
