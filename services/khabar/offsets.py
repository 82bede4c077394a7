"""Offset map between the normalized view of a story and its original text.

camel-tools' normalizers return a new string and keep no alignment, so Khabar
records one itself: normalization is described as a sequence of *segments*,
each a block of `n` normalized characters that came from a block of `o`
original characters. A segment with `n == o` is `n` one-to-one characters
(kept or substituted); any other segment is atomic (a deletion `n == 0`, an
expansion such as ﻻ -> لا, or a contraction) and maps as a whole.

Later stages search the normalized view and convert spans back through this
module and nowhere else.
"""

from __future__ import annotations

from bisect import bisect_right


class OffsetMapBuilder:
    """Accumulates segments while a normalizer walks the original text."""

    __slots__ = ("_segments",)

    def __init__(self) -> None:
        self._segments: list[int] = []

    def keep(self, count: int) -> None:
        """`count` characters map one-to-one (unchanged or substituted one for one)."""
        if count <= 0:
            return
        segs = self._segments
        if segs and segs[-2] == segs[-1] and _is_run(segs):
            segs[-2] += count
            segs[-1] += count
        else:
            segs.extend((count, count))

    def replace(self, normalized_len: int, original_len: int) -> None:
        """An atomic block: `original_len` original chars became `normalized_len` chars."""
        if normalized_len == original_len:
            if normalized_len == 1:
                self.keep(1)
                return
            # keep the block atomic: split into a marker the run merger will not merge
        self._segments.extend((normalized_len, original_len))
        if normalized_len == original_len:
            self._segments.extend((0, 0))  # a fence so the next keep() starts a new run

    def build(self) -> OffsetMap:
        return OffsetMap(self._segments)


def _is_run(segs: list[int]) -> bool:
    """The last segment is a one-to-one run (not an atomic equal-length block before a fence)."""
    return not (len(segs) >= 4 and segs[-4] == segs[-3] and segs[-2:] == [0, 0])


class OffsetMap:
    """Maps spans of the normalized text to the original text and back."""

    __slots__ = ("_segments", "_nstarts", "_ostarts", "_nlen", "_olen")

    def __init__(self, segments: list[int]) -> None:
        self._segments = list(segments)
        nstarts, ostarts = [], []
        npos = opos = 0
        for i in range(0, len(self._segments), 2):
            nstarts.append(npos)
            ostarts.append(opos)
            npos += self._segments[i]
            opos += self._segments[i + 1]
        self._nstarts, self._ostarts = nstarts, ostarts
        self._nlen, self._olen = npos, opos

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        return cls([length, length] if length else [])

    @property
    def normalized_length(self) -> int:
        return self._nlen

    @property
    def original_length(self) -> int:
        return self._olen

    def _char_to_original(self, npos: int) -> tuple[int, int]:
        """Original block [start, end) that normalized character `npos` came from."""
        k = bisect_right(self._nstarts, npos) - 1
        while self._segments[2 * k] == 0:  # skip deletions sharing this start
            k += 1
        n, o = self._segments[2 * k], self._segments[2 * k + 1]
        base_n, base_o = self._nstarts[k], self._ostarts[k]
        if n == o:
            start = base_o + (npos - base_n)
            return start, start + 1
        return base_o, base_o + o

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original span of the normalized span [start, end)."""
        if not 0 <= start <= end <= self._nlen:
            raise ValueError(f"normalized span [{start}, {end}) outside 0..{self._nlen}")
        if start == end:
            pos = self._olen if start == self._nlen else self._char_to_original(start)[0]
            return pos, pos
        return self._char_to_original(start)[0], self._char_to_original(end - 1)[1]

    def _char_to_normalized(self, opos: int) -> tuple[int, int]:
        """Normalized block [start, end) that original character `opos` went to (empty if deleted)."""
        k = bisect_right(self._ostarts, opos) - 1
        while self._segments[2 * k + 1] == 0:
            k += 1
        n, o = self._segments[2 * k], self._segments[2 * k + 1]
        base_n, base_o = self._nstarts[k], self._ostarts[k]
        if n == o:
            start = base_n + (opos - base_o)
            return start, start + 1
        return base_n, base_n + n

    def to_normalized(self, start: int, end: int) -> tuple[int, int]:
        """Normalized span covering the original span [start, end)."""
        if not 0 <= start <= end <= self._olen:
            raise ValueError(f"original span [{start}, {end}) outside 0..{self._olen}")
        if start == end:
            pos = self._nlen if start == self._olen else self._char_to_normalized(start)[0]
            return pos, pos
        return self._char_to_normalized(start)[0], self._char_to_normalized(end - 1)[1]

    def to_json(self) -> list[int]:
        """Flat list `[n1, o1, n2, o2, ...]` of segment lengths (compact on the wire)."""
        return list(self._segments)

    @classmethod
    def from_json(cls, data: list[int]) -> OffsetMap:
        if len(data) % 2:
            raise ValueError("offset map must have an even number of entries")
        return cls(data)
