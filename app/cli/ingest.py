"""``ecograph ingest``: articles and datasets into the store, one document per transaction."""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import click

from app.cli.context import BadInput, store
from app.cli.sources import source_options


@click.group("ingest")
def ingest() -> None:
    """Read articles or datasets into the graph."""


@ingest.command("articles")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--min-confidence", default=0.0, show_default=True, type=click.FloatRange(0, 1),
              help="Leave out entities and links less confident than this.")
@click.option("--force", is_flag=True, help="Rewrite articles even when they have not changed.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@source_options
def articles(paths: tuple[Path, ...], min_confidence: float, force: bool, quiet: bool,
             manifest: Path | None, published: str | None) -> None:
    """Read Vietnamese news articles (FILE_OR_DIR...: .txt or saved .html) into the graph.

    Entities are resolved against those already in the graph. Each article is written in one
    transaction: an unchanged article is skipped, a changed one replaces what it contributed.
    Files that cannot be read are listed at the end; the others are still written.
    Relative dates resolve against the --manifest or --published date, else the text's date
    line; the manifest's url, title and publisher are kept on the document. Exits 1 when no
    article could be read, or on a bad manifest row (before anything is written).
    """
    from ingest.articles.manifest import ManifestError, batch_sources
    from ingest.articles.pipeline import collect_files, extract_paths

    try:
        batch_sources(collect_files(paths), manifest, published)  # a bad manifest fails before the database starts
    except ManifestError as exc:
        raise BadInput(str(exc)) from None
    with store() as s:
        batch = extract_paths(paths, known=s.known_entities(), min_confidence=min_confidence,
                              progress=not quiet, manifest=manifest, published=published)
        done = [a for a in batch.articles if not a.skipped]
        totals: Counter = Counter()
        links: Counter = Counter()
        unchanged = []
        for a in _progress(done, quiet, "write"):
            summary = s.write_document(a.document, a.entities, a.links, force=force)
            if summary.status == "unchanged":
                unchanged.append(a.path.name)
            totals["new"] += summary.entities_new
            totals["merged"] += summary.entities_merged
            links.update(summary.links)
    echo = lambda line: click.echo(line, err=True)  # noqa: E731
    echo(f"articles read: {len(done)} of {len(batch.articles)} "
         f"({len(done) - len(unchanged)} written, {len(unchanged)} unchanged)")
    echo(f"entities: {totals['new']} new, {totals['merged']} merged with the graph")
    echo(f"links: {sum(links.values())} (" + ", ".join(f"{t} {n}" for t, n in links.most_common()) + ")")
    for a in batch.skipped:
        echo(f"skipped {a.skipped}")
    for a in done:
        for note in a.notes:
            echo(f"note: {note}")
    if not done:
        sys.exit(1)


@ingest.command("dataset")
@click.argument("name", type=click.Choice(["yc", "crunchbase"]))
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option("--force", is_flag=True, help="Rewrite files even when they have not changed.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
def dataset(name: str, path: Path, force: bool, quiet: bool) -> None:
    """Load a startup dataset: yc (the YC 2005-2014 CSV) or crunchbase (the folder of 2013 files).

    Each file is written in one transaction; an unchanged file is skipped. Bad rows are
    reported with their line numbers and skipped; the rest loads. Prints what was read,
    merged and dropped, and the time taken.
    """
    import time

    from ingest.datasets import load_dataset

    started = time.perf_counter()
    try:
        batches = load_dataset(name, path, progress=None if not quiet else False)
    except (ValueError, OSError) as exc:
        raise BadInput(str(exc)) from None
    parsed = time.perf_counter() - started
    written = 0
    with store() as s:
        for batch in _progress(batches, quiet, "write"):
            summary = s.write_document(batch.document, batch.entities, batch.links, force=force)
            written += sum(summary.links.values())
            report = batch.report
            click.echo(f"{batch.document.id}: {summary.status}; {report.rows} rows, "
                       f"entities {summary.entities_new} new, {summary.entities_merged} merged, "
                       f"links {sum(summary.links.values())}", err=True)
            for line in report.skipped[:20]:
                click.echo(f"  skipped {line}", err=True)
            if len(report.skipped) > 20:
                click.echo(f"  ... and {len(report.skipped) - 20} more skipped rows", err=True)
            for line in report.warnings[:10]:
                click.echo(f"  note: {line}", err=True)
            if summary.kind_conflicts:
                click.echo(f"  {len(summary.kind_conflicts)} entities kept the kind they already had, "
                           f"e.g. {summary.kind_conflicts[0]}", err=True)
    total = time.perf_counter() - started
    click.echo(f"{name}: {len(batches)} files, {written} links written in {total:.1f} s (parse {parsed:.1f} s, "
               f"write {total - parsed:.1f} s, {written / max(total - parsed, 1e-9):,.0f} links/s)", err=True)


def _progress(items: list, quiet: bool, desc: str):
    if quiet or len(items) < 2:
        return items
    from tqdm import tqdm

    return tqdm(items, desc=desc, unit="doc", file=sys.stderr)
