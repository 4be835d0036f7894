"""``ecograph app``: the Streamlit app on the current store, served on this machine only."""
from __future__ import annotations

import socket
import subprocess
import sys
import time
import webbrowser
from pathlib import Path

import click

ENTRY = Path(__file__).resolve().parents[1] / "web" / "main.py"
#: Seconds to wait for the server before giving up on opening the browser.
START_WAIT = 60.0


def streamlit_command(port: int, host: str) -> list[str]:
    """The ``streamlit run`` command line.

    Headless (Streamlit's own browser opening also asks for an e-mail address on first run),
    no usage statistics sent, no tracebacks shown to the user, no file watching.
    """
    return [sys.executable, "-m", "streamlit", "run", str(ENTRY),
            "--server.port", str(port), "--server.address", host, "--server.headless", "true",
            "--server.fileWatcherType", "none", "--browser.gatherUsageStats", "false",
            "--browser.serverAddress", host, "--browser.serverPort", str(port),
            "--client.showErrorDetails", "none", "--client.toolbarMode", "viewer"]


def _wait_for(host: str, port: int, proc: subprocess.Popen) -> bool:
    deadline = time.monotonic() + START_WAIT
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            with socket.create_connection((host, port), timeout=1):
                return True
        except OSError:
            time.sleep(0.3)
    return False


@click.command("app")
@click.option("--port", type=click.IntRange(1, 65535), default=8501, show_default=True,
              help="Port the app listens on.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; the default keeps the app private to this machine.")
@click.option("--browser/--no-browser", default=True, show_default=True,
              help="Open the app in a web browser once it is up.")
def app(port: int, host: str, browser: bool) -> None:
    """Open the graph explorer (Streamlit) on the current store: embedded database or your Neo4j.

    Pages: overview, explore a neighbourhood, brokers and centrality, paths, visit prep,
    timeline, ingest, and a read-only Cypher console. Stop it with Ctrl+C.
    """
    url = f"http://{host}:{port}"
    click.echo(f"ecograph app on {url} (Ctrl+C to stop)", err=True)
    proc = subprocess.Popen(streamlit_command(port, host))
    try:
        if browser and _wait_for(host, port, proc):
            webbrowser.open(url)
        code = proc.wait()
    except KeyboardInterrupt:
        proc.terminate()
        code = proc.wait()
    sys.exit(code)
