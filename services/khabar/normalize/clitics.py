"""A light, conservative clitic split of Arabic tokens, for NER and quantities to use as attributes.

A wrong split hurts more than a missed one (ب + غداد would cut بغداد), so a proclitic is
stripped only on evidence, in this order:

1. the article: (و|ف)?(ب|ك)? + ال + at least two letters, with ال written with a bare alef in
   the normalized form (so إلى is never ال + ى) -> `det`; ل + ال contracts to لل (للجيش):
   `pre` ends in ل, `base` is ال + rest, and `base_start` points after لل (CONVENTIONS: the
   entity span of للحوثيين is حوثيين);
2. no article: a prefix و ف ب ل ك س, or و/ف followed by ب ل ك س, whose remainder is at
   least three letters and is *attested*: used in the same story on its own or with ال
   (ولافروف when لافروف occurs; بسوريا when سوريا or السوريا occurs), or a known short word
   after a conjunction (وقال, فإن); س (future) only before an imperfect prefix ي ت ن ا;
3. و alone (the commonest clitic) also when the remainder is at least three letters, unless
   the word is in the list of و-initial root words (وزير, وكالة, واشنطن, وليد ...).

Words in `lexicon.ROOT_WORDS` are never split. Enclitic pronouns are reported in `enc` but not
removed from `base` (so `text[base_start:end]` is the base's surface); ها هم هما هن need a
stem of three letters, the ambiguous ه كم كما نا need the stem attested.
"""

from __future__ import annotations

from collections.abc import Container
from typing import NamedTuple

from khabar.normalize.lexicon import (
    ENCLITICS_BY_LENGTH,
    ENCLITICS_NEED_STEM,
    KNOWN_AFTER_CONJ,
    KNOWN_AFTER_PREP,
    NOT_ARTICLE,
    NOT_ENCLITIC,
    ROOT_WORDS,
    SHORT_STEMS,
    WAW_ROOT_WORDS,
)

_ARTICLE_PREFIXES = ("وب", "فب", "وك", "فك", "و", "ف", "ب", "ك", "")
_CONTRACTION_PREFIXES = ("و", "ف", "")
_PLAIN_PREFIXES = ("وب", "فب", "ول", "فل", "وك", "فك", "وس", "فس", "و", "ف", "ب", "ل", "ك", "س")


class Clitics(NamedTuple):
    """The split of one token: `pre` + base, `base_offset` chars into the normalized token."""

    pre: str
    base_offset: int
    base: str
    det: bool
    enc: str


def _attested(word: str, vocabulary: Container[str]) -> bool:
    return word in vocabulary or "ال" + word in vocabulary


def _split_article(norm: str, folded: str) -> Clitics | None:
    for prefix in _ARTICLE_PREFIXES:
        n = len(prefix)
        if folded.startswith(prefix) and norm.startswith("ال", n) and len(folded) - n >= 4:
            base = folded[n:]
            if base not in NOT_ARTICLE and folded not in ROOT_WORDS:
                return Clitics(prefix, n, base, True, "")
    for prefix in _CONTRACTION_PREFIXES:
        n = len(prefix)
        if folded.startswith("لل", n) and len(folded) - n - 2 >= 2 and folded not in ROOT_WORDS:
            return Clitics(prefix + "ل", n + 2, "ال" + folded[n + 2:], True, "")
    return None


def _accept_plain(prefix: str, rest: str, vocabulary: Container[str]) -> bool:
    """May `prefix` be stripped from a word whose remainder (no article) is `rest`?"""
    if len(rest) < 2:
        return False
    if prefix[-1] == "س" and rest[0] not in "يتنا":
        return False
    if prefix[-1] in "وف" and rest in KNOWN_AFTER_CONJ:
        return True
    if prefix[-1] in "بل" and rest in KNOWN_AFTER_PREP:
        return True
    return len(rest) >= 3 and _attested(rest, vocabulary)


def split_clitics(norm: str, folded: str, vocabulary: Container[str] = ()) -> Clitics:
    """Split an Arabic token into proclitics, base and enclitic (see the module docstring).

    Args:
        norm: the token's normalized form (article detection needs the unfolded alef).
        folded: `tokens.fold(norm)`, same length as `norm`.
        vocabulary: folded forms of the story's tokens, the evidence for rule 2.

    Returns:
        A `Clitics`; `base_offset` counts characters of `norm` before the base.

    >>> split_clitics("وبالقاهرة", "وبالقاهره")
    Clitics(pre='وب', base_offset=2, base='القاهره', det=True, enc='')
    >>> split_clitics("وزير", "وزير").pre, split_clitics("للحوثيين", "للحوثيين").base
    ('', 'الحوثيين')
    """
    found = _split_article(norm, folded)
    if found is not None:
        return found
    if folded not in ROOT_WORDS:
        for prefix in _PLAIN_PREFIXES:
            rest = folded[len(prefix):]
            if folded.startswith(prefix) and _accept_plain(prefix, rest, vocabulary):
                return Clitics(prefix, len(prefix), rest, False, find_enclitic(norm, rest, vocabulary))
        if folded.startswith("و") and len(folded) >= 4 and folded not in WAW_ROOT_WORDS:
            return Clitics("و", 1, folded[1:], False, find_enclitic(norm, folded[1:], vocabulary))
    return Clitics("", 0, folded, False, find_enclitic(norm, folded, vocabulary))


def find_enclitic(norm: str, base: str, vocabulary: Container[str] = ()) -> str:
    """The enclitic pronoun at the end of `base` (folded, no article), or "".

    `norm` is the unfolded token: its last letters tell a pronoun ه from a folded ة.

    >>> find_enclitic("قواتهم", "قواتهم"), find_enclitic("كورونا", "كورونا")
    ('هم', '')
    >>> find_enclitic("بلاده", "بلاده", {"بلاد"}), find_enclitic("مدرسة", "مدرسه", {"مدرس"})
    ('ه', '')
    """
    if base in NOT_ENCLITIC:
        return ""
    for enclitic in ENCLITICS_BY_LENGTH:
        if not norm.endswith(enclitic):
            continue
        stem = base[: -len(enclitic)]
        if stem in SHORT_STEMS:
            return enclitic
        if len(stem) < 2:
            continue
        # a teh marbuta becomes ت before a pronoun: حكومته has the stem حكومة (folded حكومه)
        evidence = _attested(stem, vocabulary) or (stem[-1] == "ت" and _attested(stem[:-1] + "ه", vocabulary))
        if evidence or (enclitic not in ENCLITICS_NEED_STEM and len(stem) >= 3):
            return enclitic
    return ""
