"""Benchmark (not a test): normalize throughput, Khabar vs a plain camel-tools chain.

Run:  .venv/bin/python tests/perf/bench_normalize.py [--limit N]

Reads the shared news corpus (../shared/data/news/ant_multisource_politics.jsonl, never
copied into the repo) and times, on the same texts, in one run:

- camel-tools: normalize_unicode + dediac_ar + normalize_alef_ar / normalize_alef_maksura_ar /
  normalize_teh_marbuta_ar + simple_word_tokenize (a string and a token list, no offsets);
- Khabar: `khabar.normalize.core.process` (normalized view, offset map, sentences, tokens with
  norm/fold/clitic attributes, lang), with a fresh Doc per story.

Prints MB/s (UTF-8 bytes of input text) and stories/s for each, from CPU time, one pass.
"""

from __future__ import annotations

import argparse
import resource
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


def time_interleaved(fns: dict[str, Callable[[str], object]], texts: list[str],
                     chunk: int = 200) -> dict[str, tuple[float, float]]:
    """CPU and wall seconds per approach, alternating chunks of stories between them.

    The machine is shared: alternating spreads load changes over both approaches, and CPU time
    (time.process_time) counts only this process's work.
    """
    spent = {name: [0.0, 0.0] for name in fns}
    for begin in range(0, len(texts), chunk):
        part = texts[begin:begin + chunk]
        for name, fn in fns.items():
            cpu, wall = time.process_time(), time.perf_counter()
            for text in part:
                fn(text)
            spent[name][0] += time.process_time() - cpu
            spent[name][1] += time.perf_counter() - wall
    return {name: (cpu, wall) for name, (cpu, wall) in spent.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N stories")
    args = parser.parse_args()
    texts = load_texts(args.limit)
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    khabar_normalize(texts[0])  # build the regexes and tables before timing
    camel_chain(texts[0])
    print(f"{len(texts)} stories, {megabytes:.1f} MB of UTF-8 text, one pass each (cold word caches)")
    approaches = {"camel-tools chain": camel_chain, "khabar normalize": khabar_normalize}
    results = time_interleaved(approaches, texts)
    for name, (cpu, wall) in results.items():
        print(f"{name:18s} CPU {cpu:6.2f} s  {megabytes / cpu:6.2f} MB/s  {len(texts) / cpu:7.1f} stories/s"
              f"   (wall {wall:6.2f} s)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of this process: {peak:.0f} MB (corpus texts included)")
    ratio = results["camel-tools chain"][0] / results["khabar normalize"][0]
    print(f"khabar is {ratio:.2f}x the camel-tools chain's throughput "
          "(while also building the offset map, sentences and clitic attributes)")


if __name__ == "__main__":
    main()
