"""``ecograph extract``: articles to entities and links, without a database."""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import click

from app.cli.context import BadInput
from app.cli.sources import source_options


@click.command("extract")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--json", "out", required=True, type=click.Path(dir_okay=False, writable=True, path_type=Path),
              help="Write the merged entities and relations here (the prediction format of eval/README.md).")
@click.option("--min-confidence", default=0.0, show_default=True, type=click.FloatRange(0, 1),
              help="Drop entities and links less confident than this.")
@click.option("--ner", is_flag=True,
              help="Also take person names from underthesea's NER (slower, ~4 ms a sentence).")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@source_options
def extract(paths: tuple[Path, ...], out: Path, min_confidence: float, ner: bool, quiet: bool,
            manifest: Path | None, published: str | None) -> None:
    """Read Vietnamese news articles (FILE_OR_DIR...: .txt or saved .html) into entities and links.

    Nothing is written to the database: the result goes to the --json file, and a summary
    (articles read, entities, links by type, files skipped and why) to stderr. Relative dates
    ("ngày 19/5") resolve against the --manifest or --published date, else the text's date line.
    A bad manifest row exits 1 before any article is read.
    """
    from ingest.articles.manifest import ManifestError
    from ingest.articles.pipeline import extract_paths, to_prediction

    try:
        batch = extract_paths(paths, min_confidence=min_confidence, progress=not quiet, ner=ner,
                              manifest=manifest, published=published)
    except ManifestError as exc:
        raise BadInput(str(exc)) from None
    out.write_text(json.dumps(to_prediction(batch), ensure_ascii=False, indent=2), encoding="utf-8")
    read = [a for a in batch.articles if not a.skipped]
    by_type = Counter(link.type for link in batch.links)
    by_kind = Counter(e.kind for e in batch.entities)
    echo = lambda s: click.echo(s, err=True)  # noqa: E731
    echo(f"articles read: {len(read)} of {len(batch.articles)}")
    echo(f"entities: {len(batch.entities)} (" + ", ".join(f"{k} {n}" for k, n in by_kind.most_common()) + ")")
    echo(f"links: {len(batch.links)} (" + ", ".join(f"{k} {n}" for k, n in by_type.most_common()) + ")")
    for a in batch.skipped:
        echo(f"skipped {a.skipped}")
    for a in batch.articles:
        for note in a.notes:
            echo(f"note: {note}")
    echo(f"written: {out}")
    if not read:
        sys.exit(1)
