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
from khabar.assemble.triggers import PhraseIndex, Word, fold, fold_all
from khabar.doc import Span

_DESIGNATORS = fold_all(lexicon.PLACE_DESIGNATORS)
_DIRECTIONS = PhraseIndex((d, d) for d in lexicon.DIRECTIONS)
_LOCATIVES = fold_all(lexicon.LOCATIVES)
_REPORTING = fold_all(v for v, _lemma in lexicon.REPORTING_VERBS)
_STOPS = fold_all(lexicon.PHRASE_STOPS)
ATTRIBUTION = PhraseIndex((m, m) for m in lexicon.ATTRIBUTION_MARKERS)
_SAY_AFTER_MA = fold_all(
    ("أفاد", "أفادت", "ذكر", "ذكرت", "أعلن", "أعلنت", "قال", "قالت", "أورد", "أوردت", "نقل", "نقلت")
)
_MA = fold("ما")
_GEO_ATTRS = ("geonames_id", "lat", "lon", "country")
#: Words between a trigger and a place after it beyond which the place belongs to another clause.
MAX_PLACE_DISTANCE = 30
#: A place after the trigger without a locative must follow it closely ("قصف دوما"), else it is
#: another clause's subject ("الذي تعتبره أنقرة").
NEAR_DISTANCE = 4


def clitic_free_start(word: Word, key: str) -> int:
    """Character offset where `key` (a stripped form of `word`) begins in the original text."""
    skip = len(word.fold) - len(key) if word.fold.endswith(key) else 0
    offset = word.start
    while skip > 0 and offset < word.end:
        offset += 1
        if offset < word.end and not ("\u064b" <= word.text[offset - word.start] <= "\u065f"):
            skip -= 1
    while offset < word.end and "\u064b" <= word.text[offset - word.start] <= "\u065f":
        offset += 1
    return offset


def _designator_key(word: Word) -> str | None:
    return next((k for k in word.keys if k in _DESIGNATORS), None)


def _extend_place(story: Story, first: int, last: int, lo: int, hi: int) -> tuple[int, int, int]:
    """Widen a place over designators before it and a direction after it: (first, last, start)."""
    words = story.words
    while first - 1 >= lo and _designator_key(words[first - 1]) and last - first < 5:
        first -= 1
    direction = _DIRECTIONS.match_at(words, last + 1, hi) if last + 1 < hi else None
    if direction:
        last = direction.last
    key = _designator_key(words[first])
    start = clitic_free_start(words[first], key) if key else words[first].start
    return first, last, start


def _is_locative(story: Story, first: int, start: int) -> bool:
    """A place after في/قرب/عند ... or with a clitic ب glued to it ("بمدينة", "وبغداد")."""
    word = story.words[first]
    glued = fold(story.doc.text[word.start : start])
    if "ب" in glued or word.has(_LOCATIVES):  # "بمدينة", or a direction opening the place: "شرق مدينة غزة"
        return True
    return first > 0 and story.words[first - 1].has(_LOCATIVES)


def is_place_argument(story: Story, first: int) -> bool:
    """A LOC entity at word `first` introduced by a locative ("في", "بـ"): a place, not an actor."""
    entity = story.entity_at(first)
    if entity is None or entity.span.get("type") != "LOC":
        return False
    return _is_locative(story, first, entity.span["start"])


def is_locative_span(story: Story, span: dict[str, Any]) -> bool:
    """A place span introduced by a locative ("في فيينا", "بمدينة")."""
    first = next((w.i for w in story.words if w.start <= span["start"] < w.end), None)
    return first is not None and _is_locative(story, first, span["start"])


def _subject_place(story: Story, place_first: int, trigger_first: int, lo: int) -> bool:
    """A place before the trigger that is its subject ("مدينة حمورية تتعرض لقصف") or a dateline."""
    nxt = story.words[place_first + 1] if place_first + 1 < len(story.words) else None
    if place_first == lo and nxt is not None and nxt.text in (":", "(", "-", "،", ","):
        return True  # a dateline: "موسكو: ...", "القدس (CNN)-- ..."
    return (
        place_first > lo
        and trigger_first - place_first <= 6
        and not story.words[place_first - 1].has(_REPORTING)
    )


def _designator_places(story: Story, lo: int, hi: int) -> list[tuple[int, int]]:
    """Fallback places when the tag stage gave none: a designator and the name after it."""
    found, words = [], story.words
    for i in range(lo, hi - 1):
        nxt = words[i + 1]
        if (
            _designator_key(words[i])
            and nxt.is_arabic
            and not nxt.has(_STOPS)
            and not _designator_key(nxt)
            and story.group_at(i + 1) is None
        ):
            last = i + 1
            while (
                last + 1 < hi
                and words[last + 1].is_arabic
                and not words[last + 1].has(_STOPS)
                and last - i < 3
                and not words[last + 1].fold.startswith("و")
            ):
                last += 1
            found.append((i + 1, last))
    return found


