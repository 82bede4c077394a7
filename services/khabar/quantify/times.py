"""Clock times: الساعة السابعة من مساء، 7:30 صباحا، الثامنة والنصف، منتصف الليل.

An hour is digits, an hour word (الساعة السابعة، الواحدة) or a clock reading; the minutes
come as والنصف/والربع/إلا ربعا or "و 20 دقيقة"; a part of the day (صباحا، مساء، ليلا،
بعد الظهر) moves the hour to the 24-hour clock. Output: `time` "HH:MM" (CONVENTIONS.md).
A bare ordinal (في السابعة) is left to `ordinals.py`: it is as often a rank as an hour.
"""

from __future__ import annotations

from khabar.quantify import calendars
from khabar.quantify.candidates import Candidate, Context, amount
from khabar.quantify.numerals import read_number
from khabar.quantify.ordinals import read_ordinal
from khabar.quantify.tokens import PhraseTable, Tok, fold

_DAYPARTS = PhraseTable(calendars.DAYPARTS)
_NAMED = PhraseTable(calendars.NAMED_TIMES)
_MINUTES = PhraseTable(
    {
        "والنصف": 30,
        "ونصف": 30,
        "والربع": 15,
        "وربع": 15,
        "والثلث": 20,
        "وثلث": 20,
        "إلا ربعا": -15,
        "إلا ربع": -15,
        "إلا الربع": -15,
        "إلا ثلثا": -20,
        "إلا ثلث": -20,
    }
)
_HOUR_NOUN = fold("ساعة")
_MINUTE_NOUNS = frozenset(fold(w) for w in ("دقيقة", "دقائق"))
_AFTER = fold("بعد")
_NOON = "12:00"
_DAY_WORDS = frozenset(("wday", "rel", "month", "num", "daypart"))  # مساء الجمعة، صباح اليوم
_NOON_WORDS = frozenset(fold(w) for w in ("ظهر", "الظهر"))
_TIME_PREPOSITIONS = frozenset(
    fold(w)
    for w in (
        "عند",
        "قبل",
        "بعد",
        "حتى",
        "في",
        "منذ",
        "وقت",
        "قرابة",
        "نحو",
        "حوالي",
        "حوالى",
        "قبيل",
        "بعيد",
    )
)


def match_time(ctx: Context, i: int) -> Candidate | None:
    """A time of day at token `i`, possibly led by a part of the day (بعد الظهر الساعة 7)."""
    lead = _DAYPARTS.match(ctx.toks, i)
    if lead is not None:
        inner = _read_time(ctx, lead[0], require_cue=True)  # not مساء 22 شباط
        if inner is not None:
            end, hour, minute, second, own_part = inner
            return _candidate(i, end, hour, minute, second, own_part or lead[1])
    named = _NAMED.match(ctx.toks, i)
    if named is not None and named[1] == _NOON:
        clock = _read_time(ctx, named[0], require_cue=True)
        if clock is not None:  # الظهر الساعة 7: an hour after noon
            end, hour, minute, second, own_part = clock
            return _candidate(i, end, hour, minute, second, own_part or "noon")
    if named is not None and _named_is_meant(ctx, i, named[0]):
        return Candidate(i, named[0], amount("time", None, time=named[1]))
    inner = _read_time(ctx, i, require_cue=True)
    if inner is not None:
        return _candidate(i, *inner)
    return _spoken_clock(ctx, i) or _minutes_from_hour(ctx, i)


def _spoken_clock(ctx: Context, i: int) -> Candidate | None:
    """ثمانية وأربعين صباحا، خمسة عشر وثلاثين مساء: an hour word, its minutes and an adverb
    of the part of the day; "خمسة وعشرين مساء الجمعة" (25, on Friday evening) is a count."""
    hour = _hour_word(ctx, i)
    if hour is None:
        return None
    k, h = hour
    tok = ctx.tok(k)
    if tok is None or not (tok.conj or tok.cls in ("one", "ten", "tens")):
        return None
    minute = read_number(ctx.toks, k)
    if minute is None or not minute.words or not 1 <= minute.value <= 59 or minute.value % 1:
        return None
    if ctx.toks[minute.j - 1].fold.endswith("ون"):
        return None  # خمسة وعشرون: a nominative is a subject counted, never a clock's minutes
    part = _DAYPARTS.match(ctx.toks, minute.j)
    after = ctx.tok(part[0]) if part is not None else None
    if part is None or (after is not None and after.cls in _DAY_WORDS):
        return None
    return _candidate(i, part[0], h, int(minute.value), 0, part[1])


def _hour_word(ctx: Context, i: int) -> tuple[int, int] | None:
    """`(end, hour)` of an indefinite hour in words: خمسة، عشرة، أحد عشر، خمسة عشر."""
    tok, nxt = ctx.toks[i], ctx.tok(i + 1)
    if tok.pre or tok.cls not in ("one", "ten"):
        return None
    if tok.cls == "one" and nxt is not None and nxt.cls == "ten" and not nxt.pre:
        return i + 2, tok.val + 10
    return i + 1, tok.val if tok.cls == "one" else 10


