"""The whole extraction: the seed articles scored against the gold, batches with bad files, the CLI."""
from __future__ import annotations

import importlib.util
import json
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from app.cli.main import cli
from graph.model import Entity
from ingest.articles.manifest import Source
from ingest.articles.pipeline import extract_file, extract_paths, to_prediction

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
GOLD = SHARED / "eval" / "gold" / "seeds.json"
needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason=f"seed corpus not at {SEEDS}")

ARTICLE = ("Đà Nẵng hợp tác với Incheon về khởi nghiệp\n\n02/04/2024\n\n"
           "Chiều 1/4, Sở Khoa học và Công nghệ TP. Đà Nẵng đã có buổi làm việc với đoàn thành phố Incheon (Hàn Quốc).\n")


def _scorer():
    spec = importlib.util.spec_from_file_location("eval_score", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@needs_seeds
def test_seed_articles_meet_the_quality_bar():
    batch = extract_paths([SEEDS], progress=False)
    result = _scorer().score(json.loads(GOLD.read_text(encoding="utf-8")), to_prediction(batch))
    assert result["entities"]["f1"] >= 0.90, result["_explain"]
    assert result["links"]["f1"] >= 0.70, result["_explain"]
    assert result["duplicates"] == 0, result["_explain"]["duplicates"]
    assert result["status_accuracy"] >= 0.9
    assert result["date_accuracy"] >= 0.9


@needs_seeds
def test_seed_documents_carry_their_dates_and_checksums():
    batch = extract_paths([SEEDS], progress=False)
    docs = {a.document.id: a.document for a in batch.articles}
    assert docs["000_7d8eba20969ae7a7.txt"].date == "2024-08-22"
    assert docs["002_790213a693035dfa.txt"].date == "2018-08-15"
    assert all(len(d.checksum) == 64 for d in docs.values())
    assert all(link.doc in docs for link in batch.links)


def test_one_article(tmp_path):
    f = tmp_path / "danang.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    result = extract_file(f)
    assert result.document.id == "danang.txt" and result.document.date == "2024-04-02"
    assert result.document.title == "Đà Nẵng hợp tác với Incheon về khởi nghiệp"
    met = [link for link in result.links if link.type == "MET_WITH"]
    assert [(m.date, m.doc) for m in met] == [("2024-04-01", "danang.txt")]
    assert all(0 < e.confidence <= 1 for e in result.entities)


def test_file_with_no_date_still_gives_undated_links(tmp_path):
    f = tmp_path / "nodate.txt"
    f.write_text(ARTICLE.replace("02/04/2024", ""), encoding="utf-8")
    result = extract_file(f)
    assert result.document.date is None
    assert [link.date for link in result.links if link.type == "MET_WITH"] == [None]


def test_bad_files_are_skipped_with_reasons_and_never_stop_the_batch(tmp_path):
    (tmp_path / "a_good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b_empty.txt").write_bytes(b"")
    (tmp_path / "c_binary.txt").write_bytes(bytes(range(256)) * 10)
    (tmp_path / "d_english.txt").write_text("The city met a delegation from Korea about startups. " * 10)
    with (tmp_path / "e_huge.txt").open("wb") as out:
        out.truncate(20 * 1024 * 1024)
    batch = extract_paths([tmp_path], progress=False)
    assert [a.path.name for a in batch.articles if not a.skipped] == ["a_good.txt"]
    reasons = sorted(a.skipped for a in batch.skipped)
    assert ["empty" in reasons[0], "binary" in reasons[1], "not Vietnamese" in reasons[2],
            "over the 5 MB limit" in reasons[3]] == [True] * 4


def test_pathological_text_hits_the_time_limit(tmp_path):
    f = tmp_path / "slow.txt"
    f.write_text(ARTICLE * 50, encoding="utf-8")
    assert "took longer than" in extract_file(f, time_limit=0.0).skipped


def test_entities_merge_across_articles_and_with_known(tmp_path):
    (tmp_path / "1.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "2.txt").write_text(ARTICLE.replace("Sở Khoa học và Công nghệ TP. Đà Nẵng", "Sở KH&CN Đà Nẵng"),
                                    encoding="utf-8")
    known = [Entity("danang-dost", "Sở Khoa học và Công nghệ Đà Nẵng", "Agency", ["Da Nang DOST"])]
    batch = extract_paths([tmp_path], known=known, progress=False)
    agencies = [e for e in batch.entities if e.kind == "Agency"]
    assert [e.id for e in agencies] == ["danang-dost"]
    assert {"Da Nang DOST", "Sở KH&CN Đà Nẵng", "Sở Khoa học và Công nghệ TP. Đà Nẵng"} <= set(agencies[0].aliases)


def test_min_confidence_drops_entities_and_their_links(tmp_path):
    (tmp_path / "1.txt").write_text(ARTICLE, encoding="utf-8")
    everything = extract_paths([tmp_path], progress=False)
    strict = extract_paths([tmp_path], min_confidence=0.86, progress=False)
    assert len(strict.entities) < len(everything.entities)
    kept = {e.id for e in strict.entities}
    assert all(link.source in kept and link.target in kept and link.confidence >= 0.86 for link in strict.links)


def test_cli_writes_prediction_json_and_a_summary(tmp_path):
    (tmp_path / "1.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "2.txt").write_bytes(b"")
    out = tmp_path / "p.json"
    result = CliRunner().invoke(cli, ["extract", str(tmp_path), "--json", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    pred = json.loads(out.read_text(encoding="utf-8"))
    assert {"entities", "relations"} <= set(pred)
    rel = pred["relations"][0]
    assert {"source", "target", "type", "status", "date", "doc", "evidence", "confidence"} <= set(rel)
    assert "articles read: 1 of 2" in result.output and "skipped 2.txt: empty file" in result.output
    assert "MET_WITH" in result.output


def test_cli_help():
    result = CliRunner().invoke(cli, ["extract", "--help"])
    assert result.exit_code == 0 and "--min-confidence" in result.output


UNDATED = ARTICLE.replace("02/04/2024\n\n", "")


def _met(batch_or_result) -> list[str | None]:
    return [link.date for link in batch_or_result.links if link.type == "MET_WITH"]


def test_a_year_only_manifest_dates_relative_dates_and_keeps_the_source(tmp_path):
    (tmp_path / "a.txt").write_text(UNDATED, encoding="utf-8")
    manifest = tmp_path / "manifest.csv"
    manifest.write_text("file,published,url,title,publisher\n"
                        "a.txt,2017,https://example.org/a,Đà Nẵng và Incheon,Báo Ví Dụ\n", encoding="utf-8")
    assert _met(extract_paths([tmp_path / "a.txt"], progress=False)) == [None]
    batch = extract_paths([tmp_path / "a.txt"], progress=False, manifest=manifest)
    assert _met(batch) == ["2017-04-01"]
    doc = batch.articles[0].document
    assert (doc.date, doc.url, doc.title, doc.publisher) == (
        "2017", "https://example.org/a", "Đà Nẵng và Incheon", "Báo Ví Dụ")
    rel = next(r for r in to_prediction(batch)["relations"] if r["type"] == "MET_WITH")
    assert (rel["url"], rel["title"]) == ("https://example.org/a", "Đà Nẵng và Incheon")


def test_published_dates_the_whole_batch(tmp_path):
    (tmp_path / "a.txt").write_text(UNDATED, encoding="utf-8")
    batch = extract_paths([tmp_path], progress=False, published="2017-04-03")
    assert _met(batch) == ["2017-04-01"] and batch.articles[0].document.date == "2017-04-03"
    assert "url" not in to_prediction(batch)["relations"][0]


def test_the_manifest_wins_over_a_date_line_that_disagrees_and_says_so(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")  # date line 02/04/2024
    manifest = tmp_path / "m.csv"
    manifest.write_text("file,published\na.txt,2023-04-02\n", encoding="utf-8")
    result = extract_paths([tmp_path / "a.txt"], progress=False, manifest=manifest).articles[0]
    assert result.document.date == "2023-04-02" and _met(result) == ["2023-04-01"]
    assert result.notes == ["a.txt: the date line says 2024-04-02, the publication date given is 2023-04-02: "
                            "using 2023-04-02"]


def test_a_bad_manifest_stops_the_batch_before_reading(tmp_path):
    from ingest.articles.manifest import ManifestError

    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    manifest = tmp_path / "m.csv"
    manifest.write_text("file,published\nb.txt,2017\n", encoding="utf-8")
    with pytest.raises(ManifestError, match=r"m.csv, line 2: b.txt is not among the articles given"):
        extract_paths([tmp_path / "a.txt"], progress=False, manifest=manifest)


def test_an_article_on_one_long_line_is_read(tmp_path):
    filler = "Các doanh nghiệp khởi nghiệp trong vùng tiếp tục phát triển mạnh mẽ trong năm qua. "
    event = ("Chiều 1/4, Sở Khoa học và Công nghệ TP. Đà Nẵng đã có buổi làm việc với đoàn "
             "thành phố Incheon (Hàn Quốc). ")
    body = filler * 250 + event + filler * 250
    assert len(body) > 34_000
    f = tmp_path / "oneline.txt"
    f.write_text("Đà Nẵng hợp tác với Incheon về khởi nghiệp\n" + body + "\n", encoding="utf-8")
    result = extract_file(f, source=Source("2017"))
    assert result.skipped is None
    assert _met(result) == ["2017-04-01"]


def test_the_time_limit_covers_reading_links_too(tmp_path, monkeypatch):
    from ingest.articles import pipeline

    class SlowReader(pipeline.LinkReader):
        def read(self, *args, **kwargs):
            time.sleep(0.2)
            return super().read(*args, **kwargs)

    monkeypatch.setattr(pipeline, "LinkReader", SlowReader)
    f = tmp_path / "slow.txt"
    f.write_text(ARTICLE * 20, encoding="utf-8")
    started = time.monotonic()
    assert "took longer than 1 s" in extract_file(f, time_limit=1.0).skipped
    assert time.monotonic() - started < 2.0


def test_links_without_a_date_of_their_own_take_the_reported_day_not_a_planned_one(tmp_path):
    text = ("Đà Nẵng hợp tác với Incheon về khởi nghiệp\n\n"
            "Hai bên dự kiến ký kết biên bản ghi nhớ vào ngày 20/5 tới.\n"
            "Chiều 1/4, Sở Khoa học và Công nghệ TP. Đà Nẵng đã có buổi làm việc "
            "với đoàn thành phố Incheon.\n"
            "Sở Khoa học và Công nghệ TP. Đà Nẵng đã có buổi làm việc với đoàn "
            "thành phố Incheon (Hàn Quốc).\n")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    batch = extract_paths([tmp_path], progress=False, published="2017-04-02")
    dated = [(link.date, link.status) for link in batch.links if link.date]
    assert len(dated) >= 2 and set(dated) == {("2017-04-01", "done")}  # the headline's link too, not 20/5
