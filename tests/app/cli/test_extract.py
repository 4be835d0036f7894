"""``ecograph extract`` and ``ingest articles`` with --manifest and --published, as a user runs them."""
from __future__ import annotations

import json

from click.testing import CliRunner

from app.cli.main import cli

ARTICLE = ("Đà Nẵng hợp tác với Incheon về khởi nghiệp\n\n"
           "Chiều 1/4, Sở Khoa học và Công nghệ TP. Đà Nẵng đã có buổi làm việc "
           "với đoàn thành phố Incheon (Hàn Quốc).\n")


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def _batch(tmp_path, manifest: str | None = None):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text(ARTICLE, encoding="utf-8")
    if manifest is None:
        return articles, None
    m = tmp_path / "manifest.csv"
    m.write_text(manifest, encoding="utf-8")
    return articles, m


def _met(out):
    pred = json.loads(out.read_text(encoding="utf-8"))
    return [r for r in pred["relations"] if r["type"] == "MET_WITH"]


def test_extract_with_a_manifest(tmp_path):
    articles, m = _batch(tmp_path, "file,published,url,title\na.txt,2017,https://example.org/a,Bài A\n")
    out = tmp_path / "p.json"
    result = run("extract", articles, "--manifest", m, "--json", out, "--quiet")
    assert result.exit_code == 0, result.output
    assert [(r["date"], r["url"], r["title"]) for r in _met(out)] == [("2017-04-01", "https://example.org/a", "Bài A")]


def test_extract_with_published(tmp_path):
    articles, _ = _batch(tmp_path)
    out = tmp_path / "p.json"
    assert run("extract", articles, "--published", "2017-04-05", "--json", out, "--quiet").exit_code == 0
    assert [r["date"] for r in _met(out)] == ["2017-04-01"]


def test_extract_with_a_bad_manifest_row_exits_1_naming_it(tmp_path):
    articles, m = _batch(tmp_path, "file,published\na.txt,2017-02-30\n")
    out = tmp_path / "p.json"
    result = run("extract", articles, "--manifest", m, "--json", out, "--quiet")
    assert result.exit_code == 1
    assert f"manifest {m}, line 2 (a.txt): date '2017-02-30' is not a real date" in result.output
    assert not out.exists()


def test_a_published_date_that_is_not_iso_is_a_usage_error(tmp_path):
    articles, _ = _batch(tmp_path)
    result = run("extract", articles, "--published", "19/05/2017", "--json", tmp_path / "p.json")
    assert result.exit_code == 2 and "not YYYY, YYYY-MM or YYYY-MM-DD" in result.output


def test_ingest_with_a_manifest_naming_a_missing_file_exits_1_before_the_database(tmp_path, monkeypatch):
    import app.cli.ingest as ingest_cli

    def no_store():
        raise AssertionError("the database was opened")

    monkeypatch.setattr(ingest_cli, "store", no_store)
    articles, m = _batch(tmp_path, "file,published\nb.txt,2017\n")
    result = run("ingest", "articles", articles, "--manifest", m, "--quiet")
    assert result.exit_code == 1 and "line 2: b.txt is not among the articles given" in result.output


def test_ingest_keeps_the_manifest_source_on_the_document(store, tmp_path):
    articles, m = _batch(tmp_path, "file,published,url,title,publisher\n"
                                   "a.txt,2017,https://example.org/a,Bài A,Báo Ví Dụ\n")
    result = run("ingest", "articles", articles, "--manifest", m, "--quiet")
    assert result.exit_code == 0, result.output
    [doc] = store.documents()
    assert {k: doc.get(k) for k in ("id", "date", "url", "title", "publisher")} == {
        "id": "a.txt", "date": "2017", "url": "https://example.org/a", "title": "Bài A", "publisher": "Báo Ví Dụ"}
