"""The graph filters as command-line options, defined once for every command that takes them."""
from __future__ import annotations

import functools
import re

import click

from graph.filters import Filters
from graph.ontology import KINDS, LINK_TYPES

_ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def iso_date(ctx, param, value):
    if value is not None and not _ISO.match(value):
        raise click.BadParameter(f"{value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    return value


def filter_options(f):
    """Kinds, link types, status, date window, sources and minimum confidence; the command gets ``filters``."""
    options = [
        click.option("--kind", "kinds", multiple=True, type=click.Choice(list(KINDS), case_sensitive=False),
                     help="Keep only entities of this kind (repeat for several)."),
        click.option("--type", "types", multiple=True, type=click.Choice(list(LINK_TYPES), case_sensitive=False),
                     help="Keep only links of this type (repeat for several)."),
        click.option("--status", type=click.Choice(["done", "planned", "both"]), default="both", show_default=True,
                     help="Done links, planned (intended, scheduled) links, or both."),
        click.option("--date-from", callback=iso_date, help="Keep links dated on or after this (YYYY[-MM[-DD]])."),
        click.option("--date-to", callback=iso_date, help="Keep links dated on or before this (YYYY[-MM[-DD]])."),
        click.option("--source", "sources", multiple=True, help="Keep links read from this document id (repeat)."),
        click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.0, show_default=True,
                     help="Drop links less confident than this."),
    ]

    @functools.wraps(f)
    def wrapper(kinds, types, status, date_from, date_to, sources, min_confidence, **kw):
        kw["filters"] = Filters(
            kinds=frozenset(_canonical(kinds, KINDS)) or None,
            types=frozenset(_canonical(types, LINK_TYPES)) or None,
            status=None if status == "both" else status, date_from=date_from, date_to=date_to,
            sources=frozenset(sources) or None, min_confidence=min_confidence)
        return f(**kw)

    for option in reversed(options):
        wrapper = option(wrapper)
    return wrapper


def _canonical(values, vocabulary) -> list[str]:
    """Choices typed in any case, as the vocabulary spells them."""
    by_lower = {v.lower(): v for v in vocabulary}
    return [by_lower[v.lower()] for v in values]
