"""List and pattern finders that complement the model: fixed organisation names, Latin
acronyms, named facilities, MISC names and storms, nationality nouns; plus the small helpers
the other finders share (`head_at`, `nisba_stem`, `match_org_name`).

Each finder is pure (token view in, mentions out) and cheap: set lookups over folded keys,
no regex per token. They favour precision; the model supplies most of the recall.
Organisation phrases live in `organisations.py`, titled persons in `persons.py`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from khabar.tag.lexicon import (
    CLUB_NAMES,
    FACILITY_GENERIC,
    FACILITY_HEADS,
    FEATURE_HEADS,
    MISC_NAMES,
    MONTHS,
    NATIONALITY_PLURALS,
    NATIONALITY_STEMS,
    ORG_NAMES,
    SPORT_ONLY_CLUB_NAMES,
    STOPWORDS,
    STORM_HEADS,
    fold_key,
)
from khabar.tag.words import (
    Mention,
    TokenView,
    definite_noun_before,
    longest_phrase,
    original_offset,
    phrase_widths,
)

_ACRONYM_RE = re.compile(r"[A-Z]{2,6}")
# Latin capitals in Arabic news that are units, time zones or titles, not organisations.
_NOT_ORG_ACRONYMS = frozenset("GMT UTC TV AM PM USD EUR OK DNA GDP VIP CEO MP HD KM".split())
#: Proclitic + article: such a word continues no name ("للجلوس", "بالقول").
CLITIC_ARTICLES = ("بال", "لل", "وال", "فال", "كال", "ولل", "وبال")
_MAX_FACILITY_WORDS = 4
_TOKEN_RE = re.compile(r"\w+|[^\w\s]")
_THOUSANDS = frozenset(fold_key(w) for w in "ألف آلاف الاف مليون ملايين".split())


@cache
def org_names() -> tuple[frozenset[str], dict[str, int]]:
    """Folded fixed organisation names and their first-word widths."""
    names = frozenset(fold_key(name) for name in (*ORG_NAMES, *CLUB_NAMES))
    return names, phrase_widths(names)


@cache
def sport_only_club_names() -> tuple[frozenset[str], dict[str, int]]:
    """Folded club names that are everyday words outside a sports report, and their widths."""
    names = frozenset(fold_key(name) for name in SPORT_ONLY_CLUB_NAMES)
    return names, phrase_widths(names)


def match_org_name(view: TokenView, i: int) -> tuple[int, int] | None:
    """Longest fixed organisation name at token i: (end token, proclitic key chars)."""
    hit = longest_phrase(view, i, *org_names())
    return (hit[0], hit[1]) if hit else None


def find_org_names(view: TokenView) -> list[Mention]:
    """Fixed organisation names ("الأمم المتحدة", "حزب الله", "فرانس برس")."""
    found, i = [], 0
    while i < len(view):
        hit = match_org_name(view, i) if view.is_word[i] else None
        if hit:
            found.append(Mention(i, hit[0], "ORG", "name_list", original_offset(view.texts[i], hit[1])))
            i = hit[0]
        else:
            i += 1
    return found


def head_at(view: TokenView, i: int, heads: frozenset[str]) -> tuple[int, str] | None:
    for lead, word in view.variants[i]:
        if word in heads:
            return lead, word
    return None


@cache
def nisba_stem(key: str) -> str | None:
    """The nationality stem of a nisba form: "السوريين" -> "سوري", "فلسطينيا" -> "فلسطيني"."""
    word = key[2:] if key.startswith("ال") else key
    for suffix in ("ين", "ون", "ات", "ا"):
        if word.endswith(suffix) and word[: -len(suffix)] in NATIONALITY_STEMS:
            return word[: -len(suffix)]
    return word if word in NATIONALITY_STEMS else None


def find_acronyms(view: TokenView) -> list[Mention]:
    """Latin capital acronyms in Arabic text name organisations: "CNN", "FBI", "PKK"."""
    return [Mention(i, i + 1, "ORG", "pattern") for i, text in enumerate(view.texts)
            if _ACRONYM_RE.fullmatch(text) and text not in _NOT_ORG_ACRONYMS]


def find_facilities(view: TokenView) -> list[Mention]:
    """Named facilities and geographic features, head kept (CONVENTIONS LOC): "مطار كويرس
    العسكري", "جسر 14 تموز", "جبل الحمراء", "وادي الضبوعة".

    The name is one word that is not a function word, an article-less adjective or a generic
    noun ("حقل النفط" is no name); a facility's then takes digits or a month ("14 تموز") and
    agreeing adjectives.
    """
    found = []
    for i in range(len(view.keys) - 1):
        head = head_at(view, i, FACILITY_HEADS | FEATURE_HEADS) if view.is_word[i] else None
        if head is None or not view.same_sentence(i, i + 1) or not _facility_name(view.keys[i + 1]) \
                or (head[1] in FEATURE_HEADS and view.texts[i].endswith("ى")):  # "وأدى القصف": a verb
            continue
        j = i + 2
        while head[1] in FACILITY_HEADS and j < len(view.keys) and view.same_sentence(i, j) \
                and j - i <= _MAX_FACILITY_WORDS \
                and (view.keys[j].isdigit() or view.keys[j] in MONTHS or _facility_adjective(view.keys[j])):
            j += 1
        found.append(Mention(i, j, "LOC", "pattern", original_offset(view.texts[i], head[0])))
    return found


def _facility_adjective(key: str) -> bool:
    """"العسكري", "الدولي", but not a nationality ("مطار التيفور العسكري السوري" ends before it)."""
    return key.startswith("ال") and key.endswith(("ي", "يه")) and nisba_stem(key) is None


def _facility_name(key: str) -> bool:
    if key in STOPWORDS or key in FACILITY_GENERIC or key.startswith(CLITIC_ARTICLES):
        return False
    if key.isdigit():
        return True
    return key.isalpha() and len(key) > 2 and not (not key.startswith("ال") and key.endswith(("ي", "يه")))


def find_misc_names(view: TokenView) -> list[Mention]:
    """Named diseases and crude benchmarks ("كوفيد-19", "برنت") and storms ("العاصفة دانيال")."""
    found = []
    for i in range(len(view.keys)):
        hit = longest_phrase(view, i, *misc_names()) if view.is_word[i] else None
        if hit:
            found.append(Mention(i, hit[0], "MISC", "name_list", original_offset(view.texts[i], hit[1])))
        elif head_at(view, i, STORM_HEADS) and i + 1 < len(view.keys) and view.same_sentence(i, i + 1) \
                and view.is_word[i + 1] and not view.keys[i + 1].startswith("ال") \
                and view.keys[i + 1] not in STOPWORDS:
            found.append(Mention(i + 1, i + 2, "MISC", "pattern"))
    return found


@cache
def misc_names() -> tuple[frozenset[str], dict[str, int]]:
    """Folded MISC names, tokenized like the text ("كوفيد-19" -> "كوفيد - 19")."""
    names = frozenset(" ".join(fold_key(t) for t in _TOKEN_RE.findall(n)) for n in MISC_NAMES)
    return names, phrase_widths(names)


def find_nationalities(view: TokenView, is_place: Callable[[str], bool]) -> list[Mention]:
    """Nationality nouns (MISC): "السوريين", "الغربيين", "14 فلسطينيا", "450 ألف أفغاني".

    A definite plural nisba right after a definite noun agrees with it and is an adjective
    ("اللاجئين السوريين"), so it is skipped; an indefinite one counts only after a number,
    and not when it is also a country's name ("2012 سوريا": سوري + ا).
    """
    found = []
    for i in range(len(view.keys)):
        if not view.is_word[i]:
            continue
        for lead, word in view.variants[i]:
            noun = _nationality_noun(word)
            if noun is None:
                continue
            counted = _number_before(view, i)
            if counted is not None and not word.startswith("ال") and not is_place(word):
                found.append(Mention(counted, i + 1, "MISC", "nationality"))
            elif noun == "plural" and word.startswith("ال") and not definite_noun_before(view, i):
                found.append(Mention(i, i + 1, "MISC", "nationality", original_offset(view.texts[i], lead)))
            break
    return found


@cache
def _nationality_noun(word: str) -> str | None:
    if word in NATIONALITY_PLURALS:
        return "plural"
    stem = nisba_stem(word)
    if stem is None:
        return None
    bare = word[2:] if word.startswith("ال") else word
    return "plural" if bare != stem and bare.endswith(("ين", "ون", "ات")) else "singular"


def _number_before(view: TokenView, i: int) -> int | None:
    j = i - 1
    if j >= 0 and view.keys[j] in _THOUSANDS:
        j -= 1
    if j >= 0 and view.same_sentence(i, j) and view.keys[j].replace(",", "").replace(".", "").isdigit():
        return j
    return None
