"""Pattern finders that complement the model: organisation phrases, titled persons, nationalities.

Each finder is pure (token view in, mentions out) and cheap: set lookups over folded keys,
no regex per token. They favour precision; the model supplies most of the recall.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from khabar.tag.lexicon import (
    MEDIA_HEADS,
    MILITIA_HEADS,
    NAME_ADJECTIVES,
    NAME_DESCRIPTORS,
    NATIONALITY_PLURALS,
    NATIONALITY_STEMS,
    ORG_GENERIC_MODIFIERS,
    ORG_HEADS,
    ORG_LAM_HEADS,
    ORG_NAMES,
    ORG_NEEDS_NAME,
    PER_TITLES,
    STOPWORDS,
    fold_key,
)
from khabar.tag.words import Mention, TokenView, definite_noun_before, original_offset

_MAX_ORG_WORDS = 7
_MAX_MEDIA_WORDS = 3
_ACRONYM_RE = re.compile(r"[A-Z]{2,6}")
# Latin capitals in Arabic news that are units, time zones or titles, not organisations.
_NOT_ORG_ACRONYMS = frozenset("GMT UTC TV AM PM USD EUR OK DNA GDP VIP CEO MP HD KM".split())
#: Proclitic + article: such a word continues no name ("للجلوس", "بالقول").
CLITIC_ARTICLES = ("بال", "لل", "وال", "فال", "كال", "ولل", "وبال")
_QUOTES = frozenset('"«»“”\'')
# Heads that are also ordinary nouns or verbal nouns ("تنظيم الانتخابات" = organising the
# elections): they start an ORG only before a known name or a quoted name.
_AMBIGUOUS_HEADS = frozenset(fold_key(w) for w in "تنظيم حركة قيادة اتحاد الاتحاد الأمن".split())
# Heads that take a coordinated modifier ("حزب العدالة والتنمية", "وزارة الخارجية والمغتربين").
_COORDINATING_HEADS = frozenset(fold_key(w) for w in "حزب الحزب وزارة هيئة جبهة جمعية منظمة لجنة".split())
_THOUSANDS = frozenset(fold_key(w) for w in "ألف آلاف الاف مليون ملايين".split())


@cache
def org_name_index() -> dict[str, int]:
    """Folded fixed organisation names -> word count, plus their first words (-> longest count)."""
    index: dict[str, int] = {}
    for name in ORG_NAMES:
        key = fold_key(name)
        index[key] = len(key.split())
        first = "^" + key.split()[0]
        index[first] = max(index.get(first, 0), index[key])
    return index


def _match_org_name(view: TokenView, i: int) -> tuple[int, int] | None:
    """Longest fixed organisation name at token i: (end token, proclitic key chars)."""
    index = org_name_index()
    for lead, first in view.variants[i]:
        width = index.get("^" + first)
        for n in range(min(width or 0, len(view) - i), 0, -1):
            if view.same_sentence(i, i + n - 1) and " ".join([first, *view.keys[i + 1:i + n]]) in index:
                return i + n, lead
    return None


def find_org_names(view: TokenView) -> list[Mention]:
    """Fixed organisation names ("الأمم المتحدة", "حزب الله", "فرانس برس")."""
    found, i = [], 0
    while i < len(view):
        hit = _match_org_name(view, i) if view.is_word[i] else None
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


def _is_modifier(view: TokenView, j: int, head: str, n_mods: int) -> bool:
    key = view.keys[j]
    if not view.is_word[j] or key in STOPWORDS or key in PER_TITLES:  # "للجيش الليبي المشير ..."
        return False
    if key.startswith("ال") or key.startswith("لل"):
        return True
    nxt = view.keys[j + 1] if j + 1 < len(view) and view.same_sentence(j, j + 1) else ""
    if head in ORG_LAM_HEADS and key.startswith("ل") and nxt.startswith("ال"):  # "لحقوق الانسان"
        return True
    if n_mods == 0 and not head.startswith("ال") and nxt.startswith("ال") and key.isalpha() \
            and not key.startswith(("و", "ل", "ب")):
        return True  # a construct chain after an indefinite head: "مكتب مكافحة الفساد"
    return n_mods > 0 and head in _COORDINATING_HEADS and key.startswith("وال")


def find_org_phrases(view: TokenView) -> list[Mention]:
    """Head + definite modifiers: "وزارة الداخلية العراقية", "المرصد السوري لحقوق الانسان"."""
    found = []
    for i in range(len(view.keys)):
        head_hit = head_at(view, i, ORG_HEADS) if view.is_word[i] else None
        if head_hit is not None:
            mention = _org_phrase_at(view, i, *head_hit)
            if mention is not None:
                found.append(mention)
    return found


def _org_phrase_at(view: TokenView, i: int, lead: int, head: str) -> Mention | None:
    lead_chars = original_offset(view.texts[i], lead)
    whole = _quoted_name(view, i - 1)  # 'ما يسمى "مجلس شورى مجاهدي درنة"': the quotes hold it all
    if whole and whole[0] == i:
        return Mention(i, whole[1], "ORG", "pattern", lead_chars)
    quoted = _quoted_name(view, i + 1)
    if quoted:
        return Mention(quoted[0], quoted[1], "ORG", "pattern")
    named = _match_org_name(view, i + 1) if i + 1 < len(view.keys) else None
    if named and view.same_sentence(i, named[0] - 1):
        return Mention(i, named[0], "ORG", "pattern", lead_chars)
    if head in _AMBIGUOUS_HEADS:
        return None
    j = i + 1
    while j < len(view.keys) and j - i < _MAX_ORG_WORDS and view.same_sentence(i, j) \
            and _is_modifier(view, j, head, j - i - 1):
        j += 1
    while j > i + 1 and view.keys[j - 1] in NAME_DESCRIPTORS:
        j -= 1
    mods = view.keys[i + 1:j]
    if not mods or all(m in ORG_GENERIC_MODIFIERS for m in mods):  # "جيش الاحتلال", "الجيش الوطني"
        return None
    if head.startswith("ال") and not _adjective_like(mods[0]):
        return None  # "تنظر المحكمة القضية": a definite head is followed by its adjective
    if head in ORG_NEEDS_NAME and (all(_generic(m) for m in mods) or mods[0] in ORG_HEADS):
        return None  # "القوات الجوية الروسية"; "قوات الجيش الأمريكي" (the inner head starts the name)
    return Mention(i, j, "ORG", "pattern", lead_chars)


def _adjective_like(key: str) -> bool:
    """Adjective shapes: nisba endings ("السوري", "الجنائية", "الثوري") or a known adjective."""
    return key.endswith(("ي", "يه", "يين", "يون")) or key in NAME_ADJECTIVES


def _generic(key: str) -> bool:
    """A modifier that names no one: generic words and nationality adjectives ("الروسية")."""
    return key in ORG_GENERIC_MODIFIERS or nisba_stem(key) is not None


def _quoted_name(view: TokenView, j: int) -> tuple[int, int] | None:
    """A name in quotes right after a head: تنظيم "الدولة الاسلامية" -> the quoted words."""
    if j >= len(view) or view.texts[j] not in _QUOTES:
        return None
    for k in range(j + 1, min(j + 7, len(view))):
        if view.texts[k] in _QUOTES:
            return (j + 1, k) if k > j + 1 and view.same_sentence(j, k) else None
        if not view.is_word[k]:
            return None
    return None


def find_media(view: TokenView) -> list[Mention]:
    """The name after an announcing head, which is left out: "قناة روسيا 1", "صحيفة واشنطن بوست",
    "ميليشيات الحوثي"."""
    found = []
    for i in range(len(view.keys) - 1):
        head_hit = head_at(view, i, MEDIA_HEADS) if view.is_word[i] else None
        if head_hit is None or (head_hit[1] in MILITIA_HEADS and not view.keys[i + 1].startswith("ال")):
            continue  # "ميليشيا هاجمت مدينة" is no name
        j = i + 1
        while j < len(view) and j - i <= _MAX_MEDIA_WORDS and view.same_sentence(i, j) \
                and _media_word(view, j, i):
            j += 1
        if j > i + 1:
            found.append(Mention(i + 1, j, "ORG", "pattern"))
    return found


def _media_word(view: TokenView, j: int, head: int) -> bool:
    key = view.keys[j]
    if not view.is_word[j] or key in STOPWORDS or key in NAME_DESCRIPTORS or key.startswith(CLITIC_ARTICLES):
        return False
    return not (j > head + 1 and key.startswith("ال") and nisba_stem(key))  # "... الأمريكية"


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
