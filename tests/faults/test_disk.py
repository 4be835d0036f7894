"""A full disk and a read-only data directory: a clear error, and the existing graph intact.

The data directory is put on a small tmpfs of the test's own, which needs root (as CI and
the developers' machines run); elsewhere the tests are skipped with that reason.
"""
from __future__ import annotations

import subprocess

import pytest

from app.cli.demo import load_demo
from graph import embedded
from graph.connect import open_store
from graph.model import Document, Entity
from graph.store import StoreUnavailable


@pytest.fixture
def small_disk(tmp_path, monkeypatch):
    mount = tmp_path / "disk"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=40m", "tmpfs", str(mount)],
                      capture_output=True).returncode != 0:
        pytest.skip("mounting a tmpfs needs root")
    home = mount / "home"
    monkeypatch.setenv("ECOGRAPH_HOME", str(home))
    yield mount, home
    embedded.stop(home)
    subprocess.run(["umount", "-l", str(mount)], check=True)


def _remount(mount, options: str) -> None:
    subprocess.run(["mount", "-o", f"remount,{options}", str(mount)], check=True)


def test_disk_full_is_a_clear_error_and_the_graph_survives(small_disk):
    mount, home = small_disk
    with open_store(home) as s:
        load_demo(s)
        before = s.counts()
        filler = [Entity(f"filler-{i}", f"Filler {i}", "Startup", properties={"description": "x" * 2000})
                  for i in range(30000)]
        with pytest.raises(StoreUnavailable, match="could not write filler.csv.*free space"):
            s.write_document(Document("filler.csv", "filler", "filler.csv", "f"), filler, [])
        assert s.counts() == before
    embedded.stop(home)
    _remount(mount, "size=400m")
    with open_store(home) as s:  # restarted on the enlarged disk: the same graph, and writable
        assert s.counts() == before
        assert s.write_document(Document("small.csv", "s", "s", "s"), [Entity("z", "Z", "City")], []).status == "new"


def test_read_only_data_directory_is_a_clear_error(small_disk):
    mount, home = small_disk
    with open_store(home) as s:
        load_demo(s)
        before = s.counts()
    embedded.stop(home)
    _remount(mount, "ro")
    with pytest.raises(StoreUnavailable, match="must be writable") as err:
        open_store(home)
    assert "Read-only file system" in str(err.value)
    _remount(mount, "rw")
    with open_store(home) as s:
        assert s.counts() == before
