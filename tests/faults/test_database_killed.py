"""The database killed (SIGKILL) in the middle of an article batch and of a dataset load.

After a restart every document is either fully in or fully out, and running the same
command again completes the batch without duplicates. Each test has a server of its own.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from graph import embedded
from graph.connect import open_store
from graph.store import _merge_repeats
from ingest.articles.pipeline import extract_paths
from ingest.datasets import load_dataset

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def home(tmp_path, monkeypatch):
    h = tmp_path / "home"
    monkeypatch.setenv("ECOGRAPH_HOME", str(h))
    yield h
    embedded.stop(h)


def _cli(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "app.cli.main", *args], cwd=REPO, env=os.environ.copy(),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _links_by_doc(store) -> dict[str, int]:
    out: dict[str, int] = {}
    for _, _, a in store.project().edges(data=True):
        out[a["doc"]] = out.get(a["doc"], 0) + 1
    return out


def _kill_server_when(home: Path, ready) -> None:
    deadline = time.monotonic() + 60
    while not ready():
        assert time.monotonic() < deadline, "the command never got going"
        time.sleep(0.02)
    rec = embedded.running(home)
    psutil.Process(rec.pid).send_signal(signal.SIGKILL)


def test_killed_during_an_article_batch(home, tmp_path, shared):
    articles = tmp_path / "articles"
    articles.mkdir()
    for i in range(8):
        for seed in sorted((shared / "corpus" / "seeds").glob("*.txt")):
            shutil.copy(seed, articles / f"{i}_{seed.name}")
    expected = {a.document.id: len(_merge_repeats(a.links)) for a in extract_paths([articles], progress=False).articles}
    watcher = open_store(home)
    proc = _cli("ingest", "articles", str(articles), "--quiet")
    _kill_server_when(home, lambda: watcher.counts()["documents"] >= 3)
    out, err = proc.communicate(timeout=120)
    watcher.close()
    assert proc.returncode == 3, err
    assert "lost the connection" in err and "Traceback" not in err

    with open_store(home) as s:  # restarts the server
        partial = _links_by_doc(s)
        assert 0 < len(partial) < len(expected)
        for doc, n in partial.items():
            assert n == expected[doc], doc  # fully in
    again = _cli("ingest", "articles", str(articles), "--quiet")
    assert again.wait(120) == 0, again.stderr.read()
    with open_store(home) as s:
        assert _links_by_doc(s) == {d: n for d, n in expected.items() if n}
        counts = s.counts()
    third = _cli("ingest", "articles", str(articles), "--quiet")
    assert third.wait(120) == 0
    with open_store(home) as s:
        assert s.counts() == counts


def test_killed_during_a_dataset_load(home, shared):
    yc = shared / "datasets" / "yc_startups_2005_2014.csv"
    (batch,) = load_dataset("yc", yc, progress=False)
    expected = len(_merge_repeats(batch.links))
    embedded.ensure_running(home)
    proc = _cli("ingest", "dataset", "yc", str(yc), "--quiet")
    started = time.monotonic()
    _kill_server_when(home, lambda: time.monotonic() - started > 2.0)
    _, err = proc.communicate(timeout=120)
    assert "Traceback" not in err
    with open_store(home) as s:
        assert s.counts()["links"] in (0, expected)  # fully out or fully in
    again = _cli("ingest", "dataset", "yc", str(yc), "--quiet")
    assert again.wait(120) == 0, again.stderr.read()
    with open_store(home) as s:
        counts = s.counts()
        assert counts["links"] == expected and counts["documents"] == 1
    third = _cli("ingest", "dataset", "yc", str(yc), "--quiet", "--force")
    assert third.wait(120) == 0
    with open_store(home) as s:
        assert s.counts() == counts
