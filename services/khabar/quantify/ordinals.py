"""Ordinals: الأول، الثانية، الخامس عشر، الحادي والعشرين, and definite tens used as ranks.

A teen ordinal is an ordinal unit followed by عشر/عشرة; a compound one is an ordinal unit,
و and a definite tens word (الخامسة والأربعين = 45). A definite cardinal after a definite
singular noun is a rank too (القرن العشرين، السيارة الواحد والعشرون), while after a plural
it stays a count (الساعات الأربع والعشرين).
"""

from __future__ import annotations

from khabar.quantify import lexicon, units
from khabar.quantify.candidates import Candidate, Context, amount
from khabar.quantify.numerals import Number
from khabar.quantify.tokens import PhraseTable, Tok, Tokens, fold

_NEED_ARTICLE = frozenset(fold(w) for w in lexicon.ORDINALS_NEED_ARTICLE)
#: ثاني in آل ثاني (a family name) and ثاني أكسيد (dioxide) is no rank.
_NOT_AFTER = frozenset((fold("آل"),))
_NOT_BEFORE = frozenset((fold("أكسيد"), fold("اكسيد")))
_PLURAL_SUFFIXES = ("ات", "ين", "ون")
_RELATIVE = PhraseTable(lexicon.RELATIVE_ORDINALS)
_NOT_RANKED = frozenset(fold(w) for w in lexicon.NOT_RANKED_NOUNS)
_FUNCTION_WORDS = frozenset(fold(w) for w in units.NOT_COUNTED)


def read_ordinal(toks: Tokens, i: int) -> Number | None:
    """The ordinal starting at token `i` (value = rank), or None."""
    tok = toks[i]
    if tok.cls == "hund" and tok.det and i + 1 < len(toks) and toks[i + 1].conj:
        inner = read_ordinal(toks, i + 1)  # المئة والخامسة والعشرون
        return Number(i, inner.j, 100 + inner.value, words=True, det=True) if inner else None
    if tok.cls != "ord" or (not tok.det and tok.key in _NEED_ARTICLE) or tok.text.endswith("ولي"):
        return None  # الأولي (preliminary) folds like الأولى (first)
    if tok.key.startswith("اول") and tok.pre not in ("", "ال") and "أ" not in tok.text:
        return None  # باول is Powell; with a clitic, أول keeps its hamza
    value, j = tok.val, i + 1
    nxt = toks[j] if j < len(toks) else None
    if nxt is not None and nxt.cls == "ten" and not nxt.pre and value < 10:
        value, j = value + 10, j + 1  # الحادي عشر، الثالثة عشرة
    elif nxt is not None and nxt.cls == "tens" and nxt.conj and nxt.det:
        value, j = value + nxt.val, j + 1  # الحادي والعشرين
    if tok.key in (fold("حادي"), fold("حادية")) and value == 1:
        return None
    return Number(i, j, value, words=True, det=tok.det)


def match_ordinal(ctx: Context, i: int) -> Candidate | None:
    """An ordinal quantity at token `i`: a rank, or a relative position (الأخير، التالي)."""
    number = read_ordinal(ctx.toks, i)
    if number is None:
        return _relative(ctx, i)
    if ctx.fold(i - 1) in _NOT_AFTER or ctx.fold(number.j) in _NOT_BEFORE:
        return None
    return Candidate(number.i, number.j, amount("ordinal", number.value))


def _relative(ctx: Context, i: int) -> Candidate | None:
    """قبل الأخير، الصفحة التالية، السابقة: value null, `relative` names the position.

    Not after a period of time or an office (الآونة الأخيرة، الرئيس السابق: "recent",
    "former"), nor after a nisba adjective (الجاسوس الروسي السابق).
    """
    found = _RELATIVE.match(ctx.toks, i)
    if found is None or ctx.toks[i].pre not in ("", "و"):
        return None
    end, relation = found
    if relation != "penultimate" and not _ranks(ctx, i, end):
        return None
    if relation == "penultimate" and ctx.fold(i - 1) == "ما" and i - 1 >= ctx.floor:
        i -= 1  # ما قبل الأخير
    return Candidate(i, end, amount("ordinal", None, relative=relation))


def _ranks(ctx: Context, i: int, end: int) -> bool:
    prev, nxt = ctx.tok(i - 1), ctx.tok(end)
    if prev is None or prev.cls == "sym":
        return True
    if ctx.last is not None and ctx.last.j == i and ctx.last.attrs["kind"] in ("duration", "date"):
        return False  # الساعات الأربع والعشرين الأخيرة
    if prev.fold in _NOT_RANKED or prev.key in _NOT_RANKED:
        return False
    if prev.fold.startswith("ال") or prev.det:
        return prev.cls in (None, "one", "ten", "tens", "num") and not prev.fold.endswith(("ي", "يه"))
    return prev.cls is None and prev.fold not in _FUNCTION_WORDS and (nxt is None or nxt.cls == "sym")


def is_rank(ctx: Context, number: Number) -> bool:
    """A definite cardinal in words that ranks its definite singular noun (القرن العشرين),
    or a definite tens word standing alone (العشرون)."""
    prev = ctx.tok(number.i - 1)
    if number.det and ctx.toks[number.i].cls == "tens" and number.j - number.i == 1:
        if prev is None or prev.cls == "sym":
            return True
    if not (number.det and number.words and prev is not None and prev.fold.startswith("ال")):
        return False
    if ctx.toks[number.j - 1].cls not in ("tens", "hund", "scale"):
        return False  # الأيام الثلاثة، المطالب الثلاثة عشر: only tens, hundreds and scales double as ranks
    return prev.cls is None and not prev.fold.endswith(_PLURAL_SUFFIXES) and not _broken_plural(prev)


def _broken_plural(tok: Tok) -> bool:
    """A few broken plurals that take definite numbers in wire copy (الدول السبع)."""
    return tok.fold in _BROKEN_PLURALS


_BROKEN_PLURALS = frozenset(
    fold(w)
    for w in (
        "الدول",
        "الأيام",
        "الأشهر",
        "الشهور",
        "الأعوام",
        "الأطفال",
        "الأشخاص",
        "القتلى",
        "الجرحى",
        "الأسرى",
        "الرهائن",
        "الجنود",
        "الأحزاب",
        "الفصائل",
        "الأعضاء",
        "النقاط",
        "البنود",
        "الشروط",
        "المدن",
        "القرى",
    )
)
