"""Manifest rows and --published: matching files, and errors that name the manifest and the row."""
from __future__ import annotations

from pathlib import Path

import pytest

from ingest.articles.manifest import ManifestError, Source, batch_sources, match_manifest


def _files(root: Path, *names: str) -> list[Path]:
    out = []
    for name in names:
        f = root / name
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text("x", encoding="utf-8")
        out.append(f)
    return out


def _manifest(root: Path, text: str) -> Path:
    m = root / "manifest.csv"
    m.write_text(text, encoding="utf-8")
    return m


def test_rows_match_by_base_name_and_by_relative_path(tmp_path):
    a, b = _files(tmp_path, "a.txt", "sub/b.txt")
    m = _manifest(tmp_path, "file,published,url,title,publisher\n"
                            "a.txt,2017,https://example.org/a,Bài A,Báo X\n"
                            "sub/b.txt,2017-06-27,,,\n")
    assert match_manifest(m, [a, b]) == {
        a: Source("2017", "https://example.org/a", "Bài A", "Báo X"),
        b: Source("2017-06-27"),
    }


@pytest.mark.parametrize("row,message", [
    ("c.txt,2017", "line 3: c.txt is not among the articles given"),
    ("b.txt,2017-13-01", "line 3 (b.txt): date '2017-13-01' is not a real date"),
    ("b.txt,19/05/2017", "line 3 (b.txt): date '19/05/2017' is not ISO 8601"),
    ("a.txt,2018", "line 3: a.txt is already listed on line 2"),
    (",2017", "line 3: no file name"),
])
def test_a_bad_row_is_an_error_naming_the_manifest_and_the_line(tmp_path, row, message):
    files = _files(tmp_path, "a.txt", "b.txt")
    m = _manifest(tmp_path, f"file,published\na.txt,2017\n{row}\n")
    with pytest.raises(ManifestError) as err:
        match_manifest(m, files)
    assert f"manifest {m}, {message}" in str(err.value)


def test_missing_column_names_what_the_header_needs(tmp_path):
    m = _manifest(tmp_path, "name,date\na.txt,2017\n")
    with pytest.raises(ManifestError, match=r"no column file, published"):
        match_manifest(m, _files(tmp_path, "a.txt"))


def test_a_base_name_two_files_share_must_be_written_as_a_path(tmp_path):
    files = _files(tmp_path, "x/a.txt", "y/a.txt")
    with pytest.raises(ManifestError, match=r"line 2: a.txt names 2 of the articles given"):
        match_manifest(_manifest(tmp_path, "file,published\na.txt,2017\n"), files)
    only_x = match_manifest(_manifest(tmp_path, "file,published\nx/a.txt,2017\n"), files)
    assert only_x == {files[0]: Source("2017")}


def test_published_dates_every_file_the_manifest_does_not(tmp_path):
    a, b, c = _files(tmp_path, "a.txt", "b.txt", "c.txt")
    m = _manifest(tmp_path, "file,published,url\na.txt,2017-02-08,\nb.txt,,https://example.org/b\n")
    assert batch_sources([a, b, c], m, "2017") == {
        a: Source("2017-02-08"), b: Source("2017", "https://example.org/b"), c: Source("2017")}
    assert batch_sources([a, b, c]) == {}


def test_a_bad_published_date_is_an_error():
    with pytest.raises(ManifestError, match=r"--published: date '2017-02-30' is not a real date"):
        batch_sources([], published="2017-02-30")
