"""Benchmark (not a test): normalize throughput, Khabar vs a plain camel-tools chain.

Run:  .venv/bin/python tests/perf/bench_normalize.py [--limit N] [--repeat R]

Reads the shared news corpus (../shared/data/news/ant_multisource_politics.jsonl, never
copied into the repo) and times, on the same texts, in one run:

- camel-tools: normalize_unicode + dediac_ar + normalize_alef_ar / normalize_alef_maksura_ar /
  normalize_teh_marbuta_ar + simple_word_tokenize (a string and a token list, no offsets);
- Khabar: `khabar.normalize.core.process` (normalized view, offset map, sentences, tokens with
  norm/fold/clitic attributes, lang), with a fresh Doc per story.

Prints MB/s (UTF-8 bytes of input text) and stories/s for each, best of R repeats.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

import orjson
from camel_tools.tokenizers.word import simple_word_tokenize
from camel_tools.utils.dediac import dediac_ar
from camel_tools.utils.normalize import (
    normalize_alef_ar,
    normalize_alef_maksura_ar,
    normalize_teh_marbuta_ar,
    normalize_unicode,
)

from khabar.doc import Doc
from khabar.normalize.core import process

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "data" / "news" / "ant_multisource_politics.jsonl"


def camel_chain(text: str) -> list[str]:
    """The plain camel-tools chain the issue compares against."""
    text = normalize_unicode(text)
    text = dediac_ar(text)
    text = normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(text)))
    return simple_word_tokenize(text)


def khabar_normalize(text: str) -> Doc:
    return process(Doc(id="bench", text=text))


def load_texts(limit: int | None) -> list[str]:
    texts = []
    with CORPUS.open("rb") as stream:
        for line in stream:
            texts.append(orjson.loads(line)["text"])
            if limit and len(texts) >= limit:
                break
    return texts


def time_it(fn: Callable[[str], object], texts: list[str], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        began = time.perf_counter()
        for text in texts:
            fn(text)
        best = min(best, time.perf_counter() - began)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N stories")
    parser.add_argument("--repeat", type=int, default=1, help="best of R timed passes")
    args = parser.parse_args()
    texts = load_texts(args.limit)
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    khabar_normalize(texts[0])  # build the regexes and tables before timing
    camel_chain(texts[0])
    print(f"{len(texts)} stories, {megabytes:.1f} MB of UTF-8 text, best of {args.repeat}")
    results = {}
    for name, fn in (("camel-tools chain", camel_chain), ("khabar normalize", khabar_normalize)):
        seconds = time_it(fn, texts, args.repeat)
        results[name] = seconds
        print(f"{name:18s} {seconds:7.2f} s  {megabytes / seconds:6.2f} MB/s  "
              f"{len(texts) / seconds:8.1f} stories/s")
    ratio = results["camel-tools chain"] / results["khabar normalize"]
    print(f"khabar is {ratio:.2f}x the camel-tools chain's throughput "
          "(while also building the offset map, sentences and clitic attributes)")


if __name__ == "__main__":
    main()
