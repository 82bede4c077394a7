"""The offset map: exact spans both ways, monotone, total, and stable on the wire."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.offsets import OffsetMap
from tests.unit.offset_blocks import blocks_strategy, map_factory

pytestmark = pytest.mark.unit

_BLOCKS = blocks_strategy(longest_run=6, most_blocks=30)


def test_offsets_identity_maps_spans_to_themselves():
    om = OffsetMap.identity(10)
    assert om.to_original(2, 7) == (2, 7) and om.to_normalized(2, 7) == (2, 7)
    assert OffsetMap.identity(0).to_original(0, 0) == (0, 0)


def test_offsets_deletion_is_outside_neighbouring_spans():
    # "aَb" -> "ab": the deleted mark belongs to no one-character span
    om = map_factory([("keep", 1), ("replace", (0, 1)), ("keep", 1)])
    assert om.to_original(0, 1) == (0, 1)
    assert om.to_original(1, 2) == (2, 3)
    assert om.to_original(0, 2) == (0, 3)
    assert om.to_normalized(1, 2) == (1, 1)


def test_offsets_expansion_maps_as_a_whole():
    # "xﻻy" -> "xلاy": either letter of لا comes from the one ligature
    om = map_factory([("keep", 1), ("replace", (2, 1)), ("keep", 1)])
    assert om.to_original(1, 2) == (1, 2) and om.to_original(2, 3) == (1, 2)
    assert om.to_normalized(1, 2) == (1, 3)


def test_offsets_equal_length_atomic_block_survives_json():
    om = OffsetMap.from_json(map_factory([("replace", (2, 2)), ("keep", 3)]).to_json())
    assert om.to_original(1, 2) == (0, 2)  # atomic: not one-to-one
    assert om.to_original(2, 3) == (2, 3)


def test_offsets_rejects_spans_out_of_range():
    om = OffsetMap.identity(3)
    with pytest.raises(ValueError):
        om.to_original(2, 4)
    with pytest.raises(ValueError):
        OffsetMap.from_json([1, 2, 3])


@settings(max_examples=300, deadline=None)
@given(_BLOCKS)
def test_offsets_map_is_monotone_and_covers_every_normalized_char(blocks):
    om = map_factory(blocks)
    previous = (0, 0)
    for i in range(om.normalized_length):
        start, end = om.to_original(i, i + 1)
        assert 0 <= start < end <= om.original_length  # every normalized char has a source
        assert start >= previous[0] and end >= previous[1]  # monotone
        previous = (start, end)


@settings(max_examples=300, deadline=None)
@given(_BLOCKS, st.data())
def test_offsets_spans_round_trip(blocks, data):
    om = map_factory(blocks)
    n = om.normalized_length
    if n == 0:
        return
    start = data.draw(st.integers(0, n - 1))
    end = data.draw(st.integers(start + 1, n))  # an empty span inside an expansion has no exact source
    ostart, oend = om.to_original(start, end)
    back = om.to_normalized(ostart, oend)
    assert back[0] <= start and end <= back[1]  # the original span covers the normalized one
    assert om.to_original(*back) == (ostart, oend)  # and maps back to itself


@settings(max_examples=200, deadline=None)
@given(_BLOCKS, st.data())
def test_offsets_bulk_mapping_equals_one_by_one(blocks, data):
    om = map_factory(blocks)
    n = om.normalized_length
    cuts = sorted(data.draw(st.lists(st.integers(0, n), max_size=12)))
    spans = [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if a < b]
    assert om.to_original_spans(spans) == [om.to_original(a, b) for a, b in spans]


@given(_BLOCKS)
def test_offsets_json_round_trip(blocks):
    om = map_factory(blocks)
    again = OffsetMap.from_json(om.to_json())
    assert again.to_json() == om.to_json()
    assert (again.normalized_length, again.original_length) == (om.normalized_length, om.original_length)
