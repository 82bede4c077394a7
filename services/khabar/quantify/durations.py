"""Durations that need no number in front: يومين، عام ونصف، لمدة ساعة، الساعات الأربع والعشرين.

Durations with a number in front (3 ساعات، خمسة أيام) are read by `amounts.py`, which
calls `to_unit` here. Values are in the stated unit (CONVENTIONS.md); decades and
centuries become years so that the scorers' unit names suffice (ربع قرن = 25 years).
"""

from __future__ import annotations

from khabar.quantify import units
from khabar.quantify.candidates import Context
from khabar.quantify.numbers import read_number
from khabar.quantify.tokens import fold

_FACTORS = {"decade": ("year", 10), "century": ("year", 100)}
_HALVES = {fold(w): v for w, v in (("ونصف", 0.5), ("والنصف", 0.5), ("وربع", 0.25), ("والربع", 0.25))}
_WHOLE = frozenset(fold(w) for w in units.WHOLE)
_NEED_NUMBER = frozenset(fold(w) for w in units.UNITS_NEED_NUMBER)
_OPENERS = frozenset(fold(w) for w in units.SPAN_OPENERS)
_OPENERS_DEFINITE = frozenset(fold(w) for w in ("طوال", "طيلة"))


def to_unit(value: float, unit: str) -> tuple[float, str]:
    """Value in a unit the scorers know: decades and centuries become years."""
    target, factor = _FACTORS.get(unit, (unit, 1))
    return value * factor, target


def read_unit_duration(ctx: Context, i: int) -> tuple[int, float, str] | None:
    """`(end, value, unit)` of a duration led by its unit noun at token `i`, or None."""
    tok = ctx.tok(i)
    if tok is None or tok.cls != "tunit":
        return None
    unit, count = tok.val
    if count == 0 and tok.det:
        return _unit_then_number(ctx, i, unit)
    if tok.pre and tok.pre not in ("ال", "ل", "ب"):
        return None
    half = _HALVES.get(ctx.fold(i + 1), 0.0)
    if count == 2:
        return (i + 2, 2 + half, unit) if half else (i + 1, 2.0, unit)
    if count != 1:
        return None
    if half and not tok.det:
        return i + 2, 1 + half, unit  # عام ونصف، ساعة ونصف
    if ctx.fold(i + 1) in _WHOLE and not tok.det:
        return i + 2, 1.0, unit  # يوم كامل، سنة كاملة، يوم واحد
    if _opened(ctx, i, tok.det):
        return i + 1, 1.0, unit  # لمدة ساعة، طوال العام
    return None


def _unit_then_number(ctx: Context, i: int, unit: str) -> tuple[int, float, str] | None:
    """الساعات الأربع والعشرين، الأيام الثلاثة: a definite plural unit and a definite number."""
    nxt = ctx.tok(i + 1)
    if nxt is None or not nxt.det or nxt.cls == "tunit":
        return None
    number = read_number(ctx.toks, i + 1)
    if number is None or number.value < 2:
        return None
    return number.j, number.value, unit


def _opened(ctx: Context, i: int, definite: bool) -> bool:
    """A bare singular unit counts as one unit after لمدة/طوال (and طوال only, if definite)."""
    tok, prev = ctx.toks[i], ctx.tok(i - 1)
    if prev is None:
        return False
    word = prev.key if prev.pre in ("", "و", "ل") else prev.fold
    if definite:
        return word in _OPENERS_DEFINITE
    return word in _OPENERS and (tok.key not in _NEED_NUMBER or word in _OPENERS)
