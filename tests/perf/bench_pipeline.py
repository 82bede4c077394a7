"""Benchmark (not a test): the whole embedded pipeline, raw story in -> enriched document out.

Run:  .venv/bin/python tests/perf/bench_pipeline.py [--stories 500] [--no-validate]

Times `khabar.runner.process_story` (all four stage cores plus the JSON Schema checks at
every boundary, as `khabar process` runs them) over the first N stories of the shared news
corpus (read from ../shared, never copied). Reports stories/s and tokens/s of CPU time, the
share of each stage, and the peak resident memory of the process. Caches start cold.
"""

from __future__ import annotations

import argparse
import resource
import time
from collections import defaultdict
from pathlib import Path

import orjson

from khabar.pipeline import run_stage_on_dict
from khabar.stages import STAGES

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "data" / "news" / "ant_multisource_politics.jsonl"


def load(limit: int) -> list[dict]:
    stories = []
    with open(CORPUS, "rb") as f:
        for line in f:
            rec = orjson.loads(line)
            stories.append({k: rec[k] for k in ("id", "text", "source", "title")})
            if len(stories) >= limit:
                break
    return stories


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--stories", type=int, default=500)
    ap.add_argument("--no-validate", action="store_true")
    args = ap.parse_args()
    stories = load(args.stories)
    for stage in STAGES:  # import models outside the timed region
        stage.load()
    per_stage: dict[str, float] = defaultdict(float)
    tokens = events = 0
    start = time.process_time()
    for story in stories:
        doc = story
        for stage in STAGES:
            t0 = time.process_time()
            doc = run_stage_on_dict(stage, doc, validate=not args.no_validate)
            per_stage[stage.name] += time.process_time() - t0
        tokens += len(doc["tokens"])
        events += len(doc["events"])
    cpu = time.process_time() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    shares = ", ".join(f"{name} {100 * t / cpu:.0f}%" for name, t in per_stage.items())
    print(f"pipeline: {len(stories)} stories, {tokens} tokens, {events} event mentions in {cpu:.1f}s CPU: "
          f"{len(stories) / cpu:.1f} stories/s, {tokens / cpu:.0f} tokens/s; {shares}; "
          f"validate={'off' if args.no_validate else 'on'}; peak RSS {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
