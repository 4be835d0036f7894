"""The embedded database's own process: an ArcadeDB server with its Bolt plugin on loopback.

It runs apart from the CLI and the app (``python -m graph.embedded_server``) so that every
command and every app session talk to one server over Bolt, exactly as they would to a
user's Neo4j, and so that a crash of a command never takes the database down with it.
``graph.embedded`` starts, finds and stops this process; nothing else should run it.

The root password is read from a file (never from the command line, where ``ps`` would show
it). The process changes into its root directory first because ArcadeDB writes its log
folder relative to the working directory.
"""
from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
from pathlib import Path

BOLT_PLUGIN = "Bolt:com.arcadedb.bolt.BoltProtocolPlugin"


def serve(root: Path, database: str, bolt_port: int, http_port: int, password_file: Path,
          heap: str) -> None:
    """Run the server until SIGTERM or SIGINT, then close it cleanly."""
    os.umask(0o077)  # every file the server writes is the user's alone
    password = password_file.read_text(encoding="utf-8").strip()
    root.mkdir(parents=True, exist_ok=True)
    os.chdir(root)
    os.environ.setdefault("ARCADEDB_JVM_ERROR_FILE", str(root / "log" / "hs_err_pid%p.log"))
    import arcadedb_embedded as arcade
    from arcadedb_embedded.jvm import start_jvm

    start_jvm(heap_size=heap)
    server = arcade.create_server(str(root), root_password=password, config={
        "host": "127.0.0.1",
        "http_port": http_port,
        "server_plugins": BOLT_PLUGIN,
        "bolt_port": bolt_port,
    })
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    server.start()
    try:
        if not (root / "databases" / database).exists():
            server.create_database(database)
        else:
            server.get_database(database)
        print(f"ready bolt://127.0.0.1:{bolt_port}", flush=True)
        stop.wait()
    finally:
        server.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="ecograph's embedded ArcadeDB server (internal).")
    parser.add_argument("--root", type=Path, required=True)
    parser.add_argument("--database", required=True)
    parser.add_argument("--bolt-port", type=int, required=True)
    parser.add_argument("--http-port", type=int, required=True)
    parser.add_argument("--password-file", type=Path, required=True)
    parser.add_argument("--heap", default="2g")
    args = parser.parse_args(argv)
    serve(args.root, args.database, args.bolt_port, args.http_port, args.password_file, args.heap)
    return 0


if __name__ == "__main__":
    sys.exit(main())
