"""``ecograph demo``: the demo graph (curated ecosystem facts and the YC dataset) in the store."""
from __future__ import annotations

from pathlib import Path

import click

from app.cli.context import BadInput, store

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
CURATED = EXAMPLES / "vn_kr_il_ecosystem.json"
YC = EXAMPLES / "yc_startups_2005_2014.csv"


def load_demo(s, examples: Path = EXAMPLES) -> list[str]:
    """Write the demo files into store ``s``; unchanged files are left alone. Returns one line per file."""
    from ingest.datasets import load_dataset
    from ingest.imports import read_json

    lines = []
    curated = read_json(examples / CURATED.name)
    summary = s.write_document(curated.document, curated.entities, curated.links, cited=curated.documents)
    lines.append(f"{curated.document.id}: {summary.status}")
    for batch in load_dataset("yc", examples / YC.name, progress=False):
        summary = s.write_document(batch.document, batch.entities, batch.links)
        lines.append(f"{batch.document.id}: {summary.status}")
    return lines


@click.command("demo")
def demo() -> None:
    """Load the demo graph: curated facts on Vietnam-Korea-Israel ecosystem cooperation and the YC dataset.

    Safe to run again: files already loaded and unchanged are left as they are. The files
    and their attribution are in the project's examples/ folder.
    """
    if not CURATED.is_file() or not YC.is_file():
        raise BadInput(f"the demo files are missing from {EXAMPLES}")
    with store() as s:
        for line in load_demo(s):
            click.echo(line, err=True)
        counts = s.counts()
    click.echo(f"demo graph: {counts['entities']} entities, {counts['links']} links, "
               f"{counts['documents']} documents")
