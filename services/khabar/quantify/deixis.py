"""Dates that point from the story's own day: weekdays (السبت، الأحد المقبل), أمس/اليوم/غدا,
and periods such as العام الماضي or الشهر المقبل.

Resolved against `published_at` when the story has one (CONVENTIONS.md: a weekday is the
latest such day on or before publication unless the text marks the future); otherwise
`date` is null and `weekday` names the day.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from khabar.quantify import calendars, dates
from khabar.quantify.candidates import Candidate, Context, amount
from khabar.quantify.ordinals import read_ordinal
from khabar.quantify.relative import add_months, nth_weekday, resolve_weekday, shift_date, weekday_of_week
from khabar.quantify.tokens import PhraseTable, fold

_RELATIVE = PhraseTable(calendars.RELATIVE_DAYS)
_WEEKDAY_NAMES = {iso: name for name, iso in calendars.cldr_weekdays().items()}
_NEXT = frozenset(fold(w) for w in calendars.NEXT_WORDS)
_LAST = frozenset(fold(w) for w in calendars.LAST_WORDS)
_THIS = frozenset(fold(w) for w in calendars.THIS_WORDS)
_WEEK, _DAY, _TODAY, _AGREEING = fold("الأسبوع"), fold("يوم"), fold("اليوم"), fold("الموافق")
_NOT_A_DAY_BEFORE = frozenset(fold(w) for w in ("بين", "كلا", "هذين", "هاتين"))
_THIS_BEFORE = frozenset(fold(w) for w in ("هذا", "هذه"))
_FUTURE_WORDS = frozenset(fold(w) for w in calendars.FUTURE_MARKERS)
_FUTURE_PAIRS = frozenset(tuple(fold(phrase).split()) for phrase in calendars.FUTURE_PHRASES)
_COMING = _NEXT - {fold("التالي")}  # التالي is "following" (اليوم التالي), not "coming"
_EARLIER = frozenset(fold(w) for w in ("بعد", "عقب", "إثر", "اثر"))
_FUTURE_REACH = 13  # tokens: a clause with its subject and a prepositional phrase
_NEED = frozenset(fold(w) for w in ("الحاجة", "حاجة"))
_SAME = frozenset(fold(w) for w in ("ذاته", "نفسه", "عينه"))
_WHOLE_SPAN = frozenset(fold(w) for w in ("طوال", "طيلة"))
_PERIOD_UNITS = {fold("عام"): "year", fold("سنة"): "year", fold("شهر"): "month"}


def match_deixis(ctx: Context, i: int) -> Candidate | None:
    """A weekday, a relative day or a relative period at token `i`."""
    tok = ctx.toks[i]
    if tok.cls == "wday":
        return _weekday(ctx, i)
    return _relative_day(ctx, i) or _relative_period(ctx, i)


def _weekday(ctx: Context, i: int) -> Candidate | None:
    """السبت، يوم الجمعة، الأحد المقبل، الاثنين 12 يناير 2016، الخميس 21، الأحد الثاني."""
    tok = ctx.toks[i]
    if tok.key == fold("الاثنين") and (ctx.fold(i - 1) in _NOT_A_DAY_BEFORE or ctx.fold(i + 1) == "من"):
        return None
    iso, pub = tok.val, ctx.published
    extra = {"weekday": _WEEKDAY_NAMES[iso]}
    k = i + 2 if ctx.fold(i + 1) in (",", "،", _AGREEING) else i + 1  # الخميس الموافق 26/7/2018
    explicit = dates.match_date(ctx, k)
    if explicit is not None and explicit.attrs.get("day") is not None:
        return Candidate(i, explicit.j, {**explicit.attrs, **extra})
    start, end, when = _week_relative(ctx, i, pub, iso)
    if (start, end) == (i, i + 1) and pub is not None:
        end, when = _weekday_detail(ctx, i, pub, iso)
    elif (start, end) == (i, i + 1):
        end = i + 1 + (ctx.fold(i + 1) in _NEXT | _LAST)
    return Candidate(start, end, _attrs(when, **extra))


def _weekday_detail(ctx: Context, i: int, pub: date, iso: int) -> tuple[int, date | None]:
    """`(end, date)` from what follows the weekday: a day number, an ordinal, المقبل/الماضي."""
    nxt = ctx.tok(i + 1)
    if nxt is not None and nxt.cls == "num" and nxt.val.int_digits <= 2 and not nxt.val.decimal:
        day = int(nxt.val.value)
        if 1 <= day <= 31 and dates.read_month(ctx, i + 2) is None:
            return i + 2, _safe_date(pub.year, pub.month, day)
    ordinal = read_ordinal(ctx.toks, i + 1) if nxt is not None and nxt.cls == "ord" else None
    if ordinal is not None and ordinal.value <= 5 and ctx.fold(ordinal.j) != _OF_WORD:
        return ordinal.j, nth_weekday(pub, int(ordinal.value), iso)
    if ctx.fold(i + 1) in _NEXT:
        return i + 2, resolve_weekday(pub, iso, "next")
    if ctx.fold(i + 1) in _LAST:
        return i + 2, resolve_weekday(pub, iso, "last")
    return i + 1, resolve_weekday(pub, iso, "future" if _future(ctx, i) else "past")


_OF_WORD = fold("من")


def _week_relative(ctx: Context, i: int, pub: date | None, iso: int) -> tuple[int, int, date | None]:
    """الأسبوع المقبل يوم الجمعة / الجمعة من الأسبوع المقبل: that weekday of the next or last week."""
    before = i - 1 if ctx.fold(i - 1) == _DAY else i
    if ctx.fold(before - 2) == _WEEK and before - 2 >= ctx.floor:
        shift = _week_shift(ctx.fold(before - 1))
        if shift:
            return before - 2, i + 1, weekday_of_week(pub, shift, iso) if pub else None
    if ctx.fold(i + 1) == _OF_WORD and ctx.fold(i + 2) == _WEEK:
        shift = _week_shift(ctx.fold(i + 3))
        if shift:
            return i, i + 4, weekday_of_week(pub, shift, iso) if pub else None
    return i, i + 1, None


def _week_shift(word: str) -> int:
    return 1 if word in _NEXT else -1 if word in _LAST else 0


def _future(ctx: Context, i: int) -> bool:
    """The clause before a weekday speaks of the future: a future verb or particle (سيبدأ
    السبت، من المقرر أن ...), a coming period (الأسبوع المقبل) or an announced event (كشف عن
    عقد اجتماع ... الإثنين). The look-back stops at the sentence's end."""
    for k in range(i - 1, max(-1, i - _FUTURE_REACH), -1):
        tok = ctx.toks[k]
        if tok.text in (".", "؟", "!") or tok.fold in _EARLIER:
            return False  # يعتزم إقالة مسؤولين بعد إقالته، الثلاثاء: the weekday dates the earlier act
        if tok.fold in _FUTURE_WORDS or tok.key in _FUTURE_WORDS or tok.fold in _COMING:
            return True
        if (ctx.fold(k - 1), tok.key) in _FUTURE_PAIRS:
            return True
    return False


