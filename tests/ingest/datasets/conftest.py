"""The real datasets, read in place from <repo>/../shared/datasets, parsed once per session."""
from __future__ import annotations

from pathlib import Path

import pytest

from ingest.datasets import load_dataset

REPO = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="session")
def datasets_dir() -> Path:
    d = REPO.parent / "shared" / "datasets"
    assert (d / "yc_startups_2005_2014.csv").is_file(), f"shared datasets not found at {d}"
    return d


@pytest.fixture(scope="session")
def yc_csv(datasets_dir) -> Path:
    return datasets_dir / "yc_startups_2005_2014.csv"


@pytest.fixture(scope="session")
def yc(yc_csv):
    (batch,) = load_dataset("yc", yc_csv)
    return batch


@pytest.fixture(scope="session")
def crunchbase(datasets_dir):
    companies, acquisitions, investments = load_dataset("crunchbase", datasets_dir, progress=False)
    return {"companies": companies, "acquisitions": acquisitions, "investments": investments}

