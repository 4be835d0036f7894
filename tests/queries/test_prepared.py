"""A projection and what queries derive from it, sent as one pickle and shared again on arrival."""
from __future__ import annotations

import pickle

from queries import between, memo, prepared
from queries.groups import group_of
from queries.subgraph import weighted_view
from queries.ties import graph_ties, route_filters, shared_ties


def test_what_was_derived_elsewhere_is_shared_on_arrival_without_being_made_again(eco):
    sent = pickle.loads(pickle.dumps(prepared.pack(eco)))
    G = prepared.unpack(sent)
    assert G is sent.graph and G is not eco
    routes = route_filters()
    ties = shared_ties(G, routes)
    assert ties is sent.derived[("ties", routes, False, None)] and "igraph" in vars(ties)  # not made again
    H = weighted_view(G, routes)
    assert H is sent.derived[("view", routes, False, None)] and graph_ties(H) is ties  # still known as made from them
    assert group_of(G, prepared.GROUPING) is sent.derived[("groups", prepared.GROUPING)]


def test_answers_from_a_sent_projection_are_those_of_the_original(eco):
    G = prepared.unpack(pickle.loads(pickle.dumps(prepared.pack(eco))))
    assert list(weighted_view(G).edges(data=True)) == list(weighted_view(eco).edges(data=True))
    got = between.side_brokers(G, "viet-nam", "han-quoc")
    want = between.side_brokers(eco, "viet-nam", "han-quoc")
    assert got.brokers.equals(want.brokers) and got.links.equals(want.links) and len(want.brokers)


def test_adopting_keeps_what_the_projection_already_has(eco):
    mine = shared_ties(eco)
    memo.adopt(eco, {("ties", None, False, None): "sent from elsewhere", ("other",): 1})
    assert shared_ties(eco) is mine and memo.derived(eco)[("other",)] == 1
