"""The database killed (SIGKILL) while the app's Ingest page writes a batch of uploads.

The page shows the failure as a message, keeps the uploads, and after the database is back
the same button finishes the batch: every document fully in or out at each point, none
twice. It runs in a process of its own, with a server and Streamlit caches of its own.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

SCENARIO = r"""
import json, signal, sys, threading, time
from pathlib import Path
import psutil
from streamlit.testing.v1 import AppTest
from graph import embedded
from graph.connect import open_store
from graph.store import _merge_repeats
from app.web import staging

seeds = sorted(Path(sys.argv[1]).glob("*.txt"))
watcher = open_store()
uploads = [(f"{i}_{p.name}", p.read_bytes()) for i in range(8) for p in seeds]
staged, errors = staging.read_uploads("articles", uploads, watcher)
expected = {s.document.id: len(_merge_repeats(s.links)) for s in staged}

def links_by_doc(store):
    out = {}
    for _, _, a in store.project().edges(data=True):
        out[a["doc"]] = out.get(a["doc"], 0) + 1
    return out

at = AppTest.from_file(sys.argv[2], default_timeout=300)
at.query_params["lang"] = "en"
at.switch_page("views/ingest.py")
at.session_state["ingest_staged"] = (staged, errors)
at.run()

def kill_when_started():
    while watcher.counts()["documents"] < 3:
        time.sleep(0.02)
    psutil.Process(embedded.running().pid).send_signal(signal.SIGKILL)

killer = threading.Thread(target=kill_when_started)
killer.start()
at.button(key="commit").click().run()
killer.join()
first = {"exceptions": len(at.exception), "errors": " ".join(e.value for e in at.error),
         "kept": "ingest_staged" in at.session_state}
with open_store() as s:  # restarts the server
    partial = links_by_doc(s)
at.run()
at.button(key="commit").click().run()
with open_store() as s:
    done = links_by_doc(s)
    counts = s.counts()
print(json.dumps({"first": first, "partial": partial, "expected": expected, "done": done,
                  "exceptions": len(at.exception), "success": " ".join(x.value for x in at.success),
                  "documents": counts["documents"]}))
embedded.stop()
"""


def test_app_ingest_survives_the_database_killed_mid_batch(tmp_path, shared):
    env = {**os.environ, "ECOGRAPH_HOME": str(tmp_path / "home")}
    out = subprocess.run([sys.executable, "-c", SCENARIO, str(shared / "corpus" / "seeds"),
                          str(REPO / "app" / "web" / "main.py")], cwd=REPO, env=env,
                         capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr[-3000:]
    r = json.loads(out.stdout.strip().splitlines()[-1])
    assert r["first"]["exceptions"] == 0 and r["first"]["kept"]  # a message, and the uploads kept
    assert "lost the connection" in r["first"]["errors"] or "database" in r["first"]["errors"].lower()
    expected = {d: n for d, n in r["expected"].items() if n}
    assert 0 < len(r["partial"]) < len(expected)
    assert all(r["partial"][d] == expected[d] for d in r["partial"])  # fully in
    assert r["exceptions"] == 0 and "Added" in r["success"]
    assert r["done"] == expected and r["documents"] == len(r["expected"])
