"""Reproducible pick of the DEV / HOLDOUT gold stories (documentation; rerun to get the same ids).

    python3 tests/eval/select_dev.py [--set dev|holdout] [../shared/data/news/ant_multisource_politics.jsonl]

dev (default): stories of 80-350 whitespace words, shuffled with seed 20180219, then
taken greedily into topic buckets (keyword heuristics on the text) with at most 3 stories
per source: 5 casualties/attacks, 2 agreements/meetings (signing or meeting verb),
2 economy (money and percent), 1 with explicit dates, 2 statements.

holdout: same buckets and filters, but 80-300 words, seed 20261125, at most 2 stories
per source, bucket sizes 3/1/1/1/2 (8 stories), and the 12 DEV ids (dev_gold.jsonl next
to this file) excluded.
"""
import argparse
import json
import random
import re
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
NEWS = "../shared/data/news/ant_multisource_politics.jsonl"
# name -> (seed, max words, max per source, bucket sizes, exclude ids of these gold files)
SETS = {
    "dev": (20180219, 350, 3, {}, ()),
    "holdout": (20261125, 300, 2,
                {"casualties": 3, "agreement_meeting": 1, "economy": 1, "dates": 1, "statement": 2},
                ("dev_gold.jsonl",)),
}
BUCKETS = [
    ("casualties", 5, r"((مقتل|قتل|إصابة|جرح|مصرع)\s+(نحو\s+|أكثر من\s+|حوالي\s+)?\d+"
                      r"|\d+\s+(قتيلا|قتلى|جريحا|جرحى|مصابا)).*(غارة|غارات|هجوم|قصف|تفجير|انفجار|هجمات)"),
    ("agreement_meeting", 2, r"((وقع|وقعت|توقيع|أبرم|أبرمت)\s.{0,40}(اتفاق|اتفاقية|مذكرة)"
                             r"|(التقى|استقبل|اجتمع|عقد)\s.{0,60}(اجتماع|مباحثات|محادثات|لقاء|نظيره))"),
    ("economy", 2, r"(دولار|يورو|مليار|مليون|ريال|جنيه|دينار).*(بالمئة|بالمائة|في المئة|في المائة|%|٪)"
                   r"|(بالمئة|بالمائة|في المئة|في المائة|%|٪).*(دولار|يورو|مليار|ريال|جنيه|دينار)"),
    ("dates", 1, r"\d{1,2} (يناير|فبراير|مارس|أبريل|إبريل|مايو|يونيو|يوليو|أغسطس"
                 r"|سبتمبر|أكتوبر|نوفمبر|ديسمبر)"),
    ("statement", 2, r"(قال|أعلن|أكد|صرح|أضاف|أوضح)"),
]
CASUALTY_WORDS = r"(قتل|مقتل|قتيل|قتلى|جرحى|جريح|غارة|غارات|قصف|تفجير|انفجار)"


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("path", nargs="?", default=NEWS)
    ap.add_argument("--set", choices=sorted(SETS), default="dev")
    args = ap.parse_args(argv)
    seed, max_words, max_per_source, sizes, exclude_files = SETS[args.set]
    exclude = {json.loads(line)["id"] for f in exclude_files
               for line in open(HERE / f, encoding="utf-8") if line.strip()}
    rows = [json.loads(line) for line in open(args.path, encoding="utf-8")]
    cands = [r for r in rows if 80 <= len(r["text"].split()) <= max_words and r["id"] not in exclude]
    rng = random.Random(seed)
    rng.shuffle(cands)
    per_source = Counter()
    picked = []
    for name, n, pat in BUCKETS:
        n = sizes.get(name, n)
        got = 0
        for r in cands:
            if got == n:
                break
            if r in picked or per_source[r["source"]] >= max_per_source:
                continue
            if not re.search(pat, r["text"], re.S):
                continue
            # keep buckets distinct: non-casualty buckets avoid casualty stories
            if name != "casualties" and re.search(CASUALTY_WORDS, r["text"]):
                continue
            picked.append(r)
            per_source[r["source"]] += 1
            got += 1
            print(f"{name:18} {r['id']:40} {r['source']:18} {len(r['text'].split()):4}w  {r['title']}")
    return picked


if __name__ == "__main__":
    main()
