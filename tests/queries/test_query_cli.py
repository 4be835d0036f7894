"""``ecograph query`` on a hand-built projection.

``app.cli.context`` (the projection from the store) is replaced by a module returning the
hand-built graph filtered like the store would, so these tests exercise the commands, their
options and their output formats, not the database.
"""
from __future__ import annotations

import json
import sys
import types

import pytest
from click.testing import CliRunner

from app.cli.query import query
from tests.queries.handmade_graphs import projection
from queries.subgraph import filter_graph


@pytest.fixture
def run(eco, monkeypatch):
    seen = []

    def projected_graph(filters):
        seen.append(filters)
        return filter_graph(eco, filters)

    monkeypatch.setitem(sys.modules, "app.cli.context", types.SimpleNamespace(projected_graph=projected_graph))

    def invoke(*args):
        return CliRunner().invoke(query, list(args), catch_exceptions=False)
    invoke.seen = seen
    return invoke


def test_every_command_has_help(run):
    for cmd in ("centrality", "brokers", "path", "ego", "communities", "timeline", "brief"):
        r = run(cmd, "--help")
        assert r.exit_code == 0 and "--min-confidence" in r.output and "--directed" in r.output, cmd


def test_centrality_json_with_filters(run):
    r = run("centrality", "--only", "agency", "--type", "MET_WITH", "--status", "done", "--format", "json")
    assert r.exit_code == 0, r.output
    rows = json.loads(r.output)
    assert {row["kind"] for row in rows} == {"Agency"} and "pagerank_pct" in rows[0]
    f = run.seen[-1]
    assert f.types == frozenset({"MET_WITH"}) and f.status == "done"


def test_brokers_between_two_countries_in_one_command(run):
    r = run("brokers", "--between", "Việt Nam", "korea", "--format", "csv")
    assert r.exit_code == 0
    assert "connect Việt Nam and Hàn Quốc" in r.stderr
    assert "vkbia" in r.stdout and r.stdout.startswith("id,name,kind,side,role")
    assert "Chungbuk Technopark; Busan" in r.stdout  # a list in one CSV cell
    table = run("brokers", "--between", "Việt Nam", "korea").stdout
    assert "NaN" not in table and "e+" not in table and "busan" not in table.split()  # no place, no id
    assert table.split("\n")[0].split() == ["name", "kind", "side", "role", "reach_a", "reach_b", "partners_a",
                                             "partners_b", "last"]
    assert run("brokers", "--between", "Việt Nam", "korea", "--links").exit_code == 0
    assert run("brokers", "--roles", "--by", "kind").exit_code == 0
    assert "articulation points" in run("brokers", "--cut-points").stderr


def test_path_table_and_messages(run):
    r = run("path", "KOTRA TP.HCM", "Busan")
    assert r.exit_code == 0
    assert "Sở KH&CN TP.HCM MET_WITH Busan, 2024-08-21, source Bài 1 (2024-08-22)" in r.stdout
    r = run("path", "Busann", "TP.HCM")
    assert r.exit_code == 1 and "closest" in r.stderr
    r = run("path", "busan", "tp-hcm", "-k", "0")
    assert r.exit_code == 1 and "k must be" in r.stderr


def test_ego_timeline_communities_brief(run):
    r = run("ego", "Busan", "--hops", "50")
    assert r.exit_code == 1 and "hops must be" in r.stderr
    assert "busan" in run("ego", "Busan", "IIA", "--format", "csv").stdout
    r = run("timeline", "--entity", "Busan", "--format", "json")
    assert json.loads(r.stdout)[0]["year"] == "2023"
    assert "partners" in run("timeline", "--new-partners", "--entity", "busan").stdout
    assert "modularity" in run("communities").stderr
    md = run("brief", "Busan", "--home", "Sở KH&CN TP.HCM")
    assert md.exit_code == 0 and md.stdout.startswith("# Hồ sơ chuyến công tác: Busan")
    data = json.loads(run("brief", "Busan", "--home", "so-kh-cn-tp-hcm", "--format", "json", "--lang", "en").stdout)
    assert data["lang"] == "en" and data["links"]


