"""The tag stage's view of the normalize tokens: folded keys, proclitic variants, spans.

Finders (model decoding, gazetteer, patterns) work on token indices and folded keys; a
`Mention` is turned into an exact character span over the original text only at the end,
through `Doc.span`. A mention may start inside its first token, after a proclitic
("وبغداد" gives "بغداد"), so it carries `lead`: the original characters to skip.
"""

from __future__ import annotations

from collections.abc import Container, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from khabar.tag.lexicon import PROCLITICS, PRONOUN_SUFFIXES, STOPWORDS, fold_key

_ARTICLE = "ال"
_MIN_STEM = 2


@dataclass(slots=True)
class Mention:
    """A candidate entity: tokens [first, last), type, who found it, and how to print it."""

    first: int
    last: int
    type: str
    origin: str  # model | pattern | name_list | gazetteer | title | nationality | propagated
    lead: int = 0  # original characters of token `first` that are a proclitic, not the name
    attrs: dict[str, Any] = field(default_factory=dict)  # "key": gazetteer name to resolve


class TokenView:
    """Folded keys and offsets of a document's tokens, built once per document."""

    __slots__ = ("texts", "keys", "variants", "starts", "ends", "sents", "is_word")

    def __init__(self, tokens: list[dict[str, Any]]) -> None:
        self.texts = [t["text"] for t in tokens]
        self.keys = [_fold_token(t) for t in self.texts]
        self.variants = [proclitic_variants(k) for k in self.keys]
        self.starts = [t["start"] for t in tokens]
        self.ends = [t["end"] for t in tokens]
        self.sents = [t.get("sent", 0) for t in tokens]
        self.is_word = [any(c.isalnum() for c in t) for t in self.texts]

    def __len__(self) -> int:
        return len(self.keys)

    def reads_as(self, i: int, words: Container[str]) -> bool:
        """Token i, read with or without a proclitic, is one of `words` ("بجائزة" reads as جائزة)."""
        return any(word in words for _, word in self.variants[i])

    def same_sentence(self, i: int, j: int) -> bool:
        return 0 <= i < len(self.sents) and 0 <= j < len(self.sents) and self.sents[i] == self.sents[j]

    def char_span(self, mention: Mention) -> tuple[int, int]:
        """Original [start, end) of a mention."""
        return self.starts[mention.first] + mention.lead, self.ends[mention.last - 1]

    def stripped_key(self, mention: Mention) -> str:
        """The folded key of a mention without its proclitic ("والاردن" -> "الاردن"); a name
        after a contracted لل gets its article back ("للولايات المتحدة" -> "الولايات المتحده")."""
        text = self.texts[mention.first]
        first = fold_key(text[mention.lead:])
        if mention.lead and fold_key(text[:mention.lead]).endswith("لل"):
            first = _ARTICLE + first
        return " ".join([first, *self.keys[mention.first + 1:mention.last]])

    def sentences(self) -> list[list[int]]:
        """Token indices grouped by sentence, in order."""
        out: list[list[int]] = []
        for i, s in enumerate(self.sents):
            if not out or self.sents[out[-1][0]] != s:
                out.append([])
            out[-1].append(i)
        return out


@lru_cache(maxsize=1 << 17)
def _fold_token(text: str) -> str:
    return fold_key(text)


@lru_cache(maxsize=1 << 17)
def proclitic_variants(key: str) -> tuple[tuple[int, str], ...]:
    """Ways to read a folded token as proclitic + word: (key chars of proclitic, word key).

    The unsegmented reading comes first. For ل+ال contracted to لل the word is given back its
    article ("للجيش" -> "الجيش") but the proclitic covers both lams, as CONVENTIONS asks.

    Cached: news vocabulary is small next to the token count.

    >>> proclitic_variants("وللجيش")
    ((0, 'وللجيش'), (3, 'الجيش'), (2, 'لجيش'), (1, 'للجيش'))
    """
    out = [(0, key)]
    for pre in PROCLITICS:
        if not key.startswith(pre) or len(key) - len(pre) < _MIN_STEM:
            continue
        rest = key[len(pre):]
        if pre.endswith("لل"):
            out.append((len(pre), _ARTICLE + rest))
        elif pre.endswith(_ARTICLE):
            out.append((len(pre) - 2, _ARTICLE + rest))
        else:
            out.append((len(pre), rest))
    return tuple(dict.fromkeys(out))


def original_offset(text: str, key_chars: int) -> int:
    """Original characters of `text` that hold its first `key_chars` folded characters.

    Diacritics and tatweel are in the original but not in the key, so the two differ.

    >>> original_offset("وَبغداد", 1)
    2
    """
    if key_chars <= 0:
        return 0
    seen = 0
    for pos, ch in enumerate(text):
        if fold_key(ch) or ch.isspace():
            seen += 1
        if seen == key_chars:
            rest = pos + 1
            while rest < len(text) and not fold_key(text[rest]) and not text[rest].isspace():
                rest += 1  # a diacritic on the last proclitic letter belongs to it
            return rest
    return len(text)


def longest_phrase(view: TokenView, i: int, phrases: Container[str],
                   widths: dict[str, int]) -> tuple[int, int, str] | None:
    """The longest phrase of `phrases` that starts at token i, its first word read with or
    without a proclitic: (end token, proclitic key chars, phrase key), or None.

    `widths` maps a phrase's first word to the most words a phrase starting with it has;
    a phrase never crosses a sentence end.
    """
    sents, keys = view.sents, view.keys
    for lead, first in view.variants[i]:
        width = widths.get(first)
        if not width:
            continue
        for n in range(min(width, len(keys) - i), 1, -1):
            if sents[i + n - 1] == sents[i]:
                key = first + " " + " ".join(keys[i + 1:i + n])
                if key in phrases:
                    return i + n, lead, key
        if first in phrases:
            return i + 1, lead, first
    return None


def phrase_widths(phrases: Iterable[str]) -> dict[str, int]:
    """First word -> most words of a phrase starting with it (for `longest_phrase`)."""
    widths: dict[str, int] = {}
    for phrase in phrases:
        first, *rest = phrase.split(" ")
        widths[first] = max(widths.get(first, 0), 1 + len(rest))
    return widths


def definite_noun_before(view: TokenView, i: int) -> bool:
    """Token i follows a definite noun in its sentence, so a definite nisba there is an
    adjective agreeing with it ("اللاجئين السوريين", "الأراضي السعودية")."""
    j = i - 1
    if j < 0 or not view.same_sentence(i, j) or not view.is_word[j] or view.keys[j] in STOPWORDS:
        return False
    if len(view.keys[j]) > 4 and view.keys[j].endswith(PRONOUN_SUFFIXES):
        return True  # "نظرائها الأوروبيين": a noun with a pronoun suffix is definite
    return any(w.startswith("ال") and w not in STOPWORDS for _, w in view.variants[j])


def nisba_adjective_at(view: TokenView, i: int, nationalities: Container[str]) -> bool:
    """Token i is a feminine nisba agreeing with the noun before it, so an adjective and not the
    country it is spelled like: "الأراضي السعودية" after a definite noun; "محكمة سورية" (a
    Syrian court) after an indefinite feminine noun, but "في سورية" is the country."""
    key = view.keys[i]
    if not key.endswith("يه"):
        return False
    if key.startswith("ال"):
        return definite_noun_before(view, i)
    j = i - 1
    if j < 0 or not view.same_sentence(i, j) or key[:-1] not in nationalities:
        return False
    before = view.keys[j]
    return view.is_word[j] and before not in STOPWORDS and before.endswith("ه") and len(before) > 3 \
        and not before.startswith("ال")
