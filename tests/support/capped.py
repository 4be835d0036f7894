"""Running a reader in a child process under a memory and time cap.

Inputs that made old readers allocate gigabytes or read forever are read this way, so that a
regression fails its test instead of the machine the suite shares.
"""
from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
MEMORY_CAP = 1536 * 1024 * 1024
TIMEOUT = 60


def capped(code: str) -> subprocess.CompletedProcess:
    """Run ``code`` in a Python child limited to ``MEMORY_CAP`` of address space and ``TIMEOUT`` s."""
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))
    return subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True,
                          timeout=TIMEOUT, preexec_fn=limit, env={**os.environ, "PYTHONPATH": str(REPO)})
