"""Calendar dates: 16 تشرين الاول/اكتوبر، الخامس عشر من نيسان 2023، أيار 2018، صيف 2012،
2016/02/22، 15 رمضان 1445 هـ.

Output (CONVENTIONS.md): `date` is partial ISO ("2012", "2012-10", "2012-10-16") with a
missing year taken from `published_at`; without one it is null and `month`/`day` carry
what the text says. Hijri dates keep their own calendar in `hijri` ("1445-09-15").
"""

from __future__ import annotations

from datetime import date
from typing import Any

from khabar.quantify import calendars
from khabar.quantify.candidates import Candidate, Context, amount
from khabar.quantify.numerals import read_number
from khabar.quantify.ordinals import read_ordinal
from khabar.quantify.relative import add_months, iso_date
from khabar.quantify.tokens import PhraseTable, fold

_MONTHS = PhraseTable({**calendars.cldr_months(), **calendars.MONTHS_EXTRA})
_HIJRI = PhraseTable(calendars.HIJRI_MONTHS)
_AMBIGUOUS = frozenset(fold(w) for w in calendars.MONTHS_AMBIGUOUS)
_CUES = frozenset(fold(w) for w in calendars.MONTH_CUES)
_NEXT = frozenset(fold(w) for w in calendars.NEXT_WORDS)
_LAST = frozenset(fold(w) for w in calendars.LAST_WORDS)
_SHIFTS = _NEXT | _LAST | frozenset(fold(w) for w in calendars.THIS_WORDS)
_ERAS = {fold(k): v for k, v in calendars.ERA_MARKERS.items()}
_YEAR_NOUNS = frozenset(fold(w) for w in calendars.YEAR_NOUNS)
_YEAR_PARTS = {fold(k): v for k, v in calendars.YEAR_PARTS.items()}
_SEASONS = frozenset(("summer", "winter", "spring", "autumn"))
_DAY_SEPARATORS = frozenset((".", "-", "/"))
_OF = fold("من")
_THE_MONTH = fold("الشهر")
_THIS_BEFORE = frozenset(fold(w) for w in ("هذا", "هذه"))


def read_month(ctx: Context, i: int) -> tuple[int, int, str] | None:
    """`(end, month, calendar)` of a month name at `i`, with its other-set name if given
    (تشرين الاول/اكتوبر، أكتوبر (تشرين الأول))."""
    found = _HIJRI.match(ctx.toks, i)
    if found is not None:
        return found[0], found[1], "hijri"
    found = _MONTHS.match(ctx.toks, i)
    if found is None:
        return None
    end, month = found
    opener = ctx.tok(end)
    glue = 1 if opener is not None and opener.text in ("/", "(", "-") else 0
    alt = _MONTHS.match(ctx.toks, end + glue)
    if alt is not None and alt[1] == month:  # شباط/فبراير، فبراير شباط، أكتوبر (تشرين الأول)
        end = alt[0] + (1 if ctx.fold(alt[0]) == ")" else 0)
    return end, month, "gregorian"


def read_day(ctx: Context, i: int) -> tuple[int, int] | None:
    """`(end, day)` of a day of the month at `i`: 16، الخامس عشر، الحادي والعشرين، خمسة."""
    tok = ctx.tok(i)
    if tok is None:
        return None
    if tok.cls == "num":
        digits = tok.val
        ok = digits.value is not None and not digits.decimal and digits.int_digits <= 2
        return (i + 1, int(digits.value)) if ok and 1 <= digits.value <= 31 else None
    number = read_ordinal(ctx.toks, i)
    if number is None and tok.cls in ("one", "ten", "tens"):
        number = read_number(ctx.toks, i)
    if number is None or not 1 <= number.value <= 31 or number.value != int(number.value):
        return None
    return number.j, int(number.value)


def read_year(ctx: Context, i: int) -> tuple[int, int, str | None] | None:
    """`(end, year, era)` at `i`: 2012، عام 2012، من عام 2017، ألفين وثمانية عشر، 1445 هـ
    (a comma may lead)."""
    k = i + 1 if ctx.fold(i) in (",", "،", _OF) else i
    noun = ctx.tok(k)
    if noun is not None and (noun.fold in _YEAR_NOUNS or noun.key in _YEAR_NOUNS and noun.pre in ("ل", "لل")):
        k += 1  # عام 2012، لعام 2000
    tok = ctx.tok(k)
    if tok is None or tok.cls not in ("num", "scale", "one"):
        return None
    if tok.cls == "num":
        digits = tok.val
        if digits.value is None or digits.decimal or not 3 <= digits.int_digits <= 4:
            return None
        end, year = k + 1, int(digits.value)
    else:
        number = read_number(ctx.toks, k)
        if number is None or number.value < 1000:
            return None
        end, year = number.j, int(number.value)
    era = _ERAS.get(ctx.fold(end))
    return (end + 1 if era else end), year, era


def match_date(ctx: Context, i: int) -> Candidate | None:
    """An explicit calendar date starting at token `i` (possibly led by يوم، عام or صيف)."""
    if i >= len(ctx.toks):
        return None
    return (
        _numeric(ctx, i)
        or _two_part(ctx, i)
        or _day_month(ctx, i)
        or _month_first(ctx, i)
        or _year(ctx, i)
        or _hijri_year(ctx, i)
        or _day_alone(ctx, i)
    )


