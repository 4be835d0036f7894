"""What every command shares: opening the store, and turning failures into exit codes.

Scripts rely on the codes: 0 success, 1 bad input (nothing from the failing file written),
2 usage error (click's own), 3 no database reachable. A user sees one line saying what went
wrong and what to do, never a stack trace.
"""
from __future__ import annotations

import contextlib
from typing import Iterator

import click
import networkx as nx

from graph.filters import Filters
from graph.model import RecordError
from graph.store import Store, StoreUnavailable

EXIT_BAD_INPUT = 1
EXIT_UNAVAILABLE = 3


class BadInput(click.ClickException):
    """A file or record that cannot be used; exits 1 with its message."""

    exit_code = EXIT_BAD_INPUT


class Unavailable(click.ClickException):
    """No database answered; exits 3 with the address tried and the fix."""

    exit_code = EXIT_UNAVAILABLE


@contextlib.contextmanager
def store() -> Iterator[Store]:
    """The configured store, opened for one command and closed after it."""
    from graph.connect import open_store

    try:
        s = open_store()
    except StoreUnavailable as exc:
        raise Unavailable(str(exc)) from None
    try:
        yield s
    except StoreUnavailable as exc:
        raise Unavailable(str(exc)) from None
    except RecordError as exc:
        raise BadInput(str(exc)) from None
    finally:
        s.close()


def projected_graph(filters: Filters) -> nx.MultiDiGraph:
    """The current graph as a networkx projection, filtered."""
    with store() as s:
        return s.project(filters)
