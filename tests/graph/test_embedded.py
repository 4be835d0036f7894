"""The embedded server's life: start, reuse, stop, stale records, racing starters, exposure.

Each test runs its own server in a data directory of its own, apart from the suite's shared one.
"""
from __future__ import annotations

import json
import os
import stat
import threading

import psutil
import pytest

from graph import embedded


@pytest.fixture
def home(tmp_path):
    h = tmp_path / "home"
    yield h
    embedded.stop(h)


def test_start_reuse_stop(home):
    assert embedded.running(home) is None
    rec = embedded.ensure_running(home)
    assert embedded.ensure_running(home) == rec  # reused, not restarted
    assert embedded.running(home) == rec
    assert embedded.stop(home) is True
    assert not psutil.pid_exists(rec.pid) or psutil.Process(rec.pid).status() == psutil.STATUS_ZOMBIE
    assert embedded.running(home) is None
    assert embedded.stop(home) is False


def test_files_are_the_users_only_and_server_listens_on_loopback(home):
    rec = embedded.ensure_running(home)
    p = embedded.paths(home)
    for f in (p.password, p.record, p.log):
        assert stat.S_IMODE(os.stat(f).st_mode) == 0o600, f
    assert stat.S_IMODE(os.stat(p.home).st_mode) == 0o700
    listening = {c.laddr for c in psutil.Process(rec.pid).net_connections(kind="inet")
                 if c.status == psutil.CONN_LISTEN}
    assert {a.port for a in listening} >= {rec.bolt_port, rec.http_port}
    assert {a.ip for a in listening} <= {"127.0.0.1", "::ffff:127.0.0.1"}
    assert embedded.password(p) not in p.log.read_text() + p.record.read_text()
    assert embedded.password(p) not in " ".join(psutil.Process(rec.pid).cmdline())


def test_stale_record_of_a_dead_server_is_replaced(home):
    first = embedded.ensure_running(home)
    psutil.Process(first.pid).kill()
    psutil.Process(first.pid).wait(10)
    assert embedded.running(home) is None
    second = embedded.ensure_running(home)
    assert second.pid != first.pid and embedded.running(home) == second


def test_record_whose_pid_belongs_to_another_program_is_stale(home, free_port):
    p = embedded.paths(home)
    p.home.mkdir(parents=True)
    port = free_port
    p.record.write_text(json.dumps({"pid": os.getpid(), "bolt_port": port, "http_port": port,
                                    "database": "ecograph", "root": str(p.root), "started": 0}))
    assert embedded.running(home) is None
    rec = embedded.ensure_running(home)
    assert rec.pid != os.getpid()
    assert psutil.pid_exists(os.getpid())  # the other program was left alone


def test_garbled_record_is_stale(home):
    p = embedded.paths(home)
    p.home.mkdir(parents=True)
    p.record.write_text("{not json")
    assert embedded.ensure_running(home).pid > 0


def test_two_starters_at_once_end_with_one_server(home):
    results: list = []
    threads = [threading.Thread(target=lambda: results.append(embedded.ensure_running(home)))
               for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len({r.pid for r in results}) == 1
    servers = [pr for pr in psutil.process_iter(["cmdline"])
               if "graph.embedded_server" in " ".join(pr.info["cmdline"] or [])
               and str(home) in " ".join(pr.info["cmdline"] or [])]
    assert len(servers) == 1


def test_graph_survives_a_restart(home):
    from graph.connect import open_store
    from graph.model import Document, Entity

    with open_store(home) as s:
        s.write_document(Document("d", "d", "d", "x"), [Entity("busan", "Busan", "City")], [])
    embedded.stop(home)
    with pytest.raises(Exception, match="not running"):
        open_store(home, start=False)
    with open_store(home) as s:
        assert s.entity("busan")["name"] == "Busan"
