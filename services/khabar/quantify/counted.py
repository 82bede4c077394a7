"""The noun a number counts (60 عنصرا، 28 قتيلا، 5 غارات), as a stable singular lemma.

Frequent wire-copy nouns, broken plurals included (قتلى → قتيل), come from
`units.COUNTED_NOUNS`; other nouns go through the regular suffix rules: the
accusative alif of 11–99 (فلسطينيا → فلسطيني), the sound plurals -ين/-ون (مدنيين →
مدني) and -ات (غارات → غارة, but تفجيرات → تفجير). A word no rule explains gives no lemma.
"""

from __future__ import annotations

from khabar.quantify import units
from khabar.quantify.tokens import Tok, fold

_KNOWN = {fold(surface): lemma for surface, lemma in units.COUNTED_NOUNS.items()}
_NOT_COUNTED = frozenset(fold(w) for w in units.NOT_COUNTED)


def counted_lemma(tok: Tok | None) -> str | None:
    """Singular lemma of the counted noun `tok`, or None when `tok` is not one.

    >>> from khabar.quantify.tokens import tokenize
    >>> [counted_lemma(t) for t in tokenize("قتيلا فلسطينيين غارات في")]
    ['قتيل', 'فلسطيني', 'غارة', None]
    """
    if tok is None or tok.cls is not None or tok.pre or tok.fold in _NOT_COUNTED:
        return None
    known = _KNOWN.get(tok.fold)
    if known is not None:
        return known
    word = tok.text
    if word.startswith("ال") or not "\u0621" <= word[0] <= "\u064a" or len(word) < 4:
        return None
    if word.endswith(("ها", "هما", "هم", "هن", "كم")):
        return None  # a pronoun suffix: عقوبتهما، طاقمها
    if word.endswith("ا") and not word.endswith("وا"):
        return word[:-1]
    if word.endswith(("ين", "ون")) and len(word) >= 5:
        return word[:-2]
    if word.endswith("ات") and len(word) >= 5:
        stem = word[:-2]
        return stem if _masculine_verbal_noun(stem) else stem + "ة"
    return None


def _masculine_verbal_noun(stem: str) -> bool:
    """تفجير، انفجار، اجتماع: verbal nouns (تفعيل, افتعال, انفعال, استفعال) take -ات without ة."""
    return (len(stem) == 5 and stem[0] == "ت" and stem[3] == "ي") or (len(stem) >= 5 and stem[0] == "ا")
