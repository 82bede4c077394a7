"""Argument finders shared by every event type: place, time, attributed source, actors, noun phrases.

Each finder takes the `Story`, the trigger's word range and the sentence's word range
and returns a span dict (or None). Arabic is mostly verb-first, so arguments are looked
for after the trigger first and before it second (a fronted "وفي ريف حلب الجنوبي، ...").
"""

from __future__ import annotations

from typing import Any

from khabar.assemble import lexicon
from khabar.assemble.context import Story
from khabar.assemble.timeframe import parse_published, time_of
from khabar.assemble.triggers import PhraseIndex, clitic_free_start, fold, fold_all
from khabar.doc import Span

STOPS = fold_all(lexicon.PHRASE_STOPS)
ATTRIBUTION = PhraseIndex((m, m) for m in lexicon.ATTRIBUTION_MARKERS)
_SAY_AFTER_MA = fold_all(
    ("أفاد", "أفادت", "ذكر", "ذكرت", "أعلن", "أعلنت", "قال", "قالت", "أورد", "أوردت", "نقل", "نقلت")
)
_MA = fold("ما")


def read_phrase(story: Story, i: int, hi: int, max_words: int = 6) -> tuple[int, int] | None:
    """A noun phrase starting at word `i`: a whole entity or group, else words up to a stop."""
    words = story.words
    while i < hi and words[i].fold in ('"', "“", "«", "(", "ـ"):
        i += 1
    if i >= hi:
        return None
    for placed in (story.entity_at(i), story.group_at(i)):
        if placed is not None and placed.first == i:
            return placed.first, min(placed.last, hi - 1)
    last = i - 1
    while last + 1 < hi and last + 1 - i < max_words:
        w = words[last + 1]
        if w.is_punct or w.is_number or len(w.fold) < 2 or w.has(STOPS) or (last >= i and w.fold in STOPS):
            break
        last += 1
    return (i, last) if last >= i else None


def phrase_span(story: Story, first: int, last: int) -> Span:
    """Span of a phrase, without a leading proclitic on its first word when the rest is a known form."""
    word = story.words[first]
    start = word.start
    if word.base_start >= 0 and not story.entity_at(first):
        start = word.base_start  # the normalize stage's clitic analysis: "وزير" keeps its و
    elif len(word.keys) > 1 and word.fold[:1] in "وف" and not story.entity_at(first):
        start = clitic_free_start(word, word.keys[1])  # only و/ف: "بيان" is not ب + "يان"
    return story.doc.span(start, story.words[last].end)


def find_source(story: Story, lo: int, hi: int) -> Span | None:
    """The attributed source of a clause: the phrase after وفق/بحسب/نقلا عن ... (CONVENTIONS.md)."""
    for match in ATTRIBUTION.find(story.words, lo, hi):
        i = match.last + 1
        if i < hi and story.words[i].fold == _MA and i + 1 < hi and story.words[i + 1].has(_SAY_AFTER_MA):
            i += 2
        phrase = read_phrase(story, i, hi)
        if phrase:
            return phrase_span(story, *phrase)
    return None


def actor_span(story: Story, first: int, last: int, role: str, **attrs: Any) -> Span:
    """An `actors` item: the span without a leading proclitic, its role, and a canonical key
    (the lexicon's group key, else the folded surface)."""
    group, entity = story.group_at(first), story.entity_at(first)
    if entity is not None and entity.first == first:
        start = entity.span["start"]
    elif group is not None and group.first == first:
        start = clitic_free_start(story.words[first], group.key)
    else:
        start = phrase_span(story, first, last)["start"]
    span = story.doc.span(start, max(story.words[last].end, start))
    key = group.payload if group is not None else fold(span["text"])
    return {**span, "role": role, "key": key, **attrs}


def find_groups(
    story: Story, lo: int, hi: int, types: tuple[str, ...] = ("ORG", "PER", "MISC")
) -> list[tuple[int, int]]:
    """Armed groups and named actors in words[lo:hi] (lexicon groups first, then entities)."""
    found = [(g.first, g.last) for g in story.groups if lo <= g.first < hi]
    taken = {i for first, last in found for i in range(first, last + 1)}
    for e in story.entities:
        if lo <= e.first < hi and e.span.get("type") in types and e.first not in taken:
            found.append((e.first, e.last))
    return sorted(found)


TIME_WORDS = fold_all(lexicon.TIME_ADVERBS)
_GAP_WORDS = fold_all(lexicon.GAP_WORDS)
_IRREALIS = fold_all(lexicon.IRREALIS_MARKERS)
_BACKGROUND = fold_all(lexicon.BACKGROUND_MARKERS)


def is_skippable(story: Story, i: int) -> bool:
    """Words a trigger and its count may have between them: punctuation, names, time adverbs."""
    w = story.words[i]
    return (
        w.is_punct
        or w.has(TIME_WORDS)
        or w.has(_GAP_WORDS)
        or story.entity_at(i) is not None
        or story.group_at(i) is not None
    )


def gap_ok(story: Story, a: int, b: int, limit: int = 8) -> bool:
    """True when words[a:b] is short and holds only skippable words."""
    return 0 <= b - a <= limit and all(is_skippable(story, i) for i in range(a, b))


def find_time(story: Story, first: int, last: int, lo: int, hi: int) -> dict[str, Any] | None:
    """The event's time: the nearest date or duration in the sentence, resolved to a window."""
    best = min(
        (t for t in story.times if lo <= t.first < hi),
        key=lambda t: t.first - last if t.first > last else first - t.last,
        default=None,
    )
    return time_of(best.span, parse_published(story.doc.published_at)) if best else None


_QAD = fold("قد")
_KANA = fold_all(("كان", "كانت", "كانوا", "وكان", "وكانت", "وكانوا"))


def is_irrealis(story: Story, first: int, lo: int, window: int = 6) -> bool:
    """A planned, threatened, hypothetical or negated event: a modal cue shortly before the trigger."""
    words = story.words
    if words[first].fold[:1] == "س" and len(words[first].fold) > 4 and words[first].fold[1:2] in "يتن":
        return True
    return any(
        words[i].has(_IRREALIS) and not _past_qad(story, i, lo) for i in range(max(lo, first - window), first)
    )


def _past_qad(story: Story, i: int, lo: int) -> bool:
    """ "قد" before a perfect verb, or after كان, states a past fact: "وكانت ... قد وقعت اتفاقا"."""
    words = story.words
    if words[i].fold != _QAD or i + 1 >= len(words):
        return False
    after_kana = any(words[k].has(_KANA) for k in range(max(lo, i - 6), i))
    return after_kana or words[i + 1].fold[:1] not in "يتن"


def is_background(story: Story, first: int, lo: int) -> bool:
    """A nominal trigger governed by a backdrop noun or preposition ("قضية مقتل", "منذ مقتل")."""
    return first > lo and story.words[first - 1].has(_BACKGROUND)
