"""The --manifest and --published options of ``extract`` and ``ingest articles``, defined once."""
from __future__ import annotations

from pathlib import Path

import click

from app.cli.options import iso_date

_OPTIONS = [
    click.option("--manifest", type=click.Path(exists=True, dir_okay=False, path_type=Path),
                 help="CSV with columns file, published (YYYY[-MM[-DD]]) and optionally url, title, publisher: "
                      "each article's publication date and source. Rows name files by base name or by path "
                      "relative to the CSV. The manifest's date wins over a date line in the text."),
    click.option("--published", callback=iso_date, metavar="DATE",
                 help="Publication date (YYYY[-MM[-DD]]) of every article the manifest does not date."),
]


def source_options(f):
    """Adds ``manifest`` and ``published``: when the articles were published, from outside their text."""
    for option in reversed(_OPTIONS):
        f = option(f)
    return f
