"""``ecograph import`` and ``ecograph export``: the graph in and out of other tools' formats."""
from __future__ import annotations

from pathlib import Path

import click

from app.cli.context import BadInput, store
from app.cli.options import filter_options
from graph.export import FORMATS, ExportError
from graph.export import export as write


def _mapping(ctx, param, values) -> dict[str, str] | None:
    out = {}
    for item in values:
        ours, sep, theirs = item.partition("=")
        if not sep or not ours or not theirs:
            raise click.BadParameter(f"{item!r}: expected OURS=THEIRS, e.g. name=Label")
        out[ours] = theirs
    return out or None


@click.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--map", "mapping", multiple=True, callback=_mapping, metavar="OURS=THEIRS",
              help="Read our column OURS from the file's column THEIRS (repeat), e.g. --map name=Label.")
@click.option("--skip-bad-rows", is_flag=True,
              help="Skip rows that fail validation (they are listed) instead of refusing the whole file.")
@click.option("--force", is_flag=True, help="Rewrite the file's contribution even if it has not changed.")
def import_(files: tuple[Path, ...], mapping: dict | None, skip_bad_rows: bool, force: bool) -> None:
    """Import a graph file into the store, in one transaction.

    \b
    FILES is one of:
      - a .json graph ({"entities": [...], "relations": [...]}, the extract format);
      - two CSV files: nodes (id, name, kind, aliases) then links
        (source, target, type, status, date, doc); neo4j-admin headers are understood;
      - a Kumu workbook (.xlsx with Elements and Connections sheets), or its two CSVs.
    Links may refer to entities already in the graph. A bad row stops the import with its
    file, row and field, and nothing is written, unless --skip-bad-rows is given.
    """
    from ingest.imports import read_import

    try:
        batch = read_import(list(files), mapping=mapping, skip_bad_rows=skip_bad_rows, allow_external=True)
    except (ValueError, OSError) as exc:
        raise BadInput(str(exc)) from None
    with store() as s:
        summary = s.write_document(batch.document, batch.entities, batch.links, force=force,
                                   cited=batch.documents)
    for row in batch.skipped:
        click.echo(f"skipped {row}", err=True)
    if summary.status == "unchanged":
        click.echo(f"{batch.document.id}: unchanged since it was last imported (use --force to rewrite)")
        return
    click.echo(f"{batch.document.id}: {summary.status}; entities {summary.entities_new} new, "
               f"{summary.entities_merged} merged; links {sum(summary.links.values())}"
               + (f"; {len(batch.skipped)} rows skipped" if batch.skipped else ""))
    for conflict in summary.kind_conflicts:
        click.echo(f"kind kept: {conflict}", err=True)


@click.command("export")
@click.argument("out", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)), default="json", show_default=True,
              help="; ".join(f"{f.name}: {f.description}" for f in FORMATS.values()))
@filter_options
def export(out: Path, fmt: str, filters) -> None:
    """Write the graph (or the part the filters keep) to OUT (a directory for csv and kumu)."""
    with store() as s:
        g = s.project(filters)
    try:
        paths = write(g, fmt, out)
    except (ExportError, OSError) as exc:
        raise BadInput(f"{out}: {exc}") from None
    click.echo(f"{g.number_of_nodes()} entities and {g.number_of_edges()} links written to "
               + ", ".join(str(p) for p in paths))
