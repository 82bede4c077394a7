"""Amounts: a number with what follows it (%, a currency, a time unit or a counted noun),
its qualifiers (أكثر من، على الأقل) and, when it is one end of a range, the other end.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from khabar.quantify import bounds, lexicon, money, ordinals, units
from khabar.quantify.candidates import Candidate, Context, amount
from khabar.quantify.counted import counted_lemma
from khabar.quantify.durations import HALVES, combine, read_unit_duration, time_unit, to_unit
from khabar.quantify.identifiers import MODEL_PREFIXES
from khabar.quantify.numerals import Number, read_number
from khabar.quantify.relative import shift_date
from khabar.quantify.tokens import fold

_PERCENT_NOUNS = frozenset(fold(w) for w in lexicon.PERCENT_NOUNS)
_PERCENT_SIGNS = frozenset(("%", "٪"))
_PERCENT_LEADS = frozenset(fold(w) for w in ("نسبة", "بنسبة", "النسبة"))
_NOT_ALONE = frozenset(fold(w) for w in ("أحد", "إحدى"))
_ONE = frozenset(fold(w) for w in ("واحد", "واحدة"))
_SINCE, _AGO, _AFTER, _CONJ = fold("منذ"), fold("قبل"), fold("بعد"), fold("و")
_NOW = fold("الآن")
#: nouns a following واحد counts: the counted nouns of wire copy, less the idioms (مرة واحدة
#: "at once") and the abstract ones.
_COUNTS_ONE = frozenset(fold(w) for w in units.COUNTED_NOUNS) - frozenset(
    fold(w) for w in ("مرة", "صوت", "هدف", "درجة", "نقطة", "حالة", "آخر")
)
_FEW = frozenset(fold(w) for w in ("بضعة", "بضع", "عدة"))
_EACH = frozenset(fold(w) for w in ("كل", "لكل", "وكل", "أي"))
_AGO_BLOCKERS = frozenset(fold(w) for w in ("من", "على", "علي"))
_LEADS = frozenset((_SINCE, _AGO, _AFTER))
_BARE_ARTICLES = frozenset(fold(w) for w in ("ال", "بال", "وال", "لل", "فال"))


@dataclass(slots=True)
class Amount:
    """A number and its unit: tokens `i`..`end`; `counted` is the noun's token range."""

    i: int
    end: int
    number: Number
    kind: str
    value: float
    unit: str | None = None
    counted: tuple[int, int] | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def match_amount(ctx: Context, i: int) -> Candidate | None:
    """An amount anchored at token `i` (its number, sign or unit noun); its qualifier, range
    opener and lead word (أكثر من، بين، منذ) are found by looking back from there."""
    if ctx.fold(i) == _AGO and ctx.fold(i + 1) in _FEW and time_unit(ctx.tok(i + 2)) is not None:
        return Candidate(i, i + 3, amount("date", None, date=None))  # قبل بضعة أيام: a vague date
    first = read_amount(ctx, i)
    if first is None:
        return None
    if ctx.fold(i - 1) in _BARE_ARTICLES and i - 1 >= ctx.floor:
        i = first.i = i - 1  # الـ 60%، الـ24 ساعة: the article split off by tatweel
    i = first.i  # بنسبة 5%: the lead word drops out when the % sign is there
    start, approx = i, "exact"
    qualifier = bounds.qualifier_before(ctx, i)
    opener = None if qualifier else bounds.range_opener(ctx, i)
    if qualifier is not None:
        start, approx = qualifier
    if approx in ("exact", "about"):
        found = _match_range(ctx, opener, first, start)
        if found is not None:
            return found
    cand = _close_amount(ctx, start, first, approx)
    if cand is None:
        return None
    lead = ctx.fold(cand.i - 1) if cand.i - 1 >= ctx.floor else ""
    return _apply_lead(ctx, lead if lead in _LEADS else None, cand.i - 1, cand)


