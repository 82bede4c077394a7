"""Read a number written in digits, words or both, starting at one token.

The grammar is the one every Arabic grammar book gives, as a small state machine:
units come before tens and both after hundreds (مئة وخمسة وعشرون), each joined by و;
a scale word multiplies what precedes it (ثلاثة آلاف، 3 ملايين، مئة وعشرين ألف) and
scales must fall (مليون و200 ألف); مئة right after a unit multiplies it (ثلاث مئة);
a fraction after و ends the number (مليون ونصف = 1,500,000). Anything that does not fit
ends the number, so "2012 و2013" is two numbers and a run of 500 number words is read
in linear time.

>>> from khabar.quantify.tokens import tokenize
>>> read_number(tokenize("مئة وعشرين ألف"), 0).value, read_number(tokenize("ثلاثة أرباع"), 0).value
(120000.0, 0.75)
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from khabar.quantify import lexicon
from khabar.quantify.tokens import Tok, Tokens, fold

_FRACTION_AMBIGUOUS = {fold(k): v for k, v in lexicon.FRACTIONS_AMBIGUOUS.items()}
_VAGUE = frozenset(fold(w) for w in lexicon.VAGUE)
_NUMBER_CLASSES = frozenset(("num", "one", "ten", "tens", "hund", "scale", "frac", "zero"))


@dataclass(slots=True)
class Number:
    """A number read from tokens `i`..`j` (end exclusive)."""

    i: int
    j: int
    value: float
    words: bool = False  # written (at least partly) in words
    fraction: bool = False  # a pure fraction: نصف، ثلاثة أرباع
    last_scale: int = 0  # the last scale word used (ألف = 1000), 0 if none
    det: bool = False  # starts with the article: الثلاثة، الاربع والعشرين


class _State:
    """What has been read so far: `total` of closed scale groups plus the open `group`."""

    __slots__ = ("total", "group", "last", "h", "t", "u", "teen", "digit", "scale", "frac", "done", "end")

    def __init__(self) -> None:
        self.total = self.group = self.last = 0.0
        self.h = self.t = self.u = self.teen = self.digit = self.frac = self.done = False
        self.scale = math.inf
        self.end = 0

    def open_group(self) -> bool:
        return not (self.h or self.t or self.u or self.teen or self.digit)

    def add(self, value: float) -> bool:
        self.group += value
        self.last = value
        return True


def is_number_token(tok: Tok) -> bool:
    """The token can start or continue a number."""
    return tok.cls in _NUMBER_CLASSES or tok.cls == "fracpl"


def read_number(toks: Tokens, i: int) -> Number | None:
    """The longest number starting at token `i`, or None if `i` does not start one."""
    tok = toks[i]
    if tok.cls == "neg" and i + 1 < len(toks) and is_number_token(toks[i + 1]):
        inner = read_number(toks, i + 1)
        if inner is not None:
            inner.i, inner.value = i, -inner.value
        return inner
    if (tok.cls == "num" and tok.val.value is None) or not is_number_token(tok):
        return None
    if tok.key in _FRACTION_AMBIGUOUS and _before_definite_noun(toks, i):
        num, den = _FRACTION_AMBIGUOUS[tok.key]
        return Number(i, i + 1, num / den, words=True, fraction=True)
    if tok.cls == "fracpl":
        return None
    if tok.cls == "num" and _slash_fraction(toks, i):
        return Number(i, i + 3, toks[i].val.value / toks[i + 2].val.value, fraction=True)
    return _read_words_and_digits(toks, i)


def _read_words_and_digits(toks: Tokens, i: int) -> Number | None:
    """Run the state machine from token `i` as far as the grammar allows."""
    st = _State()
    p = i
    while p < len(toks) and not st.done:
        link, q = _link(toks, i, p)
        if q >= len(toks) or not _step(st, toks[q], link):
            break
        st.end = p = q + 1
    if st.end == 0:
        return None
    if st.done and not math.isinf(st.scale) and _same_scale(toks, st.end, st.scale):
        st.end += 1  # مليون ونصف المليون
    words = any(toks[k].cls not in ("num", "sym") for k in range(i, st.end))
    scale = 0 if math.isinf(st.scale) else int(st.scale)
    fraction = st.frac and st.total == 0 and st.group < 1
    value = st.total + st.group
    return Number(i, st.end, value, words=words, fraction=fraction, last_scale=scale, det=toks[i].det)


def _same_scale(toks: Tokens, j: int, scale: float) -> bool:
    """مليون ونصف المليون / مليون ونصف مليون: the half's own scale word repeats."""
    return j < len(toks) and toks[j].cls == "scale" and toks[j].pre in ("", "ال") and toks[j].val[0] == scale


def _slash_fraction(toks: Tokens, i: int) -> bool:
    """1/2، ٣/٤: one digit over a larger one, written solid (22/04 is a date, not a fraction)."""
    if i + 2 >= len(toks) or toks[i + 1].text != "/" or toks[i + 2].cls != "num":
        return False
    a, b = toks[i], toks[i + 2]
    if not (toks.glued(i + 1) and toks.glued(i + 2)):
        return False
    return (
        a.val.int_digits == 1
        and not a.val.decimal
        and b.val.int_digits == 1
        and 0 < a.val.value < b.val.value
    )


