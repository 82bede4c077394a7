"""Titled persons: the name after a title phrase ("الرئيس السوري بشار الاسد").

Without a model this finds persons on its own; with one, `core` keeps a titled name only
where it restores the start of a person the model found ("محمد بن سلمان" for "بن سلمان").
"""

from __future__ import annotations

from collections.abc import Callable

from khabar.tag.lexicon import CURRENCIES, NAME_CONNECTORS, PER_TITLES, STOPWORDS, TITLE_LINKS
from khabar.tag.rules import CLITIC_ARTICLES, head_at, nisba_stem
from khabar.tag.words import Mention, TokenView, proclitic_variants

_MAX_NAME_WORDS = 2
_MAX_TITLE_WORDS = 6
_VERB_PREFIXES = ("سي", "ست", "سن", "يست", "تست", "ينت", "يت")
_NAME_ENDINGS_NOT = ("ها", "هم", "نا", "كم", "هما", "وا")


def find_titled_persons(view: TokenView, is_name: Callable[[str], bool]) -> list[Mention]:
    """Names after a title phrase: "الرئيس السوري بشار الاسد", "نظيره الاميركي جون كيري".

    The title phrase may hold definite modifiers, links ("باسم", "لدى") and known places or
    organisations ("وزير خارجية قطر، ..." gives no name). The name is two words (plus joiners
    such as "بن"), or one when a pause follows it.
    """
    found = []
    for i in range(len(view.keys)):
        if not view.is_word[i] or head_at(view, i, PER_TITLES) is None:
            continue
        j = i + 1
        while j < len(view) and j - i <= _MAX_TITLE_WORDS and view.same_sentence(i, j) and view.is_word[j] \
                and _title_word(view.keys[j], is_name):
            j += 1
        end = _name_end(view, j, is_name)
        if end > j:
            found.append(Mention(j, end, "PER", "title"))
    return found


def _title_word(key: str, is_name: Callable[[str], bool]) -> bool:
    if key in TITLE_LINKS or is_name(key) or key in PER_TITLES:
        return True
    return key.startswith("ال") and key not in STOPWORDS


def _name_end(view: TokenView, j: int, is_name: Callable[[str], bool]) -> int:
    """End of the person name that starts at token j (j itself when there is none)."""
    k, words = j, 0
    while k < len(view) and view.same_sentence(j, k) and words < _MAX_NAME_WORDS:
        key = view.keys[k]
        if key in NAME_CONNECTORS and words:
            k += 1
            continue
        if not _name_word(key, is_name, first=words == 0):
            break
        k, words = k + 1, words + 1
    while k > j and view.keys[k - 1] in NAME_CONNECTORS:
        k -= 1
    return k if words == 2 or (words and _pause_at(view, k, j)) else j


def _pause_at(view: TokenView, k: int, j: int) -> bool:
    """Token k ends the phrase that started at j: end of text or sentence, punctuation, a function word."""
    return k >= len(view) or not view.is_word[k] or view.keys[k] in STOPWORDS or not view.same_sentence(j, k)




def _name_word(key: str, is_name: Callable[[str], bool], first: bool) -> bool:
    """Could this folded word be part of a person's name? Rejects function words, clitic +
    article forms, known places and organisations, future/derived verb shapes and pronoun
    suffixes."""
    if not key.isalpha() or len(key) < 2 or key in STOPWORDS or key in PER_TITLES \
            or key in TITLE_LINKS or key in CURRENCIES or key.startswith(CLITIC_ARTICLES) \
            or key.startswith(_VERB_PREFIXES) or key.endswith(_NAME_ENDINGS_NOT):
        return False
    if any(is_name(word) for _, word in proclitic_variants(key)):  # "لزيمبابوي"
        return False
    if nisba_stem(key) is not None:
        return False
    if key.startswith("ال"):
        return not first
    return not (key.startswith("و") and len(key) > 3)
