"""Hostile files into the article extractor and every importer: nothing crashes or hangs.

Each file either yields valid records or is refused with a message that names it. The
extractor's per-file limits (size and time) are what keep a pathological file from
stalling a batch.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from graph.model import RecordError, validate_batch
from ingest.articles.pipeline import extract_file
from ingest.imports import read_import
from tests.fuzz.strategies import ANY_TEXT, NEWSLIKE

HOSTILE = {
    "nul.txt": b"S\xe1\xbb\x9f KH&CN TP.HCM\x00\x00 l\xc3\xa0m vi\xe1\xbb\x87c v\xe1\xbb\x9bi Busan\x00" * 50,
    "huge_line.txt": ("Sở KH&CN TP.HCM làm việc với đoàn Busan " * 60000).encode(),
    "repeated.txt": ("Ngày 21/8, Sở KH&CN TP.HCM ký kết hợp tác với Busan.\n" * 60000).encode(),
    "nested.html": (b"<html><body>" + b"<div>" * 20000 + "Sở KH&CN TP.HCM làm việc với Busan".encode()
                    + b"</div>" * 20000 + b"</body></html>"),
    "scripts.html": ("<html><head><script>" + "var x = 'Sở KH&CN';" * 5000 + "</script></head><body><p>"
                     "Chiều 21/8, Sở Khoa học và Công nghệ TP.HCM đã có buổi làm việc với đoàn Thành phố Busan."
                     "</p></body></html>").encode(),
    "latin1.txt": "Sở KH&CN TP.HCM làm việc với Busan ngày 21/8/2024".encode("utf-8").decode("latin-1").encode("cp1252", "replace"),
    "utf16.txt": "Chiều 21/8, Sở Khoa học và Công nghệ TP.HCM làm việc với Busan.".encode("utf-16"),
    "big.txt": b"a" * (21 * 1024 * 1024),
    "random.bin": bytes(range(256)) * 4096,
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_article_files(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(HOSTILE[name])
    result = extract_file(path, time_limit=20)
    if result.skipped:
        assert name in result.skipped
    else:
        validate_batch(result.entities, result.links)


@given(st.one_of(NEWSLIKE, ANY_TEXT, st.binary(max_size=2000).map(lambda b: b.decode("latin-1"))))
def test_random_articles(tmp_path, text):
    path = tmp_path / "article.txt"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    result = extract_file(path, time_limit=20)
    assert result.skipped is None or "article.txt" in result.skipped


JSONISH = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | ANY_TEXT,
                       lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
                           st.sampled_from(["id", "name", "kind", "aliases", "source", "target", "type",
                                            "status", "date", "doc", "x"]), inner, max_size=6),
                       max_leaves=30)
GRAPHISH = st.fixed_dictionaries({"entities": st.lists(JSONISH, max_size=5),
                                  "relations": st.lists(JSONISH, max_size=5)})


def _import_or_refuse(paths: list[Path]) -> None:
    try:
        batch = read_import(paths)
    except RecordError as exc:
        assert any(p.name in str(exc) for p in paths), str(exc)
    else:
        validate_batch(batch.entities, batch.links)


@given(st.one_of(GRAPHISH, JSONISH))
def test_random_json_graphs(tmp_path, doc):
    path = tmp_path / "graph.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    _import_or_refuse([path])


@given(st.binary(max_size=3000), st.binary(max_size=3000))
def test_random_bytes_as_every_import_format(tmp_path, a, b):
    (tmp_path / "g.json").write_bytes(a)
    _import_or_refuse([tmp_path / "g.json"])
    (tmp_path / "nodes.csv").write_bytes(b"id,name,kind\n" + a)
    (tmp_path / "links.csv").write_bytes(b"source,target,type\n" + b)
    _import_or_refuse([tmp_path / "nodes.csv", tmp_path / "links.csv"])
    (tmp_path / "book.xlsx").write_bytes(a)
    _import_or_refuse([tmp_path / "book.xlsx"])
