"""Mention replacement for NER training (scripts/ner_augment.py): contexts kept, names swapped."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from khabar.tag.ner_conll import find_entities

pytestmark = pytest.mark.unit

REPO = Path(__file__).resolve().parents[3]
SENTENCES = [
    ("وقال سيرغي لافروف في موسكو إن المحادثات مستمرة .".split(),
     ["O", "B-PER", "I-PER", "O", "B-LOC", "O", "O", "O", "O"]),
    ("والتقى جون كيري نظيره في فيينا .".split(), ["O", "B-PER", "I-PER", "O", "O", "B-LOC", "O"]),
    ("وتواصل القتال في ريف حلب .".split(), ["O", "O", "O", "O", "B-LOC", "O"]),
    ("لا أسماء هنا .".split(), ["O", "O", "O", "O"]),
]


@pytest.fixture(scope="module")
def augment():
    spec = importlib.util.spec_from_file_location("ner_augment", REPO / "scripts" / "ner_augment.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_entity_spans_open_an_entity_at_an_orphan_inside_tag():
    assert sorted(find_entities(["O", "I-ORG", "I-ORG", "B-PER", "I-LOC"])) == [
        (1, 3, "ORG"), (3, 4, "PER"), (4, 5, "LOC")]


def test_replacement_keeps_the_context_and_swaps_names_of_the_same_type(augment):
    out = augment.replace_mentions(SENTENCES, copies=3)
    assert len(out) == 9  # three sentences hold an entity, the fourth gives none
    persons = {("سيرغي", "لافروف"), ("جون", "كيري")}
    places = {("موسكو",), ("فيينا",), ("حلب",)}
    for tokens, tags in out:
        assert len(tokens) == len(tags)
        for start, end, kind in find_entities(tags):
            assert tuple(tokens[start:end]) in (persons if kind == "PER" else places)
    for tokens, _ in out[:3]:
        assert tokens[0] == "وقال" and tokens[-4:] == ["إن", "المحادثات", "مستمرة", "."]


def test_replacement_can_keep_some_types_as_they_are(augment):
    out = augment.replace_mentions(SENTENCES, copies=2, types=frozenset({"LOC"}))
    assert len(out) == 6  # two copies of each sentence with a place
    kept = [[tuple(t[s:e]) for s, e, kind in find_entities(g) if kind == "PER"] for t, g in out]
    assert kept == [[("سيرغي", "لافروف")]] * 2 + [[("جون", "كيري")]] * 2 + [[]] * 2
