"""CSV and Kumu exports opened in a spreadsheet run no formula, keep ``|`` inside names, and read back exactly."""
from __future__ import annotations

import csv
import unicodedata
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest

from graph.export import export
from graph.export.cells import FORMULA_STARTS, neutralise, restore
from graph.export.kumu import list_value, list_values
from ingest.imports import read_csv_pair, read_kumu

FORMULAS = ["=HYPERLINK(\"http://x.example\",\"click\")", "+84 28 3822 1234", "-2+3", "@SUM(A1:A9)",
            "'=already quoted", "''", "'plain", "'"]
PIPES = ["A|B Ventures", "a\\|b", "x¦y", "back\\", "\\¦", "|", "\\\\|¦\\"]


def graph(names: list[str]) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph(documents={"d.txt": {"title": "=cmd|' /C calc'!A0", "kind": "article"}})
    g.add_node("hub", name="Hub", kind="Startup", aliases=["Hub"], sources=["d.txt"], confidence=1.0)
    for i, name in enumerate(names):
        nid = f"n{i}" if i % 2 else name  # some ids are the hostile text too
        g.add_node(nid, name=name, kind="Fund", aliases=[name, f"{name} alias", "=1+1"], sources=["d.txt"],
                   confidence=0.9, note=name, tags=[name, "@tag"])
        g.add_edge(nid, "hub", key="INVESTED_IN|d.txt", type="INVESTED_IN", status="done", date="2024",
                   doc="d.txt", evidence=name, confidence=1.0, round=name)
    return g


def cells(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as f:
        return [c for row in csv.reader(f) for c in row]


def names(batch) -> set:
    return {(e.id, e.name, tuple(e.aliases)) for e in batch.entities}


def expected(g: nx.MultiDiGraph) -> set:
    return {(n, unicodedata.normalize("NFC", a["name"]), tuple(a["aliases"])) for n, a in g.nodes(data=True)}


@pytest.mark.parametrize("value", [*FORMULAS, *PIPES, "\tTab", "\rReturn", "plain", "", "'a'"])
def test_neutralise_is_undone_by_restore(value):
    assert restore(neutralise(value)) == value
    assert neutralise(value)[:1] not in FORMULA_STARTS


@pytest.mark.parametrize("value", [*PIPES, "plain", "\\", "\\\\", "¦¦"])
def test_a_value_with_pipes_is_one_kumu_value(value):
    assert "|" not in list_value(value)
    assert list_values("|".join([list_value(value), list_value("next")])) == [value, "next"]


@pytest.mark.parametrize("fmt, files", [("csv", ("nodes.csv", "relationships.csv")),
                                        ("kumu", ("elements.csv", "connections.csv"))])
def test_no_exported_cell_starts_a_formula(tmp_path, fmt, files):
    export(graph([*FORMULAS, "\tTab", "\rReturn"]), fmt, tmp_path / fmt)
    for name in files:
        bad = [c for c in cells(tmp_path / fmt / name) if c[:1] in FORMULA_STARTS]
        assert bad == [], (name, bad)


def test_csv_export_round_trips_formula_like_names(tmp_path):
    g = graph(FORMULAS)
    nodes, links, _ = export(g, "csv", tmp_path / "csv")
    batch = read_csv_pair(nodes, links)
    assert names(batch) == expected(g)
    assert {x.evidence for x in batch.links} == set(FORMULAS)
    assert {x.properties["round"] for x in batch.links} == set(FORMULAS)


def test_kumu_export_round_trips_pipes_and_formulas(tmp_path):
    g = graph([*FORMULAS, *PIPES])
    elements, connections = export(g, "kumu", tmp_path / "kumu")
    batch = read_kumu(elements, connections)
    assert batch.skipped == []
    assert names(batch) == expected(g)
    assert {e.id: e.properties["tags"] for e in batch.entities if e.id != "hub"} == {
        n: [a["name"], "@tag"] for n, a in g.nodes(data=True) if n != "hub"}
    assert {(x.source, x.target, x.evidence) for x in batch.links} == {
        (u, v, a["evidence"]) for u, v, a in g.edges(data=True)}


def test_app_csv_download_is_neutralised():
    from app.web.ui import csv_bytes

    frame = pd.DataFrame({"name": ["=1+1", "plain", "-x"], "=col": [1, -2, 3]})
    rows = list(csv.reader(csv_bytes(frame).decode("utf-8").splitlines()))
    assert rows == [["name", "'=col"], ["'=1+1", "1"], ["plain", "-2"], ["'-x", "3"]]