def test_bad_filter_values_are_usage_errors(run):
    assert run("centrality", "--date-from", "21/08/2024").exit_code == 2
    assert run("centrality", "--weight", "MET_WITH=abc").exit_code == 2
    assert run("centrality", "--kind", "Planet").exit_code == 2


def test_empty_graph_is_a_clear_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "app.cli.context",
                        types.SimpleNamespace(projected_graph=lambda filters: projection([], [])))
    r = CliRunner().invoke(query, ["centrality"])
    assert r.exit_code == 1 and "graph is empty" in r.stderr


@pytest.mark.parametrize("args, closest", [
    (("path", "Busann", "TP.HCM"), "Busan"),
    (("ego", "Chungbok"), "Chungbuk"),
    (("timeline", "--entity", "KOTRA HCMC"), "KOTRA TP.HCM"),
    (("brief", "Busan", "--home", "Sở KH CN HCM"), "Sở KH&CN TP.HCM"),
    (("brokers", "--between", "Vietnam", "Korae"), "Hàn Quốc"),
])
def test_unknown_names_suggest_the_closest(run, args, closest):
    r = run(*args)
    assert r.exit_code == 1 and closest in r.stderr and "Traceback" not in r.output, r.output


def test_disconnected_pair_is_an_answer_with_exit_0(run):
    r = run("path", "IIA", "Busan", "--type", "COOPERATES_WITH")
    assert r.exit_code == 0 and "not connected" in r.stderr and r.stdout.startswith("who can introduce:\n1. VKBIA")
    r = run("path", "IIA", "Busan", "--type", "COOPERATES_WITH", "--format", "json")
    data = json.loads(r.stdout)
    assert r.exit_code == 0 and data["paths"] == [] and data["introducers"][0]["route_hops"] is None
    r = run("brokers", "--between", "Israel", "Korea", "--type", "COOPERATES_WITH")
    assert r.exit_code == 0 and "no body or person has ties to both" in r.stderr


@pytest.mark.parametrize("args, code, message", [
    (("path", "busan", "iia", "-k", "0"), 1, "k must be between 1 and 50"),
    (("path", "busan", "iia", "-k", "51"), 1, "k must be between 1 and 50"),
    (("ego", "Busan", "--hops", "50"), 1, "hops must be between 1 and 3"),
    (("ego", "Busan", "--hops", "0"), 1, "hops must be between 1 and 3"),
    (("ego", "Busan", "--budget", "0"), 1, "budget must be at least the number of centres (1), not 0"),
    (("centrality", "--top", "0"), 2, "--top"),
    (("brief", "Busan", "--home", "spark", "--top", "0"), 2, "--top"),
    (("centrality", "--weight", "MET_WITH=-1"), 2, "weight must be positive"),
    (("centrality", "--weight", "MET_WITH=0"), 2, "weight must be positive"),
    (("centrality", "--weight", "FRIENDS_WITH=2"), 2, "unknown link type"),
    (("centrality", "--pivots", "0"), 1, "pivots must be at least 1"),
    (("brokers", "--pivots", "-5"), 1, "pivots must be at least 1"),
    (("brokers", "--pivots", "lots"), 2, "use auto, exact or a number"),
    (("communities", "--resolution", "0"), 1, "resolution must be positive"),
    (("brief", "Busan", "--home", "busan"), 1, "same entity"),
])
def test_absurd_parameters_get_clear_messages_and_exit_codes(run, args, code, message):
    r = run(*args)
    assert r.exit_code == code, r.output
    assert message in r.output and "Traceback" not in r.output


def test_sampled_betweenness_from_the_command_line(run):
    exact = json.loads(run("centrality", "--measure", "betweenness", "--pivots", "exact", "--format", "json").stdout)
    sampled = json.loads(run("centrality", "--measure", "betweenness", "--pivots", "4", "--seed", "1",
                             "--format", "json").stdout)
    assert len(exact) == len(sampled) and exact != sampled
    assert run("brokers", "--pivots", "4", "--format", "csv").stdout.startswith("id,name,kind,group")


