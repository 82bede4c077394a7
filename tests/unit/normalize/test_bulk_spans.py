"""The bulk span paths the normalize stage takes for speed give what the one-by-one paths give."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.doc import Doc, token_template
from khabar.errors import SpanError
from tests.unit.offset_blocks import blocks_strategy, map_factory

pytestmark = pytest.mark.unit

CLITIC_PLACE = "قصف وبغداد"

# (normalized length, original length) blocks; few of them, so that a story's many tokens take
# the segment walk of OffsetMap._map_positions rather than one binary search each
_FEW_BLOCKS = blocks_strategy(longest_run=40, most_blocks=6)


@settings(max_examples=300, deadline=None)
@given(_FEW_BLOCKS, st.data())
def test_bulk_spans_ordered_tokens_map_as_one_by_one(blocks, data):
    om = map_factory(blocks)
    n = om.normalized_length
    cuts = sorted(set(data.draw(st.lists(st.integers(0, n), max_size=120))))
    spans = [(a, b) for a, b in zip(cuts, cuts[1:], strict=False)]
    starts, ends = om.to_original_bounds([a for a, _ in spans], [b for _, b in spans])
    assert list(zip(starts, ends, strict=True)) == [om.to_original(a, b) for a, b in spans]
    assert om.to_original_starts([a for a, _ in spans]) == [om.to_original(a, a + 1)[0] for a, _ in spans]


@settings(max_examples=200, deadline=None)
@given(_FEW_BLOCKS, st.data())
def test_bulk_spans_unordered_spans_map_as_one_by_one(blocks, data):
    om = map_factory(blocks)
    n = om.normalized_length
    if n == 0:
        return
    starts = data.draw(st.lists(st.integers(0, n - 1), max_size=30))
    spans = [(a, data.draw(st.integers(a + 1, n))) for a in starts]
    assert om.to_original_spans(spans) == [om.to_original(a, b) for a, b in spans]


def test_bulk_spans_reject_spans_outside_the_view():
    om = map_factory([("keep", 3), ("replace", (0, 1)), ("keep", 2)])
    with pytest.raises(ValueError):
        om.to_original_bounds([0, 2], [2, 6])
    with pytest.raises(ValueError):
        om.to_original_bounds([1], [1])
    with pytest.raises(ValueError):
        om.to_original_starts([5])


def test_bulk_spans_doc_spans_equal_doc_span():
    doc = Doc(id="x", text=CLITIC_PLACE)
    assert doc.spans([0, 4, 5], [3, 10, 10]) == [doc.span(0, 3), doc.span(4, 10), doc.span(5, 10)]
    assert doc.spans([4], [10], [{"type": "LOC"}]) == [doc.span(4, 10, type="LOC")]


def test_bulk_spans_doc_rejects_bad_bounds():
    doc = Doc(id="x", text=CLITIC_PLACE)
    for starts, ends in (([0], [11]), ([-1], [3]), ([5, 3], [4, 4]), ([0, 1], [3])):
        with pytest.raises(SpanError):
            doc.spans(starts, ends)


def test_bulk_spans_token_keys_in_schema_order():
    doc = Doc(id="x", text=CLITIC_PLACE)
    template = token_template({"norm": "وبغداد", "pre": "و"})
    [token] = doc.token_spans([4], [10], [0], [5], [template])
    assert list(token) == ["start", "end", "text", "sent", "base_start", "norm", "pre"]
    assert token["text"] == "وبغداد" and token["base_start"] == 5
    assert template["text"] == ""  # the template is copied, never filled in
