"""Benchmark of the quantify core: stories per second on the shared news corpus, one core.

    .venv/bin/python tests/perf/bench_quantify.py [--stories 3000]

The stories are normalized first (outside the timing), so the number is quantify's own.
Issue 5's goal is >= 1,000 stories/s. A benchmark, not a test: it asserts nothing.
"""

from __future__ import annotations

import argparse
import itertools
import time
from pathlib import Path

import orjson

from khabar.doc import Doc
from khabar.normalize.core import process as normalize
from khabar.quantify.core import process as quantify

NEWS = (
    Path(__file__).resolve().parents[2].parent / "shared" / "data" / "news" / "ant_multisource_politics.jsonl"
)


def load_stories(limit: int) -> list[Doc]:
    """`limit` corpus stories, normalized, with their publication dates."""
    docs = []
    with open(NEWS, "rb") as f:
        for line in itertools.islice(f, limit):
            rec = orjson.loads(line)
            docs.append(normalize(Doc(id=rec["id"], text=rec["text"], published_at=rec.get("date"))))
    return docs


def bench(docs: list[Doc], rounds: int) -> float:
    """Best of `rounds` passes over the stories (process CPU time), in stories per second."""
    best = float("inf")
    for _ in range(rounds):
        started = time.process_time()
        for doc in docs:
            doc.quantities = []
            quantify(doc)
        best = min(best, time.process_time() - started)
    return len(docs) / best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    docs = load_stories(args.stories)
    chars = sum(len(doc.text) for doc in docs)
    found = sum(len(quantify(doc).quantities) for doc in docs)  # warm the word caches
    rate = bench(docs, args.rounds)
    per_story = f"{chars / len(docs):.0f} chars, {found / len(docs):.1f} quantities"
    print(
        f"quantify: {len(docs)} stories ({per_story} each): {rate:,.0f} stories/s on one core (goal >= 1,000)"
    )


if __name__ == "__main__":
    main()
