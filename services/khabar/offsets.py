"""Offset map between the normalized view of a story and its original text.

camel-tools' normalizers return a new string and keep no alignment, so Khabar
records one itself: normalization is described as a sequence of *segments*,
each a block of `n` normalized characters that came from a block of `o`
original characters. A segment with `n == o` is `n` one-to-one characters
(kept or substituted); any other segment is atomic (a deletion `n == 0`, an
expansion such as ﻻ -> لا, or a contraction such as `&amp;` -> `&`) and maps as
a whole. An atomic block with `n == o` (ﻻَ -> لا) is written as `n, o, 0, 0`:
the empty segment after it is a fence that marks it atomic.

Wire format (`to_json`): the flat list `[n1, o1, n2, o2, ...]`.

Later stages search the normalized view and convert spans back through this
module and nowhere else.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from operator import ge


class OffsetMapBuilder:
    """Accumulates segments, left to right, while a normalizer walks the original text."""

    __slots__ = ("_segments", "_run_open")

    def __init__(self) -> None:
        self._segments: list[int] = []
        self._run_open = False  # the last segment is a one-to-one run that keep() may extend

    def keep(self, count: int) -> None:
        """`count` characters map one-to-one (unchanged or substituted one for one)."""
        if count <= 0:
            return
        segs = self._segments
        if self._run_open:
            segs[-2] += count
            segs[-1] += count
        else:
            segs.extend((count, count))
            self._run_open = True

    def replace(self, normalized_len: int, original_len: int) -> None:
        """An atomic block: `original_len` original chars became `normalized_len` chars."""
        if normalized_len == original_len:
            if normalized_len == 1:
                self.keep(1)
            elif normalized_len:
                self._segments.extend((normalized_len, original_len, 0, 0))
                self._run_open = False
            return
        segs = self._segments
        if normalized_len == 0 and len(segs) >= 2 and segs[-2] == 0 and segs[-1]:
            segs[-1] += original_len  # consecutive deletions are one deletion
        else:
            segs.extend((normalized_len, original_len))
        self._run_open = False

    def build(self) -> OffsetMap:
        return OffsetMap(self._segments)


class OffsetMap:
    """Maps spans of the normalized text to the original text and back.

    >>> m = OffsetMapBuilder(); m.keep(1); m.replace(0, 1); m.keep(2); om = m.build()
    >>> om.to_original(0, 3), om.to_normalized(0, 4)
    ((0, 4), (0, 3))
    """

    __slots__ = ("_segments", "_nstarts", "_ostarts", "_ns", "_os", "_atomic", "_nlen", "_olen", "_identity")

    def __init__(self, segments: list[int]) -> None:
        self._segments = list(segments)
        nstarts: list[int] = []
        ostarts: list[int] = []
        ns: list[int] = []
        os_: list[int] = []
        atomic: list[bool] = []
        npos = opos = 0
        segs = self._segments
        for i in range(0, len(segs), 2):
            n, o = segs[i], segs[i + 1]
            if n < 0 or o < 0:
                raise ValueError(f"offset map segment {i // 2} has a negative length")
            if n == 0 and o == 0:  # a fence: the segment before it is atomic
                if atomic:
                    atomic[-1] = True
                continue
            nstarts.append(npos)
            ostarts.append(opos)
            ns.append(n)
            os_.append(o)
            atomic.append(n != o)
            npos += n
            opos += o
        self._nstarts, self._ostarts, self._ns, self._os, self._atomic = nstarts, ostarts, ns, os_, atomic
        self._nlen, self._olen = npos, opos
        self._identity = not any(atomic)

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        return cls([length, length] if length else [])

    @property
    def normalized_length(self) -> int:
        return self._nlen

    @property
    def original_length(self) -> int:
        return self._olen

    def _block_of_normalized(self, npos: int) -> int:
        """Index of the segment holding normalized character `npos` (deletions before it skipped)."""
        k = bisect_right(self._nstarts, npos) - 1
        while self._ns[k] == 0:
            k += 1
        return k

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original span of the normalized span [start, end).

        A span that touches part of an atomic block takes the whole block; deleted
        characters just before or after the span stay outside it.
        """
        if not 0 <= start <= end <= self._nlen:
            raise ValueError(f"normalized span [{start}, {end}) outside 0..{self._nlen}")
        if self._identity:
            return start, end
        if start == end:
            if start == self._nlen:
                return self._olen, self._olen
            k = self._block_of_normalized(start)
            if self._atomic[k]:
                return self._ostarts[k], self._ostarts[k]
            pos = self._ostarts[k] + start - self._nstarts[k]
            return pos, pos
        k = self._block_of_normalized(start)
        ostart = self._ostarts[k] if self._atomic[k] else self._ostarts[k] + start - self._nstarts[k]
        k = self._block_of_normalized(end - 1)
        if self._atomic[k]:
            oend = self._ostarts[k] + self._os[k]
        else:
            oend = self._ostarts[k] + end - self._nstarts[k]
        return ostart, oend

    def to_original_spans(self, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """`to_original` of many non-empty spans at once (see `to_original_bounds`)."""
        if not spans:
            return []
        starts, ends = self.to_original_bounds(*zip(*spans, strict=True))
        return list(zip(starts, ends, strict=True))

    def to_original_bounds(self, starts: Sequence[int], ends: Sequence[int]) -> tuple[list[int], list[int]]:
        """`to_original` of many non-empty spans, given and returned as a list of starts and one of ends.

        Same result as `to_original` span by span. The normalize stage maps every token and
        sentence through here, so the bounds are checked in one pass, not once per span.

        >>> m = OffsetMapBuilder(); m.keep(2); m.replace(0, 1); m.keep(3); om = m.build()
        >>> om.to_original_bounds([0, 2], [2, 5])
        ([0, 3], [2, 6])
        """
        if len(starts) != len(ends):
            raise ValueError("as many span starts as ends are needed")
        if not starts:
            return [], []
        starts, ends = list(starts), list(ends)
        ordered = starts == sorted(starts) and ends == sorted(ends)
        first, last = (starts[0], ends[-1]) if ordered else (min(starts), max(ends))
        if first < 0 or last > self._nlen or any(map(ge, starts, ends)):
            raise ValueError(f"normalized spans must be non-empty and inside 0..{self._nlen}")
        return self._map_positions(starts, False, ordered), self._map_positions(ends, True, ordered)

    def _to_original_bounds_unchecked(self, starts: list[int],
                                      ends: list[int]) -> tuple[list[int], list[int]]:
        """`to_original_bounds` without its checks, for the normalize stage's token columns.

        The caller promises what the public method checks: non-empty spans inside the view, given
        in text order (`find_story_tokens` reads them off one left-to-right scan). The spans built
        from the result are bounds-checked once, where they are created (`Doc.token_spans`).
        """
        return self._map_positions(starts, False, True), self._map_positions(ends, True, True)

    def to_original_starts(self, positions: Sequence[int]) -> list[int]:
        """The original start of the character at each normalized position (`to_original(p, p + 1)[0]`).

        The normalize stage maps where each token's base begins, after its proclitics.
        """
        positions = list(positions)
        if not positions:
            return []
        ordered = positions == sorted(positions)
        first, last = (positions[0], positions[-1]) if ordered else (min(positions), max(positions))
        if first < 0 or last >= self._nlen:
            raise ValueError(f"normalized positions must be inside 0..{self._nlen - 1}")
        return self._map_positions(positions, False, ordered)

    def _to_original_starts_unchecked(self, positions: list[int]) -> list[int]:
        """`to_original_starts` without its checks: the caller promises positions inside the view,
        in text order (a token's base starts inside the token, and tokens do not overlap)."""
        return self._map_positions(positions, False, True)

    def _map_positions(self, positions: list[int], last: bool, ordered: bool) -> list[int]:
        """Original offset of each normalized position, as a span start (`last=False`: of the
        character at p) or as a span end (`last=True`: just after the character at p - 1).

        Most stories have a handful of segments and hundreds of tokens, so when the positions are
        `ordered` (tokens in text order) the segments are walked once and each keep-run shifts its
        positions in one comprehension; otherwise each position is found by binary search.
        """
        if self._identity:
            return positions
        nstarts, ostarts, ns, os_, atomic = self._nstarts, self._ostarts, self._ns, self._os, self._atomic
        if not ordered or len(nstarts) * 4 > len(positions):
            return self._bisect_positions(positions, last)
        mapped: list[int] = []
        lo = 0
        for k, nstart in enumerate(nstarts):
            if not ns[k]:  # a deletion holds no normalized character
                continue
            # a start belongs to segment k when nstart <= p < nstart + n, an end when nstart < p <= nstart + n
            hi = (bisect_right if last else bisect_left)(positions, nstart + ns[k], lo)
            if hi == lo:
                continue
            if atomic[k]:
                mapped += [ostarts[k] + os_[k] if last else ostarts[k]] * (hi - lo)
            else:
                shift = ostarts[k] - nstart
                mapped += [p + shift for p in positions[lo:hi]]
            lo = hi
        return mapped

    def _bisect_positions(self, positions: list[int], last: bool) -> list[int]:
        """`_map_positions` for any order of positions: one binary search per position."""
        nstarts, ostarts, os_, atomic = self._nstarts, self._ostarts, self._os, self._atomic
        # bisect_right lands after any deletion that shares a segment start, on the segment that
        # holds the character (normalized segments are never empty but for deletions)
        if last:
            blocks = [bisect_right(nstarts, p - 1) - 1 for p in positions]
            return [ostarts[k] + os_[k] if atomic[k] else ostarts[k] + p - nstarts[k]
                    for p, k in zip(positions, blocks, strict=True)]
        blocks = [bisect_right(nstarts, p) - 1 for p in positions]
        return [ostarts[k] if atomic[k] else ostarts[k] + p - nstarts[k]
                for p, k in zip(positions, blocks, strict=True)]

    def _block_of_original(self, opos: int) -> int:
        """Index of the segment holding original character `opos` (insertions before it skipped)."""
        k = bisect_right(self._ostarts, opos) - 1
        while self._os[k] == 0:
            k += 1
        return k

    def to_normalized(self, start: int, end: int) -> tuple[int, int]:
        """Normalized span covering the original span [start, end) (empty if it was all deleted)."""
        if not 0 <= start <= end <= self._olen:
            raise ValueError(f"original span [{start}, {end}) outside 0..{self._olen}")
        if self._identity:
            return start, end
        if start == end:
            if start == self._olen:
                return self._nlen, self._nlen
            k = self._block_of_original(start)
            pos = self._nstarts[k] if self._atomic[k] else self._nstarts[k] + start - self._ostarts[k]
            return pos, pos
        k = self._block_of_original(start)
        nstart = self._nstarts[k] if self._atomic[k] else self._nstarts[k] + start - self._ostarts[k]
        k = self._block_of_original(end - 1)
        if self._atomic[k]:
            nend = self._nstarts[k] + self._ns[k]
        else:
            nend = self._nstarts[k] + end - self._ostarts[k]
        return nstart, max(nstart, nend)

    def to_json(self) -> list[int]:
        """Flat list `[n1, o1, n2, o2, ...]` of segment lengths (compact on the wire)."""
        return list(self._segments)

    @classmethod
    def from_json(cls, data: list[int]) -> OffsetMap:
        if len(data) % 2:
            raise ValueError("offset map must have an even number of entries")
        return cls(data)