def _relative_day(ctx: Context, i: int) -> Candidate | None:
    """اليوم، أمس، غدا، أول من أمس، بعد غد (not اليوم التالي or اليوم العالمي)."""
    found = _RELATIVE.match(ctx.toks, i)
    if found is None:
        return None
    end, offset = found
    if end == i + 1 and ctx.toks[i].key == _TODAY and not _today_is_meant(ctx, i):
        return None
    if offset == -1 and ctx.toks[i].pre.startswith("ب") and ctx.fold(end) in _NEED:
        return None  # بأمس الحاجة: "in dire need"
    when = shift_date(ctx.published, offset, "day") if offset is not None else None
    return Candidate(i, end, _attrs(date.fromisoformat(when) if when else None))


def _today_is_meant(ctx: Context, i: int) -> bool:
    """اليوم is today unless an adjective or number follows (اليوم العالمي، اليوم الثالث) or
    it is a span of time (طوال اليوم)."""
    if ctx.fold(i - 1) in _WHOLE_SPAN:
        return False
    nxt = ctx.tok(i + 1)
    if nxt is None or nxt.cls in ("wday", "month", "rel", "sym"):
        return True
    if nxt.fold in _SAME:
        return False  # في اليوم ذاته: the same day, not today
    return not (nxt.cls is not None or nxt.fold.startswith("ال"))


def _relative_period(ctx: Context, i: int) -> Candidate | None:
    """العام الماضي، هذا العام، الشهر المقبل: the publication year or month, shifted."""
    tok, prev = ctx.toks[i], ctx.tok(i - 1)
    unit = _PERIOD_UNITS.get(tok.key)
    if unit is None or not tok.det:
        return None
    if prev is not None and prev.fold.startswith("ال") and prev.cls is None and prev.fold not in _THIS_BEFORE:
        return None  # المدير العام السابق: العام is "general" after a definite noun
    word = ctx.fold(i + 1)
    shift = 1 if word in _NEXT else -1 if word in _LAST else 0
    if shift or word in _THIS:
        start, end = i, i + 2
    elif ctx.fold(i - 1) in _THIS_BEFORE and i - 1 >= ctx.floor:
        start, end = i - 1, i + 1
    else:
        return None
    pub = ctx.published
    if unit == "year":
        return Candidate(start, end, amount("date", None, date=f"{pub.year + shift:04d}" if pub else None))
    when = add_months(pub.replace(day=1), shift) if pub else None
    extra = {"month": when.month} if when else {}
    return Candidate(start, end, amount("date", None, date=when.isoformat()[:7] if when else None, **extra))


def _attrs(when: date | None, **extra: Any) -> dict[str, Any]:
    return amount("date", None, date=when.isoformat() if when else None, **extra)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
