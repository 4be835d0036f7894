"""Property tests: the name normaliser, the date parser, clean-up and sentence splitting never crash.

Random Unicode and news-like fragments go in; each function returns something of the
shape it promises. ``bench/fuzz_inputs.py`` runs the same properties at scale.
"""
from __future__ import annotations

import re
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from graph.model import RecordError, check_date
from graph.names import fold, key, nfc, slug
from ingest.articles.clean import clean
from ingest.articles.dates import article_date, find_dates
from ingest.articles.sentences import split_sentences
from tests.fuzz.strategies import ANY_TEXT

SLUG = re.compile(r"^[^\W_]+(-[^\W_]+)*$|^x-[0-9a-f]{12}$")  # word characters of any script, joined by -
ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
REF = st.sampled_from([None, "2024-08-22", "2020-05-27", "2018", "1999-12-31"])


@given(ANY_TEXT)
def test_names(text):
    assert unicodedata.is_normalized("NFC", nfc(text))
    assert fold(fold(text)) == fold(text)
    s = slug(text)
    assert SLUG.match(s) and len(s) <= 120 and slug(text) == s
    assert key(text) == key(key(text)) or key(text) == ""


@given(ANY_TEXT, REF)
def test_dates(text, ref):
    for at, iso in find_dates(text, ref):
        assert 0 <= at <= len(text) and ISO.match(iso)
        assert check_date(iso, "x") == iso  # every date found is a real calendar date
    date, line = article_date(text.split("\n"))
    assert date is None or ISO.match(date)
    assert line is None or 0 <= line < len(text.split("\n"))


@given(ANY_TEXT)
def test_clean_and_sentences(text):
    cleaned = clean(text)
    for p in cleaned.paragraphs:
        assert isinstance(p, str)
        for s in split_sentences(p):
            assert s.strip()


@given(st.one_of(st.none(), st.text(max_size=20), st.integers(), st.dates()))
def test_check_date_refuses_or_returns_iso(value):
    try:
        out = check_date(value, "field")
    except RecordError as exc:
        assert "field" in str(exc)
    else:
        assert out is None or ISO.match(out)