def read_amount(ctx: Context, i: int) -> Amount | None:
    """A number at token `i` (maybe after $, %, - or نسبة) with the unit that follows it."""
    lead_kind, unit, k, sign = _lead(ctx, i)
    number = read_number(ctx.toks, k) if k < len(ctx.toks) else None
    if number is None and ctx.toks[i].cls == "dual" and not ctx.toks[i].pre.startswith("ال"):
        return Amount(i, i + 1, Number(i, i + 1, 2, words=True), "cardinal", 2, ctx.toks[i].val, (i, i + 1))
    if number is None:
        bare = read_unit_duration(ctx, i)
        if bare is None:
            return None
        end, value, unit_name = bare
        value, unit_name = to_unit(value, unit_name)
        return _compound(ctx, Amount(i, end, Number(i, end, value, words=True), "duration", value, unit_name))
    value, j = sign * number.value, number.j
    marker = _percent_end(ctx, j)
    if marker is not None or lead_kind == "percent":
        first = k if marker is not None and ctx.toks[i].cls != "sym" else i  # بنسبة 100%: the % suffices
        return Amount(first, marker or j, number, "percent", value, "%")
    currency = money.read_currency(ctx, j)
    if currency is not None or lead_kind == "money":
        end, code = currency or (j, unit)
        return Amount(i, end, number, "money", value, code)
    tok = ctx.tok(j)
    found_unit = time_unit(tok)
    if found_unit is not None:
        half = HALVES.get(ctx.fold(j + 1), 0.0)  # سبعة أشهر ونصف
        value, unit_name = to_unit(value + half, found_unit[0])
        return _compound(ctx, Amount(i, j + 2 if half else j + 1, number, "duration", value, unit_name))
    if number.fraction:  # نصف السكان: what follows is the whole, not what is counted
        return Amount(i, j, number, "fraction", value)
    lemma = counted_lemma(tok)
    return Amount(i, j, number, "cardinal", value, lemma, (j, j + 1) if lemma else None)


def _compound(ctx: Context, first: Amount) -> Amount:
    """عامين وثلاثة أشهر، ساعتين و30 دقيقة: the parts of one duration, in the smaller unit."""
    k = first.end + 1 if ctx.fold(first.end) in (_CONJ, ",", "،") else first.end
    if k == first.end and not (ctx.tok(k) is not None and ctx.toks[k].conj):
        return first
    nxt = read_amount(ctx, k) if k < len(ctx.toks) else None
    if nxt is None or nxt.kind != "duration" or first.value is None or nxt.value is None:
        return first
    merged = combine((first.value, first.unit), (nxt.value, nxt.unit))
    if merged is None:
        return first
    value, unit, exact = merged
    extra = {} if exact else {"approx": "about"}
    return Amount(first.i, nxt.end, first.number, "duration", value, unit, extra=extra)


def _lead(ctx: Context, i: int) -> tuple[str | None, str | None, int, int]:
    """What stands before the digits: a currency or percent sign, a minus, or نسبة."""
    tok, nxt = ctx.tok(i), ctx.tok(i + 1)
    if tok is None or nxt is None or nxt.cls not in ("num", "one", "ten", "tens", "hund", "scale"):
        return None, None, i, 1
    if tok.cls == "sym" and tok.text in money.units.CURRENCY_SYMBOLS:
        return "money", money.units.CURRENCY_SYMBOLS[tok.text], i + 1, 1
    if tok.cls == "sym" and tok.text in _PERCENT_SIGNS:
        return "percent", "%", i + 1, 1
    if tok.text in ("-", "−") and nxt.cls == "num" and ctx.toks.glued(i + 1) and _free_before(ctx, i):
        return None, None, i + 1, -1
    if tok.fold in _PERCENT_LEADS or (tok.key in _PERCENT_NOUNS and tok.pre == "بال"):
        return "percent", "%", i + 1, 1
    return None, None, i, 1


def _free_before(ctx: Context, i: int) -> bool:
    """A minus sign, not a dash glued to a word or number before it (1000-5000، إف-15), nor
    one after a short model designator (إل -39)."""
    prev = ctx.tok(i - 1)
    if prev is not None and prev.cls is None and (len(prev.fold) <= 2 or prev.fold in MODEL_PREFIXES):
        return False
    return not ctx.toks.glued(i) or ctx.toks[i - 1].cls == "sym"


def _percent_end(ctx: Context, j: int) -> int | None:
    """End of a percent marker at token `j`: %, ٪, بالمئة, في المئة/المائة."""
    tok = ctx.tok(j)
    if tok is None:
        return None
    if tok.text in _PERCENT_SIGNS or (tok.key in _PERCENT_NOUNS and tok.pre == "بال"):
        return j + 1
    nxt = ctx.tok(j + 1)
    if tok.fold == "في" and nxt is not None and nxt.key in _PERCENT_NOUNS and nxt.pre == "ال":
        return j + 2
    return None


