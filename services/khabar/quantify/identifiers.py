"""Numbers that name rather than count: القرار 2254، قناة روسيا 1، الطريق رقم 5، كوفيد-19،
جسر 14 تموز، رؤية 2030، phone numbers (kind "identifier", CONVENTIONS.md).

Found first, so that the date and amount matchers never read "14 تموز" in a bridge's
name as a date or 2254 in a resolution as a count. An identifier's `value` is null: it
is not an amount.
"""

from __future__ import annotations

from khabar.quantify import dates
from khabar.quantify.candidates import Candidate, Context, amount
from khabar.quantify.ordinals import read_ordinal
from khabar.quantify.tokens import PhraseTable, Tok, fold

#: nouns whose number is a label (قرار 2254، المادة 7، الفرقة 17، قناة X 24).
ID_HEADS = frozenset(
    fold(w)
    for w in (
        "قرار",
        "القرار",
        "قراري",
        "رقم",
        "الرقم",
        "المادة",
        "مادة",
        "البند",
        "بند",
        "الفقرة",
        "فقرة",
        "الفرقة",
        "الفيلق",
        "الفوج",
        "الكتيبة",
        "السرب",
        "اللواء",
        "الطريق",
        "طريق",
        "الرحلة",
        "رحلة",
        "مجموعة",
        "فرانس",
        "آر",
        "سي",
        "تي",
        "إم",
        "بي",
        "الجولة",
        "الدورة",
        "القرن",  # القرن 21، فوكس للقرن 21: a period's label, written in digits
    )
)
#: nouns before a date or a year that make it part of a name (جسر 14 تموز، رؤية 2030).
NAME_HEADS = frozenset(
    fold(w)
    for w in (
        "جسر",
        "كتيبة",
        "كتائب",
        "ثورة",
        "ساحة",
        "شارع",
        "ميدان",
        "حركة",
        "مدينة",
        "جامعة",
        "مستشفى",
        "ملعب",
        "لواء",
        "تجمع",
        "ائتلاف",
        "تيار",
        "رؤية",
        "إكسبو",
        "اكسبو",
        "مونديال",
        "أجندة",
        "مبادرة",
        "ثوار",
        "مؤتمر",
        "دورة",
        "بطولة",
    )
)
#: short names glued to a number by a dash or a space: كوفيد-19، إف-16، سو 24، إس-400.
MODEL_PREFIXES = frozenset(
    fold(w)
    for w in (
        "كوفيد",
        "كورونا",
        "إف",
        "اف",
        "أف",
        "ف",
        "سو",
        "سوخوي",
        "ميغ",
        "ميج",
        "إس",
        "اس",
        "تي",
        "بي",
        "أيه",
        "ام",
        "إم",
        "جي",
        "تو",
        "مي",
        "يو",
        "كا",
        "أباتشي",
        "إيه",
        "إتش",
    )
)
_PHONE_WORDS = frozenset(fold(w) for w in ("هاتف", "الهاتف", "هاتفي", "جوال", "واتساب", "فاكس", "الخط"))
_CHANNEL = frozenset(
    fold(w)
    for w in ("قناة", "القناة", "لقناة", "بقناة", "محطة", "شبكة", "تلفزيون", "إذاعة", "لإذاعة", "لتلفزيون")
)
_GLUE = frozenset(("-", "–"))
_RESOLUTION = frozenset(fold(w) for w in ("قرار", "القرار", "قراري", "قرارات"))
_COUNCIL_WORDS = frozenset(fold(w) for w in ("مجلس", "الأمن", "الدولي", "الأممي", "الأمم", "المتحدة", "رقم"))
#: named events whose ordinal is part of the name (الحرب العالمية الثانية، حرب الخليج الأولى).
_EVENT_NAMES = PhraseTable(
    dict.fromkeys(
        ("الحرب العالمية", "حرب الخليج", "الانتفاضة", "الانتفاضة الفلسطينية", "حرب لبنان", "الحرب الكورية"),
        True,
    )
)
#: two-word names before a year (كأس العالم 2022، الألعاب الأولمبية 2020).
_NAME_PHRASES = PhraseTable(
    dict.fromkeys(("كأس العالم", "الألعاب الأولمبية", "دورة الألعاب", "رؤية المملكة"), True)
)


def match_identifier(ctx: Context, i: int) -> Candidate | None:
    """An identifier at token `i` (a number or a date that belongs to a name)."""
    tok = ctx.toks[i]
    if tok.cls == "num":
        return _phone(ctx, i) or _labelled_number(ctx, i)
    if tok.cls == "ord":
        return _named_event(ctx, i)
    if tok.cls == "one":
        return None
    named = dates.match_date(ctx, i) if _after_name_head(ctx, i) else None
    return Candidate(named.i, named.j, _attrs()) if named is not None else None


