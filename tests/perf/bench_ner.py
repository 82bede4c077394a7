"""Benchmark the NER tagger: tokens per second on one core over news stories (not a test).

Run:
    taskset -c 0 .venv/bin/python tests/perf/bench_ner.py --shared ../shared [--stories 2000]

Stories come from the unlabeled news corpus, split into ANERcorp-like tokens and into
sentences at . ! ? and line breaks. Tokenization is outside the timed region; the timed
region is ``NerModel.predict`` on a fresh model (cold token cache), run once.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "services"))

from khabar.tag.ner_features import split_sentences  # noqa: E402
from khabar.tag.ner_model import NerModel  # noqa: E402

NEWS_FILE = "data/news/ant_multisource_politics.jsonl"


def load_stories(shared: Path, count: int) -> list[list[str]]:
    sentences: list[list[str]] = []
    with open(shared / NEWS_FILE, encoding="utf-8") as fh:
        for _, line in zip(range(count), fh, strict=False):
            sentences.extend(split_sentences(json.loads(line)["text"]))
    return sentences


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, required=True)
    parser.add_argument("--stories", type=int, default=2000)
    parser.add_argument("--model", type=Path, default=None)
    args = parser.parse_args()

    sentences = load_stories(args.shared, args.stories)
    tokens = sum(len(s) for s in sentences)
    model = NerModel.load(args.model, threads=1)
    start = time.perf_counter()
    model.predict(sentences)
    seconds = time.perf_counter() - start
    print(
        f"bench_ner: {args.stories} stories, {len(sentences)} sentences, {tokens} tokens, "
        f"{seconds:.2f} s, {tokens / seconds:,.0f} tokens/s (1 thread)"
    )


if __name__ == "__main__":
    main()
