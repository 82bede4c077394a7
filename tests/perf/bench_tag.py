"""Benchmark (not a test): the whole tag stage's throughput, normalized document in -> entities out.

Run:  taskset -c 0 .venv/bin/python tests/perf/bench_tag.py [--limit 1000] [--backend khabar]

Reads the shared news corpus (../shared/data/news/ant_multisource_politics.jsonl, never
copied into the repo), normalizes every story outside the timed region, then times
`khabar.tag.core.process` on fresh copies: NER model, pattern finders, gazetteer, merging,
canonical names and the layer's spans. Also times the rule layer alone (no model), which is
this stage's own cost on top of the model. Word caches start cold in each configuration.
Prints one line per configuration: tokens/s of CPU time and of wall time on one core
(onnxruntime with one thread).
"""

from __future__ import annotations

import argparse
import copy
import time
from pathlib import Path

import orjson

from khabar.doc import Doc
from khabar.normalize.core import process as normalize
from khabar.tag import words
from khabar.tag.backends import load_tagger
from khabar.tag.core import process as tag
from khabar.tag.gazetteer import default_gazetteer

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "data" / "news" / "ant_multisource_politics.jsonl"


def load_docs(limit: int) -> list[Doc]:
    docs = []
    with open(CORPUS, "rb") as f:
        for _, line in zip(range(limit), f, strict=False):
            rec = orjson.loads(line)
            docs.append(normalize(Doc(id=rec["id"], text=rec["text"])))
    return docs


def time_tag(docs: list[Doc], tagger: object | None) -> tuple[float, float, int]:
    """Wall and CPU seconds to tag fresh copies of `docs`, and the number of entities found.

    CPU time is the figure to compare on a shared machine: onnxruntime runs in this thread
    (one intra-op thread), so it counts the whole stage's work on one core.
    """
    fresh = [copy.copy(d) for d in docs]
    wall, cpu = time.perf_counter(), time.process_time()
    found = sum(len(tag(d, tagger=tagger).entities) for d in fresh)  # type: ignore[arg-type]
    return time.perf_counter() - wall, time.process_time() - cpu, found


class _NoModel:
    """A tagger that labels nothing: times the rule layer on its own."""

    def predict(self, sentences: list[list[str]]) -> list[list[str]]:
        return [["O"] * len(s) for s in sentences]


def cold_caches() -> None:
    """Forget the per-word caches, so each configuration pays for its vocabulary once."""
    for fn in (words._fold_token, words.proclitic_variants):
        fn.cache_clear()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=1000, help="stories to tag")
    ap.add_argument("--backend", default=None, help="KHABAR_NER_BACKEND value (default: khabar)")
    args = ap.parse_args()
    docs = load_docs(args.limit)
    tokens = sum(len(d.tokens) for d in docs)
    default_gazetteer()
    for name in ("full", "rules only"):
        load_tagger.cache_clear()
        tagger, label = load_tagger(args.backend)  # a fresh model: its token cache is cold too
        chosen = tagger if name == "full" else _NoModel()
        tag(copy.copy(docs[0]), tagger=chosen)  # warm up the session and the lexicon sets
        cold_caches()
        wall, cpu, found = time_tag(docs, chosen)
        name = f"full ({label})" if name == "full" else name
        print(f"bench_tag {name}: {len(docs)} stories, {tokens} tokens, {found} entities, {cpu:.2f} s CPU, "
              f"{tokens / cpu:,.0f} tokens/s CPU, {tokens / wall:,.0f} tokens/s wall (1 core)")


if __name__ == "__main__":
    main()
