"""Reading article files: what is accepted, and the per-file reason for what is refused."""
from __future__ import annotations

import pytest

from ingest.articles.load import ArticleRejected, load_article

VIETNAMESE = ("Sáng nay, Sở Khoa học và Công nghệ tỉnh Bình Dương đã làm việc với đoàn doanh nghiệp "
              "khởi nghiệp đến từ Nhật Bản về hợp tác đổi mới sáng tạo.\n")


def test_utf8_with_and_without_bom(tmp_path):
    plain, bom = tmp_path / "a.txt", tmp_path / "b.txt"
    plain.write_text(VIETNAMESE, encoding="utf-8")
    bom.write_bytes(b"\xef\xbb\xbf" + VIETNAMESE.encode("utf-8"))
    assert load_article(plain).text == load_article(bom).text == VIETNAMESE


def test_other_encoding_is_detected(tmp_path):
    f = tmp_path / "utf16.txt"
    f.write_bytes(VIETNAMESE.encode("utf-16"))
    assert "Bình Dương" in load_article(f).text


def test_checksum_is_sha256_of_the_bytes(tmp_path):
    import hashlib

    f = tmp_path / "a.txt"
    f.write_text(VIETNAMESE, encoding="utf-8")
    assert load_article(f).checksum == hashlib.sha256(f.read_bytes()).hexdigest()


@pytest.mark.parametrize("name,content,reason", [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n\n ", "empty"),
    ("image.txt", bytes(range(256)) * 40, "binary"),
    ("english.txt", b"The Department of Science and Technology met a delegation from Busan "
                    b"to discuss startup cooperation and investment. " * 5, "not Vietnamese"),
])
def test_refused_with_reason_naming_the_file(tmp_path, name, content, reason):
    f = tmp_path / name
    f.write_bytes(content)
    with pytest.raises(ArticleRejected) as err:
        load_article(f)
    assert name in str(err.value) and reason in str(err.value)


def test_oversized_file_is_refused_without_reading_it(tmp_path):
    f = tmp_path / "huge.txt"
    with f.open("wb") as out:
        out.truncate(20 * 1024 * 1024)
    with pytest.raises(ArticleRejected, match=r"huge.txt: 21.0 MB is over the 5 MB limit"):
        load_article(f)


def test_missing_file(tmp_path):
    with pytest.raises(ArticleRejected, match="gone.txt: cannot read"):
        load_article(tmp_path / "gone.txt")


def test_html_main_text_without_scripts(tmp_path):
    body = " ".join([VIETNAMESE] * 3)
    f = tmp_path / "page.html"
    f.write_text(f"""<!doctype html><html><head><title>Bình Dương hợp tác với Nhật Bản</title>
<script>var tracker = "Sở Tài chính"; function f() {{ return 1; }}</script>
<style>.menu {{ color: red }}</style></head>
<body><nav><a href="/">Trang chủ</a> | <a href="/tin">Tin tức</a></nav>
<article><h1>Bình Dương hợp tác với Nhật Bản</h1><p>{body}</p><p>{body}</p></article>
<footer>Bản quyền © 2024</footer></body></html>""", encoding="utf-8")
    article = load_article(f)
    assert article.kind == "html"
    assert "Bình Dương" in article.text
    assert "tracker" not in article.text and "color" not in article.text
    assert article.title == "Bình Dương hợp tác với Nhật Bản"


def test_html_without_article_text_is_refused(tmp_path):
    f = tmp_path / "empty.html"
    f.write_text("<html><head><script>alert(1)</script></head><body></body></html>", encoding="utf-8")
    with pytest.raises(ArticleRejected, match="empty.html"):
        load_article(f)


def test_a_long_line_is_text_not_a_refusal(tmp_path):
    line = " ".join(f"Sáng {d % 28 + 1}/5, đoàn công tác của tỉnh đã làm việc với các doanh nghiệp khởi nghiệp."
                    for d in range(600))
    f = tmp_path / "oneline.txt"
    f.write_text("Tiêu đề bài viết về khởi nghiệp\n" + line + "\n", encoding="utf-8")
    assert len(line) > 40_000
    assert load_article(f).text.splitlines()[1] == line
