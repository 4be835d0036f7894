"""The app's served projection: rebuilt in another process on a write, the old one freed."""
from __future__ import annotations

import gc
import logging
import threading
import time
import weakref

import pytest

from app.web import data, heap, projector


@pytest.fixture
def served(monkeypatch):
    """A fresh served projection for the app's data layer (the server's own is shared)."""
    s = data._Served()
    monkeypatch.setattr(data, "_served", lambda: s)
    return s


def _wait(condition, seconds: float = 60.0) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.05)
    return False


def _same(a, b) -> bool:
    return (list(a.nodes(data=True)) == list(b.nodes(data=True))
            and sorted(a.edges(keys=True, data=True), key=repr) == sorted(b.edges(keys=True, data=True), key=repr))


def test_a_rebuild_swaps_in_the_new_version_and_frees_the_old(demo, demo_records, served):
    v1 = data.refresh()
    old = weakref.ref(served.graph)
    batch, _ = demo_records
    demo.delete_document(batch.document.id)  # any write moves the version on
    v2 = demo.version()
    data._rebuild(served, v2)
    assert (served.version, served.building) == (v2, None) and v2 != v1
    assert _same(served.graph, demo.project())  # what the other process projected, whole
    gc.collect()
    assert old() is None  # nothing holds the replaced projection: its memory is given back


def test_pages_keep_the_graph_they_have_while_the_new_one_is_built(demo, demo_records, served, monkeypatch):
    monkeypatch.setattr(data, "QUICK", -1.0)  # as on a large graph: rebuild in the background
    v1 = data.refresh()
    shown = served.graph
    batch, _ = demo_records
    demo.delete_document(batch.document.id)
    assert data.version() == v1 and data.projection(v1) is shown  # answered at once, from the old graph
    assert _wait(lambda: served.version == demo.version())
    assert data.version() == demo.version() and data.projection(v1) is served.graph is not shown


def test_a_rebuilt_graph_is_swapped_in_once_the_page_runs_on_the_old_one_end(demo, demo_records, served, monkeypatch):
    v1 = data.refresh()
    projected = threading.Event()

    def project_elsewhere(real=projector.project_elsewhere):
        try:
            return real()
        finally:
            projected.set()

    monkeypatch.setattr(projector, "project_elsewhere", project_elsewhere)
    batch, _ = demo_records
    demo.delete_document(batch.document.id)
    v2 = demo.version()
    with data.reading():
        rebuild = threading.Thread(target=data._rebuild, args=(served, v2))
        rebuild.start()
        assert projected.wait(60)
        time.sleep(0.5)
        assert served.version == v1 and data.projection(v1) is served.graph  # still the old one, ready or not
    rebuild.join(60)
    assert served.version == v2 and served.readers == 0


def test_a_page_run_that_outlasts_the_wait_does_not_hold_the_swap_back(demo, demo_records, served, monkeypatch):
    monkeypatch.setattr(data, "DRAIN", 0.2)
    data.refresh()
    batch, _ = demo_records
    demo.delete_document(batch.document.id)
    with data.reading():
        data._rebuild(served, demo.version())
        assert served.version == demo.version()


def test_a_page_run_that_fails_is_no_longer_counted(served):
    with pytest.raises(RuntimeError), data.reading():
        assert served.readers == 1
        raise RuntimeError("a page's own error")
    assert served.readers == 0


def test_free_heap_is_handed_back_when_the_last_page_run_ends_at_most_every_few_seconds(served, monkeypatch):
    trims = []
    monkeypatch.setattr(heap, "trim", lambda: trims.append(time.monotonic()))
    with data.reading():
        with data.reading():
            pass
        assert trims == []  # another run is still under way
    assert len(trims) == 1
    with data.reading():
        pass
    assert len(trims) == 1  # not again within TRIM seconds
    monkeypatch.setattr(data, "TRIM", 0.0)
    with data.reading():
        pass
    assert len(trims) == 2


def test_a_failed_rebuild_keeps_the_graph_says_why_and_waits_before_trying_again(
        demo, demo_records, served, monkeypatch, tmp_path, caplog):
    monkeypatch.setattr(data, "QUICK", -1.0)
    v1 = data.refresh()
    shown = served.graph
    monkeypatch.setenv("ECOGRAPH_HOME", str(tmp_path))  # the other process finds no database there
    with caplog.at_level(logging.WARNING, logger="app.web.data"):
        data._rebuild(served, "next")
    assert served.version == v1 and served.graph is shown and served.building is None
    assert "not running" in caplog.text and "keeps showing the graph it has" in caplog.text
    batch, _ = demo_records
    demo.delete_document(batch.document.id)
    assert data.version() == v1 and served.building is None  # no new attempt within RETRY


def test_a_swap_drops_the_cached_answers_of_the_version_it_replaces(demo, demo_records, served):
    v1 = data.refresh()
    before = data.counts(v1)
    batch, _ = demo_records
    demo.delete_document(batch.document.id)
    assert data.counts(v1) == before  # an answer is cached per version
    data._rebuild(served, demo.version())
    assert data.counts(v1) == demo.counts() != before  # asked again, it is computed again


def test_a_version_no_longer_kept_is_answered_from_the_newest(demo, served):
    data.refresh()
    assert data.projection("an older version") is served.graph  # not projected again in the request
