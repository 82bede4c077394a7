"""Durations that need no number in front: يومين، عام ونصف، لمدة ساعة، الساعات الأربع والعشرين.

Durations with a number in front (3 ساعات، خمسة أيام) are read by `amounts.py`, which
calls `to_unit` here. Values are in the stated unit (CONVENTIONS.md); decades and
centuries become years so that the scorers' unit names suffice (ربع قرن = 25 years).
"""

from __future__ import annotations

from khabar.quantify import units
from khabar.quantify.candidates import Context
from khabar.quantify.numerals import read_number
from khabar.quantify.tokens import Tok, fold

_FACTORS = {"decade": ("year", 10), "century": ("year", 100)}
HALVES = {fold(w): v for w, v in (("ونصف", 0.5), ("والنصف", 0.5), ("وربع", 0.25), ("والربع", 0.25))}
_WHOLE = frozenset(fold(w) for w in units.WHOLE)
_NEED_NUMBER = frozenset(fold(w) for w in units.UNITS_NEED_NUMBER)
_OPENERS = frozenset(fold(w) for w in units.SPAN_OPENERS)
_OPENERS_DEFINITE = frozenset(fold(w) for w in ("طوال", "طيلة"))


_TIME_UNITS = {fold(k): v for k, v in units.TIME_UNITS.items()}
#: exact ratios between units, for compound durations (عامين وثلاثة أشهر = 27 months).
_IN_SECONDS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400, "week": 604800}
_IN_MONTHS = {"month": 1, "year": 12}


def time_unit(tok: Tok | None) -> tuple[str, int] | None:
    """`(unit, count)` if `tok` names a time unit (ثانية is also "second" the ordinal)."""
    if tok is None or tok.pre not in ("", "ال"):
        return None
    found = _TIME_UNITS.get(tok.key)
    if found is None or (tok.det and found[1] != 0):
        return None  # 3 الساعات yes, 3 الساعة no
    return found


def combine(first: tuple[float, str], second: tuple[float, str]) -> tuple[float, str, bool] | None:
    """Two parts of one duration in the smaller unit, and whether that is exact.

    >>> combine((2, "year"), (3, "month")), combine((2, "hour"), (30, "minute"))
    ((27.0, 'month', True), (150.0, 'minute', True))
    """
    (v1, u1), (v2, u2) = first, second
    for table in (_IN_SECONDS, _IN_MONTHS):
        if u1 in table and u2 in table and table[u1] > table[u2]:
            return v1 * table[u1] / table[u2] + v2, u2, True
    if u1 in _IN_MONTHS and u2 in _IN_SECONDS and _IN_SECONDS[u2] >= 86400:
        days = v1 * _IN_MONTHS[u1] * 30 + v2 * _IN_SECONDS[u2] / 86400
        return days, "day", False  # months have no fixed length: about
    return None


def to_unit(value: float, unit: str) -> tuple[float, str]:
    """Value in a unit the scorers know: decades and centuries become years."""
    target, factor = _FACTORS.get(unit, (unit, 1))
    return value * factor, target


def read_unit_duration(ctx: Context, i: int) -> tuple[int, float, str] | None:
    """`(end, value, unit)` of a duration led by its unit noun at token `i`, or None."""
    tok = ctx.tok(i)
    reading = _unit_reading(tok)
    if reading is None:
        return None
    unit, count, det = reading
    if count == 0 and det:
        return _unit_then_number(ctx, i, unit)
    nxt = ctx.tok(i + 1)
    if (tok.pre and tok.pre not in ("ال", "ل", "ب")) or (nxt is not None and nxt.cls == "num"):
        return None  # عام 2011، الساعة 7: a year or a clock time follows
    half = HALVES.get(ctx.fold(i + 1), 0.0)
    if count == 2:
        return (i + 2, 2 + half, unit) if half else (i + 1, 2.0, unit)
    if count != 1:
        return None
    if half and not det:
        return i + 2, 1 + half, unit  # عام ونصف، ساعة ونصف
    if ctx.fold(i + 1) in _WHOLE and not det:
        return i + 2, 1.0, unit  # يوم كامل، سنة كاملة، يوم واحد
    nxt = ctx.tok(i + 1)
    if _opened(ctx, i, det) and (det or nxt is None or not nxt.fold.startswith("ال")):
        return i + 1, 1.0, unit  # لمدة ساعة، طوال العام (not قبل يوم الإضراب)
    return None


def _unit_reading(tok: Tok | None) -> tuple[str, int, bool] | None:
    """`(unit, count, definite)` of a unit noun, also when it is classed otherwise (اليوم)."""
    if tok is None:
        return None
    if tok.cls == "tunit":
        return (*tok.val, tok.det)
    if tok.fold.startswith("ال") and tok.fold[2:] in _TIME_UNITS:
        return (*_TIME_UNITS[tok.fold[2:]], True)
    return None


def _unit_then_number(ctx: Context, i: int, unit: str) -> tuple[int, float, str] | None:
    """الساعات الأربع والعشرين، الأيام الثلاثة: a definite plural unit and a definite number."""
    k = i + 2 if ctx.fold(i + 1) == "ال" else i + 1  # الساعات الـ24: tatweel split the article off
    nxt = ctx.tok(k)
    if nxt is None or not (nxt.det or k == i + 2) or nxt.cls == "tunit":
        return None
    number = read_number(ctx.toks, k)
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
