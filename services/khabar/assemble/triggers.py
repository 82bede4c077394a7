"""Words of a story as lookup keys, and phrase matching against the lexicon (the *find* half).

Each token becomes a `Word` whose `keys` are its folded form with proclitics (و ف ب ل ك)
and the article ال stripped, so "والغارات" is found under "غارات". Clitic stripping is done
here rather than with camel-tools' analyzer because we only need a handful of prefixes and
must keep exact character offsets; the tag stage's `base` attribute is used when present.

>>> words = read_words_from_text("وقصفت الطائرات الحربية")
>>> [w.fold for w in words]
['وقصفت', 'الطائرات', 'الحربيه']
>>> "قصفت" in words[0].keys
True
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

_DIACRITICS_RE = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u0640\u06d6-\u06ed]")
_FOLD = str.maketrans("أإآٱىةی٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "اااايهي01234567890123456789")
_PROCLITICS = ("وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك")
_WORD_RE = re.compile(r"\d+(?:[.,]\d+)*|\w+|[^\w\s]", re.UNICODE)
_ARABIC_LETTER_RE = re.compile(r"[\u0621-\u064a]")


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Fold a word for matching: no diacritics or tatweel, one alef, ى→ي, ة→ه, Western digits."""
    return _DIACRITICS_RE.sub("", text).translate(_FOLD)


@lru_cache(maxsize=1 << 16)
def lookup_keys(folded: str) -> tuple[str, ...]:
    """All forms a folded word may be listed under: itself, minus a proclitic, minus ال.

    >>> lookup_keys("وللجيش")
    ('وللجيش', 'لجيش', 'للجيش', 'الجيش', 'جيش')
    """
    keys = [folded]
    for clitic in _PROCLITICS:
        # ك only before a real word: "كان" and "كما" are not ك + "ان"/"ما"
        if folded.startswith(clitic) and len(folded) - len(clitic) >= (3 if "ك" in clitic else 2):
            keys.append(folded[len(clitic) :])
    for stem in list(keys):
        if stem.startswith("لل") and len(stem) > 3:
            keys += ["ال" + stem[2:], stem[2:]]
    for key in list(keys):
        if key.startswith("ال") and len(key) > 3:
            keys.append(key[2:])
    return tuple(dict.fromkeys(keys))


@dataclass(frozen=True, slots=True)
class Word:
    """One token of the story: its original span, folded form and lookup keys."""

    i: int
    start: int
    end: int
    text: str
    fold: str
    keys: tuple[str, ...]
    sent: int
    base_start: int = -1  # where the word follows its proclitics, when the normalize stage says so

    @property
    def is_punct(self) -> bool:
        return not self.fold[:1].isalnum()

    @property
    def is_number(self) -> bool:
        return self.fold[:1].isdigit()

    @property
    def is_arabic(self) -> bool:
        return bool(_ARABIC_LETTER_RE.match(self.fold))

    def has(self, forms: Iterable[str] | set[str] | frozenset[str]) -> bool:
        """True when one of this word's keys is among `forms` (already folded)."""
        return any(k in forms for k in self.keys)


def make_word(i: int, start: int, end: int, text: str, sent: int) -> Word:
    folded = fold(text)
    return Word(i, start, end, text, folded, lookup_keys(folded), sent)


def _token_word(i: int, token: dict[str, Any]) -> Word:
    """A word from a normalize token: its clitic analysis (`base`, `base_start`) comes first among the keys,
    our own guesses after it (the analysis is conservative: "بمقتل" may stay whole)."""
    base = token.get("base")
    folded, keys = _token_keys(token["text"], base if isinstance(base, str) and base else None)
    base_start = int(token.get("base_start", token["start"])) if len(keys) > 1 and keys[1] != keys[0] else -1
    return Word(
        i, token["start"], token["end"], token["text"], folded, keys, int(token.get("sent", 0)), base_start
    )


