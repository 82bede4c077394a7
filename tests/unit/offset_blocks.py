"""Offset maps described as blocks, for the offset-map tests and the normalize bulk-span tests."""

from __future__ import annotations

from hypothesis import strategies as st

from khabar.offsets import OffsetMap, OffsetMapBuilder


def blocks_strategy(longest_run: int, most_blocks: int) -> st.SearchStrategy:
    """(normalized length, original length) blocks: runs, deletions, expansions, contractions.

    normalize never inserts text that has no source, so every block has original length >= 1.
    """
    return st.lists(
        st.one_of(
            st.tuples(st.just("keep"), st.integers(1, longest_run)),
            st.tuples(st.just("replace"), st.tuples(st.integers(0, 3), st.integers(1, 4))),
        ),
        max_size=most_blocks,
    )


def map_factory(blocks: list) -> OffsetMap:
    """Build the map a normalizer would build while emitting `blocks` in order."""
    builder = OffsetMapBuilder()
    for kind, arg in blocks:
        if kind == "keep":
            builder.keep(arg)
        else:
            builder.replace(*arg)
    return builder.build()