def test_filters_that_leave_nothing(run):
    r = run("centrality", "--kind", "Fund")
    assert r.exit_code == 1 and "empty under these filters" in r.stderr
    r = run("brokers", "--kind", "Fund")
    assert r.exit_code == 0 and "(no rows)" in r.stdout
    r = run("communities", "--kind", "Fund")
    assert r.exit_code == 0 and "(no rows)" in r.stdout


@pytest.mark.parametrize("cmd", [("centrality",), ("brokers",), ("path", "a", "b"), ("ego", "a"), ("communities",),
                                 ("timeline",), ("brief", "a", "--home", "b")])
def test_every_command_on_an_empty_projection(monkeypatch, cmd):
    monkeypatch.setitem(sys.modules, "app.cli.context",
                        types.SimpleNamespace(projected_graph=lambda filters: projection([], [])))
    r = CliRunner().invoke(query, list(cmd))
    assert r.exit_code == 1 and "graph is empty" in r.stderr, r.output
    assert isinstance(r.exception, SystemExit)  # a clean exit, not a crash


def test_every_route_command_takes_tie_classes(run):
    for cmd in ("centrality", "brokers", "path", "brief"):
        assert "--ties" in run(cmd, "--help").output, cmd
    r = run("path", "Startup X", "Busan", "--ties", "interaction,place")
    assert r.exit_code == 2 and "never a route" in r.output
    assert "not connected" in run("path", "Lê Thanh Minh", "Busan", "--ties", "interaction").stderr
    assert "Lê Thanh Minh HOLDS_ROLE" in run("path", "Lê Thanh Minh", "Busan").stdout


def test_table_cells_are_readable():
    from app.cli.query import readable

    import pandas as pd

    df = readable(pd.DataFrame({"xs": [["a", "b", "c", "d", "e"], []], "f": [1.5e-07, float("nan")],
                                "n": [2.0, 0.123456], "s": ["x" * 80, None]}))
    assert df["xs"].tolist() == ["a, b, c +2 more", ""]
    assert df["f"].tolist() == ["0", ""] and df["n"].tolist() == ["2", "0.123"]
    assert len(df["s"][0]) == 48 and df["s"][0].endswith("…") and df["s"][1] == ""


def test_brokers_in_vietnamese_and_wide(run):
    r = run("brokers", "--between", "Việt Nam", "korea", "--lang", "vi")
    assert r.stderr.startswith("6 đơn vị/cá nhân kết nối Việt Nam và Hàn Quốc")
    assert "đối tác ở Hàn Quốc" in r.stdout and "Cơ quan nhà nước" in r.stdout and "Agency" not in r.stdout
    assert "gác cổng/đại diện" in r.stdout
    wide = run("brokers", "--between", "Việt Nam", "korea", "--wide").stdout
    assert "liaison" in wide.split("\n")[0] and "liaison" not in run("brokers", "--between", "VN", "korea").stdout
    assert run("brokers").stdout.split("\n")[0].split() == ["name", "kind", "group", "betweenness", "constraint",
                                                            "effective_size", "total", "exclusive_pairs"]
    assert "z_total" in run("brokers", "--wide").stdout


def test_centrality_and_roles_tables_show_what_a_reader_needs(run):
    head = run("centrality").stdout.split("\n")[0].split()
    assert head == ["pagerank_rank", "name", "kind", "degree", "weighted_degree", "betweenness", "closeness",
                    "eigenvector", "pagerank"]
    assert "betweenness_pct" in run("centrality", "--wide").stdout
    assert "betweenness_pct" in run("centrality", "--format", "csv").stdout
    assert run("brokers", "--roles").stdout.split("\n")[0].split()[-1] == "total"
    assert "z_total" in run("brokers", "--roles", "--wide").stdout
