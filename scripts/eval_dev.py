"""Score Khabar on the held-out DEV gold set (tests/eval/dev_gold.jsonl).

    .venv/bin/python scripts/eval_dev.py [--out OUT.jsonl] [--keep-gold FULL.jsonl]

The DEV gold is stored without story text (the news corpus may not be copied into
the repo). The text is joined back by id from
../shared/data/news/ant_multisource_politics.jsonl into a temporary gold file, which is
validated with `score.py --check`; Khabar then runs embedded and score.py's table is
printed (same code path as scripts/eval_gold.py). See tests/eval/README.md.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_gold import REPO, SHARED, _read_jsonl, evaluate_gold, join_text  # noqa: E402

DEV_GOLD = REPO / "tests" / "eval" / "dev_gold.jsonl"
NEWS = SHARED / "data" / "news" / "ant_multisource_politics.jsonl"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", default=str(DEV_GOLD))
    ap.add_argument("--news", default=str(NEWS))
    ap.add_argument("--out", default=None, help="keep the pipeline output here")
    ap.add_argument("--keep-gold", default=None,
                    help="also write the gold joined with text here (outside the repo!)")
    args = ap.parse_args(argv)
    if args.keep_gold:
        import orjson
        with open(args.keep_gold, "wb") as out:
            for g in join_text(_read_jsonl(args.gold), args.news):
                out.write(orjson.dumps(g) + b"\n")
    return evaluate_gold(args.gold, args.out, args.news)


if __name__ == "__main__":
    sys.exit(main())
