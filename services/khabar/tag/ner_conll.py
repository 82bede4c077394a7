"""Read ANERcorp-style CoNLL files and score BIO output the way conlleval does.

Used by ``scripts/train_ner.py`` (held-out tail of train) and ``scripts/eval_ner.py``
(test split, reporting only). Scoring follows conlleval / seqeval's default mode: an
``I-X`` after ``O`` or after another type opens a new entity, which gives the 2,285 test
entities that published ANERcorp scores count.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

# ANERcorp spells the person type PERS; Khabar's entity schema says PER.
TYPE_NAMES = {"PERS": "PER", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC"}


def read_conll(path: Path) -> list[tuple[list[str], list[str]]]:
    """Return (tokens, tags) per sentence, with ANERcorp's PERS renamed to PER."""
    sentences: list[tuple[list[str], list[str]]] = []
    tokens: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        line = line.strip()
        if not line:
            if tokens:
                sentences.append((tokens, tags))
            tokens, tags = [], []
            continue
        token, tag = line.rsplit(" ", 1)
        if tag != "O":
            tag = tag[:2] + TYPE_NAMES[tag[2:]]
        tokens.append(token)
        tags.append(tag)
    if tokens:
        sentences.append((tokens, tags))
    return sentences


def cv_split(sentences: list, k: int, n_folds: int) -> tuple[list, list]:
    """(the rest, block ``k`` of ``n_folds`` contiguous blocks): one cross-validation fold.

    Blocks are contiguous because ANERcorp's sentences run in story order, so a held-out
    block keeps whole stories out of training.
    """
    a, b = len(sentences) * k // n_folds, len(sentences) * (k + 1) // n_folds
    return sentences[:a] + sentences[b:], sentences[a:b]


def find_entities(tags: list[str]) -> set[tuple[int, int, str]]:
    """Return (start, end, type) spans, end exclusive, conlleval style.

    >>> sorted(find_entities(["B-PER", "I-PER", "O", "I-LOC", "B-LOC"]))
    [(0, 2, 'PER'), (3, 4, 'LOC'), (4, 5, 'LOC')]
    """
    spans = set()
    start, kind = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, label = tag.partition("-")
        continues = prefix == "I" and label == kind
        if start >= 0 and not continues:
            spans.add((start, i, kind))
            start, kind = -1, ""
        if prefix == "B" or (prefix == "I" and not continues):
            start, kind = i, label
    return spans


def score(gold: list[list[str]], pred: list[list[str]]) -> dict[str, dict[str, float]]:
    """Micro P/R/F1 overall and per type over sentence lists of BIO tags."""
    counts: dict[str, Counter[str]] = {}
    for gold_tags, pred_tags in zip(gold, pred, strict=True):
        gold_spans, pred_spans = find_entities(gold_tags), find_entities(pred_tags)
        for spans, key in ((gold_spans, "gold"), (pred_spans, "pred"), (gold_spans & pred_spans, "hit")):
            for _, _, kind in spans:
                for name in (kind, "ALL"):
                    counts.setdefault(name, Counter())[key] += 1
    return {name: _prf(c) for name, c in sorted(counts.items())}


def _prf(c: Counter[str]) -> dict[str, float]:
    precision = 100.0 * c["hit"] / c["pred"] if c["pred"] else 0.0
    recall = 100.0 * c["hit"] / c["gold"] if c["gold"] else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 2),
        "recall": round(recall, 2),
        "f1": round(f1, 2),
        "gold": c["gold"],
        "pred": c["pred"],
    }


def format_scores(scores: dict[str, dict[str, float]]) -> str:
    """Render scores as a small fixed-width table, ALL first."""
    names = ["ALL"] + [n for n in scores if n != "ALL"]
    lines = [f"{'type':5} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5} {'pred':>5}"]
    for name in names:
        s = scores[name]
        lines.append(
            f"{name:5} {s['precision']:6.2f} {s['recall']:6.2f} {s['f1']:6.2f} {s['gold']:5d} {s['pred']:5d}"
        )
    return "\n".join(lines)
