"""Reproducible pick of the DEV gold stories (documentation; rerun to get the same ids).

    python3 tests/eval/select_dev.py [../shared/data/news/ant_multisource_politics.jsonl]

Stories of 80-350 whitespace words, shuffled with a fixed seed, then taken greedily into
topic buckets (keyword heuristics on the text) with at most 3 stories per source:
5 casualties/attacks, 2 agreements/meetings (signing or meeting verb), 2 economy (money
and percent), 1 with explicit dates, 2 statements;
"""
import json
import random
import re
import sys
from collections import Counter

PATH = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/news/ant_multisource_politics.jsonl"
SEED = 20180219
BUCKETS = [
    ("casualties", 5, r"((مقتل|قتل|إصابة|جرح|مصرع)\s+(نحو\s+|أكثر من\s+|حوالي\s+)?\d+"
                      r"|\d+\s+(قتيلا|قتلى|جريحا|جرحى|مصابا)).*(غارة|غارات|هجوم|قصف|تفجير|انفجار|هجمات)"),
    ("agreement_meeting", 2, r"((وقع|وقعت|توقيع|أبرم|أبرمت)\s.{0,40}(اتفاق|اتفاقية|مذكرة)"
                             r"|(التقى|استقبل|اجتمع|عقد)\s.{0,60}(اجتماع|مباحثات|محادثات|لقاء|نظيره))"),
    ("economy", 2, r"(دولار|يورو|مليار|مليون|ريال|جنيه|دينار).*(بالمئة|بالمائة|في المئة|في المائة|%|٪)"
                   r"|(بالمئة|بالمائة|في المئة|في المائة|%|٪).*(دولار|يورو|مليار|ريال|جنيه|دينار)"),
    ("dates", 1, r"\d{1,2} (يناير|فبراير|مارس|أبريل|إبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر)"),
    ("statement", 2, r"(قال|أعلن|أكد|صرح|أضاف|أوضح)"),
]
CASUALTY_WORDS = r"(قتل|مقتل|قتيل|قتلى|جرحى|جريح|غارة|غارات|قصف|تفجير|انفجار)"


def main():
    rows = [json.loads(l) for l in open(PATH, encoding="utf-8")]
    cands = [r for r in rows if 80 <= len(r["text"].split()) <= 350]
    rng = random.Random(SEED)
    rng.shuffle(cands)
    per_source = Counter()
    picked = []
    for name, n, pat in BUCKETS:
        got = 0
        for r in cands:
            if got == n:
                break
            if r in picked or per_source[r["source"]] >= 3:
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
