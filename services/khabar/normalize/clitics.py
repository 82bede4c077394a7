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
from collections.abc import Container, Sequence
from collections.abc import Set as AbstractSet
from typing import Any, NamedTuple

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
_PROCLITIC_LETTERS = frozenset("وفبلكس")
_ENCLITIC_RE = re.compile(f"(?:{'|'.join(ENCLITICS_BY_LENGTH)})\\Z")
_CONTRACTION_RE = re.compile("([\u0648\u0641]?)\u0644\u0644(?=..)")


class Clitics(NamedTuple):
    """The split of one token: `pre` + base, `base_offset` chars into the normalized token."""

    pre: str
    base_offset: int
    base: str
    det: bool
    enc: str


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


def _evidence(word: str) -> tuple[str, ...]:
    """Folded forms whose presence in the story attests `word`: itself, with ال, and for a stem
    ending in ت its teh-marbuta form (a teh marbuta becomes ت before a pronoun: حكومته -> حكومة)."""
    forms = (word, "ال" + word)
    return forms + (word[:-1] + "ه", "ال" + word[:-1] + "ه") if word.endswith("ت") else forms


def _proclitic_splits(norm: str, folded: str) -> list[tuple[tuple[str, ...], Clitics]]:
    """Candidate proclitic splits `(evidence, split)`, best first; () evidence: no evidence needed."""
    article = _split_article(norm, folded)
    if article is not None:
        return [((), article)]
    splits: list[tuple[tuple[str, ...], Clitics]] = []
    if folded[0] in _PROCLITIC_LETTERS and folded not in ROOT_WORDS:
        for prefix in _plain_prefixes(folded):
            rest = folded[len(prefix):]
            verdict = _judge_plain(prefix, rest)
            if verdict is not False:
                evidence = () if verdict else _evidence(rest)[:2]
                splits.append((evidence, Clitics(prefix, len(prefix), rest, False, "")))
            if verdict:
                break
        if folded.startswith("و") and len(folded) >= 4 and folded not in WAW_ROOT_WORDS:
            splits.append(((), Clitics("و", 1, folded[1:], False, "")))
    splits.append(((), Clitics("", 0, folded, False, "")))
    return splits


def _enclitics(norm: str, base: str) -> list[tuple[tuple[str, ...], str]]:
    """Candidate enclitics `(evidence, enclitic)` of a base without article, best first."""
    # no enclitic is a suffix of another, so a word ends in at most one of them
    match = _ENCLITIC_RE.search(norm)
    if match is None or base in NOT_ENCLITIC:
        return []
    enclitic = match.group()
    stem = base[: -len(enclitic)]
    if len(stem) < 2:
        return []
    if stem in SHORT_STEMS or (enclitic not in ENCLITICS_NEED_STEM and len(stem) >= 3):
        return [((), enclitic)]
    return [(_evidence(stem), enclitic)]


Choice = tuple[tuple[str, ...], tuple[str, ...], Clitics]


def clitic_choices(norm: str, folded: str) -> tuple[Choice, ...]:
    """Every possible split of the word as `(split evidence, enclitic evidence, split)`, best first.

    The chosen split is the first whose two evidence tuples are each empty or meet the story's
    vocabulary; the last choice needs none. Callers may cache per choice (core.py does).
    """
    choices: list[Choice] = []
    for split_evidence, split in _proclitic_splits(norm, folded):
        if not split.det:
            for enclitic_evidence, enclitic in _enclitics(norm, split.base):
                with_enclitic = Clitics(split.pre, split.base_offset, split.base, False, enclitic)
                choices.append((split_evidence, enclitic_evidence, with_enclitic))
        choices.append((split_evidence, (), split))
    return tuple(choices)


def choose(choices: Sequence[tuple[tuple[str, ...], tuple[str, ...], Any]],
           vocabulary: AbstractSet[str]) -> int:
    """Index of the first choice whose evidence the story's vocabulary meets."""
    for index, (split_evidence, enclitic_evidence, _) in enumerate(choices):
        # isdisjoint is the set test `any(w in vocabulary ...)` without a Python-level loop
        if (not split_evidence or not vocabulary.isdisjoint(split_evidence)) and \
                (not enclitic_evidence or not vocabulary.isdisjoint(enclitic_evidence)):
            return index
    raise AssertionError("the last choice needs no evidence")


def split_clitics(norm: str, folded: str, vocabulary: AbstractSet[str] = frozenset()) -> Clitics:
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
    choices = clitic_choices(norm, folded)
    return choices[choose(choices, vocabulary)][2]


def find_enclitic(norm: str, base: str, vocabulary: Container[str] = ()) -> str:
    """The enclitic pronoun at the end of `base` (folded, no article), or "".

    `norm` is the unfolded token: its last letters tell a pronoun ه from a folded ة.

    >>> find_enclitic("قواتهم", "قواتهم"), find_enclitic("كورونا", "كورونا")
    ('هم', '')
    >>> find_enclitic("بلاده", "بلاده", {"بلاد"}), find_enclitic("مدرسة", "مدرسه", {"مدرس"})
    ('ه', '')
    """
    for evidence, enclitic in _enclitics(norm, base):
        if not evidence or any(w in vocabulary for w in evidence):
            return enclitic
    return ""
