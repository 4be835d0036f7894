"""Dataset files that are not what they should be: refused in one line, or their bad cells left out with a warning."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest
from click.testing import CliRunner

from app.cli.main import cli
from ingest.datasets import load_dataset
from ingest.datasets.yc import COLUMNS
from ingest.imports import limits
from support.capped import capped

CB_HEADER = ["permalink", "name", "category_code", "funding_total_usd", "status", "country_code", "state_code",
             "region", "city", "funding_rounds", "founded_at", "founded_year", "first_funding_at", "last_funding_at"]


def yc_file(path: Path, *changes: dict[str, str]) -> Path:
    """A YC table with one company per ``changes`` (cells overriding a plain row)."""
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(COLUMNS)
        for i, change in enumerate(changes):
            row = {c: "" for c in COLUMNS} | {"Company": f"Company {i}", "Y Combinator Year": "2012",
                                               "Y Combinator Session": "Winter", "Year Founded": "2011"}
            w.writerow([(row | change)[c] for c in COLUMNS])
    return path


def companies_file(path: Path, *changes: dict[str, str]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(CB_HEADER)
        for i, change in enumerate(changes):
            row = {c: "" for c in CB_HEADER} | {"permalink": f"/company/c{i}", "name": f"Company {i}",
                                                "category_code": "software", "status": "operating"}
            w.writerow([(row | change)[c] for c in CB_HEADER])
    return path


@pytest.mark.parametrize("cell", ["inf", "NaN", "-Infinity", "1e400"])
def test_yc_year_that_is_no_finite_number_is_left_out_with_a_warning(tmp_path, cell):
    (batch,) = load_dataset("yc", yc_file(tmp_path / "yc.csv", {}, {"Year Founded": cell}))
    [company] = [e for e in batch.entities if e.name == "Company 1"]
    assert company.properties.get("founded_year") is None
    assert any(w.startswith(f"{tmp_path / 'yc.csv'}, line 3: field 'Year Founded'") for w in batch.report.warnings)


@pytest.mark.parametrize("field, cell", [("funding_total_usd", "inf"), ("funding_total_usd", "NaN"),
                                         ("funding_rounds", "Infinity"), ("founded_at", "2023-02-30"),
                                         ("first_funding_at", "31/31/2024")])
def test_crunchbase_cells_that_are_no_number_or_date_are_left_out_with_a_warning(tmp_path, field, cell):
    path = companies_file(tmp_path / "crunchbase_oct2013_companies.csv", {}, {field: cell})
    [batch] = load_dataset("crunchbase", tmp_path)
    [company] = [e for e in batch.entities if e.name == "Company 1"]
    key = {"founded_at": "founded"}.get(field, field)
    assert company.properties.get(key) is None
    assert [w for w in batch.report.warnings if w.startswith(f"{path}, line 3: field {field!r}")], batch.report.warnings


def test_yc_field_over_the_limit(tmp_path):
    path = yc_file(tmp_path / "yc.csv", {}, {"Description": "x" * (limits.MAX_CSV_FIELD_CHARS + 1)})
    with pytest.raises(ValueError) as err:
        load_dataset("yc", path)
    message = str(err.value)
    assert message.startswith(f"{path}, line 3: ") and "field larger than field limit" in message
    assert "\n" not in message


def test_crunchbase_field_over_the_limit(tmp_path):
    path = companies_file(tmp_path / "crunchbase_oct2013_companies.csv",
                          {"name": "n" * (limits.MAX_CSV_FIELD_CHARS + 1)})
    with pytest.raises(ValueError, match=f"{path}, line 2: .*field larger than field limit"):
        load_dataset("crunchbase", tmp_path)


@pytest.mark.parametrize("name, path", [("yc", "'yc.csv'"), ("crunchbase", "{'companies': 'yc.csv'}")])
def test_device_instead_of_a_dataset_file(tmp_path, name, path):
    (tmp_path / "yc.csv").symlink_to("/dev/zero")
    done = capped(f"import os; os.chdir({str(tmp_path)!r})\n"
                  f"from ingest.datasets import load_dataset\n"
                  f"try:\n    load_dataset({name!r}, {path})\n"
                  f"except ValueError as exc:\n    print(exc)\n")
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout == "yc.csv: not a regular file (a device, pipe or directory cannot be imported)\n"


def test_cli_refuses_a_bad_dataset_file_in_one_line_and_writes_nothing(store, tmp_path):
    path = yc_file(tmp_path / "yc.csv", {}, {"Founders": "f" * (limits.MAX_CSV_FIELD_CHARS + 1)})
    before = store.counts()
    result = CliRunner().invoke(cli, ["ingest", "dataset", "yc", str(path), "--quiet"], catch_exceptions=False)
    assert result.exit_code == 1 and result.output.count("\n") == 1 and str(path) in result.output, result.output
    assert store.counts() == before
