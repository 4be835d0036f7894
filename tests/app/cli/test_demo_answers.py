"""The answers issue 19 asks of the demo graph (``ecograph demo``), through the command line.

A delegation acts on these answers, so each check is one a user could make by reading them:
no city or country is an introducer or a hop, no body of the delegation's own introduces it,
and the brokers between Việt Nam and Hàn Quốc are bodies and people.
"""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from app.cli.demo import load_demo
from app.cli.main import cli

PLACE_KINDS = {"City", "Country"}
HCMC = "Sở KH&CN TP.HCM"
HAI_PHONG = "so-khoa-hoc-va-cong-nghe-hai-phong"


def run(*args: str):
    result = CliRunner().invoke(cli, ["query", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture(scope="module")
def demo(session_store):
    session_store.clear()
    load_demo(session_store)
    g = session_store.project()
    yield g
    session_store.clear()


def kinds(g, ids):
    return {g.nodes[n]["kind"] for n in ids}


def test_path_to_chungbuk_technopark_names_hai_phong_and_no_place(demo):
    table = run("path", HCMC, "Chungbuk Technopark").stdout
    assert "Sở Khoa học và Công nghệ Hải Phòng" in table
    data = json.loads(run("path", HCMC, "Chungbuk Technopark", "--format", "json").stdout)
    assert HAI_PHONG in {x["id"] for x in data["introducers"]}
    hops = {n for h in data["paths"] for n in (h["source"], h["target"])}
    through = {n for x in data["introducers"] for n in x["via"]}
    assert not kinds(demo, hops | through) & PLACE_KINDS


def test_brief_for_busan_names_no_place_no_own_body_and_no_unrelated_agency(demo):
    from queries.sides import body_side, place_side
    from queries.resolve import find_entity

    data = json.loads(run("brief", "Busan", "--home", HCMC, "--lang", "vi", "--format", "json").stdout)
    home = find_entity(demo, HCMC)
    named = {x["id"] for x in data["intermediaries"]} | {n for x in data["intermediaries"] for n in x["via"][1:]}
    assert not kinds(demo, named) & PLACE_KINDS
    assert not named & body_side(demo, home)
    assert not named & place_side(demo, "israel")
    text = run("brief", "Busan", "--home", HCMC, "--lang", "vi").stdout
    section = text.split("## Ai có thể giới thiệu")[1]
    for name in ("Hàn Quốc", "Thành phố Hồ Chí Minh\n", "Cơ quan Đổi mới Sáng tạo Israel", "Đại sứ quán Israel"):
        assert name not in section


def test_brokers_between_vietnam_and_korea_list_no_place(demo):
    rows = json.loads(run("brokers", "--between", "Việt Nam", "Hàn Quốc", "--format", "json").stdout)
    ids = {r["id"] for r in rows}
    assert ids and not kinds(demo, ids) & PLACE_KINDS
    assert {HAI_PHONG, "cong-vien-cong-nghe-chungbuk"} <= ids
    table = run("brokers", "--between", "Việt Nam", "Hàn Quốc").stdout
    assert "NaN" not in table and "member of" not in table


def english_words() -> set[str]:
    """The English words of the answers' interface (headings, sentences, link types, kinds,
    roles, tie classes, column names) that its Vietnamese vocabulary does not also use."""
    import re

    from app.cli.query import BETWEEN_COLUMNS, PATH_WORDS
    from graph.ontology import KINDS, LINK_TYPES
    from queries.brief import HEADINGS
    from queries.roles import ROLES
    from queries.weights import TIE_CLASSES
    from queries.wording import KIND_VI, ROLE_VI, TYPE_VI, WORDS

    english = [*HEADINGS["en"].values(), *(en for en, _ in WORDS.values()), *PATH_WORDS["en"].values(), *KINDS,
               *LINK_TYPES, *ROLES, *TIE_CLASSES.values(), *BETWEEN_COLUMNS]
    vietnamese = [*HEADINGS["vi"].values(), *(vi for _, vi in WORDS.values()), *PATH_WORDS["vi"].values(),
                  *KIND_VI.values(), *TYPE_VI.values(), *ROLE_VI.values(), *BETWEEN_COLUMNS.values()]

    def words(texts):
        return {w.lower() for text in texts for w in re.findall(r"[^\W\d]{3,}", re.sub(r"\{\w+\}", "", text))}

    return words(english) - words(vietnamese)


def test_vietnamese_answers_hold_no_english_word_outside_proper_names(demo):
    import re

    vocabulary = english_words()
    assert {"source", "undated", "planned", "met_with", "agency", "gatekeeper", "introduce"} <= vocabulary
    names = sorted({a.get("name") or n for n, a in demo.nodes(data=True)}, key=len, reverse=True)
    for args in (("path", HCMC, "Chungbuk Technopark", "--lang", "vi"),
                 ("brief", "Hàn Quốc", "--home", HCMC, "--lang", "vi"),
                 ("brief", "Busan", "--home", HCMC, "--lang", "vi"),
                 ("brokers", "--between", "Việt Nam", "Hàn Quốc", "--lang", "vi")):
        r = run(*args)
        text = r.stdout + r.stderr
        text = re.sub(r"nguồn .*$", "", text, flags=re.M)  # a source is cited by its own title
        for name in names:
            text = text.replace(name, "")
        found = {w.lower() for w in re.findall(r"[^\W\d]+", text)} & vocabulary
        assert not found, (args, found)