def _numeric(ctx: Context, i: int) -> Candidate | None:
    """2016/02/22، 21-04-2016، 18-9-15: year first when it has four digits, else day first."""
    tok = ctx.toks[i]
    if tok.cls != "ymd":
        return None
    a, b, c = tok.val
    year, month, day = (a, b, c) if a > 31 else (c, b, a)
    if year < 100:
        year += 2000 if year < 50 else 1900
    if not 1 <= month <= 12:
        day, month = month, day
    found = iso_date(year, month, day)
    return Candidate(i, i + 1, _date_attrs(found, month, day)) if found else None


def _two_part(ctx: Context, i: int) -> Candidate | None:
    """22/04، 4/22، 22-4 (a day of 13 or more, so no score or range), maybe with ", 2015".

    Day first, as Arabic wires write it, unless only month-first is valid (4/22).
    """
    tok, sep, nxt = ctx.tok(i), ctx.tok(i + 1), ctx.tok(i + 2)
    if tok is None or sep is None or nxt is None or tok.cls != "num" or nxt.cls != "num":
        return None
    if sep.text not in ("/", "-") or not (ctx.toks.glued(i + 1) and ctx.toks.glued(i + 2)):
        return None
    a, b = tok.val, nxt.val
    if a.decimal or b.decimal or a.int_digits > 2 or b.int_digits > 2 or a.value is None or b.value is None:
        return None
    day, month = int(a.value), int(b.value)
    if sep.text == "-" and not (13 <= day <= 31 and 1 <= month <= 12):
        return None
    if sep.text == "/" and a.int_digits == b.int_digits == 1:
        return None  # 1/2, 3/4: fractions
    if not 1 <= month <= 12:
        day, month = month, day
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return _build(ctx, i, i + 3, month, day, "gregorian")


def _day_alone(ctx: Context, i: int) -> Candidate | None:
    """يوم 27: a day of the month with no month named (month and year from publication)."""
    tok = ctx.toks[i]
    if tok.fold != fold("يوم") or tok.pre or _day_month(ctx, i + 1) is not None:
        return None
    day = read_day(ctx, i + 1)
    if day is None or ctx.toks[i + 1].cls != "num" or read_month(ctx, day[0]) is not None:
        return None
    nxt = ctx.tok(day[0])
    if nxt is not None and (nxt.cls is not None and nxt.cls != "sym"):
        return None
    pub = ctx.published
    found = iso_date(pub.year, pub.month, day[1]) if pub else None
    return Candidate(i, day[0], _date_attrs(found, pub.month if pub else None, day[1]))


def _day_month(ctx: Context, i: int) -> Candidate | None:
    """Day, then month: 16 تشرين الاول/اكتوبر 2015، الخامس عشر من نيسان، 2. أكتوبر."""
    day = read_day(ctx, i)
    if day is None:
        return None
    k = day[0] + (1 if ctx.tok(day[0]) is not None and ctx.toks[day[0]].text in _DAY_SEPARATORS else 0)
    k = k + 1 if ctx.fold(k) == _OF else k
    month = read_month(ctx, k)
    if month is None:
        return _day_of_relative_month(ctx, i, k, day[1]) if k > day[0] else None
    end = month[0]
    if ctx.fold(end) == "." and read_year(ctx, end + 1) is not None:
        end += 1  # 16. نوفمبر. 2016
    return _build(ctx, i, end, month[1], day[1], month[2])


def _day_of_relative_month(ctx: Context, i: int, k: int, day: int) -> Candidate | None:
    """17 من الشهر الماضي، 20 من الشهر المقبل: a day of the month before or after publication."""
    tok = ctx.tok(k)
    word = ctx.fold(k + 1)
    if tok is None or tok.fold != _THE_MONTH or word not in _SHIFTS:
        return None
    shift = _shift(word)
    pub = ctx.published
    when = add_months(pub.replace(day=1), shift) if pub else None
    found = iso_date(when.year, when.month, day) if when else None
    return Candidate(i, k + 2, _date_attrs(found, when.month if when else None, day))


def _month_first(ctx: Context, i: int) -> Candidate | None:
    """Month, then maybe a day and a year: أيار 2018، يناير-1، سبتمبر10، يناير الثاني والعشرين."""
    month = read_month(ctx, i)
    if month is None or month[2] == "hijri":
        return None
    end, number, _ = month
    day = _day_after_month(ctx, end)
    meant = _month_is_meant(ctx, i, end)
    if day is not None and (meant or ctx.toks[day[0] - 1].cls == "num"):
        return _build(ctx, i, day[0], number, day[1], "gregorian")
    if not meant:
        return None
    return _build(ctx, i, end, number, None, "gregorian")


