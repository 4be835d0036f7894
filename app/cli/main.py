"""The ``ecograph`` command: one group, with each command group in a module of its own."""
from __future__ import annotations

import click

from app.cli import app, db, demo, extract, ingest, query, transfer
from graph.config import config_path, data_dir

HELP = f"""Ecosystem relationship graph explorer.

Reads Vietnamese innovation-ecosystem news and startup datasets into one graph of
entities and dated, sourced links, and answers centrality, brokerage and path questions.

\b
Storage: with NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD set (in the environment or
in the [neo4j] section of {config_path()}) the graph is kept in that Neo4j;
otherwise in an embedded ArcadeDB server under {data_dir()}
(set ECOGRAPH_HOME to move it, ECOGRAPH_CONFIG to use another config file).

\b
Exit codes: 0 success, 1 bad input (nothing from the failing file written),
2 usage error, 3 database unreachable.
"""


@click.group(help=HELP, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="ecograph")
def cli() -> None:
    pass


for command in (app.app, db.db, db.stats, demo.demo, extract.extract, ingest.ingest, transfer.import_,
                transfer.export, query.query):
    cli.add_command(command)


if __name__ == "__main__":
    cli()
