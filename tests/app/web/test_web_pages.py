"""Every page of the app run by Streamlit's AppTest against the real embedded store with the demo.

Each test drives the page the way a user would (URL parameters, widgets, buttons) and checks
what it shows, so a widget that stopped changing the result fails here.
"""
from __future__ import annotations

import json
import re
import socket
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[3]
ENTRY = ROOT / "app" / "web" / "main.py"
CURATED = ROOT / "examples" / "vn_kr_il_ecosystem.json"
TIMEOUT = 120
PAGES = ("overview", "explore", "brokers", "paths", "visit", "timeline", "ingest", "cypher")
SO_HCM = "so-khoa-hoc-va-cong-nghe-thanh-pho-ho-chi-minh"
BUSAN_VISIT = "Đoàn Thành phố Busan đến thăm và làm việc"


def page(name: str, lang: str = "en", **params: str) -> AppTest:
    """An AppTest of page ``name`` (a file of app/web/views), run once."""
    at = AppTest.from_file(str(ENTRY), default_timeout=TIMEOUT)
    at.query_params["lang"] = lang
    for k, v in params.items():
        at.query_params[k] = v
    at.switch_page(f"views/{name}.py")
    return at.run()


def param(at: AppTest, key: str) -> list[str]:
    """A URL parameter's values (AppTest gives a lone value as a string)."""
    value = at.query_params.get(key, [])
    return [value] if isinstance(value, str) else list(value)


def texts(at: AppTest) -> str:
    """The page's text (titles, Markdown, captions, alerts), one element per line."""
    kinds = ("title", "header", "subheader", "markdown", "caption", "info", "success", "warning", "error")
    return "\n".join(str(e.value) for kind in kinds for e in getattr(at, kind))


def clean(at: AppTest) -> AppTest:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    return at


def network_data(at: AppTest, key: str) -> dict:
    """The data sent to the network component ``key``: the picture's HTML and its height."""
    for node in _walk(at._tree):
        proto = getattr(node, "proto", None)
        if getattr(node, "key", None) == key and proto is not None:
            return json.loads(proto.json)
    raise AssertionError(f"no network {key!r} on the page")


def drawn(html: str) -> tuple[list[dict], list[dict]]:
    """The nodes and edges a network page hands to vis-network."""
    nodes, edges = re.findall(r"new vis\.DataSet\((.*?)\);\n", html)[:2]
    return json.loads(nodes), json.loads(edges)


def _walk(node):
    yield node
    for child in getattr(node, "children", {}).values():
        yield from _walk(child)


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("name", PAGES)
def test_every_page_renders(demo, name, lang):
    at = clean(page(name, lang))
    assert at.title, "every page has a title"
    assert "Traceback" not in texts(at)


def test_overview_counts_and_sources(demo):
    at = clean(page("overview"))
    counts = demo.counts()
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Entities"] == str(counts["entities"]) and metrics["Links"] == str(counts["links"])
    assert metrics["Sources"] == "6" and metrics["Period covered"] == "2018–2024"
    nodes, _ = drawn(network_data(at, "overview_network")["html"])
    assert {"Busan", "Israel", "Sở Khoa học và Công nghệ Thành phố Hồ Chí Minh"} <= {n["label"] for n in nodes}


def test_explore_finds_an_entity_typed_without_diacritics(demo):
    assert "Choose an entity" in texts(clean(page("explore")))
    at = clean(page("explore", entity="so khcn tphcm"))  # typed text; the browser test types it in the box
    assert at.selectbox(key="entity").value == SO_HCM
    assert param(at, "entity") == [SO_HCM]
    assert "### Sở Khoa học và Công nghệ Thành phố Hồ Chí Minh" in texts(at)


def test_explore_neighbourhood_details_and_widgets(demo):
    at = clean(page("explore", entity="busan"))
    one_hop = at.selectbox(key="node").options
    assert "Busan · City" in one_hop and len(one_hop) < 15
    body = texts(at)
    assert BUSAN_VISIT in body and "2024-08-21" in body and "Source:" in body
    assert "Every link of Busan" in body and "Thành phố Busan" in body  # an alias
    nodes, edges = drawn(network_data(at, "explore_network")["html"])
    assert "Phan Thị Quý Trúc" in {n["label"] for n in nodes}
    assert any(e["dashes"] for e in edges) and not all(e["dashes"] for e in edges)  # planned links dashed

    at.slider(key="hops").set_value(2).run()
    assert len(clean(at).selectbox(key="node").options) > len(one_hop)
    at.multiselect(key="kinds").set_value(["City", "Agency", "Country"]).run()
    shown = clean(at).selectbox(key="node").options
    assert not any("· Person" in o for o in shown)

    at.selectbox(key="node").set_value(SO_HCM).run()
    assert "### Sở Khoa học và Công nghệ Thành phố Hồ Chí Minh" in texts(clean(at))
    at.button(key="expand_btn").click().run()
    assert param(clean(at), "expand") == [SO_HCM]
    assert "Also centred on: Sở Khoa học và Công nghệ Thành phố Hồ Chí Minh" in texts(at)