@lru_cache(maxsize=1 << 16)
def _token_keys(text: str, base: str | None) -> tuple[str, tuple[str, ...]]:
    folded = fold(text)
    base = fold(base) if base else folded
    if base == folded:
        return folded, lookup_keys(folded)
    keys = [folded, base] + ([base[2:]] if base.startswith("ال") and len(base) > 3 else [])
    return folded, tuple(dict.fromkeys(keys + list(lookup_keys(folded)[1:])))


def is_verb_form(word: Word, key: str) -> bool:
    """A verb read off `word` as `key`: only و/ف/ل may precede a verb, never ال or ك ("كيري" is no "يرى")."""
    if key == word.fold:
        return True
    prefix = word.fold[: len(word.fold) - len(key)] if word.fold.endswith(key) else ""
    return bool(prefix) and prefix in ("و", "ف", "ل", "ول", "فل")


def read_words(tokens: list[dict[str, Any]]) -> list[Word]:
    """Words from the normalize stage's tokens (original offsets, sentence index)."""
    return [_token_word(i, t) for i, t in enumerate(tokens)]


def read_words_from_text(text: str) -> list[Word]:
    """Words from raw text, one sentence; used when a story arrives without tokens."""
    return [make_word(i, m.start(), m.end(), m.group(), 0) for i, m in enumerate(_WORD_RE.finditer(text))]


def fold_all(forms: Iterable[str]) -> frozenset[str]:
    """A lexicon list as a set of folded forms."""
    return frozenset(fold(f) for f in forms)


@dataclass(frozen=True, slots=True)
class Match:
    """A lexicon phrase found at words[first:last + 1], with the payload it was listed with."""

    first: int
    last: int
    payload: Any
    key: str = ""  # the lookup key the first word matched under ("غارات" for "والغارات")


class PhraseIndex:
    """Multi-word phrases indexed by their first folded word, matched longest first."""

    def __init__(self, entries: Iterable[tuple[str, Any]]) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], Any]]] = {}
        for phrase, payload in entries:
            forms = tuple(fold(w) for w in phrase.split())
            self._by_first.setdefault(forms[0], []).append((forms, payload))
        for candidates in self._by_first.values():
            candidates.sort(key=lambda c: -len(c[0]))

    def match_at(self, words: list[Word], i: int, hi: int | None = None) -> Match | None:
        """The longest phrase starting at word `i` (and ending before `hi`), if any."""
        hi = len(words) if hi is None else min(hi, len(words))
        best: Match | None = None
        for key in words[i].keys:
            for forms, payload in self._by_first.get(key, ()):
                end = i + len(forms)
                if best is not None and end - 1 <= best.last:
                    break
                if end <= hi and all(forms[k] in words[i + k].keys for k in range(1, len(forms))):
                    best = Match(i, end - 1, payload, key)
                    break
        return best

    def find(self, words: list[Word], lo: int = 0, hi: int | None = None) -> list[Match]:
        """Non-overlapping matches in words[lo:hi], left to right, longest at each position."""
        hi = len(words) if hi is None else min(hi, len(words))
        found, i = [], lo
        while i < hi:
            match = self.match_at(words, i, hi)
            if match:
                found.append(match)
                i = match.last + 1
            else:
                i += 1
        return found


def clitic_free_start(word: Word, key: str) -> int:
    """Character offset where `key` (a stripped form of `word`) begins in the original text."""
    if word.base_start >= 0 and key in word.keys[1:3]:
        return word.base_start  # the normalize stage's analysis of the proclitics
    skip = len(word.fold) - len(key) if word.fold.endswith(key) else 0
    offset = word.start
    while skip > 0 and offset < word.end:
        offset += 1
        if offset < word.end and not ("\u064b" <= word.text[offset - word.start] <= "\u065f"):
            skip -= 1
    while offset < word.end and "\u064b" <= word.text[offset - word.start] <= "\u065f":
        offset += 1
    return offset
