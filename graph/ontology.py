"""The vocabulary of ``shared/ontology.md`` as code: the one whitelist of labels and types.

Every label or relationship type that reaches a Cypher statement is checked against this
module first, because labels and types cannot be query parameters. The project may extend
the vocabulary here; it must never rename what the shared ontology fixes.
"""
from __future__ import annotations

from dataclasses import dataclass

ENTITY_LABEL = "Entity"
DOCUMENT_LABEL = "Document"
#: Relationship from a ``Document`` to each entity read from it (a project extension).
MENTIONS = "MENTIONS"

KINDS: dict[str, str] = {
    "Country": "a sovereign state",
    "City": "a city, province or other sub-national locality",
    "Agency": "a public body: ministry, department, committee, council, authority, embassy",
    "Park": "a technology, hi-tech, software or industrial park, economic zone",
    "Fund": "an investor: fund, venture capital firm, angel network, investing accelerator",
    "Startup": "a startup or innovative company",
    "Organization": "any other organisation: university, incubator, association, corporation",
    "Event": "a dated happening with a name: festival, forum, conference, competition",
    "Program": "a named scheme, programme, plan, policy instrument, platform or portal",
    "Person": "a named person; titles go on HOLDS_ROLE",
}


@dataclass(frozen=True)
class LinkType:
    """One relationship type: its allowed ends and whether direction carries meaning."""

    name: str
    sources: frozenset[str]
    targets: frozenset[str]
    symmetric: bool
    description: str


_ANY = frozenset(KINDS)
_PARTY = frozenset(KINDS) - {"Event", "Program"}
_BODY = frozenset({"Agency", "Park", "Fund", "Startup", "Organization", "City", "Country"})

LINK_TYPES: dict[str, LinkType] = {
    t.name: t
    for t in (
        LinkType("LOCATED_IN", _ANY, frozenset({"City", "Country"}), False,
                 "any -> the city or country it is in"),
        LinkType("PART_OF", _BODY | {"Event"}, _BODY | {"Event"}, False,
                 "a body -> the body it belongs to; an event -> the festival it is part of"),
        LinkType("HOLDS_ROLE", frozenset({"Person"}), _BODY, False,
                 "a person -> the body; property title"),
        LinkType("MET_WITH", _PARTY, _PARTY, True, "a working session or reception"),
        LinkType("VISITED", _PARTY, _PARTY | {"Event"}, False, "visitor -> host or place"),
        LinkType("SIGNED_AGREEMENT_WITH", _PARTY, _PARTY, True, "a signed agreement or MoU"),
        LinkType("COOPERATES_WITH", _PARTY, _PARTY, True, "cooperation without a signing"),
        LinkType("ORGANIZED", _PARTY, frozenset({"Event"}), False, "organiser -> event"),
        LinkType("PARTICIPATED_IN", _PARTY, frozenset({"Event", "Program"}), False,
                 "a party or person -> the event or programme it took part in"),
        LinkType("RUNS", _BODY, frozenset({"Program", "Park", "Organization", "Event", "Agency", "Fund"}),
                 False, "a body -> what it operates, manages or issued"),
        LinkType("SUPPORTS", _PARTY | {"Program"}, _ANY, False,
                 "a body -> what it funds or helps"),
        LinkType("INVESTED_IN", frozenset({"Fund", "Person", "Organization", "Startup", "Agency"}),
                 frozenset({"Startup", "Organization"}), False, "investor -> company"),
        LinkType("FOUNDED", frozenset({"Person", "Organization", "Agency", "Startup", "Fund", "City"}),
                 _ANY, False, "founder -> what it founded (a city founds its own centres)"),
        LinkType("ACQUIRED", _BODY, _BODY, False, "buyer -> the company it bought"),
    )
}

SYMMETRIC_TYPES = frozenset(n for n, t in LINK_TYPES.items() if t.symmetric)
STATUSES = ("done", "planned")


def allows(type_: str, source_kind: str, target_kind: str) -> bool:
    """Whether a link of ``type_`` may join these kinds of ends.

    Extraction rules read ends from text and can pair the wrong kinds ("a Sở RUNS a country");
    checking the ends against the vocabulary drops those before they reach the graph.
    """
    t = LINK_TYPES.get(type_)
    if t is None:
        return False
    if source_kind in t.sources and target_kind in t.targets:
        return True
    return t.symmetric and target_kind in t.sources and source_kind in t.targets


def label(kind: str) -> str:
    """Return ``kind`` if it is a node kind of the ontology, else raise ``ValueError``."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}")
    return kind


def rel_type(name: str) -> str:
    """Return ``name`` if it is a link type of the ontology, else raise ``ValueError``."""
    if name not in LINK_TYPES:
        raise ValueError(f"unknown link type {name!r}; expected one of {', '.join(LINK_TYPES)}")
    return name
