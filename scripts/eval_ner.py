"""Score a NER model on the ANERcorp CAMeL Lab test split (reporting only, never for tuning).

Run:
    .venv/bin/python scripts/eval_ner.py --shared ../shared [--model DIR] [--out scores.json]

Scoring is conlleval's (an orphan ``I-X`` opens an entity: 2,285 gold entities). Prints
per-type precision, recall and F1 and, with ``--out``, writes them as JSON.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services"))

from khabar.tag.ner_conll import format_scores, read_conll, score  # noqa: E402
from khabar.tag.ner_model import NerModel  # noqa: E402

TEST_FILE = "data/anercorp/ANERCorp_CamelLab_test.txt"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, required=True)
    parser.add_argument("--model", type=Path, default=None)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()

    model = NerModel.load(args.model)
    test = read_conll(args.shared / TEST_FILE)
    start = time.perf_counter()
    predicted = model.predict([tokens for tokens, _ in test])
    seconds = time.perf_counter() - start
    scores = score([tags for _, tags in test], predicted)
    print(format_scores(scores))
    print(f"{sum(len(t) for t, _ in test)} tokens in {seconds:.2f} s")
    if args.out:
        args.out.write_text(json.dumps(scores, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