def _day_after_month(ctx: Context, end: int) -> tuple[int, int] | None:
    """A day written after its month: an ordinal word, or digits glued or dashed to it
    (سبتمبر10، يناير-1) or followed by the year; "أكتوبر 15 شخصا" is no date."""
    dashed = ctx.fold(end) == "-"
    k = end + 1 if dashed else end
    if read_year(ctx, k) is not None:
        return None
    day = read_day(ctx, k)
    if day is None or ctx.toks[k].pre not in ("", "ال"):
        return None  # جوان باول is Joan Powell, not June 1
    tok = ctx.toks[k]
    if tok.cls != "num" or dashed or ctx.toks.glued(k) or read_year(ctx, day[0]) is not None:
        return day
    return None


def _month_is_meant(ctx: Context, i: int, end: int) -> bool:
    """Ambiguous month names (مارس، آب، ماي) need a year, a cue word or a second month name."""
    tok = ctx.toks[i]
    if tok.fold == fold("آب") and not tok.text.startswith("آ"):
        return False
    if tok.key not in _AMBIGUOUS or end - i > 1:
        return True
    return (
        ctx.fold(i - 1) in _CUES
        or read_year(ctx, end) is not None
        or ctx.fold(end) in _SHIFTS
        or _of_relative_year(ctx, end) is not None
    )


def _build(ctx: Context, i: int, end: int, month: int, day: int | None, calendar: str) -> Candidate:
    """Attach the year (stated, or from publication) and make the candidate."""
    year = read_year(ctx, end)
    stated = None
    if year is not None and (year[2] == "hijri") == (calendar == "hijri"):
        end, stated = year[0], year[1]
    if calendar == "hijri":
        return Candidate(i, end, _hijri_attrs(stated, month, day))
    year_of = _of_relative_year(ctx, end) if stated is None else None
    if year_of is not None:  # مايو/ أيار من العام الماضي: the year before publication's
        end, shift = year_of
        full_year = ctx.published.year + shift if ctx.published else None
        return Candidate(i, end, _date_attrs(iso_date(full_year, month, day), month, day))
    word = ctx.fold(end) if stated is None else ""
    shift = _shift(word)
    end += 1 if word in _SHIFTS else 0  # الماضي، المقبل، الجاري belong to the date
    full_year = stated if stated is not None else _implied_year(ctx.published, month, day, shift)
    return Candidate(i, end, _date_attrs(iso_date(full_year, month, day), month, day))


def _of_relative_year(ctx: Context, k: int) -> tuple[int, int] | None:
    """`(end, years)` of "من العام الماضي/الجاري/المقبل" or "من هذا العام" after a month."""
    if ctx.fold(k) != _OF:
        return None
    if ctx.fold(k + 1) in _THIS_BEFORE and ctx.fold(k + 2) in _YEAR_NOUNS:
        return k + 3, 0
    if ctx.fold(k + 1) in _YEAR_NOUNS and ctx.fold(k + 2) in _SHIFTS:
        return k + 3, _shift(ctx.fold(k + 2))
    return None


def _shift(word: str) -> int:
    """-1 after الماضي/الفائت, +1 after المقبل/القادم, else 0."""
    return -1 if word in _LAST else 1 if word in _NEXT else 0


def _implied_year(published: date | None, month: int, day: int | None, shift: int) -> int | None:
    """The year of a date written without one: publication's (CONVENTIONS.md), or the one
    before/after it when الماضي/المقبل says the date has passed/is coming."""
    if published is None:
        return None
    here, there = (published.month, published.day), (month, day or 1)
    if shift < 0 and there > here:
        return published.year - 1
    if shift > 0 and there < here:
        return published.year + 1
    return published.year


def _year(ctx: Context, i: int) -> Candidate | None:
    """عام 2012، العام 2012، صيف 2012، مطلع 2019: a year led by a year noun or a part of a year."""
    tok = ctx.toks[i]
    part = _YEAR_PARTS.get(tok.key if tok.pre in ("", "و", "ب", "ف") else tok.fold)
    if tok.fold not in _YEAR_NOUNS and part is None:
        return None
    year = read_year(ctx, i + 1)
    if year is None or not 1000 <= year[1] <= 2100 or year[2] == "hijri":
        return None
    extra = {"season": part} if part in _SEASONS else {}
    return Candidate(i, year[0], _date_attrs(iso_date(year[1]), None, None, **extra))


def _hijri_year(ctx: Context, i: int) -> Candidate | None:
    """1445 هـ: a year with the Hijri era marker."""
    year = read_year(ctx, i)
    if year is None or year[2] != "hijri" or ctx.fold(i) in (",", "،"):
        return None
    return Candidate(i, year[0], _hijri_attrs(year[1], None, None))


def _date_attrs(found: str | None, month: int | None, day: int | None, **extra: Any) -> dict[str, Any]:
    attrs = amount("date", None, date=found, **extra)
    if month is not None:
        attrs["month"] = month
    if day is not None:
        attrs["day"] = day
    return attrs


def _hijri_attrs(year: int | None, month: int, day: int | None) -> dict[str, Any]:
    parts = [
        f"{year:04d}" if year else "XXXX",
        f"{month:02d}" if month else None,
        f"{day:02d}" if day else None,
    ]
    return amount("date", None, date=None, hijri="-".join(p for p in parts if p))
