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

import re
from collections.abc import Container
from functools import lru_cache
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

# (و|ف)?(ب|ك)? + ال + two letters or more, on the normalized (unfolded) word: bare alef only
_ARTICLE_RE = re.compile("([\u0648\u0641]?[\u0628\u0643]?)\u0627\u0644(?=..)")
# (و|ف)? + لل + two letters or more: ل + ال contracted
_CONTRACTION_RE = re.compile("([\u0648\u0641]?)\u0644\u0644(?=..)")


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
    if folded in ROOT_WORDS:
        return None
    match = _ARTICLE_RE.match(norm)
    if match is not None:
        prefix = match.group(1)
        base = folded[len(prefix):]
        return None if base in NOT_ARTICLE else Clitics(prefix, len(prefix), base, True, "")
    match = _CONTRACTION_RE.match(norm)
    if match is not None:
        n = match.end()
        return Clitics(match.group(1) + "ل", n, "ال" + folded[n:], True, "")
    return None


def _plain_prefixes(folded: str) -> list[str]:
    """Proclitic letters the word may start with, longest first: و/ف, then ب ل ك س."""
    conj = folded[0] if folded[0] in "وف" else ""
    prep = folded[len(conj)] if len(folded) > len(conj) and folded[len(conj)] in "بلكس" else ""
    prefixes = [conj + prep] if conj and prep else []
    if conj or prep:
        prefixes.append(conj or prep)
    return prefixes


def _judge_plain(prefix: str, rest: str) -> bool | None:
    """May `prefix` be stripped from a word whose remainder (no article) is `rest`?

    True or False when the word alone decides, None when it takes the story's evidence.
    """
    if len(rest) < 2 or (prefix[-1] == "س" and rest[0] not in "يتنا"):
        return False
    if (prefix[-1] in "وف" and rest in KNOWN_AFTER_CONJ) or (prefix[-1] in "بل" and rest in KNOWN_AFTER_PREP):
        return True
    return None if len(rest) >= 3 else False


@lru_cache(maxsize=100_000)
def _plan(norm: str, folded: str) -> tuple[tuple[Clitics, bool], ...]:
    """The word's candidate splits `(split, needs_evidence)`, best first (cached per word).

    The enclitic is left empty here; it depends on the story's evidence too.
    """
    article = _split_article(norm, folded)
    if article is not None:
        return ((article, False),)
    plan: list[tuple[Clitics, bool]] = []
    if folded not in ROOT_WORDS:
        for prefix in _plain_prefixes(folded):
            rest = folded[len(prefix):]
            verdict = _judge_plain(prefix, rest)
            if verdict is not False:
                plan.append((Clitics(prefix, len(prefix), rest, False, ""), verdict is None))
            if verdict:
                break
        if folded.startswith("و") and len(folded) >= 4 and folded not in WAW_ROOT_WORDS:
            plan.append((Clitics("و", 1, folded[1:], False, ""), False))
    plan.append((Clitics("", 0, folded, False, ""), False))
    return tuple(plan)


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
    for split, needs_evidence in _plan(norm, folded):
        if needs_evidence and not _attested(split.base, vocabulary):
            continue
        if split.det:
            return split
        enclitic = find_enclitic(norm, split.base, vocabulary)
        return Clitics(split.pre, split.base_offset, split.base, False, enclitic) if enclitic else split
    raise AssertionError("a plan always ends with the unsplit word")


def split_without_evidence(norm: str, folded: str) -> Clitics | None:
    """The word's split when no story evidence can change it, else None (callers cache it)."""
    split, needs_evidence = _plan(norm, folded)[0]
    if needs_evidence:
        return None
    if split.det:
        return split
    options = _enclitic_options(norm, split.base)
    if not options:
        return split
    enclitic, _, needs_evidence = options[0]
    return None if needs_evidence else Clitics(split.pre, split.base_offset, split.base, False, enclitic)


def find_enclitic(norm: str, base: str, vocabulary: Container[str] = ()) -> str:
    """The enclitic pronoun at the end of `base` (folded, no article), or "".

    `norm` is the unfolded token: its last letters tell a pronoun ه from a folded ة.

    >>> find_enclitic("قواتهم", "قواتهم"), find_enclitic("كورونا", "كورونا")
    ('هم', '')
    >>> find_enclitic("بلاده", "بلاده", {"بلاد"}), find_enclitic("مدرسة", "مدرسه", {"مدرس"})
    ('ه', '')
    """
    for enclitic, stem, needs_evidence in _enclitic_options(norm, base):
        if not needs_evidence or _attested(stem, vocabulary):
            return enclitic
        # a teh marbuta becomes ت before a pronoun: حكومته has the stem حكومة (folded حكومه)
        if stem[-1] == "ت" and _attested(stem[:-1] + "ه", vocabulary):
            return enclitic
    return ""


@lru_cache(maxsize=100_000)
def _enclitic_options(norm: str, base: str) -> tuple[tuple[str, str, bool], ...]:
    """Candidate enclitics `(enclitic, stem, needs_evidence)`, best first (cached per word)."""
    if base in NOT_ENCLITIC:
        return ()
    options: list[tuple[str, str, bool]] = []
    for enclitic in ENCLITICS_BY_LENGTH:
        stem = base[: -len(enclitic)]
        if not norm.endswith(enclitic) or len(stem) < 2:
            continue
        decided = stem in SHORT_STEMS or (enclitic not in ENCLITICS_NEED_STEM and len(stem) >= 3)
        options.append((enclitic, stem, not decided))
        if decided:
            break
    return tuple(options)
