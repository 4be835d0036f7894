"""The shipped curated example: loads cleanly, cites the seed articles, merges with extraction."""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from graph.names import fold
from graph.ontology import LINK_TYPES
from ingest.imports import read_json

EXAMPLE = Path(__file__).resolve().parents[3] / "examples" / "vn_kr_il_ecosystem.json"


@pytest.fixture(scope="module")
def batch():
    return read_json(EXAMPLE)


def test_loads_with_no_error(batch):
    assert batch.skipped == [] and batch.external == []
    assert 40 <= len(batch.entities) <= 60
    assert 60 <= len(batch.links) <= 90


def test_every_link_cites_a_declared_seed_article(batch, shared):
    docs = {d.id: d for d in batch.documents}
    seeds = shared / "corpus" / "seeds"
    assert set(docs) == {p.name for p in seeds.iterdir()}
    assert {link.doc for link in batch.links} == set(docs)
    for doc in docs.values():
        assert doc.checksum == hashlib.sha256((seeds / doc.id).read_bytes()).hexdigest()
        assert doc.date and doc.title and " — " in doc.title  # title and publisher


def test_link_ends_have_the_kinds_the_ontology_allows(batch):
    kinds = {e.id: e.kind for e in batch.entities}
    for link in batch.links:
        t = LINK_TYPES[link.type]
        assert kinds[link.source] in t.sources and kinds[link.target] in t.targets, link
        assert link.evidence
    assert all(link.properties.get("title") for link in batch.links if link.type == "HOLDS_ROLE")


def test_evidence_is_not_copied_from_the_articles(batch, shared):
    """No six consecutive words of any evidence appear in the article it cites."""
    texts = {p.name: " ".join(re.findall(r"\w+", fold(p.read_text(encoding="utf-8"))))
             for p in (shared / "corpus" / "seeds").iterdir()}
    for link in batch.links:
        words = re.findall(r"\w+", fold(link.evidence))
        for i in range(len(words) - 5):
            assert " ".join(words[i:i + 6]) not in texts[link.doc], link.evidence


def test_ids_agree_with_extraction(batch, shared):
    """Curated entities use the ids article extraction gives the same things, so they merge."""
    from ingest.articles.pipeline import extract_paths

    extracted = {e.id: e.kind for e in extract_paths([shared / "corpus" / "seeds"], progress=False).entities}
    curated = {e.id: e.kind for e in batch.entities}
    shared_ids = set(curated) & set(extracted)
    assert len(shared_ids) >= 35
    assert all(curated[i] == extracted[i] for i in shared_ids)