def test_explore_caps_a_large_neighbourhood_with_a_notice(demo):
    at = clean(page("explore", entity="thanh-pho-ho-chi-minh", hops="2", budget="10"))
    assert len(at.selectbox(key="node").options) == 10
    notice = " ".join(w.value for w in at.warning)
    assert "10 of" in notice and "Hidden:" in notice


def test_state_comes_back_from_a_shared_url(demo):
    at = clean(page("explore", entity="busan", hops="2", types=["MET_WITH"], status="done", node=SO_HCM))
    assert at.slider(key="hops").value == 2 and at.multiselect(key="types").value == ["MET_WITH"]
    assert at.radio(key="status").value == "done" and at.selectbox(key="node").value == SO_HCM


def test_brokers_grouping_measure_and_connectors(demo):
    at = clean(page("brokers"))
    assert "How often an entity lies on the shortest route" in texts(at)
    by_country = at.dataframe[0].value
    assert "Việt Nam" in set(by_country["Group: Country"])
    at.selectbox(key="by").set_value("kind").run()
    by_kind = clean(at).dataframe[0].value
    assert "Agency" in set(by_kind["Group: Kind"]) and "Group: Country" not in by_kind.columns
    at.radio(key="c_measure").set_value("degree").run()
    assert "How many different partners" in texts(clean(at))
    at.selectbox(key="by").set_value("country").run()
    at.selectbox(key="ga").set_value("viet-nam").run()
    at.selectbox(key="gb").set_value("han-quoc").run()
    assert "connect Việt Nam and Hàn Quốc" in texts(clean(at))
    between = next(d.value for d in at.dataframe if "Partners in Hàn Quốc" in d.value.columns)
    assert len(between) and not {"Busan", "Hàn Quốc", "Việt Nam"} & set(between["Name"])  # no place brokers


def test_paths_between_two_entities_and_exclusions(demo):
    at = clean(page("paths", **{"from": "busan", "to": "israel"}))
    assert "path(s) from Busan to Israel" in " ".join(s.value for s in at.success)
    paths = [e for e in at.expander if e.label.startswith("Path ")]
    assert paths and "**Thành phố Hồ Chí Minh**" not in texts(at)  # a city is no hop
    assert "Who can introduce you to Israel" in texts(at)
    introducers = [e.label for e in at.expander if not e.label.startswith("Path ")]
    assert introducers and not any("(City)" in x or "(Country)" in x for x in introducers)
    at.number_input(key="k").set_value(1).run()
    assert len([e for e in clean(at).expander if e.label.startswith("Path ")]) == 1
    at.multiselect(key="no_nodes").set_value([SO_HCM]).run()  # Busan's delegation met the Sở and its people only
    assert "not connected" in " ".join(w.value for w in clean(at).warning)
    at.multiselect(key="no_nodes").set_value([]).run()
    at.multiselect(key="no_types").set_value(list(demo.counts()["by_type"])).run()
    assert "not connected" in " ".join(w.value for w in clean(at).warning)


def test_visit_brief_in_both_languages(demo):
    params = {"target": "busan", "home": SO_HCM}
    en = clean(page("visit", **params))
    assert "Visit brief: Busan" in texts(en) and "Who can introduce us" in texts(en)
    assert en.get("download_button")
    vi = clean(page("visit", "vi", **params))
    assert "Hồ sơ chuyến công tác: Busan" in texts(vi)
    at = clean(page("visit", target="busan", home="so khcn tphcm"))
    assert at.selectbox(key="home").value == SO_HCM


def test_timeline_per_year_and_for_one_entity(demo):
    at = clean(page("timeline"))
    whole = at.dataframe[0].value.set_index("Year")["Links"]
    at.selectbox(key="who").set_value("busan").run()
    busan = clean(at).dataframe[0].value.set_index("Year")["Links"]
    assert busan.sum() < whole.sum() and "2024" in busan.index