def _match_range(ctx: Context, opener: tuple[int, str] | None, first: Amount, start: int) -> Candidate | None:
    """بين X و Y، من X إلى Y، X - Y: one range quantity over both ends."""
    k = bounds.range_joiner(ctx, first.end, opener[1] if opener else "")
    second = read_amount(ctx, k) if k is not None and k < len(ctx.toks) else None
    if second is None or _is_year(first) and _is_year(second):
        return None
    low, high = first.value, second.value
    if not first.number.last_scale and second.number.last_scale and low * second.number.last_scale <= high:
        low *= second.number.last_scale  # بين 3 و5 ملايين
    if low >= high or (first.kind not in ("cardinal", second.kind)):
        return None
    kind = second.kind if first.kind in ("cardinal", "fraction") else first.kind
    attrs = bounds.range_attrs(kind, low, high, first.unit or second.unit)
    return Candidate(opener[0] if opener else start, second.end, attrs, second.counted)


def _close_amount(ctx: Context, start: int, amt: Amount, approx: str) -> Candidate | None:
    """Trailing qualifier, then the kind: year-like numbers are dates, ranked ones ordinals."""
    end, counted = amt.end, amt.counted
    after = bounds.qualifier_after(ctx, end, approx)
    if after is None and counted is not None:
        after = bounds.qualifier_after(ctx, counted[1], approx)
    if after is not None:
        end, approx = after  # 28 قتيلا على الاقل: the noun joins the span
    approx = amt.extra.get("approx", approx) if approx == "exact" else approx
    if approx == "exact" and not _standalone_ok(ctx, amt):
        return None
    if approx == "exact" and amt.kind == "cardinal" and counted is None and _is_year(amt):
        return Candidate(start, end, amount("date", None, date=str(int(amt.value))))
    kind = amt.kind
    if kind == "cardinal" and approx == "exact" and ordinals.is_rank(ctx, amt.number):
        kind = "ordinal"
    return Candidate(start, end, amount(kind, amt.value, approx, amt.unit), counted)


def _standalone_ok(ctx: Context, amt: Amount) -> bool:
    """أحد قادته and واحد من are not quantities (CONVENTIONS.md), nor is the lone الواحد."""
    first = ctx.toks[amt.number.i]
    if amt.number.j - amt.number.i != 1 or amt.kind != "cardinal":
        return True
    if first.key in _NOT_ALONE:
        return False
    if first.key in _ONE:  # كل واحد منهم، واحد من أبرز: "each one", "one of"
        return (
            not first.det
            and ctx.fold(amt.number.j) != "من"
            and not first.pre.startswith("ب")
            and ctx.fold(amt.number.i - 1) not in _EACH
            and _counts_one(ctx, amt.number.i)
        )
    return True


def _counts_one(ctx: Context, i: int) -> bool:
    """A lone واحد/واحدة counts only what it follows when that is a counted noun (شخص واحد،
    جندي واحد); otherwise it means "same" or "single" (هدفهما واحد، في آن واحد، لعملة واحدة)."""
    prev = ctx.tok(i - 1)
    return prev is None or prev.cls == "sym" or prev.fold in _COUNTS_ONE


def _is_year(amt: Amount) -> bool:
    """A bare four-digit 1900–2100 integer with nothing after it reads as a year."""
    tok = amt.number
    return (
        amt.kind == "cardinal"
        and tok.j - tok.i == 1
        and not tok.words
        and amt.unit is None
        and amt.value == int(amt.value)
        and 1900 <= amt.value <= 2100
    )


def _apply_lead(ctx: Context, lead: str | None, i: int, cand: Candidate) -> Candidate:
    """A duration's lead word: منذ joins its span; قبل يومين (at a clause end) and
    "… من الآن" are dates counted from publication."""
    if cand.attrs["kind"] != "duration":
        return cand
    from_now = ctx.fold(cand.j) == "من" and ctx.fold(cand.j + 1) == _NOW
    if from_now:
        sign = -1 if lead in (_SINCE, _AGO) else 1
        cand.i, cand.j = (i if lead else cand.i), cand.j + 2
        cand.attrs = _shifted(ctx.published, cand.attrs, sign)
    elif lead == _SINCE:
        cand.i = i
    elif lead == _AGO and ctx.fold(cand.j) not in _AGO_BLOCKERS:
        cand.i, cand.attrs = i, _shifted(ctx.published, cand.attrs, -1)
    return cand


def _shifted(published: date | None, attrs: dict[str, Any], sign: int) -> dict[str, Any]:
    """The date a duration away from publication (date null when unknown)."""
    value, unit = attrs["value"], attrs["unit"]
    when = shift_date(published, sign * value, unit) if value is not None else None
    return amount("date", None, "exact", None, date=when)
