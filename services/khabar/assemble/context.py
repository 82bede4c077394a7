"""A story laid out for argument search: words, sentences, and every layer placed on the word grid.

Built once per document; the finders in `casualties`, `incidents`, `statements` and
`accords` read it and never touch offsets themselves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from khabar.assemble import lexicon
from khabar.assemble.counts import Count, find_counts, word_range
from khabar.assemble.triggers import Match, PhraseIndex, Word, make_word, read_words
from khabar.doc import Doc, Span

_GROUP_INDEX = PhraseIndex(lexicon.GROUPS)
_SENTENCE_END_RE = re.compile(r"[.!?؟…]+(?=\s|$)|\n+")
_WORD_RE = re.compile(r"\d+(?:[.,]\d+)*|\w+|[^\w\s]", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Placed:
    """A span of another layer (entity, quantity) with the words it covers."""

    first: int
    last: int
    span: dict[str, Any]


@dataclass
class Story:
    """One document on the word grid."""

    doc: Doc
    words: list[Word]
    sentences: list[tuple[int, int]]
    entities: list[Placed] = field(default_factory=list)
    times: list[Placed] = field(default_factory=list)
    counts: list[Count] = field(default_factory=list)
    groups: list[Match] = field(default_factory=list)

    def span(self, first: int, last: int, **attrs: Any) -> Span:
        """The original-text span of words[first..last]."""
        return self.doc.span(self.words[first].start, self.words[last].end, **attrs)

    def entity_at(self, i: int) -> Placed | None:
        return next((e for e in self.entities if e.first <= i <= e.last), None)

    def group_at(self, i: int) -> Match | None:
        return next((g for g in self.groups if g.first <= i <= g.last), None)


def _words_without_tokens(text: str) -> list[Word]:
    """Words of a story that arrives without tokens, with sentences cut at . ! ? and line breaks."""
    words: list[Word] = []
    sent, last_end = 0, 0
    for m in _WORD_RE.finditer(text):
        if words and ("\n" in text[last_end : m.start()] or _SENTENCE_END_RE.fullmatch(words[-1].text)):
            sent += 1
        words.append(make_word(len(words), m.start(), m.end(), m.group(), sent))
        last_end = m.end()
    return words


def _sentence_ranges(words: list[Word]) -> list[tuple[int, int]]:
    ranges: list[tuple[int, int]] = []
    for w in words:
        if ranges and words[ranges[-1][0]].sent == w.sent:
            ranges[-1] = (ranges[-1][0], w.i + 1)
        else:
            ranges.append((w.i, w.i + 1))
    return ranges


def _place(words: list[Word], starts: list[int], spans: list[dict[str, Any]]) -> list[Placed]:
    placed = []
    for span in spans:
        found = word_range(words, starts, span["start"], span["end"])
        if found:
            placed.append(Placed(found[0], found[1], span))
    return sorted(placed, key=lambda p: (p.first, -p.last))


def read_story(doc: Doc) -> Story:
    """Lay `doc` out: words from its tokens (or from the text), then entities, times, counts, groups."""
    words = read_words(doc.tokens) if doc.tokens else _words_without_tokens(doc.text)
    starts = [w.start for w in words]
    time_kinds = ("date", "duration", "time")
    return Story(
        doc=doc,
        words=words,
        sentences=_sentence_ranges(words),
        entities=_place(words, starts, doc.entities),
        times=_place(words, starts, [q for q in doc.quantities if q.get("kind") in time_kinds]),
        counts=find_counts(words, doc.quantities),
        groups=_GROUP_INDEX.find(words),
    )