def test_ingest_reviews_then_commits_an_article(demo, shared, tmp_path):
    from app.web import staging

    seed = sorted((shared / "corpus" / "seeds").glob("*.txt"))[0]
    before = demo.counts()["documents"]
    article = ("renamed_" + seed.name, seed.read_bytes())
    bad = ("empty.txt", b"")
    staged, errors = staging.read_uploads("articles", [article, bad], demo)
    assert len(staged) == 1 and len(errors) == 1 and "empty.txt" in errors[0]
    known = {e.id for e in demo.known_entities()}
    new, merged = staged[0].split(known)
    assert merged and staged[0].links
    assert demo.counts()["documents"] == before  # reading writes nothing

    at = AppTest.from_file(str(ENTRY), default_timeout=TIMEOUT)
    at.query_params["lang"] = "en"
    at.switch_page("views/ingest.py")
    at.session_state["ingest_staged"] = (staged, errors)
    clean_run = at.run()
    assert "empty.txt" in " ".join(e.value for e in clean_run.error)
    assert "Review before adding" in texts(at)
    at.button(key="commit").click().run()
    assert not at.exception
    assert "Added 1 document(s)" in " ".join(s.value for s in at.success)
    assert demo.counts()["documents"] == before + 1


def test_ingest_bad_file_is_a_message_and_discard_writes_nothing(demo):
    from app.web import staging

    staged, errors = staging.read_uploads("import", [("broken.json", b"{not json")], demo)
    assert not staged and "broken.json" in errors[0]
    at = AppTest.from_file(str(ENTRY), default_timeout=TIMEOUT)
    at.query_params["lang"] = "en"
    at.switch_page("views/ingest.py")
    at.session_state["ingest_staged"] = (staged, errors)
    at.run()
    assert "Nothing could be read" in texts(at) and "broken.json" in " ".join(e.value for e in at.error)

    before = demo.counts()
    batch, _ = staging.read_uploads("import", [("graph.json", CURATED.read_bytes())], demo)
    at.session_state["ingest_staged"] = (batch, [])
    at.run()
    at.button(key="discard").click().run()
    assert "Nothing was added" in " ".join(s.value for s in at.success) and demo.counts() == before


def test_cypher_console_table_network_and_refusal(demo):
    at = clean(page("cypher"))
    at.button(key="cypher_run").click().run()
    clean(at)
    table = at.dataframe[0].value
    assert len(table) > 5 and list(table.columns) == ["a", "r", "b"]
    assert "Busan" in {n["label"] for n in drawn(network_data(at, "cypher_network")["html"])[0]}
    before = demo.counts()
    at.text_area(key="cypher").set_value("MATCH (n:Entity) DETACH DELETE n").run()
    at.button(key="cypher_run").click().run()
    assert "Refused" in " ".join(e.value for e in at.error) and not at.exception
    assert demo.counts() == before
    at.text_area(key="cypher").set_value("MATCH (n:Entity {id: $id}) RETURN n.name AS name").run()
    at.text_input(key="cypher_params").set_value('{"id": "israel"}').run()
    at.button(key="cypher_run").click().run()
    assert clean(at).dataframe[0].value["name"].tolist() == ["Israel"]
    at.text_input(key="cypher_params").set_value("[1]").run()
    at.button(key="cypher_run").click().run()
    assert "Parameters must be a JSON object" in " ".join(e.value for e in at.error)


def test_empty_graph_says_how_to_fill_it(store):
    at = clean(page("explore"))
    assert "The graph is empty" in " ".join(i.value for i in at.info)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_no_database_shows_the_address_and_the_fix(session_store, monkeypatch):
    from app.web import data

    port = _free_port()
    monkeypatch.setenv("NEO4J_URI", f"bolt://127.0.0.1:{port}")
    monkeypatch.setenv("NEO4J_PASSWORD", "pw-secret")
    data.forget_store()
    try:
        at = page("overview")
        assert not at.exception
        message = " ".join(e.value for e in at.error) + " ".join(i.value for i in at.info)
        assert f"bolt://127.0.0.1:{port}" in message and "NEO4J_URI" in message and "ecograph db start" in message
        assert "pw-secret" not in message and "Traceback" not in message
    finally:
        data.forget_store()
