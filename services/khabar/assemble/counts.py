"""Counts of people for event arguments, read from the quantify stage's cardinals.

A `Count` is a cardinal quantity placed on the word grid, with its bounds in the event
convention (CONVENTIONS.md: "more than 60" is min 60, max null; an exact or approximate
figure is min = max) and the counted noun that follows it. Digits that the quantify stage
left unannotated get a light fallback here (bound words right before them, "على الأقل"
after the noun), so the assembler degrades gracefully; number words are quantify's job.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Any

from khabar.assemble import lexicon
from khabar.assemble.triggers import Word, fold, fold_all

Bounds = dict[str, float | int | None]

_PERSONS = fold_all(lexicon.PERSON_NOUNS + lexicon.DISPLACED_NOUNS)
_COUNTED = fold_all(
    lexicon.KILLED_NOUNS
    + lexicon.INJURED_NOUNS
    + lexicon.PERSON_NOUNS
    + lexicon.NON_PERSON_NOUNS
    + lexicon.DISPLACED_NOUNS
)
#: Bound words before a bare number, longest first, with the approx value they give.
_BOUND_WORDS = tuple(
    (tuple(fold(w) for w in phrase.split()), approx)
    for phrase, approx in (
        ("ما لا يقل عن", "gte"),
        ("لا يقل عن", "gte"),
        ("ما يزيد عن", "gt"),
        ("ما يزيد على", "gt"),
        ("أكثر من", "gt"),
        ("اكثر من", "gt"),
        ("أقل من", "lt"),
        ("ما يقارب", "about"),
        ("نحو", "about"),
        ("حوالي", "about"),
        ("حوالى", "about"),
        ("قرابة", "about"),
        ("زهاء", "about"),
        ("يقارب", "about"),
    )
)
_AT_LEAST = (fold("على"), fold("الأقل"))
_SCALE = {fold("ألف"): 1000, fold("آلاف"): 1000, fold("ألفا"): 1000, fold("مليون"): 1_000_000}


@dataclass(frozen=True, slots=True)
class Count:
    """A figure of people: word range, bounds, quantify's unit (folded) and the noun's word index."""

    first: int
    last: int
    start: int
    end: int
    bounds: Bounds
    noun: str | None
    noun_i: int | None
    vague: bool = False


def bounds_of(quantity: dict[str, Any]) -> Bounds:
    """Event bounds of a quantity: exact/about give min = max, gt/gte a floor, lt/lte a ceiling.

    >>> bounds_of({"value": 60, "min": 60, "max": None, "approx": "gt"})
    {'min': 60, 'max': None}
    """
    approx = quantity.get("approx") or "exact"
    value = quantity.get("value")
    if approx in ("gt", "gte"):
        return {"min": quantity.get("min") if quantity.get("min") is not None else value, "max": None}
    if approx in ("lt", "lte"):
        return {"min": None, "max": quantity.get("max") if quantity.get("max") is not None else value}
    if approx == "range":
        return {"min": quantity.get("min"), "max": quantity.get("max")}
    return {"min": value, "max": value}


def word_range(words: list[Word], starts: list[int], start: int, end: int) -> tuple[int, int] | None:
    """First and last word overlapping [start, end), found by bisection on the word starts."""
    i = max(bisect_right(starts, start) - 1, 0)
    if i < len(words) and words[i].end <= start:
        i += 1
    j = i
    while j < len(words) and words[j].start < end:
        j += 1
    return (i, j - 1) if j > i else None


def _noun_after(words: list[Word], first: int, last: int) -> int | None:
    """Index of the counted noun: a known noun inside the span after its number, else the next word."""
    digits = [i for i in range(first, last + 1) if words[i].is_number]
    for i in range(digits[0] + 1 if digits else first, last + 1):
        if words[i].has(_COUNTED) and words[i].fold not in _SCALE:
            return i
    nxt = last + 1
    while nxt < len(words) and words[nxt].fold in ('"', "“", "”", "«", "»"):
        nxt += 1
    if nxt < len(words) and words[nxt].sent == words[last].sent and words[nxt].has(_COUNTED):
        return nxt
    return None


def counts_from_quantities(words: list[Word], quantities: list[dict[str, Any]]) -> list[Count]:
    """Cardinal quantities as counts (dates, money, percents and identifiers are not people)."""
    starts = [w.start for w in words]
    found = []
    for q in quantities:
        if q.get("kind") != "cardinal":
            continue
        span = word_range(words, starts, q["start"], q["end"])
        if span is None:
            continue
        counted = q.get("counted")
        noun_span = word_range(words, starts, counted["start"], counted["end"]) if counted else None
        noun_i = noun_span[0] if noun_span else _noun_after(words, *span)
        first = span[0]
        if noun_i is None and not q.get("unit") and first > 0 and words[first - 1].has(_PERSONS):
            first = noun_i = first - 1  # the noun before its number: "فلسطينيين اثنين"
        noun = fold(q["unit"]) if q.get("unit") else None
        bounds = bounds_of(q)
        vague = bounds["min"] is None and bounds["max"] is None
        found.append(Count(first, span[1], q["start"], q["end"], bounds, noun, noun_i, vague))
    return found


def _bound_before(words: list[Word], i: int) -> tuple[int, str]:
    """The first word of a bound phrase ending right before word `i`, and its approx value."""
    for forms, approx in _BOUND_WORDS:
        first = i - len(forms)
        if first >= 0 and all(forms[k] in words[first + k].keys for k in range(len(forms))):
            return first, approx
    return i, "exact"


def _value(text: str) -> float | None:
    digits = fold(text).replace(",", "")
    try:
        return float(digits) if "." in digits else int(digits)
    except ValueError:
        return None


def fallback_counts(words: list[Word], covered: set[int]) -> list[Count]:
    """Counts for digit words no cardinal quantity covers: "اكثر من 60 عنصرا", "28 قتيلا على الاقل"."""
    found = []
    for w in words:
        if not w.is_number or w.i in covered or (value := _value(w.text)) is None:
            continue
        last = w.i
        if last + 1 < len(words) and words[last + 1].fold in _SCALE:
            value, last = value * _SCALE[words[last + 1].fold], last + 1
        first, approx = _bound_before(words, w.i)
        noun_i = last + 1 if last + 1 < len(words) and words[last + 1].sent == w.sent else None
        if (
            noun_i is not None
            and approx == "exact"
            and noun_i + 2 < len(words)
            and (words[noun_i + 1].fold, words[noun_i + 2].fold) == _AT_LEAST
        ):
            approx, last = "gte", noun_i + 2
        bounds = bounds_of({"value": value, "min": value, "max": value, "approx": approx})
        if noun_i is not None and not words[noun_i].is_arabic:
            noun_i = None
        found.append(Count(first, last, words[first].start, words[last].end, bounds, None, noun_i))
    return found


def find_counts(words: list[Word], quantities: list[dict[str, Any]]) -> list[Count]:
    """All counts of a story, from quantities first and the digit fallback for the rest."""
    counts = counts_from_quantities(words, quantities)
    starts = [w.start for w in words]
    covered = {
        i
        for q in quantities
        if (span := word_range(words, starts, q["start"], q["end"]))
        for i in range(span[0], span[1] + 1)
    }
    counts += fallback_counts(words, covered)
    return sorted(counts, key=lambda c: c.first)
