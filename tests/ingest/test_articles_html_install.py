"""Saved HTML articles read on a stock install: the HTML cleaner is a declared dependency."""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

from click.testing import CliRunner

from app.cli.main import cli

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"
PARAGRAPH = ("Sáng ngày 12/3/2024, Sở Khoa học và Công nghệ TP. Đà Nẵng đã tiếp đoàn công tác của "
             "Công viên Công nghệ Chungbuk (Hàn Quốc) để trao đổi về hợp tác đổi mới sáng tạo và "
             "hỗ trợ khởi nghiệp giữa hai địa phương trong thời gian tới.")
PAGE = f"""<!doctype html><html><head><meta charset="utf-8">
<title>Đà Nẵng tiếp đoàn Công viên Công nghệ Chungbuk</title>
<script>window.ads = [];</script></head>
<body><nav><a href="/">Trang chủ</a></nav>
<article><h1>Đà Nẵng tiếp đoàn Công viên Công nghệ Chungbuk</h1>
<p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></article></body></html>"""


def _declared() -> set[str]:
    deps = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["dependencies"]
    return {re.split(r"[<>=!~\[;\s]", d, maxsplit=1)[0].lower().replace("-", "_") for d in deps}


def test_the_html_cleaner_trafilatura_imports_is_declared():
    """lxml >= 5.2 only re-exports ``lxml.html.clean`` from the separate lxml_html_clean package."""
    import lxml.html.clean

    provider = lxml.html.clean.Cleaner.__module__.split(".")[0]
    assert provider in _declared(), f"{provider} is imported for HTML but is not in {PYPROJECT}"


def test_saved_html_article_is_ingested(store, tmp_path):
    page = tmp_path / "da-nang-chungbuk.html"
    page.write_text(PAGE, encoding="utf-8")
    result = CliRunner().invoke(cli, ["ingest", "articles", "--quiet", str(page)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "articles read: 1 of 1" in result.output
    assert store.counts()["documents"] >= 1
