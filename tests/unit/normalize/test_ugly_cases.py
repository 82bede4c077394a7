"""The ugly-input corpus: every case passes the stage boundary and keeps every offset exact."""

from __future__ import annotations

import re

import pytest

from khabar.doc import Doc, check_spans
from khabar.normalize.clean import normalize_text
from khabar.normalize.core import process
from khabar.pipeline import run_stage_on_dict
from khabar.stages import get_stage
from tests.unit.normalize.ugly_cases import CASES

pytestmark = pytest.mark.unit

# what the view must never contain; the ornate parentheses ﴾ ﴿ (U+FD3E-FD3F) are kept
_LEFTOVERS_RE = re.compile("[\u064b-\u065f\u0670\u0640\u200c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff"
                           "\u0660-\u0669\u06f0-\u06f9\ufb50-\ufd3d\ufd40-\ufdff\ufe70-\ufefe]")


def test_ugly_cases_are_at_least_a_hundred_and_unique():
    names = [name for name, _, _ in CASES]
    assert len(names) >= 100
    assert len(set(names)) == len(names)


@pytest.mark.parametrize(("name", "text", "expect"), CASES, ids=[name for name, _, _ in CASES])
def test_ugly_case(name, text, expect):
    out = run_stage_on_dict(get_stage("normalize"), {"id": name, "text": text})  # schema + exact spans
    assert check_spans(out) == []
    doc = Doc.from_dict(out)
    normalized = out["normalized"]["text"]
    _check_invariants(doc, normalized)
    norms = [t["norm"] for t in out["tokens"]]
    if "normalized" in expect:
        assert normalized == expect["normalized"]
    if "has" in expect:
        assert expect["has"] in normalized
    if "lacks" in expect:
        assert expect["lacks"] not in normalized
    if "tokens" in expect:
        assert norms == expect["tokens"]
    for token in expect.get("has_tokens", ()):
        assert token in norms
    if "sentences" in expect:
        assert len(out["sentences"]) == expect["sentences"], [s["text"] for s in out["sentences"]]
    if "lang" in expect:
        assert out["lang"] == expect["lang"]


def _check_invariants(doc: Doc, normalized: str) -> None:
    """What holds for any input: a clean view, tokens inside their sentences, surfaces that normalize back."""
    text = doc.text
    assert doc.offsets is not None and doc.offsets.original_length == len(text)
    assert doc.offsets.normalized_length == len(normalized)
    assert not _LEFTOVERS_RE.search(normalized)
    for token in doc.tokens:
        sentence = doc.sentences[token["sent"]]
        assert sentence["start"] <= token["start"] < token["end"] <= sentence["end"]
        assert token["start"] <= token["base_start"] <= token["end"]
        assert len(token["fold"]) == len(token["norm"])
        surface = token["text"]
        if "&" not in surface and "<" not in surface:
            assert token["norm"] in normalize_text(surface)[0]


def test_ugly_case_waw_before_place_splits_to_the_place():
    # وبغداد is و + بغداد (the ب is the place's own letter), attested by بغداد elsewhere in the story
    token = process(Doc(id="x", text="قصف بغداد ثم غارات على وبغداد")).tokens[-1]
    assert (token["pre"], token["base"], token["det"]) == ("و", "بغداد", False)
    assert "قصف بغداد ثم غارات على وبغداد"[token["base_start"]:token["end"]] == "بغداد"
