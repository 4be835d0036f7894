"""Name rules shared by the dataset parsers: amounts, repairs, spellings, kinds, placeholders."""
from __future__ import annotations

from collections import Counter

import pytest

from ingest.datasets import names as nm


@pytest.mark.parametrize("cell, amounts", [
    ("$1200000", [1200000]),
    ("$3,000,000", [3000000]),
    ("undisclosed amount", [None]),
    ("$1200000, undisclosed amount", [1200000, None]),
    ("$2800000, $2100000, $1200000, $1200000", [2800000, 2100000, 1200000, 1200000]),
    ("$120,000, $1,500,000", [120000, 1500000]),
    ("", []),
])
def test_amounts(cell, amounts):
    assert nm.parse_amounts(cell) == amounts


@pytest.mark.parametrize("raw, fixed", [
    ("agÃ¡mi Systems", "agámi Systems"),
    ("InsideAxisâ„¢", "InsideAxis™"),
    ("Oâ€™Brienâ€™s Response Management Inc.", "O’Brien’s Response Management Inc."),
    ("Condé Nast", "Condé Nast"),
    ("  MiaSolé ", "MiaSolé"),
])
def test_clean_repairs_double_encoding_only(raw, fixed):
    assert nm.clean(raw) == fixed


def test_spellings_of_one_name_share_a_key():
    for a, b in [("H-FARM Ventures", "H-Farm Ventures"), ("Social Starts", "SocialStarts"),
                 ("Draper & Associates", "Draper Associates"), ("FF Angel, LLC", "FF Angel"),
                 ("Rhône-Alpes Création", "Rhone-Alpes Creation")]:
        assert nm.spelling_key(a) == nm.spelling_key(b)
    assert nm.spelling_key("Draper Associates") != nm.spelling_key("Draper Fisher Jurvetson")


def test_canonical_spelling_prefers_common_then_capitals():
    assert nm.canonical_spelling(Counter({"Gemini Israel ventures": 72, "Gemini Israel Ventures": 4})) \
        == "Gemini Israel ventures"
    assert nm.canonical_spelling(Counter({"david cohen": 1, "David Cohen": 1})) == "David Cohen"


@pytest.mark.parametrize("name, kind", [
    ("Dharmesh Shah", "Person"), ("Thomas D. Lehrman", "Person"), ("Anurag (Anu) Nigam", "Person"),
    ("Klaus von Sayn-Wittgenstein", "Person"), ("Adam D'Angelo", "Person"), ("david cohen", "Person"),
    ("Örjan Johansson", "Person"), ("Sequoia Capital", "Fund"), ("SV Angel", "Fund"),
    ("500 Startups", "Fund"), ("Benchmark", "Fund"), ("ACE & Company", "Fund"),
    ("Funders Club", "Fund"), ("Yale University", "Fund"), ("The Erickson Family", "Fund"),
    ("DV Playground", "Fund"), ("reinmkr inc.", "Fund"),
])
def test_investor_kind_by_name_shape(name, kind):
    assert nm.investor_kind(name) == kind


@pytest.mark.parametrize("name", ["Self Funded", "Self funded", "Private Investors", "Business Angels",
                                  "'Friends & Family'", "3 Others", "Various Trustees", "Undisclosed Party"])
def test_placeholders(name):
    assert nm.is_placeholder(name)


@pytest.mark.parametrize("name", ["Private Equity Partners", "Angel Street Capital", "Founders Fund",
                                  "Business Angels Network of Catalonia"])
def test_real_investors_are_not_placeholders(name):
    assert not nm.is_placeholder(name)


def test_junk_names():
    assert nm.is_junk("The Israeli-based startup has already raised ")
    assert not nm.is_junk("Ben Franklin Technology Partners of Northeast Pennsylvania")


def test_body_id_steps_aside_for_places():
    assert nm.body_id("Boston", "Startup") == "startup-boston"
    assert nm.body_id("Sequoia Capital", "Fund") == "sequoia-capital"
    assert nm.body_id("FF Angel, LLC", "Fund") == nm.body_id("FF Angel", "Fund") == "ff-angel"
