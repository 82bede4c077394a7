"""Event places: the nearest place name to a trigger, widened to its phrase ("ريف حلب الجنوبي").

Candidates are the tag stage's LOC entities (with their GeoNames id and coordinates), or
when a sentence has none, a designator and the name after it ("بلدة خناصر"). A place after
the trigger wins over one before it (Arabic is verb-first), a place introduced by a locative
("في", "بـ", "قرب") over one that is not; a place before the trigger counts only when it is
locative, the trigger's subject ("مدينة حمورية تتعرض لقصف") or a dateline ("موسكو: ...").
"""

from __future__ import annotations

from typing import Any

from khabar.assemble import lexicon
from khabar.assemble.context import Story
from khabar.assemble.triggers import PhraseIndex, Word, clitic_free_start, fold, fold_all
from khabar.doc import Span

_STOPS = fold_all(lexicon.PHRASE_STOPS)

_DESIGNATORS = fold_all(lexicon.PLACE_DESIGNATORS)

_DIRECTIONS = PhraseIndex((d, d) for d in lexicon.DIRECTIONS)

_LOCATIVES = fold_all(lexicon.LOCATIVES)

_REPORTING = fold_all(v for v, _lemma in lexicon.REPORTING_VERBS)

_GEO_ATTRS = ("geonames_id", "lat", "lon", "country")

#: Words between a trigger and a place after it beyond which the place belongs to another clause.
MAX_PLACE_DISTANCE = 30

#: A place after the trigger without a locative must follow it closely ("قصف دوما"), else it is
#: another clause's subject ("الذي تعتبره أنقرة").
NEAR_DISTANCE = 4


#: Designators that are also plain relational nouns ("وسط تقدم لقوات الجيش" = amid an advance): as a
#: fallback place they need a definite name after them ("شمال شرقي البلاد", "وسط المدينة").
_RELATIONAL = fold_all(
    ("وسط", "محيط", "أطراف", "ضواحي", "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي")
)


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
            and (_designator_key(words[i]) not in _RELATIONAL or nxt.fold.startswith("ال"))
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


def place_at(story: Story, i: int) -> Span | None:
    """The LOC entity starting at word `i` as a location span with coordinates ("تحرير جبل الحمراء")."""
    entity = story.entity_at(i)
    if entity is None or entity.first != i or entity.span.get("type") != "LOC":
        return None
    span = story.doc.span(entity.span["start"], entity.span["end"])
    for attr in _GEO_ATTRS:
        if entity.span.get(attr) is not None:
            span[attr] = entity.span[attr]
    return span


#: Definite designators that point back to a place already named ("هجومها على المدينة" = مدينة دوما).
_ANAPHORIC = {fold(d): fold(d[2:]) for d in ("المدينة", "البلدة", "القرية", "المخيم", "الحي", "المحافظة")}


def antecedent_place(story: Story, first: int, hi: int, reach: int = 3) -> Span | None:
    """ "في هجومها على المدينة": the last "مدينة X" named before the trigger, when a bare definite
    designator follows it within `reach` words."""
    words = story.words
    k = next((k for k in range(first + 1, min(hi, first + 1 + reach)) if words[k].fold in _ANAPHORIC), None)
    if k is None:
        return None
    bare = _ANAPHORIC[words[k].fold]
    for j in range(first - 1, 0, -1):
        if bare in words[j].keys and (place := place_at(story, j + 1)) is not None:
            return story.doc.span(clitic_free_start(words[j], bare), place["end"]) | {
                a: place[a] for a in _GEO_ATTRS if place.get(a) is not None
            }
    return None
