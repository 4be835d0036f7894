"""The projection made in a child process against the real embedded database."""
from __future__ import annotations

import pickle

import pytest

from app.web import projector
from queries import memo, prepared
from queries.ties import route_filters, shared_ties


def test_the_child_projects_the_whole_graph_and_sends_what_queries_derive_first(demo):
    sent = pickle.loads(projector.project_elsewhere())
    got, want = prepared.unpack(sent), demo.project()
    assert list(got.nodes(data=True)) == list(want.nodes(data=True))
    assert list(got.edges(keys=True, data=True)) == list(want.edges(keys=True, data=True))
    assert got.graph == want.graph and got.number_of_edges() > 0
    routes = route_filters()  # the tie classes the pages open with
    assert memo.derived(got) == sent.derived and shared_ties(got, routes) is sent.derived[("ties", routes, False, None)]


def test_without_a_database_the_child_fails_with_the_reason(store, monkeypatch, tmp_path):
    monkeypatch.setenv("ECOGRAPH_HOME", str(tmp_path))  # nothing runs there, and the child starts nothing
    with pytest.raises(projector.ProjectionFailed, match="not running"):
        projector.project_elsewhere()
    assert not any(tmp_path.iterdir())


def test_a_child_that_takes_too_long_is_given_up(store):
    with pytest.raises(projector.ProjectionFailed, match="more than 0 s"):
        projector.project_elsewhere(timeout=0.01)
