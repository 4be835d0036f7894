"""The extraction scores in one command: seeds and dev extracted and scored by ``shared/eval/score.py``.

Dev is extracted with its manifest (``corpus/dev/manifest.csv``: the 2017 articles have no date
line, so their relative dates need it). Prints each set's score block as ``score.py`` does.

Run: .venv/bin/python bench/score_extract.py [--explain] [--ner]
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "eval" / "score.py"
#: (name, articles, manifest or None, gold)
CORPUS, GOLD = SHARED / "corpus", SHARED / "eval" / "gold"
SETS = [
    ("seeds", CORPUS / "seeds", None, GOLD / "seeds.json"),
    ("dev", CORPUS / "dev", CORPUS / "dev" / "manifest.csv", GOLD / "dev.json"),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--explain", action="store_true", help="pass --explain to score.py (every miss and false hit)")
    parser.add_argument("--ner", action="store_true", help="extract with underthesea's NER as well")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from ingest.articles.pipeline import extract_paths, to_prediction

    if not SCORER.is_file():
        sys.exit(f"no scorer at {SCORER}")
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name, articles, manifest, gold in SETS:
            batch = extract_paths([articles], progress=False, ner=args.ner, manifest=manifest)
            pred = Path(tmp) / f"{name}.json"
            pred.write_text(json.dumps(to_prediction(batch), ensure_ascii=False), encoding="utf-8")
            read = len(batch.articles) - len(batch.skipped)
            print(f"== {name}: {read} of {len(batch.articles)} articles"
                  + (f", dates from {manifest.relative_to(SHARED)}" if manifest else ""), flush=True)
            out = subprocess.run([sys.executable, str(SCORER), "--gold", str(gold), "--pred", str(pred),
                                  *(["--explain"] if args.explain else [])])
            failed |= out.returncode
            print(flush=True)
    sys.exit(failed)


if __name__ == "__main__":
    main()
