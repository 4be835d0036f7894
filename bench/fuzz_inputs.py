"""The fuzz run: every hostile-input property of ``tests/fuzz`` at scale, with case counts.

Runs the property tests under the ``fuzz`` Hypothesis profile (5,000 cases each; ``--cases``
to change) and prints, for each, how many cases ran and how long it took. Failing cases are
printed by pytest with the input that broke them.

    python bench/fuzz_inputs.py [--cases 5000]
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=5000)
    args = parser.parse_args()
    env = {**os.environ, "ECOGRAPH_FUZZ_PROFILE": "fuzz", "ECOGRAPH_FUZZ_CASES": str(args.cases)}
    out = subprocess.run([sys.executable, "-m", "pytest", "tests/fuzz", "-q", "-p", "no:cacheprovider",
                          "--hypothesis-show-statistics"], cwd=ROOT, env=env, capture_output=True, text=True)
    total = 0
    for test, block in re.findall(r"(tests/fuzz/\S+::\S+):\n(.*?)(?=\n\S|\Z)", out.stdout, re.S):
        runs = sum(int(n) for n in re.findall(r"(\d+) passing, \d+ failing", block))
        total += runs
        took = re.search(r"Typical runtimes: ([^\n]*)", block)
        print(f"{test:<70} {runs:>6} cases  ({took.group(1) if took else ''})")
    print(out.stdout.strip().splitlines()[-1])
    print(f"total: {total} generated cases")
    sys.exit(out.returncode)


if __name__ == "__main__":
    main()
