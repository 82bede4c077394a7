"""Organisation phrases: a head and its modifiers ("وزارة الداخلية العراقية"), quoted names
after a head (تنظيم "الدولة الاسلامية"), and names after an announcing head ("قناة روسيا 1").

Arabic builds these names as a construct (idafa) chain plus agreeing adjectives. An indefinite
head takes one genitive ("مجلس الأمن", "مكتب مكافحة الفساد") and then adjectives ("الدولي");
a definite head takes adjectives only ("الجيش السوري الحر"), since a definite noun after a
definite head starts a new phrase ("تنظر المحكمة القضية" is verb, subject, object). Bodies
take a ل complement ("المرصد السوري لحقوق الانسان").
"""

from __future__ import annotations

from khabar.tag.lexicon import (
    MEDIA_HEADS,
    MILITIA_HEADS,
    NAME_ADJECTIVES,
    NAME_DESCRIPTORS,
    NISBA_SHAPED_NOUNS,
    ORG_GENERIC_MODIFIERS,
    ORG_HEADS,
    ORG_LAM_HEADS,
    ORG_NEEDS_NAME,
    PER_TITLES,
    STOPWORDS,
    fold_key,
)
from khabar.tag.rules import CLITIC_ARTICLES, head_at, match_org_name, nisba_stem
from khabar.tag.words import Mention, TokenView, original_offset

_MAX_ORG_WORDS = 7
_MAX_MEDIA_WORDS = 3
_MAX_QUOTED_WORDS = 5
_QUOTES = frozenset('"«»“”\'')
# Heads that are also ordinary nouns or verbal nouns ("تنظيم الانتخابات" = organising the
# elections): they start an ORG only before a known name or a quoted name.
_AMBIGUOUS_HEADS = frozenset(fold_key(w) for w in "تنظيم حركة قيادة اتحاد الاتحاد الأمن جبهة الجبهة".split())
# Heads that take a coordinated modifier ("حزب العدالة والتنمية", "وزارة الخارجية والمغتربين").
_COORDINATING_HEADS = frozenset(fold_key(w) for w in "حزب الحزب وزارة هيئة جبهة جمعية منظمة لجنة".split())
_PRONOUN_ENDINGS = ("ه", "ها", "هم", "هما", "نا", "كم")
_OPERATIONS_HEADS = frozenset(fold_key(w) for w in "قيادة غرفة".split())
_DASHES = frozenset("-–—")
_BRANCH_WORDS = frozenset(fold_key(w) for w in "ولاية فرع جناح".split())


def find_org_phrases(view: TokenView) -> list[Mention]:
    """Head + modifiers: "وزارة الداخلية العراقية", "المرصد السوري لحقوق الانسان"; a branch
    after a dash belongs to the name ("تنظيم الدولة الإسلامية - ولاية خراسان")."""
    found = []
    for i in range(len(view.keys)):
        head_hit = head_at(view, i, ORG_HEADS) if view.is_word[i] else None
        if head_hit is not None:
            mention = _org_phrase_at(view, i, *head_hit)
            if mention is not None:
                mention.last = _branch_end(view, mention.last)
                found.append(mention)
    return found


def _branch_end(view: TokenView, end: int) -> int:
    """Extend over " - ولاية X" (a branch of the organisation), else keep `end`."""
    if end + 2 < len(view.keys) and view.texts[end] in _DASHES and view.keys[end + 1] in _BRANCH_WORDS \
            and view.is_word[end + 2] and view.same_sentence(end, end + 2):
        return end + 3
    return end


def _org_phrase_at(view: TokenView, i: int, lead: int, head: str) -> Mention | None:
    lead_chars = original_offset(view.texts[i], lead)
    whole = _quoted_name(view, i - 1)  # 'ما يسمى "مجلس شورى مجاهدي درنة"': the quotes hold it all
    if whole and whole[0] == i and not _generic_description(view, i, whole[1]) \
            and not any(_verb_shaped(k) for k in view.keys[i + 1:whole[1]]):
        return Mention(i, whole[1], "ORG", "pattern", lead_chars)
    quoted = _quoted_name(view, i + 1)
    if quoted:
        return Mention(quoted[0], quoted[1], "ORG", "pattern")
    named = match_org_name(view, i + 1) if i + 1 < len(view.keys) else None
    if named and view.same_sentence(i, named[0] - 1):
        return Mention(i, named[0], "ORG", "pattern", lead_chars)
    if head in _OPERATIONS_HEADS and view.keys[i + 1:i + 2] == ["عمليات"] and i + 2 < len(view.keys):
        return Mention(i, i + 3, "ORG", "pattern", lead_chars)  # "قيادة عمليات بغداد"
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
    if head in ORG_NEEDS_NAME and (all(_generic(m) for m in mods) or mods[0] in ORG_HEADS):
        return None  # "القوات الجوية الروسية"; "قوات الجيش الأمريكي" (the inner head starts the name)
    return Mention(i, j, "ORG", "pattern", lead_chars)


