"""The app's served projection: rebuilt on a write, the one before kept for a grace, then freed."""
from __future__ import annotations

import gc
import time
import weakref

from app.web import data


def _wait(condition, seconds: float = 10.0) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.02)
    return False


def test_previous_projection_is_served_then_freed(demo, monkeypatch, demo_records):
    monkeypatch.setattr(data, "GRACE", 0.3)
    served = data._Served()
    data._build(served, demo, demo.version())
    first, v1 = served.graph, served.version
    batch, _ = demo_records
    demo.delete_document(batch.document.id)  # any write moves the version on
    data._build(served, demo, demo.version())
    assert served.version != v1 and served.previous == (v1, first)  # a page run on v1 still finishes on it
    old = weakref.ref(first)
    del first
    assert _wait(lambda: served.previous == (None, None))
    gc.collect()
    assert old() is None  # nothing else holds the old projection: its memory is given back


def test_rebuilding_the_same_version_keeps_no_previous(demo, monkeypatch):
    monkeypatch.setattr(data, "GRACE", 0.05)
    served = data._Served()
    data._build(served, demo, demo.version())
    data._build(served, demo, demo.version())
    assert served.previous == (None, None)


def test_a_newer_swap_is_not_undone_by_an_older_timer(demo, monkeypatch, demo_records):
    monkeypatch.setattr(data, "GRACE", 0.3)
    served = data._Served()
    data._build(served, demo, "v1")
    data._build(served, demo, "v2")
    monkeypatch.setattr(data, "GRACE", 60.0)
    data._build(served, demo, "v3")  # its previous is v2, kept for a minute
    time.sleep(0.6)  # v2's timer has fired and must leave v3's previous alone
    assert served.version == "v3" and served.previous[0] == "v2" and served.previous[1] is not None



def test_a_version_no_longer_kept_is_answered_from_the_newest(demo, monkeypatch):
    monkeypatch.setattr(data, "GRACE", 60.0)
    served = data._Served()
    monkeypatch.setattr(data, "_served", lambda: served)
    for v in ("v1", "v2", "v3"):
        data._build(served, demo, v)
    assert data.projection("v1") is served.graph  # not projected again in the request
    assert data.projection("v2") is served.previous[1]
