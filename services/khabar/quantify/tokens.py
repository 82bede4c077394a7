"""Tokens for quantity matching: fold, split off clitics, and classify every word once.

The normalize stage leaves alef/yeh/teh marbuta unfolded, so this module folds for
matching (أ/إ/آ→ا, ى→ي, ة→ه, ؤ→و, ئ→ي, as in score.py) while keeping each token's
offsets into the normalized text. A word such as وبالعشرين is looked up as a whole
first and then with its proclitics (و ف ب ل ك, ال, لل) removed, so the lexicon holds
bare forms only. Classification is memoised: wire copy reuses a small vocabulary.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from khabar.quantify import calendars, lexicon, units
from khabar.quantify.digits import parse_digits

_FOLD = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ی": "ي",
        "ة": "ه",
        "ؤ": "و",
        "ئ": "ي",
        "ک": "ك",
        "ـ": None,
        **{chr(c): None for c in range(0x064B, 0x0653)},
        "\u0670": None,
    }
)
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬", "01234567890123456789.,")
_BIDI = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u061c"
#: proclitics, longest first; ك is left out: كمية would read as ك + مية (100).
_PREFIXES = (
    "وبال",
    "فبال",
    "ولل",
    "فلل",
    "وال",
    "فال",
    "بال",
    "لل",
    "وب",
    "ول",
    "فب",
    "فل",
    "ال",
    "و",
    "ف",
    "ب",
    "ل",
)
#: whole words that look like clitic + number but are not (لست "I am not", ثمن "price").
_NOT_NUMBERS = frozenset(("لست", "ثمن", "الثمن", "بثمن", "وست"))

_TOKEN_RE = re.compile(
    r"(?P<ymd>(?<![\d/.\-])\d{1,4}(?P<sep>[/.\-])\d{1,2}(?P=sep)\d{1,4}(?![\d/]))"
    + r"|(?P<hms>(?<![\d:])\d{1,2}:\d{2}(?::\d{2})?(?![\d:]))"
    + rf"|(?P<num>\d+(?:[{_BIDI}]*[.,،٫٬][{_BIDI}]*\d+)*)"
    + r"|(?P<word>[^\W\d_]+)"
    + r"|(?P<sym>[%٪$€£/~<>=≥≤+\-–−:()،,.\"«»؟!])"
)


def fold(text: str) -> str:
    """Fold a word for matching (alef, yeh, teh marbuta, hamza seats; marks dropped).

    >>> fold("الأربعاء") == fold("الاربعاء")
    True
    """
    return text.translate(_FOLD)


def first_words(*tables: Iterable[str]) -> frozenset[str]:
    """The folded first word of every phrase in `tables` (a phrase is found from its first token)."""
    return frozenset(fold(phrase).split()[0] for table in tables for phrase in table)


def _folded(table: dict[str, Any]) -> dict[str, Any]:
    return {fold(key): value for key, value in table.items()}


# -- the classifier's tables, folded once -------------------------------------------
WORD_CLASSES: dict[str, tuple[str, Any]] = {}
for _cls, _table in (
    ("fracpl", lexicon.FRACTION_PLURALS),
    ("tunit", units.TIME_UNITS),
    ("curr", units.CURRENCY_NOUNS),
    ("ord", lexicon.ORDINALS),
    ("frac", lexicon.FRACTIONS),
    ("scale", lexicon.SCALES),
    ("hund", lexicon.HUNDREDS),
    ("tens", lexicon.TENS),
    ("ten", lexicon.TENS_TEN),
    ("one", lexicon.ONES),
    ("dual", units.DUAL_NOUNS),
    ("month", {**calendars.cldr_months(), **calendars.MONTHS_EXTRA}),
    ("hmonth", calendars.HIJRI_MONTHS),
    ("wday", calendars.cldr_weekdays()),
    ("rel", calendars.RELATIVE_DAYS),
    ("daypart", calendars.DAYPARTS),
    ("zero", dict.fromkeys(lexicon.ZERO, 0)),
    ("neg", dict.fromkeys(lexicon.NEGATIVE, -1)),
):
    for _word, _value in _folded(_table).items():
        if " " not in _word:
            WORD_CLASSES[_word] = (_cls, _value)
#: first words of multi-word entries (كانون الثاني، أكثر من) must survive clitic stripping too.
_PHRASE_HEADS = first_words(
    lexicon.QUALIFIERS_BEFORE,
    lexicon.QUALIFIERS_AFTER,
    calendars.HIJRI_MONTHS,
    calendars.MONTHS_EXTRA,
    calendars.RELATIVE_DAYS,
    calendars.NAMED_TIMES,
    calendars.DAYPARTS,
    lexicon.RELATIVE_ORDINALS,
)
_KNOWN = frozenset(WORD_CLASSES) | _PHRASE_HEADS


class Tok:
    """One token type: its surface, folded forms, clitic prefix and class.

    Tokens are interned per surface string (wire copy reuses a small vocabulary), so a Tok
    carries no offsets and is never mutated; positions live in `Tokens.starts`/`ends`.
    """

    __slots__ = ("text", "fold", "key", "pre", "cls", "val", "det", "conj")

    def __init__(self, text: str, fold_: str, key: str, pre: str, cls: str | None, val: Any) -> None:
        self.text, self.fold, self.key, self.pre, self.cls, self.val = text, fold_, key, pre, cls, val
        self.det = pre.endswith("ال") or pre.endswith("لل")  # carries the article
        self.conj = pre[:1] in ("و", "ف")  # carries the conjunction

    def __repr__(self) -> str:
        return f"Tok({self.text!r}, {self.cls}, {self.val!r})"


class Tokens(list):
    """The tokens of one text, with their offsets in parallel lists."""

    def __init__(self, toks: list[Tok], starts: list[int], ends: list[int]) -> None:
        super().__init__(toks)
        self.starts, self.ends = starts, ends

    def glued(self, i: int) -> bool:
        """Token `i` follows token `i - 1` with no space between (كوفيد-19، 22/04)."""
        return 0 < i < len(self) and self.ends[i - 1] == self.starts[i]


def classify_word(word: str) -> tuple[str, str, str, str | None, Any]:
    """`(fold, key, prefix, class, value)` of one word: whole word first, then minus clitics."""
    folded = fold(word)
    if folded in _NOT_NUMBERS:
        return folded, folded, "", None, None
    if word[:1] in ("و", "ف") and word[1:2] in ("أ", "إ", "آ") and folded[1:] in _KNOWN:
        cls, val = WORD_CLASSES.get(folded[1:], (None, None))  # وأحد is و + أحد, not واحد
        return folded, folded[1:], word[0], cls, val
    if folded in _KNOWN:
        cls, val = WORD_CLASSES.get(folded, (None, None))
        return folded, folded, "", cls, val
    for prefix in _PREFIXES:
        rest = folded[len(prefix) :]
        if folded.startswith(prefix) and len(rest) >= 2 and rest in _KNOWN:
            cls, val = WORD_CLASSES.get(rest, (None, None))
            return folded, rest, prefix, cls, val
    return folded, folded, "", None, None


class PhraseTable:
    """Multi-word entries (كانون الثاني، ما لا يقل عن) matched longest first at a token.

    The first word is compared with clitics stripped (وأكثر من), the others as folded.
    """

    def __init__(self, entries: dict[str, Any]) -> None:
        self._by_head: dict[str, list[tuple[tuple[str, ...], Any]]] = {}
        self._by_tail: dict[str, list[tuple[tuple[str, ...], Any]]] = {}
        for phrase, value in entries.items():
            for words in _spellings(phrase):
                self._by_head.setdefault(words[0], []).append((tuple(words[1:]), value))
                self._by_tail.setdefault(words[-1], []).append((tuple(words), value))
        for table in (self._by_head, self._by_tail):
            for options in table.values():
                options.sort(key=lambda option: -len(option[0]))

    def match(self, toks: list[Tok], i: int) -> tuple[int, Any] | None:
        """`(end, value)` of the longest entry starting at token `i`."""
        if i >= len(toks):
            return None
        head = toks[i]
        options = self._by_head.get(head.fold) or self._by_head.get(head.key)
        for rest, value in options or ():
            end = i + 1 + len(rest)
            if end <= len(toks) and all(toks[i + 1 + k].fold == w for k, w in enumerate(rest)):
                return end, value
        return None

    def match_back(self, toks: list[Tok], end: int, floor: int = 0) -> tuple[int, Any] | None:
        """`(start, value)` of the longest entry ending just before token `end`, not before `floor`."""
        if end <= floor or end > len(toks):
            return None
        tail = toks[end - 1]
        options = self._by_tail.get(tail.fold) or self._by_tail.get(tail.key)
        for words, value in options or ():
            start = end - len(words)
            if start < floor:
                continue
            head = toks[start]
            if (len(words) == 1 or head.fold == words[0] or head.key == words[0]) and all(
                toks[start + k].fold == w for k, w in enumerate(words[1:-1], start=1)
            ):
                return start, value
        return None


def _spellings(phrase: str) -> list[list[str]]:
    """The folded token sequences of a phrase: as spaced, and hyphenated (منتصف-الليل)."""
    words = fold(phrase).split()
    return [words, [*words[:1], "-", *words[1:]]] if len(words) == 2 and words[0].isalpha() else [words]


_TYPES: dict[str, Tok] = {}
_TYPES_MAX = 200_000


def tokenize(text: str) -> Tokens:
    """Split the normalized text into classified tokens (numbers, dates, times, words, symbols)."""
    matches = list(_TOKEN_RE.finditer(text))
    types = _TYPES if len(_TYPES) < _TYPES_MAX else _reset_types()
    toks = [types.get(m.group()) or _new_type(m) for m in matches]
    return Tokens(toks, [m.start() for m in matches], [m.end() for m in matches])


def _reset_types() -> dict[str, Tok]:
    _TYPES.clear()
    return _TYPES


def _new_type(m: re.Match[str]) -> Tok:
    """Classify a surface seen for the first time (the class depends on the surface only)."""
    kind, raw = m.lastgroup, m.group()
    if kind == "word":
        tok = Tok(raw, *classify_word(raw))
    elif kind == "num":
        tok = Tok(raw, raw, raw, "", "num", parse_digits(raw))
    elif kind == "sym":
        tok = Tok(raw, raw, raw, "", "sym", raw)
    else:
        tok = Tok(raw, raw, raw, "", kind, _split_numbers(raw))
    _TYPES[raw] = tok
    return tok


def _split_numbers(raw: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", raw.translate(_DIGITS)))
