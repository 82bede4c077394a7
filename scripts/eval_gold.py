"""Score Khabar's embedded output against a gold file with the shared scorer.

    .venv/bin/python scripts/eval_gold.py [--gold ../shared/eval/seed_gold.jsonl] [--out OUT.jsonl]

Builds the input stories from the gold records (id, text, published_at), runs
`khabar process` in-process, and prints `score.py`'s table. Needs ../shared
(developers and CI only); nothing from it is copied into the repo.
"""

from __future__ import annotations

import argparse
import io
import subprocess
import sys
import tempfile
from pathlib import Path

import orjson

from khabar.runner import run

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(REPO.parent / "shared")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", default=str(SHARED / "eval" / "seed_gold.jsonl"))
    ap.add_argument("--out", default=None, help="keep the pipeline output here")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        stories = Path(tmp) / "in.jsonl"
        with open(args.gold, "rb") as gold, open(stories, "wb") as out:
            for line in gold:
                if line.strip():
                    g = orjson.loads(line)
                    story = {k: g[k] for k in ("id", "text", "published_at") if g.get(k) is not None}
                    out.write(orjson.dumps(story) + b"\n")
        out_path = Path(args.out) if args.out else Path(tmp) / "out.jsonl"
        with open(out_path, "wb") as out:
            report = run(str(stories), out, progress=False, err=io.StringIO())
        for failure in report.failed:
            print(failure, file=sys.stderr)
        return subprocess.call([sys.executable, str(SHARED / "eval" / "score.py"), args.gold, str(out_path)])


if __name__ == "__main__":
    sys.exit(main())
