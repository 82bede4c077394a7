"""Bounds around a number: qualifiers before and after it, and the two ends of a range.

CONVENTIONS.md: the stated number is the bound ("أكثر من 60" is min 60, not 61), the
qualifier is part of the span, and a trailing على الأقل pulls the counted noun into it.
"""

from __future__ import annotations

from typing import Any

from khabar.quantify import lexicon
from khabar.quantify.candidates import Context, as_number
from khabar.quantify.tokens import PhraseTable, fold

_BEFORE = PhraseTable({**lexicon.QUALIFIERS_BEFORE, **lexicon.QUALIFIER_SYMBOLS})
#: "أو يساوي" makes the bound before it inclusive (أكثر من 5000 أو يساوي = gte 5000).
_AFTER = PhraseTable({**lexicon.QUALIFIERS_AFTER, "أو يساوي": "incl", "أو ما يساوي": "incl"})
_INCLUSIVE = {"gt": "gte", "lt": "lte"}
_OPENERS = PhraseTable(dict.fromkeys(lexicon.RANGE_OPENERS, True))
_JOIN_WORDS = frozenset(fold(w) for w in ("إلى", "الى", "حتى", "و"))
_JOIN_SYMBOLS = frozenset(("-", "–", "~", "−"))
_FROM = fold("من")


def qualifier_before(ctx: Context, i: int) -> tuple[int, str] | None:
    """`(start, approx)` of a qualifier phrase ending just before token `i` (أكثر من ← 60)."""
    return _BEFORE.match_back(ctx.toks, i, ctx.floor)


def qualifier_after(ctx: Context, j: int, approx: str) -> tuple[int, str] | None:
    """`(end, approx)` of a qualifier after the number, combined with the one before it."""
    found = _AFTER.match(ctx.toks, j)
    if found is None:
        return None
    end, after = found
    if after == "incl":
        return end, _INCLUSIVE.get(approx, "exact")
    return end, after


def range_opener(ctx: Context, i: int) -> tuple[int, str] | None:
    """`(start, opener)` of بين / ما بين / من just before token `i`; opener is بين or من.

    A range is confirmed only by its second end.
    """
    found = _OPENERS.match_back(ctx.toks, i, ctx.floor)
    if found is None:
        return None
    return found[0], "من" if ctx.fold(i - 1) == _FROM else "بين"


def range_joiner(ctx: Context, j: int, opener: str) -> int | None:
    """Token where the second end of a range starts, if a joiner sits at token `j`.

    و joins only after بين (بين 20 و30); حتى only after من; a dash, tilde or إلى always.
    """
    tok = ctx.tok(j)
    if tok is None:
        return None
    word = tok.fold if tok.cls != "sym" else tok.text
    if word in _JOIN_SYMBOLS:
        return j + 1
    if word not in _JOIN_WORDS:
        return j if tok.conj and opener == "بين" and tok.cls is not None else None
    if word == "و" and opener != "بين":
        return None
    if word == fold("حتى") and opener != "من":
        return None
    return j + 1


def range_attrs(kind: str, low: float, high: float, unit: str | None, **extra: Any) -> dict[str, Any]:
    """A range: CONVENTIONS.md gives value null with both bounds."""
    return {
        "kind": kind,
        "value": None,
        "min": as_number(low),
        "max": as_number(high),
        "approx": "range",
        "unit": unit,
        **extra,
    }