def _is_modifier(view: TokenView, j: int, head: str, n_mods: int) -> bool:
    """Does token j continue the name that `head` opened, after `n_mods` modifiers?"""
    key = view.keys[j]
    if not view.is_word[j] or key in STOPWORDS or key in PER_TITLES:  # "للجيش الليبي المشير ..."
        return False
    nxt = view.keys[j + 1] if j + 1 < len(view.keys) and view.same_sentence(j, j + 1) else ""
    if head in ORG_LAM_HEADS:
        if _lam_word(key) and (key.startswith("لل") or nxt.startswith("ال")):
            return True  # "لحقوق الانسان", "للصليب الأحمر"
        if n_mods and _lam_word(view.keys[j - 1]) and key.startswith("ال"):
            return True  # the genitive after it
    if _adjective_like(key):
        # a definite feminine head takes a feminine adjective: "الشرطة المالكي" is the police
        # and a man's name, not one body
        return not (n_mods == 0 and head.startswith("ال") and head.endswith("ه") and key.endswith("ي"))
    if n_mods == 1 and not head.startswith("ال") and not view.keys[j - 1].startswith("ال"):
        return key.startswith("ال")  # the genitive that closes a construct chain: "مكافحة الفساد"
    if n_mods == 0 and not head.startswith("ال"):
        if key.startswith("ال"):
            return True  # the genitive of an indefinite head: "مجلس الأمن"
        # a construct chain: "مكتب مكافحة الفساد"
        return nxt.startswith("ال") and key.isalpha() and not key.startswith(("و", "ل", "ب"))
    return n_mods == 1 and head in _COORDINATING_HEADS and key.startswith("وال")  # "العدالة والتنمية"


def _lam_word(key: str) -> bool:
    return key.startswith("ل") and not key.startswith("ال")


def _adjective_like(key: str) -> bool:
    """Definite adjective shapes: nisba endings ("السوري", "الجنائية") or a known adjective."""
    if not key.startswith("ال") or key in NISBA_SHAPED_NOUNS:
        return False
    return key.endswith(("ي", "يه", "يين", "يون")) or key in NAME_ADJECTIVES


def _generic(key: str) -> bool:
    """A modifier that names no one: generic words and nationality adjectives ("الروسية")."""
    return key in ORG_GENERIC_MODIFIERS or nisba_stem(key) is not None


def _generic_description(view: TokenView, i: int, end: int) -> bool:
    """A quoted head + one indefinite adjective describes, it does not name: "منظمة إرهابية"."""
    return end - i == 2 and not view.keys[i + 1].startswith("ال") and view.keys[i + 1].endswith(("ي", "يه"))


def _quoted_name(view: TokenView, j: int) -> tuple[int, int] | None:
    """Words inside quotes that open at token j: a short run of name-like words, else None."""
    if not 0 <= j < len(view.keys) or view.texts[j] not in _QUOTES or _closes_a_quote(view, j):
        return None
    for k in range(j + 1, min(j + 2 + _MAX_QUOTED_WORDS, len(view.keys))):
        if view.texts[k] in _QUOTES:
            return (j + 1, k) if k > j + 1 and view.same_sentence(j, k) else None
        key = view.keys[k]
        if not view.is_word[k] or key in STOPWORDS or (k == j + 1 and _verbal(key)):
            return None  # a quoted phrase or clause, not a name ("لتعطيله", "سنرد في الوقت")
    return None


def _verbal(key: str) -> bool:
    """A word that reads as a verb or a verbal noun with a pronoun ("لتعطيله", "سنرد")."""
    return key.endswith(_PRONOUN_ENDINGS) or key.startswith("لت") or _verb_shaped(key)


def _verb_shaped(key: str) -> bool:
    """Future and plural imperfect verb shapes: "سنرد", "سيعلن", "يرفضون"."""
    if key.startswith(("سن", "سي", "ست")):
        return True
    return key.startswith(("ي", "ت")) and key.endswith(("ون", "ان", "وا"))


def _closes_a_quote(view: TokenView, j: int) -> bool:
    """An odd number of straight quotes before token j in its sentence: j closes one."""
    k, count = j - 1, 0
    while k >= 0 and view.same_sentence(j, k):
        count += view.texts[k] == '"'
        k -= 1
    return view.texts[j] == '"' and count % 2 == 1


def find_media(view: TokenView) -> list[Mention]:
    """The name after an announcing head, which is left out: "قناة روسيا 1", "صحيفة واشنطن بوست",
    "ميليشيات الحوثي". A known name ends it ("صحيفة نيويورك تايمز عادت ...")."""
    found = []
    for i in range(len(view.keys) - 1):
        head_hit = head_at(view, i, MEDIA_HEADS) if view.is_word[i] else None
        if head_hit is None or (head_hit[1] in MILITIA_HEADS and not view.keys[i + 1].startswith("ال")):
            continue  # "ميليشيا هاجمت مدينة" is no name
        named = match_org_name(view, i + 1)
        j = i + 1
        while j < len(view.keys) and j - i <= _MAX_MEDIA_WORDS and view.same_sentence(i, j) \
                and _media_word(view, j, i):
            j += 1
        end = named[0] if named and named[1] == 0 else j
        if end > i + 1:
            found.append(Mention(i + 1, end, "ORG", "pattern"))
    return found


def _media_word(view: TokenView, j: int, head: int) -> bool:
    key = view.keys[j]
    if view.keys[head] in MILITIA_HEADS or head_at(view, head, MILITIA_HEADS):
        # "ميليشيات الحوثي الإيرانية" -> "الحوثي": one definite word; a nisba after it is an adjective
        return key.startswith("ال") and key not in STOPWORDS and (j == head + 1 or not _adjective_like(key))
    if not view.is_word[j] or key in STOPWORDS or key in NAME_DESCRIPTORS or key.startswith(CLITIC_ARTICLES):
        return False
    if j > head + 1 and (key.startswith(("و", "ف")) or _adjective_like(key)):
        return False  # "مونتي كارلو وشبكة", "قناة السويس فهاجمته", "صحيفة الغد الأردنية"
    return not (j == head + 1 and key.endswith(("ي", "يه")) and not key.startswith("ال"))  # "شبكة افتراضية"