def _named_is_meant(ctx: Context, i: int, end: int) -> bool:
    """A one-word named time (الظهر، الظهيرة) is a time only after a preposition of time
    (عند الظهر، حتى الظهيرة) or as the time adverb of a future verb (سأعود الظهر): after a
    noun it is as often a name (جبل الظهر) or a prayer (صلاة الظهر)."""
    tok = ctx.toks[i]
    if tok.key in _NOON_WORDS and ctx.fold(i - 1) == _AFTER:
        return False  # بعد الظهر is a part of the day, read with its hour
    if end - i > 1:
        return True
    prev = ctx.tok(i - 1)
    if prev is None or tok.pre not in ("", "ال"):
        return True  # the story opens with it, or a clitic preposition carries it (وبالظهيرة)
    return prev.fold in _TIME_PREPOSITIONS or _future_verb(prev)


def _future_verb(tok: Tok) -> bool:
    """سأعود، سيصل، ستبدأ: the future prefix س on an imperfect verb (a number word or a unit
    such as ستة/ساعة is classed, so it never reads as one)."""
    return tok.cls is None and len(tok.fold) >= 4 and tok.fold[:2] in ("سا", "سي", "ست", "سن")


def _minutes_from_hour(ctx: Context, i: int) -> Candidate | None:
    """ثلاث دقائق قبل الثامنة، عشر دقائق بعد الساعة 7: minutes counted from an hour."""
    tok = ctx.toks[i]
    number = read_number(ctx.toks, i) if tok.cls in ("num", "one", "ten", "tens") else None
    if number is None or ctx.fold(number.j) not in _MINUTE_NOUNS or not 0 < number.value < 60:
        return None
    sign = {fold("قبل"): -1, _AFTER: 1}.get(ctx.fold(number.j + 1))
    inner = _read_time(ctx, number.j + 2, require_cue=False) if sign else None
    if inner is None:
        return None
    end, hour, minute, second, part = inner
    total = hour * 60 + minute + sign * int(number.value)
    return _candidate(i, end, total // 60, total % 60, second, part)


def _read_time(ctx: Context, i: int, require_cue: bool) -> tuple | None:
    """`(end, hour, minute, second, daypart)`; a bare hour needs الساعة, minutes or a daypart."""
    tok = ctx.tok(i)
    if tok is None:
        return None
    noun = tok.key == _HOUR_NOUN and tok.det
    hour = _read_hour(ctx, i + 1 if noun else i)
    if hour is None:
        return None
    end, h, m, s, clock = hour
    minute = _read_minutes(ctx, end)
    if minute is not None:
        end, m = minute[0], m + minute[1]
    part = _DAYPARTS.match(ctx.toks, end)
    if part is not None:
        end = part[0]
    if require_cue and not (noun or clock or minute or part):
        return None
    if m < 0:
        h, m = h - 1, m + 60
    return end, h, m, s, part[1] if part else None


def _read_hour(ctx: Context, i: int) -> tuple[int, int, int, int, bool] | None:
    """`(end, hour, minute, second, is_clock_reading)` at token `i`."""
    tok = ctx.tok(i)
    if tok is None:
        return None
    if tok.cls == "hms":
        h, m, *rest = tok.val
        return (i + 1, h, m, rest[0] if rest else 0, True) if h <= 24 and m < 60 else None
    if tok.cls == "num":
        digits = tok.val
        if digits.value is None or digits.decimal:
            return None
        value = int(digits.value)
        if (
            digits.int_digits in (3, 4)
            and value % 100 < 60
            and value // 100 <= 12
            and _DAYPARTS.match(ctx.toks, i + 1)
        ):
            return i + 1, value // 100, value % 100, 0, True  # 1140 صباحا
        return (i + 1, value, 0, 0, False) if digits.int_digits <= 2 and value <= 24 else None
    number = read_ordinal(ctx.toks, i) if tok.cls == "ord" else None
    if number is None and tok.cls == "one" and tok.det:
        number = read_number(ctx.toks, i)  # الواحدة
    if number is None or not 1 <= number.value <= 12:
        return None
    return number.j, int(number.value), 0, 0, False


def _read_minutes(ctx: Context, i: int) -> tuple[int, int] | None:
    """`(end, minutes)` after an hour: والنصف، إلا ربعا، و 20 دقيقة."""
    fixed = _MINUTES.match(ctx.toks, i)
    if fixed is not None:
        return fixed
    k = i + 1 if ctx.fold(i) == "و" else i
    tok = ctx.tok(k)
    if tok is None or (k == i and not tok.conj):
        return None
    number = read_number(ctx.toks, k)
    if number is None or not 0 < number.value < 60 or number.value != int(number.value):
        return None
    if ctx.fold(number.j) in _MINUTE_NOUNS:
        return number.j + 1, int(number.value)
    if _DAYPARTS.match(ctx.toks, number.j) is not None:
        return number.j, int(number.value)  # السابعة وخمسة وثلاثين مساء
    return None


def _candidate(i: int, end: int, hour: int, minute: int, second: int, part: str | None) -> Candidate | None:
    hour = _to_24h(hour, part)
    if not (0 <= hour <= 24 and 0 <= minute < 60):
        return None
    clock = f"{hour % 24:02d}:{minute:02d}" + (f":{second:02d}" if second else "")
    return Candidate(i, end, amount("time", None, time=clock))


def _to_24h(hour: int, part: str | None) -> int:
    """Apply a part of the day: مساء/بعد الظهر add 12 (ظهرا up to 10); ليلا adds 12 for 6–11
    and makes 12 midnight."""
    if part == "pm" and hour < 12:
        return hour + 12
    if part == "noon" and 1 <= hour <= 10:
        return hour + 12
    if part == "night":
        return hour + 12 if 6 <= hour <= 11 else 0 if hour == 12 else hour
    if part == "am" and hour == 12:
        return 0
    return hour
