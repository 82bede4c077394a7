"""Issue 6: event type and killed figure on real news sentences, scored as precision and recall.

Every sentence of `real_sentences.SENTENCES` runs through the whole embedded pipeline
(normalize, tag, quantify, assemble). A predicted event is a hit when its type, and for
casualties its killed bounds, equal an expected event's; optional expected events absorb
matching predictions without counting. The floors sit a little under the measured rates
(reported in the issue): they catch regressions, and the printed P/R is the number to watch.
"""

from __future__ import annotations

import pytest
from tests.unit.assemble.real_sentences import SENTENCES

from khabar.runner import process_story

pytestmark = [pytest.mark.unit, pytest.mark.slow]

PRECISION_FLOOR = 0.80
RECALL_FLOOR = 0.80

Key = tuple[str, float | None, float | None]


def parse_expected(item: str) -> tuple[bool, Key]:
    """'?casualties >=14' -> (optional, ('casualties', 14, None))."""
    optional = item.startswith("?")
    kind, _, figure = item.lstrip("?").partition(" ")
    if kind != "casualties" or figure in ("", "-"):
        return optional, (kind, None, None)
    if figure.startswith((">=", ">")):
        return optional, (kind, float(figure.lstrip(">=")), None)
    return optional, (kind, float(figure), float(figure))


def predicted_key(event: dict) -> Key:
    killed = event.get("killed") if event["type"] == "casualties" else None
    if not killed:
        return event["type"], None, None
    as_float = [None if killed[k] is None else float(killed[k]) for k in ("min", "max")]
    return event["type"], as_float[0], as_float[1]


def score_sentence(predicted: list[Key], expected: tuple[str, ...]) -> tuple[int, int, int, list[Key]]:
    """Hits, false positives, required expected events, and the required ones missed."""
    pool = list(predicted)
    required = [key for optional, key in map(parse_expected, expected) if not optional]
    optional = [key for is_optional, key in map(parse_expected, expected) if is_optional]
    hits, missed = 0, []
    for key in required:
        if key in pool:
            pool.remove(key)
            hits += 1
        else:
            missed.append(key)
    for key in optional:
        if key in pool:
            pool.remove(key)
        elif key[0] != "casualties" or key[1] is None:
            pool = _drop_first_of_type(pool, key[0])
    return hits, len(pool), len(required), missed


def _drop_first_of_type(pool: list[Key], kind: str) -> list[Key]:
    for i, key in enumerate(pool):
        if key[0] == kind and kind != "casualties":
            return pool[:i] + pool[i + 1 :]
    return pool


def test_real_sentences_table_is_large_enough():
    assert len(SENTENCES) >= 60
    assert sum(1 for _, _, expected in SENTENCES for e in expected if not e.startswith("?")) >= 60


def test_real_sentences_event_type_and_killed_precision_recall():
    hits = false_pos = required = 0
    report = []
    for doc_id, sentence, expected in SENTENCES:
        document = process_story({"id": doc_id, "text": sentence})
        predicted = [predicted_key(e) for e in document["events"]]
        h, fp, n, missed = score_sentence(predicted, expected)
        hits, false_pos, required = hits + h, false_pos + fp, required + n
        if fp or missed:
            report.append(f"{doc_id}: predicted {predicted}, missed {missed}")
    precision = hits / (hits + false_pos) if hits + false_pos else 0.0
    recall = hits / required
    print(
        f"\nreal sentences: {len(SENTENCES)}, required events {required}, hits {hits}, "
        f"false positives {false_pos}: precision {precision:.3f} recall {recall:.3f}"
    )
    print("\n".join(report))
    assert precision >= PRECISION_FLOOR, "\n".join(report)
    assert recall >= RECALL_FLOOR, "\n".join(report)