def place_candidates(story: Story, lo: int, hi: int) -> list[tuple[int, int, dict[str, Any] | None]]:
    """Place names in words[lo:hi]: LOC entities, or designator phrases when there are none."""
    locs = [
        (e.first, e.last, e.span)
        for e in story.entities
        if lo <= e.first < hi and e.span.get("type") == "LOC"
    ]
    if locs:
        return locs
    return [(first, last, None) for first, last in _designator_places(story, lo, hi)]


def find_location(story: Story, first: int, last: int, lo: int, hi: int) -> Span | None:
    """The event's place: the nearest place after the trigger (locatives first), else before it."""
    best, best_rank = None, None
    for p_first, p_last, entity in place_candidates(story, lo, hi):
        if first <= p_first <= last:
            continue
        ext_first, ext_last, start = _extend_place(story, p_first, p_last, lo, hi)
        after = p_first > last
        distance = p_first - last if after else first - p_last
        locative = _is_locative(story, ext_first, start)
        if (after and distance > (MAX_PLACE_DISTANCE if locative else NEAR_DISTANCE)) or (
            not after and not locative and not _subject_place(story, ext_first, first, lo)
        ):
            continue  # a place far away, or a speaker before the verb ("وتؤكد روسيا ان الضربات")
        rank = (not after, not locative, distance)
        if best_rank is None or rank < best_rank:
            best, best_rank = (start, ext_last, entity), rank
    if best is None:
        return None
    start, ext_last, entity = best
    span = story.doc.span(start, story.words[ext_last].end)
    for attr in _GEO_ATTRS:
        if entity and entity.get(attr) is not None:
            span[attr] = entity[attr]
    return span


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
        if w.is_punct or w.is_number or len(w.fold) < 2 or w.has(_STOPS) or (last >= i and w.fold in _STOPS):
            break
        last += 1
    return (i, last) if last >= i else None


def phrase_span(story: Story, first: int, last: int) -> Span:
    """Span of a phrase, without a leading proclitic on its first word when the rest is a known form."""
    word = story.words[first]
    start = word.start
    if len(word.keys) > 1 and word.fold[:1] in "وف" and not story.entity_at(first):
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


_TIME_WORDS = fold_all(
    (
        "يوم",
        "اليوم",
        "أمس",
        "امس",
        "السبت",
        "الأحد",
        "الاثنين",
        "الإثنين",
        "الثلاثاء",
        "الأربعاء",
        "الخميس",
        "الجمعة",
        "صباح",
        "مساء",
        "ليل",
        "فجر",
        "فجرا",
        "صباحا",
        "مساء",
        "ليلا",
        "الماضي",
        "الماضية",
        "أيضا",
        "ايضا",
        "كذلك",
        "حتى",
        "الآن",
    )
)
_GAP_WORDS = fold_all(
    (
        "عن",
        "ما",
        "قد",
        "ربما",
        "على",
        "الأقل",
        "جميع",
        "كل",
        "وفق",
        "بحسب",
        "حسب",
        "وفقا",
        "فيه",
        "فيها",
        "فيهم",
        "عليه",
        "عليها",
        "به",
        "بها",
    )
)
_IRREALIS = fold_all(lexicon.IRREALIS_MARKERS)
_BACKGROUND = fold_all(lexicon.BACKGROUND_MARKERS)


def is_skippable(story: Story, i: int) -> bool:
    """Words a trigger and its count may have between them: punctuation, names, time adverbs."""
    w = story.words[i]
    return (
        w.is_punct
        or w.has(_TIME_WORDS)
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


def is_irrealis(story: Story, first: int, lo: int, window: int = 6) -> bool:
    """A planned, threatened, hypothetical or negated event: a modal cue shortly before the trigger."""
    words = story.words
    if words[first].fold[:1] == "س" and len(words[first].fold) > 4 and words[first].fold[1:2] in "يتن":
        return True
    return any(words[i].has(_IRREALIS) for i in range(max(lo, first - window), first))


def is_background(story: Story, first: int, lo: int) -> bool:
    """A nominal trigger governed by a backdrop noun or preposition ("قضية مقتل", "منذ مقتل")."""
    return first > lo and story.words[first - 1].has(_BACKGROUND)
