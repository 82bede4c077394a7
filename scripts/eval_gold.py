"""Score Khabar's embedded output against a gold file with the shared scorer.

    .venv/bin/python scripts/eval_gold.py [--gold ../shared/eval/seed_gold.jsonl] [--out OUT.jsonl]
    .venv/bin/python scripts/eval_gold.py --gold tests/eval/dev_gold.jsonl \
        --news ../shared/data/news/ant_multisource_politics.jsonl

Builds the input stories from the gold records (id, text, published_at), runs
`khabar process` in-process, and prints `score.py`'s table. Needs ../shared
(developers and CI only); nothing from it is copied into the repo.

Gold kept in the repo has no story text (the news corpus may not be copied): with
`--news`, records without `text` get it back from that news JSONL by id, into a
temporary full gold file that is checked with `score.py --check` and then scored.
`scripts/eval_dev.py` does this for the DEV gold set.
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
SCORER = SHARED / "eval" / "score.py"


def _read_jsonl(path) -> list[dict]:
    with open(path, "rb") as fh:
        return [orjson.loads(line) for line in fh if line.strip()]


def join_text(gold: list[dict], news_path) -> list[dict]:
    """Fill `text` of gold records that lack it from the news JSONL (matched by id)."""
    want = {str(g["id"]) for g in gold if not g.get("text")}
    found: dict[str, str] = {}
    if want:
        with open(news_path, "rb") as fh:
            for line in fh:
                if line.strip():
                    rec = orjson.loads(line)
                    if str(rec.get("id")) in want:
                        found[str(rec["id"])] = rec["text"]
    missing = want - set(found)
    if missing:
        raise SystemExit(f"ids not found in {news_path}: {sorted(missing)}")
    return [g if g.get("text") else {**g, "text": found[str(g["id"])]} for g in gold]


def evaluate_gold(gold_path, out_path=None, news_path=None, check=True) -> int:
    """Run Khabar on the stories of a gold file and print score.py's table; returns its exit code."""
    with tempfile.TemporaryDirectory() as tmp:
        if news_path is not None:
            gold = join_text(_read_jsonl(gold_path), news_path)
            gold_path = Path(tmp) / "gold.jsonl"
            with open(gold_path, "wb") as out:
                for g in gold:
                    out.write(orjson.dumps(g) + b"\n")
            if check:
                rc = subprocess.call([sys.executable, str(SCORER), "--check", str(gold_path)],
                                     stdout=subprocess.DEVNULL)
                if rc:
                    subprocess.call([sys.executable, str(SCORER), "--check", str(gold_path)])
                    return rc
        else:
            gold = _read_jsonl(gold_path)
        stories = Path(tmp) / "in.jsonl"
        with open(stories, "wb") as out:
            for g in gold:
                story = {k: g[k] for k in ("id", "text", "published_at") if g.get(k) is not None}
                out.write(orjson.dumps(story) + b"\n")
        out_path = Path(out_path) if out_path else Path(tmp) / "out.jsonl"
        with open(out_path, "wb") as out:
            report = run(str(stories), out, progress=False, err=io.StringIO())
        for failure in report.failed:
            print(failure, file=sys.stderr)
        return subprocess.call([sys.executable, str(SCORER), str(gold_path), str(out_path)])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", default=str(SHARED / "eval" / "seed_gold.jsonl"))
    ap.add_argument("--out", default=None, help="keep the pipeline output here")
    ap.add_argument("--news", default=None,
                    help="news JSONL that supplies `text` (by id) for gold records stored without it")
    args = ap.parse_args(argv)
    return evaluate_gold(args.gold, args.out, args.news)


if __name__ == "__main__":
    sys.exit(main())
