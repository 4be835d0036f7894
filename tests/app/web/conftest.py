"""The demo graph in the test store, for the app's tests.

The demo is what ``examples/`` and the seed articles make: the curated file first, then the
seed articles read against its entities, as a user loading the demo would. The records are
read once per session; each test gets a store emptied and re-filled with them.
"""
from __future__ import annotations

from pathlib import Path

import pytest

CURATED = Path(__file__).resolve().parents[3] / "examples" / "vn_kr_il_ecosystem.json"


@pytest.fixture(scope="session")
def demo_records(shared):
    from ingest.articles.pipeline import extract_paths
    from ingest.imports import read_json

    batch = read_json(CURATED)
    articles = extract_paths([shared / "corpus" / "seeds"], known=batch.entities, progress=False)
    return batch, [a for a in articles.articles if not a.skipped]


@pytest.fixture
def demo(store, demo_records):
    """The store holding the demo graph."""
    batch, articles = demo_records
    store.write_document(batch.document, batch.entities, batch.links, cited=batch.documents)
    for a in articles:
        store.write_document(a.document, a.entities, a.links)
    return store

