"""Hostile import files: bounded before they are read, refused in one line naming the file, nothing written.

Files that made the old readers allocate gigabytes are read in a child process under a memory
cap, so that a regression fails the test instead of the machine.
"""
from __future__ import annotations

import os
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from app.cli.main import cli
from support.capped import capped
from ingest.imports import ImportFileError, limits, read_import, read_json, read_kumu



def workbook(path: Path) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in (("Elements", [["Label", "Type"], ["Busan", "City"]]),
                       ("Connections", [["From", "To", "Type"], ["Busan", "Busan", "located in"]])):
        ws = book.create_sheet(name)
        for r in rows:
            ws.append(r)
    book.save(path)
    return path


def rewrite(path: Path, member: str, change) -> Path:
    """Replace one part of the workbook at ``path`` by ``change(old bytes)``."""
    with zipfile.ZipFile(path) as z:
        parts = {i.filename: z.read(i) for i in z.infolist()}
    parts[member] = change(parts[member])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return path


def sheet(path: Path, change) -> Path:
    return rewrite(path, "xl/worksheets/sheet1.xml", change)


def refused(path: Path, reader: str = "read_import") -> str:
    """The one-line error a capped child gets reading ``path`` (the test fails on anything else)."""
    done = capped(f"from ingest.imports import ImportFileError, {reader}\n"
                  f"try:\n    {reader}([{str(path)!r}])\n"
                  f"except ImportFileError as exc:\n    print(exc)\nelse:\n    print('read')\n")
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.count("\n") == 1, done.stdout
    return done.stdout.strip()


def test_forged_sheet_dimension_is_refused_before_reading(tmp_path):
    path = sheet(workbook(tmp_path / "forged.xlsx"),
                 lambda xml: xml.replace(b'<dimension ref="A1:B2"/>', b'<dimension ref="A1:XFD1048576"/>'))
    assert path.stat().st_size < 10_000
    message = refused(path)
    assert str(path) in message and "sheet Elements" in message and "A1:XFD1048576" in message


@pytest.mark.parametrize("cell, words", [
    (b'<row r="900000"><c r="A900000" t="inlineStr"><is><t>x</t></is></c></row>', ("rows",)),
    (b'<row r="3"><c r="XFD3" t="inlineStr"><is><t>x</t></is></c></row>', ("row 3", "columns")),
])
def test_cells_far_out_are_refused_whatever_the_dimension_says(tmp_path, cell, words):
    path = sheet(workbook(tmp_path / "far.xlsx"), lambda xml: xml.replace(b"</sheetData>", cell + b"</sheetData>"))
    with pytest.raises(ImportFileError) as err:
        read_kumu(path)
    message = str(err.value)
    assert f"{path}, sheet Elements" in message and "limit" in message and "\n" not in message
    assert all(w in message for w in words), message


def test_too_many_cells(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_SHEET_CELLS", 3)
    with pytest.raises(ImportFileError, match=r"sheet Elements: more than 3 non-empty cells"):
        read_kumu(workbook(tmp_path / "cells.xlsx"))


def test_zip_bomb_is_refused_before_inflating(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_XLSX_UNPACKED_BYTES", 1024 * 1024)
    path = sheet(workbook(tmp_path / "bomb.xlsx"), lambda xml: xml.replace(b"</worksheet>", b" " * 2**21 + b"</worksheet>"))
    assert path.stat().st_size < 50_000
    with pytest.raises(ImportFileError, match=r"bomb.xlsx: .*unpacks to more than 1 MiB"):
        read_kumu(path)


@pytest.mark.parametrize("member, change, where", [
    ("xl/worksheets/sheet1.xml", lambda xml: xml[: len(xml) // 2], "sheet Elements"),
    ("xl/workbook.xml", lambda xml: xml.replace(b"<sheets>", b"<sheets><<"), "workbook"),
    ("xl/worksheets/sheet1.xml", lambda xml: xml.replace(b'r="A2"', b'r="A2x"'), "sheet Elements"),
])
def test_malformed_xml_inside_a_workbook(tmp_path, member, change, where):
    path = rewrite(workbook(tmp_path / "broken.xlsx"), member, change)
    with pytest.raises(ImportFileError) as err:
        read_kumu(path)
    message = str(err.value)
    assert str(path) in message and where in message and "\n" not in message


def test_deeply_nested_json(tmp_path):
    path = tmp_path / "deep.json"
    path.write_text('{"entities": [{"id": "a", "name": "A", "kind": "City",\n "properties": {"x": '
                    + "[" * 100_000 + "]" * 100_000 + "}}]}", encoding="utf-8")
    with pytest.raises(ImportFileError) as err:
        read_json(path)
    message = str(err.value)
    assert f"{path}, line 2" in message and f"nested more than {limits.MAX_JSON_DEPTH} levels" in message


def test_number_too_long_for_python(tmp_path):
    path = tmp_path / "digits.json"
    path.write_text('{"entities": [{"id": "a", "name": "A", "kind": "City", "confidence": ' + "1" * 5000 + "}]}")
    with pytest.raises(ImportFileError, match=f"{path}: bad JSON"):
        read_json(path)


def test_csv_field_over_the_limit(tmp_path):
    nodes, links = tmp_path / "nodes.csv", tmp_path / "links.csv"
    nodes.write_text("id,name,kind\na,A,City\nb," + "B" * (limits.MAX_CSV_FIELD_CHARS + 1) + ",City\n")
    links.write_text("source,target,type\na,a,LOCATED_IN\n")
    with pytest.raises(ImportFileError, match=f"{nodes}, line 3: bad CSV: field larger than field limit"):
        read_import([nodes, links])


@pytest.mark.parametrize("name", ["zero.json", "zero.xlsx"])
def test_device_instead_of_a_file(tmp_path, name):
    link = tmp_path / name
    link.symlink_to("/dev/zero")
    message = refused(link)
    assert message == f"{link}: not a regular file (a device, pipe or directory cannot be imported)"


def test_pipe_instead_of_a_json_file(tmp_path):
    fifo = tmp_path / "graph.json"
    os.mkfifo(fifo)  # opening it would wait for a writer forever
    assert refused(fifo) == f"{fifo}: not a regular file (a device, pipe or directory cannot be imported)"


def test_cli_refuses_each_in_one_line_and_writes_nothing(store, tmp_path):
    bad = [rewrite(workbook(tmp_path / "broken.xlsx"), "xl/worksheets/sheet1.xml", lambda xml: xml[:100])]
    deep = tmp_path / "deep.json"
    deep.write_text('{"entities": ' + "[" * 5000 + "]" * 5000 + "}")
    bad.append(deep)
    zero = tmp_path / "zero.json"
    zero.symlink_to("/dev/zero")
    bad.append(zero)
    before = store.counts()
    for path in bad:
        result = CliRunner().invoke(cli, ["import", str(path)], catch_exceptions=False)
        assert result.exit_code == 1, result.output
        assert result.output.startswith("Error: ") and str(path) in result.output
        assert result.output.count("\n") == 1, result.output
    assert store.counts() == before
