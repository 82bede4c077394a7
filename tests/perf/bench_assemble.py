"""Benchmark the assemble stage: event mentions per second and assembled events per second (not a test).

Run:
    taskset -c 0 .venv/bin/python tests/perf/bench_assemble.py --shared ../shared [--stories 500]
        [--cache /tmp/khabar-quantified.jsonl]

Stories come from the news corpus (their `date` becomes `published_at`). The upstream
stages (normalize, tag, quantify) run first, outside the timed region; with --cache their
output is written once and read back on later runs. Two regions are timed, each once:
the core (`assemble.core.process` per story, JSON in and out as on Kafka) and the
assembler (`Assembler.add` per story: the same `table.route`/`table.apply` as the faust agents).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "services"))

from khabar.assemble.assembler import Assembler  # noqa: E402
from khabar.assemble.core import process  # noqa: E402
from khabar.doc import Doc  # noqa: E402
from khabar.runner import process_story  # noqa: E402
from khabar.stages import STAGES  # noqa: E402

NEWS_FILE = "data/news/ant_multisource_politics.jsonl"


def upstream_documents(shared: Path, count: int, cache: Path | None) -> list[dict]:
    """Quantified documents of the first `count` corpus stories, from the cache when it has enough."""
    if cache and cache.exists():
        docs = [orjson.loads(line) for line in cache.read_bytes().splitlines()[:count]]
        if len(docs) == count:
            return docs
    docs = []
    with open(shared / NEWS_FILE, "rb") as fh:
        for _, line in zip(range(count), fh, strict=False):
            rec = orjson.loads(line)
            story = {
                "id": rec["id"],
                "text": rec["text"],
                "source": rec["source"],
                "published_at": rec["date"],
            }
            docs.append(process_story(story, stages=STAGES[:3]))
    if cache:
        cache.write_bytes(b"".join(orjson.dumps(d) + b"\n" for d in docs))
    return docs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, required=True)
    parser.add_argument("--stories", type=int, default=500)
    parser.add_argument("--cache", type=Path, default=None)
    args = parser.parse_args()
    upstream = upstream_documents(args.shared, args.stories, args.cache)
    raw = [orjson.dumps(d) for d in upstream]

    start = time.perf_counter()
    documents = [process(Doc.from_dict(orjson.loads(r))).to_dict() for r in raw]
    core_s = time.perf_counter() - start
    mentions = sum(len(d.get("events") or []) for d in documents)

    assembler = Assembler()
    start = time.perf_counter()
    upserts = sum(len(assembler.add(d)) for d in documents)
    assemble_s = time.perf_counter() - start

    words = sum(len(d["tokens"]) for d in documents)
    print(
        f"stories {len(documents)}, tokens {words}, event mentions {mentions}, "
        f"assembled events {len(assembler.records)}, upserts {upserts}"
    )
    print(
        f"core:      {len(documents) / core_s:8.1f} stories/s  {mentions / core_s:9.1f} mentions/s  "
        f"({core_s:.2f} s)"
    )
    print(
        f"assembler: {len(documents) / assemble_s:8.1f} stories/s  "
        f"{len(assembler.records) / assemble_s:9.1f} assembled events/s  "
        f"{upserts / assemble_s:9.1f} upserts/s  ({assemble_s:.2f} s)"
    )


if __name__ == "__main__":
    main()