def _before_definite_noun(toks: list[Tok], i: int) -> bool:
    """خمس الفطيرة (a fifth) rather than خمس سنوات (five): a definite non-number word follows.

    The fraction heads a construct, so it never carries the article itself: السبع in
    "السنوات السبع الماضية" is the number agreeing with its noun (seven years), not 1/7.
    """
    if toks[i].det:
        return False
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt is None or not nxt.fold.startswith("ال") or is_number_token(nxt):
        return False
    return nxt.cls is None or (nxt.cls == "tunit" and nxt.val[1] == 1)  # خمس الساعة


def _link(toks: list[Tok], i: int, p: int) -> tuple[str, int]:
    """How token `p` joins the number: first, direct (juxtaposed) or and (و), and where it is."""
    if p == i:
        return "first", p
    tok = toks[p]
    if tok.fold == "و" and p + 1 < len(toks) and is_number_token(toks[p + 1]):
        return "and", p + 1
    return ("and" if tok.conj else "direct"), p


def _step(st: _State, tok: Tok, link: str) -> bool:
    """Fold one more token into the state; False ends the number before it."""
    if link == "direct" and tok.pre and tok.cls != "num":
        return False  # بالمئة، للعشرين: a preposition starts something else
    step = _STEPS.get(tok.cls)
    if step is None or tok.key in _VAGUE and link != "direct":
        return False
    return step(st, tok, link)


def _step_digits(st: _State, tok: Tok, link: str) -> bool:
    value = tok.val.value
    if link == "first":
        st.digit = True
        return st.add(value)
    after_scale = st.open_group() and value < st.scale and not math.isinf(st.scale)
    after_hundreds = st.h and not (st.t or st.u or st.teen or st.digit) and value < 100
    if link == "and" and (after_scale or after_hundreds):  # 89 ألفا و500، ٣ مئة و ٢١
        st.digit = True
        return st.add(value)
    return False


def _step_one(st: _State, tok: Tok, link: str) -> bool:
    if link == "first" or (link == "and" and not (st.u or st.t or st.teen or st.digit)):
        st.u = True
        return st.add(tok.val)
    return False


def _step_ten(st: _State, tok: Tok, link: str) -> bool:
    if link == "direct" and st.u and not (st.t or st.teen or st.digit) and 0 < st.last < 10:
        st.teen = True
        return st.add(10)
    if link == "first" or (link == "and" and not (st.u or st.t or st.teen or st.digit)):
        st.teen = True
        return st.add(10)
    return False


def _step_tens(st: _State, tok: Tok, link: str) -> bool:
    if link == "first" or (link == "and" and not (st.t or st.teen or st.digit)):
        st.t = True
        return st.add(tok.val)
    return False


def _step_hundreds(st: _State, tok: Tok, link: str) -> bool:
    if link == "direct" and tok.val == 100 and not st.h and 0 < st.group < 100 and st.group == int(st.group):
        st.group, st.h = st.group * 100, True  # ثلاث مئة، ٣ مئة
        st.u = st.t = st.teen = st.digit = False
        return True
    if link == "first" or (link == "and" and st.open_group()):
        st.h = True
        return st.add(tok.val)
    return False


def _step_scale(st: _State, tok: Tok, link: str) -> bool:
    scale, count = tok.val
    if scale >= st.scale:
        return False
    if link == "direct" and st.group > 0 and count != 2:
        st.total += st.group * scale  # ثلاثة آلاف، 1.5 مليار، نصف مليون
    elif (link == "first" or (link == "and" and st.open_group())) and count:
        st.total += count * scale
    else:
        return False
    st.scale, st.group, st.last = scale, 0.0, 0.0
    st.h = st.t = st.u = st.teen = st.digit = False
    return True


def _step_fraction(st: _State, tok: Tok, link: str) -> bool:
    num, den = tok.val
    if link == "first":
        st.frac = True
        return st.add(num / den)
    if link == "and":
        st.done = True  # مليون ونصف، واحد وربع: a fraction closes the number
        if st.open_group() and not math.isinf(st.scale):
            st.total += num / den * st.scale
            return True
        return st.add(num / den)
    return False


def _step_fraction_plural(st: _State, tok: Tok, link: str) -> bool:
    if link != "direct" or not (st.u or st.t or st.teen or st.digit) or st.frac:
        return False
    st.group += st.last / tok.val - st.last  # ثلاثة أرباع، مئة وثلاثة أرباع
    st.frac = st.done = True
    return True


def _step_zero(st: _State, tok: Tok, link: str) -> bool:
    if link == "first":
        st.done = st.digit = True
        return True
    return False


_STEPS = {
    "num": _step_digits,
    "one": _step_one,
    "ten": _step_ten,
    "tens": _step_tens,
    "hund": _step_hundreds,
    "scale": _step_scale,
    "frac": _step_fraction,
    "fracpl": _step_fraction_plural,
    "zero": _step_zero,
}
