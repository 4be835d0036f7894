"""The store against the real embedded database over Bolt."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pytest

from graph.filters import Filters
from graph.model import Document, Entity, Link, RecordError, validate_batch, validate_document

REPO = Path(__file__).resolve().parents[2]


def doc(doc_id: str, checksum: str = "c1", date: str | None = "2024-08-22") -> Document:
    return validate_document(Document(doc_id, f"title of {doc_id}", f"/in/{doc_id}", checksum, date))


def write(store, d: Document, entities: list[Entity], links: list[Link], **kw):
    es, ls = validate_batch(entities, links)
    return store.write_document(d, es, ls, **kw)


def base(doc_id: str = "a.txt") -> tuple[list[Entity], list[Link]]:
    entities = [
        Entity("hcmc", "Thành phố Hồ Chí Minh", "City", ["TP.HCM", "TPHCM"]),
        Entity("busan", "Busan", "City", ["Pusan"], {"population": 3400000}),
        Entity("hcmc-dost", "Sở KH&CN TP.HCM", "Agency", ["Sở Khoa học và Công nghệ TP.HCM"],
               {"type": "department", "tags": ["science", "innovation"]}, 0.9),
        Entity("le-thanh-minh", "Lê Thanh Minh", "Person"),
    ]
    links = [
        Link("hcmc-dost", "busan", "MET_WITH", doc_id, date="2024-08-21", evidence="Chiều 21/8 ...",
             confidence=0.8),
        Link("hcmc-dost", "hcmc", "LOCATED_IN", doc_id),
        Link("le-thanh-minh", "hcmc-dost", "HOLDS_ROLE", doc_id, properties={"title": "Phó Giám đốc"}),
        Link("busan", "hcmc", "COOPERATES_WITH", doc_id, status="planned", date="2024-10"),
    ]
    return entities, links


def test_round_trip_keeps_every_property(store):
    entities, links = base()
    summary = write(store, doc("a.txt"), entities, links)
    assert (summary.status, summary.entities_new, sum(summary.links.values())) == ("new", 4, 4)
    g = store.project()
    assert set(g.nodes) == {"hcmc", "busan", "hcmc-dost", "le-thanh-minh"}
    dost = g.nodes["hcmc-dost"]
    assert dost["name"] == "Sở KH&CN TP.HCM" and dost["kind"] == "Agency"
    assert dost["aliases"] == ["Sở KH&CN TP.HCM", "Sở Khoa học và Công nghệ TP.HCM"]
    assert dost["tags"] == ["science", "innovation"] and dost["confidence"] == 0.9
    assert dost["sources"] == ["a.txt"]
    assert g.nodes["busan"]["population"] == 3400000
    met = g.edges["busan", "hcmc-dost", "MET_WITH|a.txt"]  # symmetric: stored in id order
    assert (met["date"], met["status"], met["doc"], met["evidence"], met["confidence"]) == \
        ("2024-08-21", "done", "a.txt", "Chiều 21/8 ...", 0.8)
    assert g.edges["le-thanh-minh", "hcmc-dost", "HOLDS_ROLE|a.txt"]["title"] == "Phó Giám đốc"
    assert g.graph["documents"]["a.txt"]["title"] == "title of a.txt"
    assert store.entity("hcmc-dost")["kind"] == "Agency"
    assert store.entity("nothing") is None


def test_projection_keeps_one_object_per_repeated_string(store):
    """Every record brings its own copies of the same keys, ids and values; the projection
    keeps one, which is what makes it (and what replacing it leaves behind) smaller."""
    entities, links = base()
    write(store, doc("a.txt"), entities, links)
    g = store.project()
    edges = list(g.edges(keys=True, data=True))
    docs = {id(a["doc"]) for *_, a in edges}
    keys = {id(k) for *_, a in edges for k in a}
    names = {id(k) for *_, a in g.nodes(data=True) for k in a}
    assert len(docs) == 1
    assert len(keys) == len({k for *_, a in edges for k in a})
    assert len(names) == len({k for *_, a in g.nodes(data=True) for k in a})
    ends = {id(n) for u, v, _, _ in edges for n in (u, v)} | {id(n) for n in g}
    assert len(ends) == len(g)  # the ids the edges are stored under are the nodes' own


def test_same_document_twice_changes_nothing(store):
    entities, links = base()
    write(store, doc("a.txt"), entities, links)
    before = store.counts()
    assert write(store, doc("a.txt"), entities, links).status == "unchanged"
    assert store.counts() == before
    assert write(store, doc("a.txt"), entities, links, force=True).status == "replaced"
    assert store.counts() == before


def test_changed_document_replaces_only_its_own_links(store):
    entities, links = base("a.txt")
    write(store, doc("a.txt"), entities, links)
    other = [Link("hcmc-dost", "busan", "MET_WITH", "b.txt", date="2023-05"),
             Link("hcmc-dost", "hcmc", "LOCATED_IN", "b.txt")]
    write(store, doc("b.txt"), [Entity("busan", "Busan", "City", ["Busan Metropolitan City"]),
                                Entity("hcmc-dost", "Sở KH&CN TP.HCM", "Agency"),
                                Entity("hcmc", "TP.HCM", "City")], other)
    changed = [Link("hcmc-dost", "busan", "SIGNED_AGREEMENT_WITH", "a.txt", date="2024-09")]
    summary = write(store, doc("a.txt", checksum="c2"), entities[:3], changed)
    assert summary.status == "replaced" and summary.links_removed == 4
    g = store.project()
    assert sorted(k for _, _, k in g.edges(keys=True)) == [
        "LOCATED_IN|b.txt", "MET_WITH|b.txt", "SIGNED_AGREEMENT_WITH|a.txt"]
    assert "le-thanh-minh" not in g  # only the old version of a.txt mentioned them
    assert g.nodes["busan"]["aliases"] == ["Busan", "Pusan", "Busan Metropolitan City"]
    assert g.nodes["busan"]["sources"] == ["a.txt", "b.txt"]
    assert store.delete_document("b.txt") and not store.delete_document("b.txt")
    assert store.project().nodes["busan"]["sources"] == ["a.txt"]


def test_aliases_are_merged_not_overwritten(store):
    write(store, doc("a.txt"), [Entity("hcmc", "Thành phố Hồ Chí Minh", "City", ["TP.HCM"])], [])
    summary = write(store, doc("b.txt"), [Entity("hcmc", "HCMC", "City", ["TP. HCM", "TP.HCM"])], [])
    assert (summary.entities_new, summary.entities_merged) == (0, 1)
    node = store.entity("hcmc")
    assert node["name"] == "Thành phố Hồ Chí Minh"
    assert node["aliases"] == ["Thành phố Hồ Chí Minh", "TP.HCM", "HCMC", "TP. HCM"]


def test_kind_of_an_existing_entity_is_kept_and_reported(store):
    write(store, doc("a.txt"), [Entity("busan", "Busan", "City")], [])
    summary = write(store, doc("b.txt"), [Entity("busan", "Busan", "Organization")], [])
    assert summary.kind_conflicts == ["busan: read as Organization, kept as City"]
    assert store.counts()["by_kind"] == {"City": 1}


def test_link_to_unknown_entity_writes_nothing(store):
    entities, links = base()
    write(store, doc("a.txt"), entities, links)
    before = store.counts()
    with pytest.raises(RecordError, match=r"b.txt: link 'hcmc' -VISITED-> 'nowhere'.*nowhere"):
        write(store, doc("b.txt"), [Entity("x", "X", "Organization")],
              [Link("hcmc", "nowhere", "VISITED", "b.txt")])
    assert store.counts() == before
    assert "b.txt" not in {d["id"] for d in store.documents()}


def test_links_may_refer_to_entities_already_in_the_graph(store):
    entities, links = base()
    write(store, doc("a.txt"), entities, links)
    write(store, doc("b.txt"), [], [Link("busan", "hcmc", "VISITED", "b.txt", date="2025")])
    assert store.project().nodes["busan"]["sources"] == ["a.txt", "b.txt"]
    assert store.counts()["by_type"]["VISITED"] == 1


HOSTILE = ["O'Brien \"Quỹ\" \\ 100%", "MATCH (n) DETACH DELETE n //", "} RETURN 1; {", "$rows $x",
           "Quỹ 🚀 Startup", unicodedata.normalize("NFD", "Sở Khoa học và Công nghệ Đà Nẵng")]


def test_hostile_names_are_stored_as_text_and_found_again(store):
    entities = [Entity(f"e{i}", name, "Organization", [name + " alias"]) for i, name in enumerate(HOSTILE)]
    write(store, doc("a.txt"), entities, [Link("e0", "e1", "COOPERATES_WITH", "a.txt", evidence=HOSTILE[2])])
    g = store.project()
    assert len(g) == len(HOSTILE)
    for i, name in enumerate(HOSTILE):
        nfc = unicodedata.normalize("NFC", name)
        assert g.nodes[f"e{i}"]["name"] == nfc
        assert store.search(nfc)[0]["id"] == f"e{i}"
    assert g.edges["e0", "e1", "COOPERATES_WITH|a.txt"]["evidence"] == HOSTILE[2]
    assert store.search("so khoa hoc va cong nghe da nang")[0]["id"] == "e5"


def test_search_ignores_case_diacritics_and_punctuation(store):
    entities, links = base()
    write(store, doc("a.txt"), entities, links)
    assert store.search("ho chi minh")[0]["id"] == "hcmc"
    assert store.search("so khcn tphcm")[0]["id"] == "hcmc-dost"
    assert store.search("SỞ KH VÀ CN")[0]["id"] == "hcmc-dost"
    assert store.search("pusan")[0]["id"] == "busan"
    assert store.search("tp")[0]["id"] == "hcmc"  # an alias starting with the query ranks first
    assert store.search("   ") == [] and store.search("zzzz") == []


def test_projection_filters(store):
    entities, links = base()
    write(store, doc("a.txt"), entities, links)
    write(store, doc("b.txt"), [], [Link("busan", "hcmc", "VISITED", "b.txt", date="2019-05", confidence=0.3)])

    def keys(**kw):
        return sorted(k for _, _, k in store.project(Filters(**kw)).edges(keys=True))

    assert keys(types=frozenset({"VISITED"})) == ["VISITED|b.txt"]
    assert keys(status="planned") == ["COOPERATES_WITH|a.txt"]
    assert keys(date_from="2024") == ["COOPERATES_WITH|a.txt", "MET_WITH|a.txt"]
    assert keys(date_from="2024-09") == ["COOPERATES_WITH|a.txt"]
    assert keys(date_to="2020") == ["VISITED|b.txt"]
    assert keys(sources=frozenset({"b.txt"})) == ["VISITED|b.txt"]
    assert keys(min_confidence=0.5) == ["COOPERATES_WITH|a.txt", "HOLDS_ROLE|a.txt",
                                        "LOCATED_IN|a.txt", "MET_WITH|a.txt"]
    g = store.project(Filters(kinds=frozenset({"City"})))
    assert set(g.nodes) == {"hcmc", "busan"}
    assert sorted(k for _, _, k in g.edges(keys=True)) == ["COOPERATES_WITH|a.txt", "VISITED|b.txt"]


def test_neighbourhood_hops(store):
    entities, links = base()
    write(store, doc("a.txt"), entities, links)
    one = store.neighbourhood(["le-thanh-minh"], hops=1)
    assert set(one.nodes) == {"le-thanh-minh", "hcmc-dost"}
    two = store.neighbourhood(["le-thanh-minh"], hops=2)
    assert set(two.nodes) == {"le-thanh-minh", "hcmc-dost", "busan", "hcmc"}
    planned_only = store.neighbourhood(["busan"], hops=1, filters=Filters(status="planned"))
    assert set(planned_only.nodes) == {"busan", "hcmc"}


def test_counts(store):
    entities, links = base()
    write(store, doc("a.txt"), entities, links)
    c = store.counts()
    assert (c["entities"], c["links"], c["documents"]) == (4, 4, 1)
    assert c["by_kind"] == {"Agency": 1, "City": 2, "Person": 1}
    assert c["by_type"] == {"COOPERATES_WITH": 1, "HOLDS_ROLE": 1, "LOCATED_IN": 1, "MET_WITH": 1}


KILLED_WRITER = """
import sys
from graph.connect import open_store
from graph.model import Document, Entity, Link
s = open_store()
es = [Entity(f"big-{i}", f"Big {i}", "Startup") for i in range(60000)]
ls = [Link(f"big-{i}", f"big-{i + 1}", "COOPERATES_WITH", "big.csv") for i in range(59999)]
print("writing", flush=True)
s.write_document(Document("big.csv", "big", "big.csv", "x"), es, ls)
print("committed", flush=True)
"""


def test_killed_writer_leaves_the_graph_as_it_was(store):
    entities, links = base()
    write(store, doc("a.txt"), entities, links)
    before = store.counts()
    proc = subprocess.Popen([sys.executable, "-c", KILLED_WRITER], cwd=REPO, stdout=subprocess.PIPE,
                            text=True, env=os.environ.copy())
    assert proc.stdout.readline().strip() == "writing"
    time.sleep(1.5)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.stdout.read() == ""  # it was killed before it committed
    time.sleep(1.0)  # the server notices the dropped connection and rolls back
    assert store.counts() == before


def test_curated_links_cite_their_article_and_are_replaced_with_their_file(store):
    entities, links = base("a.txt")
    write(store, doc("a.txt"), entities, links)
    curated = [Link("hcmc-dost", "busan", "MET_WITH", "a.txt", date="2024-08-21", evidence="summary"),
               Link("busan", "hcmc", "SIGNED_AGREEMENT_WITH", "a.txt", date="2024-09")]
    es, ls = validate_batch([], curated)
    cited = [validate_document(Document("a.txt", "The article", "http://x", "x")),
             validate_document(Document("c.txt", "Another article", "http://y", "y"))]
    store.write_document(doc("facts.json"), es, ls, cited=cited)
    g = store.project()
    assert {k for _, _, k in g.edges(keys=True)} >= {"MET_WITH|a.txt", "MET_WITH|a.txt|facts.json",
                                                    "SIGNED_AGREEMENT_WITH|a.txt|facts.json"}
    assert g.edges["busan", "hcmc-dost", "MET_WITH|a.txt|facts.json"]["doc"] == "a.txt"
    assert g.graph["documents"]["a.txt"]["title"] == "title of a.txt"  # the article's own record wins
    assert g.graph["documents"]["c.txt"]["title"] == "Another article"
    write(store, doc("facts.json", checksum="c2"), [], [])
    assert {k for _, _, k in store.project().edges(keys=True)} == {
        "MET_WITH|a.txt", "LOCATED_IN|a.txt", "HOLDS_ROLE|a.txt", "COOPERATES_WITH|a.txt"}
    write(store, doc("c.txt"), [Entity("busan", "Busan", "City")], [])
    assert store.write_document(doc("c.txt"), [], [], force=True).status == "replaced"


def test_version_changes_with_every_write(store):
    v0 = store.version()
    entities, links = base()
    write(store, doc("a.txt"), entities, links)
    v1 = store.version()
    write(store, doc("a.txt", checksum="c2"), entities, links)
    v2 = store.version()
    write(store, doc("b.txt"), entities[:1], [])
    v3 = store.version()
    store.delete_document("a.txt")
    assert len({v0, v1, v2, v3, store.version()}) == 5


def test_a_link_repeated_in_one_document_is_one_link_with_its_dates(store):
    entities = [Entity("f", "Fund", "Fund"), Entity("s", "Startup", "Startup")]
    links = [Link("f", "s", "INVESTED_IN", "d.csv", date="2012-05", properties={"amount": 5.0}),
             Link("f", "s", "INVESTED_IN", "d.csv", date="2010-01", properties={"amount": 1.0})]
    summary = write(store, doc("d.csv"), entities, links)
    assert summary.links["INVESTED_IN"] == 1
    edge = store.project().edges["f", "s", "INVESTED_IN|d.csv"]
    assert (edge["date"], edge["amount"], edge["occurrences"], edge["dates"]) == \
        ("2010-01", 1.0, 2, ["2010-01", "2012-05"])