def _named_event(ctx: Context, i: int) -> Candidate | None:
    """الحرب العالمية الثانية، الانتفاضة الثانية: an ordinal that is part of an event's name
    (MISC in CONVENTIONS.md), not a rank the story gives."""
    if _EVENT_NAMES.match_back(ctx.toks, i) is None:
        return None
    number = read_ordinal(ctx.toks, i)
    return Candidate(i, number.j, _attrs()) if number is not None else None


def _labelled_number(ctx: Context, i: int) -> Candidate | None:
    tok, prev = ctx.toks[i], ctx.tok(i - 1)
    if tok.val.value is None:
        return Candidate(i, i + 1, _attrs())  # too long to be an amount: an ID
    if prev is None:
        return None
    if _model(ctx, i, prev):
        start = i - 2 if prev.text in _GLUE else i - 1
        return Candidate(max(start, ctx.floor), _id_end(ctx, i + 1), _attrs())
    if _bare(prev.fold) in ID_HEADS or _channel(ctx, i) or _resolution(ctx, i):
        return Candidate(i, _id_end(ctx, i + 1), _attrs())
    if _after_name_head(ctx, i):
        named = dates.match_date(ctx, i)
        end = named.j if named is not None else i + 1
        return Candidate(i, end, _attrs())
    return None


def _model(ctx: Context, i: int, prev: Tok) -> bool:
    """كوفيد-19، F-16، F16، سو 24: a short name glued or dashed to the number."""
    glued = ctx.toks.glued(i)
    word = ctx.tok(i - 2)
    if prev.text in _GLUE and word is not None and word.cls is None and len(word.fold) <= 2:
        return True  # إل -39، أ ر- 15، إس إف- 260: letters dashed to the number
    if glued and prev.text.isascii() and prev.text.isalpha():
        return True
    if prev.text in _GLUE and glued:
        return word is not None and (
            word.fold in MODEL_PREFIXES
            or ctx.toks.glued(i - 1)
            and word.cls is None
            and len(word.fold) >= 2
            and not word.fold.startswith("ال")
        )
    return prev.fold in MODEL_PREFIXES and prev.pre == ""


def _channel(ctx: Context, i: int) -> bool:
    """قناة روسيا 1، قناة فرانس 24: a number right after a channel's name."""
    return ctx.fold(i - 2) in _CHANNEL or ctx.fold(i - 3) in _CHANNEL and ctx.toks[i - 1].cls is None


def _resolution(ctx: Context, i: int) -> bool:
    """قرار مجلس الأمن الدولي 2401: a resolution's number after the council's name."""
    k = i - 1
    while k >= 0 and i - k <= 5 and ctx.toks[k].fold in _COUNCIL_WORDS:
        k -= 1
    return k < i - 1 and k >= 0 and _bare(ctx.toks[k].fold) in _RESOLUTION


def _after_name_head(ctx: Context, i: int) -> bool:
    prev = ctx.tok(i - 1)
    if prev is None:
        return False
    return _bare(prev.fold) in NAME_HEADS or _NAME_PHRASES.match_back(ctx.toks, i) is not None


def _bare(word: str) -> str:
    """A head word without its conjunction or preposition (والقرار -> القرار, بمدينة -> مدينة)."""
    if word.startswith("لل") and "ال" + word[2:] in ID_HEADS:
        return "ال" + word[2:]
    for prefix in ("وب", "ول", "و", "ف", "ب", "ل"):
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            rest = word[len(prefix) :]
            if rest in ID_HEADS or rest in NAME_HEADS or rest in _RESOLUTION:
                return rest
    return word


def _id_end(ctx: Context, j: int) -> int:
    """Extend over "/1701" in القرار 2254/1701."""
    while ctx.fold(j) == "/" and ctx.tok(j + 1) is not None and ctx.toks[j + 1].cls == "num":
        j += 2
    return j


def _phone(ctx: Context, i: int) -> Candidate | None:
    """+963 11 2345678, 00201001234567, a number after هاتف: digit groups that dial, not count."""
    tok, prev = ctx.toks[i], ctx.tok(i - 1)
    plus = prev is not None and prev.text == "+" and ctx.toks.glued(i)
    labelled = prev is not None and (prev.fold in _PHONE_WORDS or ctx.fold(i - 2) in _PHONE_WORDS)
    leading_zero = tok.text.startswith(("0", "٠", "۰")) and tok.val.int_digits >= 7
    if not (plus or labelled or leading_zero):
        return None
    j = i + 1
    while ctx.tok(j) is not None and ctx.toks[j].cls == "num" and _spaced_by_one(ctx, j):
        j += 1
    if not (labelled or plus or j > i + 1 or leading_zero):
        return None
    return Candidate(i - 1 if plus and i - 1 >= ctx.floor else i, j, _attrs())


def _spaced_by_one(ctx: Context, j: int) -> bool:
    return ctx.toks.starts[j] - ctx.toks.ends[j - 1] <= 1


def _attrs() -> dict:
    return amount("identifier", None)
