"""Starting, finding and stopping the embedded ArcadeDB server that stands in for Neo4j.

One server per data directory, shared by every command and app session: the first user
starts it in the background and records where it listens; later users find it there and
reuse it. A file lock serialises starters, so two commands starting it at once end with one
server. A record whose process is gone, or whose pid now belongs to another program, is
stale: it is removed and a fresh server started. The generated password lives in a file only
the user can read, and the server binds to 127.0.0.1 only.
"""
from __future__ import annotations

import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from contextlib import closing
from dataclasses import asdict, dataclass
from pathlib import Path

import filelock
import psutil

from graph.config import data_dir

DATABASE = "ecograph"
USER = "root"
START_TIMEOUT = 120.0
STOP_TIMEOUT = 30.0
_MODULE = "graph.embedded_server"


class EmbeddedError(RuntimeError):
    """The embedded server could not be started or stopped; the message says why and where to look."""


@dataclass(frozen=True)
class ServerRecord:
    """What a running server left behind so that others can find it."""

    pid: int
    bolt_port: int
    http_port: int
    database: str
    root: str
    started: float

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.bolt_port}"


@dataclass(frozen=True)
class Paths:
    """The files of one data directory."""

    home: Path

    @property
    def root(self) -> Path:
        return self.home / "arcadedb"

    @property
    def record(self) -> Path:
        return self.home / "server.json"

    @property
    def password(self) -> Path:
        return self.home / "password"

    @property
    def lock(self) -> Path:
        return self.home / "server.lock"

    @property
    def log(self) -> Path:
        return self.home / "server.log"


def paths(home: Path | None = None) -> Paths:
    return Paths(Path(home) if home is not None else data_dir())


def _private_dir(path: Path) -> None:
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.stat(path).st_mode & 0o077:
        os.chmod(path, 0o700)


def _write_private(path: Path, text: str) -> None:
    """Write ``text`` atomically to a file readable by the user only."""
    tmp = path.with_suffix(path.suffix + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text)
    os.replace(tmp, path)


def password(p: Paths) -> str:
    """The server's root password, generated on first use."""
    _private_dir(p.home)
    if not p.password.is_file():
        _write_private(p.password, secrets.token_urlsafe(24))
    return p.password.read_text(encoding="utf-8").strip()


def free_port() -> int:
    with closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _accepts(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1.0):
            return True
    except OSError:
        return False


def _read_record(p: Paths) -> ServerRecord | None:
    try:
        return ServerRecord(**json.loads(p.record.read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return None


def _is_our_process(rec: ServerRecord) -> bool:
    """Whether ``rec.pid`` is still our server (and not a later process that reused the pid)."""
    try:
        proc = psutil.Process(rec.pid)
        return proc.status() != psutil.STATUS_ZOMBIE and _MODULE in " ".join(proc.cmdline()) \
            and rec.root in " ".join(proc.cmdline())
    except (psutil.NoSuchProcess, psutil.AccessDenied):
        return False


def running(home: Path | None = None) -> ServerRecord | None:
    """The live server of this data directory, or None (a stale record counts as none)."""
    p = paths(home)
    rec = _read_record(p)
    if rec is not None and _is_our_process(rec) and _accepts(rec.bolt_port):
        return rec
    return None


def _kill(pid: int, timeout: float = STOP_TIMEOUT) -> None:
    try:
        proc = psutil.Process(pid)
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout)
        except psutil.TimeoutExpired:
            proc.kill()
            proc.wait(10)
    except psutil.NoSuchProcess:
        pass


def _log_tail(p: Paths, lines: int = 15) -> str:
    try:
        return "\n".join(p.log.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


def _spawn(p: Paths, heap: str) -> ServerRecord:
    password(p)
    bolt, http = free_port(), free_port()
    while http == bolt:
        http = free_port()
    cmd = [sys.executable, "-m", _MODULE, "--root", str(p.root), "--database", DATABASE,
           "--bolt-port", str(bolt), "--http-port", str(http), "--password-file", str(p.password),
           "--heap", heap]
    log_fd = os.open(p.log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [
        str(Path(__file__).resolve().parent.parent), os.environ.get("PYTHONPATH")]))}
    try:
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=log_fd, stderr=log_fd,
                                start_new_session=True, env=env, cwd=p.home)
    finally:
        os.close(log_fd)
    rec = ServerRecord(proc.pid, bolt, http, DATABASE, str(p.root), time.time())
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise EmbeddedError(f"the embedded database exited while starting (code {proc.returncode}); "
                                f"log {p.log}:\n{_log_tail(p)}")
        if _accepts(bolt) and "ready bolt://" in p.log.read_text(encoding="utf-8", errors="replace"):
            _write_private(p.record, json.dumps(asdict(rec)))
            return rec
        time.sleep(0.2)
    _kill(proc.pid, 5)
    raise EmbeddedError(f"the embedded database did not start within {START_TIMEOUT:.0f} s; "
                        f"log {p.log}:\n{_log_tail(p)}")


def ensure_running(home: Path | None = None, heap: str | None = None) -> ServerRecord:
    """Return the live server of this data directory, starting one if there is none.

    A stale record (dead pid, pid reused by another program, or a hung server that no longer
    accepts connections) is cleaned up first.
    """
    p = paths(home)
    try:
        _private_dir(p.home)
        with filelock.FileLock(str(p.lock), timeout=START_TIMEOUT + 30, mode=0o600):
            rec = _read_record(p)
            if rec is not None:
                if _is_our_process(rec):
                    if _accepts(rec.bolt_port):
                        return rec
                    _kill(rec.pid, 10)
                p.record.unlink(missing_ok=True)
            return _spawn(p, heap or os.environ.get("ECOGRAPH_DB_HEAP", "2g"))
    except OSError as exc:
        raise EmbeddedError(f"cannot start the embedded database in {p.home}: {exc.strerror or exc} "
                            f"({exc.filename or p.home}); the data directory must be writable and have "
                            "free space") from None


def stop(home: Path | None = None) -> bool:
    """Stop this data directory's server; return whether one was running."""
    p = paths(home)
    if not p.home.exists():
        return False
    with filelock.FileLock(str(p.lock), timeout=STOP_TIMEOUT + 30, mode=0o600):
        rec = _read_record(p)
        was = rec is not None and _is_our_process(rec)
        if was:
            _kill(rec.pid)
        p.record.unlink(missing_ok=True)
        return was
